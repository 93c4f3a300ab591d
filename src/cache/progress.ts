/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal (never into logs or pipes).
 */
export interface Progress {
  /** Shows a stage without a known total ("reading documents…"). */
  stage(label: string): void;
  update(label: string, done: number, total: number): void;
  done(message?: string): void;
}

const SILENT: Progress = { stage() {}, update() {}, done() {} };

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  let last = 0;
  let drawn = false;
  const draw = (line: string) => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r${line.slice(0, width).padEnd(width)}`);
    drawn = true;
  };
  return {
    stage(label) {
      draw(`backchannel: ${label}`);
    },
    update(label, done, total) {
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      const share = total > 0 ? done / total : 1;
      const cells = 24;
      const full = Math.round(share * cells);
      draw(`backchannel: ${label} [${'#'.repeat(full)}${'.'.repeat(cells - full)}] ${Math.round(share * 100)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
    },
    done(message) {
      if (drawn) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns ?? 80) - 1))}\r`);
      if (message) stream.write(`${message}\n`);
      drawn = false;
    },
  };
}
