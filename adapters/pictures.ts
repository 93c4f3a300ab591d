/**
 * The pictures of a reply, for the adapters that attach them (Discord, Slack, the CLI and chat). A
 * renderer keeps the SVG (cheap, plain data); the PNG is made only when the message is sent.
 */
import { writeFileSync } from 'node:fs';
import type { Reply } from '../src/reply/model.js';
import { svgToPng } from '../src/picture/png.js';

export interface PictureFile {
  name: string;
  /** Describes the picture in words (alt text). */
  alt: string;
  svg: string;
}

/** Every picture block of a reply, as a file to attach. */
export function pictureFiles(reply: Reply): PictureFile[] {
  return reply.blocks.flatMap((block) => (block.type === 'picture' ? [{ name: block.file, alt: block.alt, svg: block.svg }] : []));
}

/** The files as PNG, leaving out any over `maxBytes` (none comes near). */
export async function pngFiles(files: readonly PictureFile[], maxBytes: number): Promise<Array<PictureFile & { data: Buffer }>> {
  const rendered = await Promise.all(files.map(async (file) => ({ ...file, data: await svgToPng(file.svg) })));
  return rendered.filter((file) => file.data.length <= maxBytes);
}

/** Writes the reply's first picture as PNG to `path` (`--png FILE`); says what it did, or why it could not. */
export async function writePicture(reply: Reply, path: string): Promise<string> {
  const [file] = await pngFiles(pictureFiles(reply).slice(0, 1), Infinity);
  if (!file) return 'this reply has no picture to write (--png is for /timeline)';
  try {
    writeFileSync(path, file.data);
  } catch (error) {
    return `could not write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return `wrote ${path} (${file.data.length} bytes)`;
}
