/** The bot under load as a child process (`bot.ts`), and the messages it answers. */
import { fork, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FromBot, ToBot } from './bot.js';

export class Bot {
  private readonly waiting = new Map<string, (message: FromBot) => void>();
  readonly exited: Promise<number | null>;

  /**
   * Forks `bot.ts` with these LOAD_* settings. --expose-gc and an early memory reducer let it measure
   * its settled RSS (see bot.ts); LOAD_BOT_NODE_ARGS adds flags (e.g. `--cpu-prof`).
   */
  static start(settings: Record<string, string>): Bot {
    const child = fork(fileURLToPath(new URL('./bot.js', import.meta.url)), [], {
      execArgv: ['--expose-gc', '--gc-memory-reducer-start-delay-ms=1000', ...(process.env.LOAD_BOT_NODE_ARGS ?? '').split(' ').filter(Boolean)],
      env: { ...process.env, ...settings },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Bot(child);
  }

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: FromBot) => {
      const resolve = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      resolve?.(message);
    });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  next<T extends FromBot['type']>(type: T, timeoutMs = 60_000): Promise<Extract<FromBot, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the bot did not send "${type}" within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(type, (message) => {
        clearTimeout(timer);
        resolve(message as Extract<FromBot, { type: T }>);
      });
    });
  }

  send(message: ToBot): void {
    this.child.send(message);
  }

  async measure() {
    const reply = this.next('measure', 120_000);
    this.send({ type: 'measure' });
    return reply;
  }
}


/** Headers of a request Slack signed with `secret` just now. */
export function signedHeaders(secret: string, body: string, contentType: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}
