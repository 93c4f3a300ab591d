/** The pictures of a reply as PNG files, for the adapters that attach them (Discord, Slack, the CLI). */
import { writeFileSync } from 'node:fs';
import type { Reply } from '../src/reply/model.js';
import { svgToPng } from '../src/picture/png.js';

export interface PictureFile {
  name: string;
  /** Describes the picture in words (alt text). */
  alt: string;
  data: Buffer;
}

/** Every picture block rendered to PNG; a picture over `maxBytes` is left out (none comes near). */
export function pictureFiles(reply: Reply, maxBytes: number): PictureFile[] {
  return reply.blocks.flatMap((block) => {
    if (block.type !== 'picture') return [];
    const data = svgToPng(block.svg);
    return data.length <= maxBytes ? [{ name: block.file, alt: block.alt, data }] : [];
  });
}

/** Writes the reply's first picture as PNG to `path` (`--png FILE`); says what it did, or why it could not. */
export function writePicture(reply: Reply, path: string): string {
  const [file] = pictureFiles(reply, Infinity);
  if (!file) return 'this reply has no picture to write (--png is for /timeline)';
  try {
    writeFileSync(path, file.data);
  } catch (error) {
    return `could not write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return `wrote ${path} (${file.data.length} bytes)`;
}
