/** Small documents in each format, written as a study group member might save them. */

/** A saved news article: site chrome around an <article>, a title, author and date in <head>. */
export const ARTICLE_HTML = `<!doctype html>
<html><head>
  <title>The Attwood Channel | Cold War Notes</title>
  <meta name="author" content="Jane Roe">
  <meta property="article:published_time" content="2019-03-04T10:00:00Z">
  <script>window.tracker = "SCRIPT TEXT";</script><style>p { color: red }</style>
</head><body>
  <header><div class="logo">Cold War Notes</div><nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav></header>
  <main><article>
    <h1>The Attwood <em>Channel</em></h1>
    <p>In September 1963 William Attwood met the Cuban ambassador <a href="https://example.org/lechuga">Carlos Lechuga</a> at a party in New York &amp; they spoke of talks.</p>
    <h2>Kennedy approves</h2>
    <p>On November 5, 1963 Kennedy approved a secret meeting with Castro's aide René Vallejo, the tape shows.</p>
    <ul><li>Attwood was to fly to Havana by way of Mexico.</li><li>Castro would send a plane for the envoy.</li></ul>
    <img src="castro.jpg" alt="A photo of Castro in 1959">
    <form><label>Email</label><input name="email"><button>Subscribe to the newsletter</button></form>
  </article></main>
  <aside>Related posts: The missile crisis</aside>
  <footer>Copyright 2019 Cold War Notes</footer>
  <script>alert("more script")</script>
</body></html>`;

/** A member's notes, with YAML front matter. */
export const NOTES_MD = `---
title: Study notes on the back channel
author: Study group
date: 1963-11
---
# Notes on the Attwood initiative

The *back channel* ran through [Lisa Howard](https://example.org/howard), an ABC reporter,
who carried messages between Attwood and Vallejo.

## Open questions

- Did Kennedy tell Rusk about the **Vallejo** contacts?
- Who in Havana knew of the plan?

\`\`\`
code is left out
\`\`\`
`;
