/**
 * SVG to PNG, by resvg (a Rust SVG renderer, through @resvg/resvg-js) with DejaVu Sans from the
 * `dejavu-fonts-ttf` package: no system font is assumed or read, so a picture looks the same on every
 * machine. Rendering runs on libuv's thread pool, so the bot keeps answering meanwhile. Loaded on
 * first use: only a picture needs it, never /ask.
 */
import { createRequire } from 'node:module';
import type * as Resvg from '@resvg/resvg-js';

const requireCjs = createRequire(import.meta.url);
let resvg: typeof Resvg | undefined;
let fontFiles: string[] | undefined;

/** Renders an SVG to PNG bytes at its own size. */
export async function svgToPng(svg: string): Promise<Buffer> {
  resvg ??= requireCjs('@resvg/resvg-js') as typeof Resvg;
  fontFiles ??= ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => requireCjs.resolve(`dejavu-fonts-ttf/ttf/${file}`));
  const image = await resvg.renderAsync(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
  return image.asPng();
}
