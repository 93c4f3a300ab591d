import { beforeAll, describe, expect, it } from 'vitest';
import { bibtexEntry, bibtexEscape } from '../../src/cite/bibtex.js';
import { chicagoCitation, splitAuthors, type CiteSource } from '../../src/cite/chicago.js';
import { citeReply, sentencesOf } from '../../src/cite/reply.js';
import { commands } from '../../src/commands/index.js';
import { runCommand } from '../../src/commands/run.js';
import { loadCore, type Core } from '../../src/core.js';
import type { DocumentMeta } from '../../src/corpus/types.js';
import { BackchannelError } from '../../src/errors.js';
import { ANSI, renderTerminal } from '../../adapters/terminal/render.js';
import { renderReply as renderDiscord } from '../../adapters/discord/render.js';
import { renderReply as renderSlack } from '../../adapters/slack/render.js';

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const ACCESSED = new Date('2026-12-04T21:00:00Z');
const metaOf = (id: string): DocumentMeta => core.corpus.documentById.get(id)!.meta;
const at = (id: string, paragraph = 14, extra: Partial<DocumentMeta> = {}, comment: string | null = null): CiteSource => ({
  meta: { ...metaOf(id), ...extra },
  passage: { paragraph, comment: comment ? { author: comment } : null },
  accessed: ACCESSED,
});

describe('Chicago notes-bibliography citations', () => {
  describe('for each kind of document in the bundled corpus', () => {
    it('cites a web article by title, site and date, with the paragraph, the accessed date and the URL', () => {
      const cited = chicagoCitation(at('jfkfacts-secret-talks', 14, { url: 'https://jfkfacts.org/nov-5-1963-jfk-considers-secret-talks-with-castro/' }));
      expect(cited.note).toBe(
        '“Nov. 5, 1963: JFK considers secret talks with Castro,” JFK Facts, November 5, 1963, par. 14, accessed December 4, 2026, https://jfkfacts.org/nov-5-1963-jfk-considers-secret-talks-with-castro/.',
      );
      expect(cited.bibliography).toBe(
        '“Nov. 5, 1963: JFK considers secret talks with Castro.” JFK Facts, November 5, 1963. Accessed December 4, 2026. https://jfkfacts.org/nov-5-1963-jfk-considers-secret-talks-with-castro/.',
      );
    });

    it('cites a reader comment as a comment on the article, by its author', () => {
      const cited = chicagoCitation(at('jfkfacts-secret-talks', 30, {}, 'Jim Smith'));
      expect(cited.note).toBe('Jim Smith, comment on “Nov. 5, 1963: JFK considers secret talks with Castro,” JFK Facts, November 5, 1963, par. 30, accessed December 4, 2026.');
      expect(cited.bibliography).toBe('Jim Smith. Comment on “Nov. 5, 1963: JFK considers secret talks with Castro.” JFK Facts, November 5, 1963. Accessed December 4, 2026.');
    });

    it('cites a book description under the book’s two authors, undated as n.d., the first author inverted in the bibliography', () => {
      const cited = chicagoCitation(at('back-channel-description', 3));
      expect(cited.note).toBe(
        'William M. LeoGrande and Peter Kornbluh, Back Channel to Cuba: The Hidden History of Negotiations between Washington and Havana, book description, n.d., par. 3, accessed December 4, 2026.',
      );
      expect(cited.bibliography).toBe(
        'LeoGrande, William M., and Peter Kornbluh. Back Channel to Cuba: The Hidden History of Negotiations between Washington and Havana. Book description, n.d. Accessed December 4, 2026.',
      );
    });

    it('sets the book’s title in italics, and only that', () => {
      const cited = chicagoCitation(at('back-channel-description', 3));
      const title = 'Back Channel to Cuba: The Hidden History of Negotiations between Washington and Havana';
      expect(cited.noteRuns).toEqual([{ text: 'William M. LeoGrande and Peter Kornbluh, ' }, { text: title, italic: true }, { text: ', book description, n.d., par. 3, accessed December 4, 2026.' }]);
      expect(cited.bibliographyRuns.filter((r) => r.italic)).toEqual([{ text: title, italic: true }]);
      expect(chicagoCitation(at('jfkfacts-secret-talks')).noteRuns.some((r) => r.italic)).toBe(false);
    });

    it('renders the italics on each platform: *…* on Discord, _…_ on Slack, ANSI italics in a terminal, plain when piped', () => {
      const reply = citeReply(core.corpus, { id: 'back-channel-description#p3', format: 'chicago', accessed: ACCESSED });
      const title = 'Back Channel to Cuba: The Hidden History of Negotiations between Washington and Havana';
      expect(renderDiscord(reply).embeds[0]!.description).toContain(`**Note**: William M. LeoGrande and Peter Kornbluh, *${title}*, book description, n.d., par. 2,`);
      expect(JSON.stringify(renderSlack(reply).blocks).replaceAll('\u200b', '')).toContain(`*Note*: William M. LeoGrande and Peter Kornbluh, _${title}_, book description`);
      expect(renderTerminal(reply, ANSI)).toContain(`\x1b[3m${title}\x1b[23m, book description`);
      expect(renderTerminal(reply)).toContain(`Peter Kornbluh, ${title}, book description`);
    });

    it('cites a book summary by its author, its title in quotation marks', () => {
      const cited = chicagoCitation(at('back-channel-summary', 4));
      expect(cited.note).toBe('Arturo Miller, “Back Channel to Cuba Summary,” book summary, n.d., par. 4, accessed December 4, 2026.');
      expect(cited.bibliography).toBe('Miller, Arturo. “Back Channel to Cuba Summary.” Book summary, n.d. Accessed December 4, 2026.');
    });

    it('cites a letter by its writer and date, then the archive that publishes it', () => {
      const cited = chicagoCitation(at('kennedy-khrushchev-1961-04-18', 2, { url: 'https://www.marxists.org/history/usa/presidents/kennedy/1961/04/18.htm' }));
      expect(cited.note).toBe(
        'John F. Kennedy, “Kennedy to Khrushchev: The U.S. will not invade Cuba,” letter, April 18, 1961, Kennedy History Archive (marxists.org), par. 2, accessed December 4, 2026, https://www.marxists.org/history/usa/presidents/kennedy/1961/04/18.htm.',
      );
      expect(cited.bibliography).toBe(
        'Kennedy, John F. “Kennedy to Khrushchev: The U.S. will not invade Cuba.” Letter, April 18, 1961. Kennedy History Archive (marxists.org). Accessed December 4, 2026. https://www.marxists.org/history/usa/presidents/kennedy/1961/04/18.htm.',
      );
    });

    it('cites an anonymous cable digest by its title', () => {
      const cited = chicagoCitation(at('canadian-cables-1962-11-07', 2));
      expect(cited.note).toBe('“Canadian diplomatic cables, November 7, 1962,” cable digest, November 7, 1962, par. 2, accessed December 4, 2026.');
      expect(cited.bibliography).toBe('“Canadian diplomatic cables, November 7, 1962.” Cable digest, November 7, 1962. Accessed December 4, 2026.');
    });
  });

  describe('for documents added later', () => {
    const added = (extra: Partial<DocumentMeta>): CiteSource => ({
      meta: { title: 'Memorandum for the record', kind: 'record', author: null, publisher: 'Central Intelligence Agency', date: { iso: '1963-11', precision: 'month' }, ...extra },
      passage: { paragraph: 5, page: 2, comment: null },
      accessed: ACCESSED,
    });

    it('cites a paged record with its page and paragraph, after its date and publisher', () => {
      expect(chicagoCitation(added({})).note).toBe('“Memorandum for the record,” record, November 1963, Central Intelligence Agency, p. 2, par. 5, accessed December 4, 2026.');
      expect(chicagoCitation(added({})).bibliography).toBe('“Memorandum for the record.” Record, November 1963. Central Intelligence Agency. Accessed December 4, 2026.');
    });

    it('lists three authors as Chicago does, and keeps a title’s own question mark', () => {
      const cited = chicagoCitation(added({ title: 'Who spoke first?', kind: 'note', author: 'Ann Lee, Bo Ray and Cy Day', publisher: null }));
      expect(cited.note).toBe('Ann Lee, Bo Ray, and Cy Day, “Who spoke first?” note, November 1963, p. 2, par. 5, accessed December 4, 2026.');
      expect(cited.bibliography).toBe('Lee, Ann, Bo Ray, and Cy Day. “Who spoke first?” Note, November 1963. Accessed December 4, 2026.');
    });

    it('splits author lists written with "and", "&" and commas', () => {
      expect(splitAuthors('William M. LeoGrande & Peter Kornbluh')).toEqual(['William M. LeoGrande', 'Peter Kornbluh']);
      expect(splitAuthors('A. One, B. Two, and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
    });
  });
});

describe('BibTeX entries', () => {
  it('writes a @misc entry with the title’s capitals kept, the URL, the accessed date and the paragraph', () => {
    expect(bibtexEntry(at('kennedy-khrushchev-1961-04-18', 2, { url: 'https://www.marxists.org/k.htm' }), 'kennedy-khrushchev-1961-04-18')).toBe(
      [
        '@misc{kennedy-khrushchev-1961-04-18-p2,',
        '  author       = {John F. Kennedy},',
        '  title        = {{Kennedy to Khrushchev: The U.S. will not invade Cuba}},',
        '  howpublished = {Kennedy History Archive (marxists.org)},',
        '  year         = {1961},',
        '  month        = apr,',
        '  url          = {https://www.marxists.org/k.htm},',
        '  urldate      = {2026-12-04},',
        '  note         = {Presidential letter, April 18, 1961, paragraph 2; accessed December 4, 2026},',
        '}',
      ].join('\n'),
    );
  });

  it('escapes what LaTeX would read as commands', () => {
    expect(bibtexEscape('50% & $5 #1 a_b {x}')).toBe('50\\% \\& \\$5 \\#1 a\\_b \\{x\\}');
  });
});

describe('/cite', () => {
  const cite = commands.get('cite')!;

  it('quotes the chosen sentence verbatim with its citation, after the note and the bibliography entry', () => {
    const reply = citeReply(core.corpus, { id: 'jfkfacts-secret-talks#p12', sentence: 1, format: 'chicago', accessed: ACCESSED });
    expect(renderTerminal(reply)).toBe(
      [
        '**Cite: Nov. 5, 1963: JFK considers secret talks with Castro**',
        '**Note**: “Nov. 5, 1963: JFK considers secret talks with Castro,” JFK Facts, November 5, 1963, par. 14, accessed December 4, 2026.',
        '**Bibliography**: “Nov. 5, 1963: JFK considers secret talks with Castro.” JFK Facts, November 5, 1963. Accessed December 4, 2026.',
        '> Castro also appeared interested. [1]',
        'Sources\n[1] Nov. 5, 1963: JFK considers secret talks with Castro (article, November 5, 1963, ¶ 14) — jfkfacts-secret-talks#p12',
      ].join('\n\n'),
    );
  });

  it('quotes the whole passage when no sentence is given, and a span of sentences when asked', () => {
    const passage = core.corpus.passageById.get('jfkfacts-secret-talks#p12')!;
    const whole = citeReply(core.corpus, { id: 'JFKFACTS-SECRET-TALKS#P12', format: 'chicago', accessed: ACCESSED });
    expect((whole.data as { quote: string }).quote).toBe(passage.text);
    const span = citeReply(core.corpus, { id: passage.id, sentence: 1, through: 2, format: 'chicago', accessed: ACCESSED });
    expect((span.data as { quote: string }).quote).toBe(passage.text.slice(passage.sentences[0]![0], passage.sentences[1]![1]));
  });

  it('gives BibTeX when asked', async () => {
    const reply = await runCommand(cite, { id: 'kennedy-khrushchev-1961-04-18#p2', format: 'bibtex' }, core);
    expect(renderTerminal(reply)).toContain('@misc{kennedy-khrushchev-1961-04-18-p');
  });

  const attempt = async (input: Record<string, unknown> | string): Promise<BackchannelError> => {
    try {
      await runCommand(cite, typeof input === 'string' ? { id: input } : input, core);
    } catch (error) {
      return error as BackchannelError;
    }
    throw new Error('no error');
  };

  it('says clearly that an unknown passage is not in the corpus, naming the nearest ids', async () => {
    expect((await attempt('nonsense')).userMessage).toBe('There is no passage "nonsense" in the corpus. Passage ids look like jfkfacts-secret-talks#p3, as each citation shows them.');
    expect((await attempt('jfkfacts-secret-talk#p12')).userMessage).toContain('Nearest: jfkfacts-secret-talks#p12');
    expect((await attempt('x'.repeat(500))).code).toBe('BAD_INPUT');
    expect((await attempt('jfkfacts-secret-talks#p12 sentence')).code).toBe('NOT_FOUND');
  });

  it('refuses a sentence the passage does not have, and bad numbers, with the reason', async () => {
    expect((await attempt({ id: 'jfkfacts-secret-talks#p12', sentence: '99' })).userMessage).toMatch(/^Passage jfkfacts-secret-talks#p12 has \d+ sentences; there is no sentence 99 in it\.$/);
    expect((await attempt({ id: 'jfkfacts-secret-talks#p12', sentence: 'two' })).userMessage).toMatch(/^That input to \/cite could not be used — sentence: /);
    expect((await attempt({ id: 'jfkfacts-secret-talks#p12', format: 'mla' })).userMessage).toMatch(/format: /);
  });

  it('reads the sentences a quote covers, as the Cite button carries them', () => {
    const passage = { sentences: [[0, 10], [11, 30], [31, 50]] as Array<[number, number]> };
    expect(sentencesOf(passage, 11, 30)).toEqual({ sentence: 2, through: 2 });
    expect(sentencesOf(passage, 0, 50)).toEqual({ sentence: 1, through: 3 });
  });

  it('puts a Cite button on every answer, for the top quote, which /cite then cites', async () => {
    const answer = await runCommand(commands.get('ask')!, { question: 'who was Lisa Howard' }, core);
    const button = answer.actions.find((a) => a.id === 'cite')!;
    expect(button).toMatchObject({ label: 'Cite', command: 'cite', private: true });
    const cited = await runCommand(cite, button.args, core);
    const top = (answer.data as { results: Array<{ quote: string; passageId: string }> }).results[0]!;
    expect(button.args['id']).toBe(top.passageId);
    expect((cited.data as { quote: string }).quote).toContain(top.quote);
  });
});
