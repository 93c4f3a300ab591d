/**
 * The `fetch` the Slack clients use (Bolt's `respond()` and the Web API client), on undici's `request`.
 *
 * Node's global `fetch` registers every request and response body in a FinalizationRegistry, and V8's
 * young-generation collector treats those registrations as strong: each answer's whole request graph
 * (streams, headers, the posted JSON) outlives the GCs that would have freed it and is promoted to the
 * old space. In `npm run load` that was ~18 KB of garbage per answer, ~400 MB of old space for
 * 20,000 answers, and an RSS that did not come back down afterwards. `request` has no such registry.
 *
 * It implements the part of fetch the Slack clients use (`FetchFunction` of @slack/web-api): method,
 * headers, a string body, the redirect modes, an abort signal; the response's status, headers, text,
 * json and bytes. A FormData body (file uploads, which this bot never makes) goes to the global fetch.
 */
import type { FetchFunction } from '@slack/web-api';
import { STATUS_CODES } from 'node:http';
import { request } from 'undici';

type FetchResponse = Awaited<ReturnType<FetchFunction>>;

/** Redirects followed, at most, as fetch does by default. */
const MAX_REDIRECTS = 20;

export const leanFetch: FetchFunction = async (url, init = {}) => {
  if (typeof init.body !== 'string' && init.body !== undefined) return globalThis.fetch(url, init as RequestInit);
  let target = String(url);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body;
  for (let redirects = 0; ; redirects += 1) {
    const response = await request(target, {
      method: method as 'GET',
      ...(init.headers ? { headers: init.headers } : {}),
      ...(body !== undefined ? { body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const location = response.headers.location;
    const redirect = init.redirect ?? 'follow';
    if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string' && redirect !== 'manual') {
      await response.body.dump();
      // As fetch does: a redirect is an error in "error" mode, and after 20 redirects.
      if (redirect === 'error' || redirects >= MAX_REDIRECTS) throw new TypeError('fetch failed', { cause: new Error(`redirect to ${location} (redirect: ${redirect})`) });
      target = new URL(location, target).toString();
      // As fetch does: a 303, or a 301/302 after a POST, is followed with a GET and no body.
      if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    const bytes = Buffer.from(await response.body.arrayBuffer());
    return leanResponse(target, response.statusCode, response.headers, bytes);
  }
};

function leanResponse(url: string, status: number, raw: Record<string, string | string[] | undefined>, bytes: Buffer): FetchResponse {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: STATUS_CODES[status] ?? '',
    url,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null, entries: () => headers.entries() },
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    text: async () => bytes.toString('utf8'),
    json: async () => JSON.parse(bytes.toString('utf8')) as unknown,
  };
}
