import { Readable } from 'node:stream';
import { runCli, type CliIO } from '../../adapters/cli/main.js';

/** Runs the CLI in this process on `argv`, with `stdin` as its input (on a terminal of `terminal.columns` if given), and returns what it wrote. */
export async function runCliCaptured(argv: string[], stdin = '', terminal?: { columns: number }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: Readable.from([stdin]), tty: terminal !== undefined, columns: terminal?.columns };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
