/**
 * PDF text extraction with Mozilla's pdf.js, run in a worker thread so that it never blocks the bot
 * (`extractPdfs`) and can still serve the synchronous loader (`extractPdfsSync`, which waits on the
 * worker with `Atomics.wait`). pdf.js is loaded only here, only when a corpus has a PDF.
 *
 * The worker returns each page's text items with their position; `pdf-layout.ts` makes lines and
 * paragraphs of them.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** One run of text on a page: its string, baseline origin (x, y), height, and whether a line ends after it. */
export interface PdfItem {
  s: string;
  x: number;
  y: number;
  h: number;
  eol: boolean;
}

/** What the worker makes of one file. */
export type PdfExtraction =
  | { ok: true; pages: PdfItem[][]; info: { title?: string; author?: string } }
  /** `name` is pdf.js's exception name: `InvalidPDFException`, `PasswordException`, … */
  | { ok: false; name: string; message: string };

/** How long one batch may take before it is given up. Default 120 s. */
export const PDF_TIMEOUT_MS = 120_000;

/** The worker's script (CommonJS, evaluated): extracts every file of `workerData.files` in turn. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { signal, port, url, files } = workerData;
(async () => {
  const results = [];
  let pdfjs;
  try { pdfjs = await import(url); } catch (e) { pdfjs = e; }
  for (const data of files) {
    try {
      if (pdfjs instanceof Error) throw pdfjs;
      const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
      const pages = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        const content = await page.getTextContent();
        pages.push(content.items.filter((it) => typeof it.str === 'string').map((it) => ({ s: it.str, x: it.transform[4], y: it.transform[5], h: it.height || Math.abs(it.transform[3]) || 0, eol: !!it.hasEOL })));
        page.cleanup();
      }
      const meta = await doc.getMetadata().catch(() => null);
      const info = {};
      if (meta && meta.info && typeof meta.info.Title === 'string') info.title = meta.info.Title;
      if (meta && meta.info && typeof meta.info.Author === 'string') info.author = meta.info.Author;
      results.push({ ok: true, pages, info });
      await doc.destroy();
    } catch (e) {
      results.push({ ok: false, name: (e && e.name) || 'Error', message: String((e && e.message) || e) });
    }
  }
  port.postMessage(results);
  if (signal) { Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); }
})();
`;

let pdfjsUrl: string | undefined;

function start(files: Uint8Array[], signal: Int32Array | null): { worker: Worker; port: MessagePort } {
  pdfjsUrl ??= pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { signal, port: port2, url: pdfjsUrl, files }, transferList: [port2] });
  return { worker, port: port1 };
}

/** Extracts the files' text items in a worker, without blocking the event loop. */
export async function extractPdfs(files: Uint8Array[], timeoutMs = PDF_TIMEOUT_MS): Promise<PdfExtraction[]> {
  if (!files.length) return [];
  const { worker, port } = start(files, null);
  try {
    return await new Promise<PdfExtraction[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PDF extraction took longer than ${timeoutMs} ms`)), timeoutMs);
      port.once('message', (results: PdfExtraction[]) => {
        clearTimeout(timer);
        resolve(results);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    port.close();
    void worker.terminate();
  }
}

/** The same, waiting for the worker: for the synchronous loader (CLI start-up, `loadCore`). */
export function extractPdfsSync(files: Uint8Array[], timeoutMs = PDF_TIMEOUT_MS): PdfExtraction[] {
  if (!files.length) return [];
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { worker, port } = start(files, signal);
  try {
    const waited = Atomics.wait(signal, 0, 0, timeoutMs);
    const message = receiveMessageOnPort(port);
    if (waited === 'timed-out' || !message) throw new Error(`PDF extraction took longer than ${timeoutMs} ms`);
    return message.message as PdfExtraction[];
  } finally {
    port.close();
    void worker.terminate();
  }
}
