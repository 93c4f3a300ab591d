import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leanFetch } from '../../../adapters/slack/lean-fetch.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A server on 127.0.0.1 that records what it receives and answers by path. */
let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      seen.push({ method: req.method ?? '', url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (url === '/json') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'chat:write,commands' });
        res.end(JSON.stringify({ ok: true, echo: Buffer.concat(chunks).toString('utf8') }));
      } else if (url === '/gone') {
        res.writeHead(410, { 'content-type': 'text/plain' }).end('used_url');
      } else if (url === '/found') {
        res.writeHead(302, { location: '/json' }).end();
      } else if (url === '/temporary') {
        res.writeHead(307, { location: `${base}/json` }).end();
      } else if (url === '/loop') {
        res.writeHead(302, { location: '/loop' }).end();
      } else if (url === '/slow') {
        setTimeout(() => res.writeHead(200).end('late'), 2_000);
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (body: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

describe('leanFetch', () => {
  describe('like fetch', () => {
    it('posts a string body with its headers and reads status, headers and JSON', async () => {
      const response = await leanFetch(`${base}/json`, post('{"text":"hello"}'));
      expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/json', body: '{"text":"hello"}' });
      expect(seen.at(-1)!.headers['content-type']).toBe('application/json');
      expect(response).toMatchObject({ ok: true, status: 200, statusText: 'OK', url: `${base}/json` });
      expect(response.headers.get('X-OAuth-Scopes')).toBe('chat:write,commands');
      expect(response.headers.get('retry-after')).toBeNull();
      expect(Object.fromEntries(response.headers.entries())).toMatchObject({ 'content-type': 'application/json' });
      expect(await response.json()).toEqual({ ok: true, echo: '{"text":"hello"}' });
    });

    it('answers exactly what the global fetch answers for the same requests', async () => {
      for (const [path, init] of [
        ['/json', post('{"n":1}')],
        ['/gone', post('{}')],
        ['/found', post('{"n":2}')],
        ['/temporary', post('{"n":3}')],
        ['/missing', { method: 'GET' }],
      ] as const) {
        const ours = await leanFetch(`${base}${path}`, init);
        const theirs = await fetch(`${base}${path}`, init);
        const view = async (r: { ok: boolean; status: number; statusText: string; url: string; headers: { get(name: string): string | null }; text(): Promise<string> }) => ({
          ok: r.ok,
          status: r.status,
          statusText: r.statusText,
          url: r.url,
          type: r.headers.get('content-type'),
          text: await r.text(),
        });
        expect(await view(ours), path).toEqual(await view(theirs));
      }
    });

    it('reports a refused response_url as not ok, with its status text and body', async () => {
      const response = await leanFetch(`${base}/gone`, post('{}'));
      expect(response).toMatchObject({ ok: false, status: 410, statusText: 'Gone' });
      expect(await response.text()).toBe('used_url');
    });

    it('returns the body as bytes', async () => {
      const response = await leanFetch(`${base}/json`, post('é'));
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes).toString('utf8')).toBe('{"ok":true,"echo":"é"}');
    });

    it('follows a 302 after a POST with a GET without a body, and a 307 with the same POST', async () => {
      await leanFetch(`${base}/found`, post('{"a":1}'));
      expect(seen.slice(-2).map((s) => [s.method, s.url, s.body])).toEqual([
        ['POST', '/found', '{"a":1}'],
        ['GET', '/json', ''],
      ]);
      await leanFetch(`${base}/temporary`, post('{"b":2}'));
      expect(seen.slice(-2).map((s) => [s.method, s.url, s.body])).toEqual([
        ['POST', '/temporary', '{"b":2}'],
        ['POST', '/json', '{"b":2}'],
      ]);
    });

    it('fails on a redirect loop, and on any redirect in "error" mode, as fetch does', async () => {
      await expect(leanFetch(`${base}/loop`, { method: 'GET' })).rejects.toThrow(TypeError);
      await expect(fetch(`${base}/loop`, { method: 'GET' })).rejects.toThrow(TypeError);
      await expect(leanFetch(`${base}/found`, { method: 'POST', body: '{}', redirect: 'error' })).rejects.toThrow(TypeError);
      expect((await leanFetch(`${base}/json`, { method: 'POST', body: '{}', redirect: 'error' })).status).toBe(200);
    });

    it('returns the redirect itself in "manual" mode', async () => {
      const response = await leanFetch(`${base}/found`, { method: 'GET', redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/json');
    });

    it('rejects when its signal aborts', async () => {
      const controller = new AbortController();
      const pending = leanFetch(`${base}/slow`, { method: 'GET', signal: controller.signal });
      controller.abort();
      await expect(pending).rejects.toThrow();
    });
  });

  describe('what it hands to the global fetch', () => {
    it('sends a FormData body through the global fetch, as multipart', async () => {
      const form = new FormData();
      form.set('channel', 'C1');
      const response = await leanFetch(`${base}/json`, { method: 'POST', body: form });
      expect(response.status).toBe(200);
      expect(seen.at(-1)!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(seen.at(-1)!.body).toContain('name="channel"');
    });
  });
});
