/**
 * `npm run load -- --replicas 2 [--kill-redis]`: N bot replicas (each the real Slack adapter in HTTP
 * mode, in its own process, `bot.ts`) sharing one Redis of this run's own (`redis-server` on a free
 * port of 127.0.0.1, nothing on disk), behind one stream of signed Slack events. Each request goes to
 * one replica in turn, as a load balancer would send it; 5% of the events are sent again a moment later
 * as Slack's retries (`x-slack-retry-num: 1`), always to another replica, some while the first is still
 * being answered, after a warm-up of 2,000 such requests. Every event must be answered exactly once across the replicas: the Slack sink counts
 * answers per thread. With --kill-redis, Redis is killed a third of the way through and started again
 * two seconds later; a duplicate is then the outage's when a replica decided on its event alone (Redis
 * unreachable; each replica reports those event ids), and there must be none outside the outage.
 *
 * Prints a table, then one JSON line `{ replicas, requests, retries, events, answered, duplicates,
 * duplicates_in_outage, missing, errors, p50_ms, p99_ms, outage_ms }`. Exits 1 when a target is missed.
 * Environment: LOAD_SLACK_REQUESTS (20000), LOAD_CONNECTIONS (50, shared among the replicas).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { TestRedis } from '../../tests/servers/redis.js';
import { Bot, signedHeaders } from './child.js';
import { SlackSink } from './sink.js';

const REQUESTS = Number(process.env.LOAD_SLACK_REQUESTS ?? 20_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const RETRY_EVERY = 20; // 5% of events are retried
const RETRY_AFTER = 25; // requests later, on another replica
const CHANNELS = 1000;
const DRAIN_TIMEOUT_MS = 120_000;
const OUTAGE_MS = 2000;
const WARMUP = 2000;
const P99_TARGET_MS = 50;
const SLACK_BOT_TOKEN = 'xoxb-load-test-token';
const SLACK_SIGNING_SECRET = 'load-test-signing-secret';
const QUESTIONS = ['who was Lisa Howard', 'What did Carter open in Havana?', 'when did Kennedy meet Attwood', 'how many prisoners were released', 'help'];

interface Planned {
  event: number;
  body: string;
  retry: boolean;
}

/** The mention event `n`: its own user and thread (ts), in one of CHANNELS channels. */
function mentionBody(n: number): string {
  const ts = threadOf(n);
  return JSON.stringify({
    token: 'load',
    team_id: 'T0LOAD',
    api_app_id: 'A0LOAD',
    type: 'event_callback',
    event_id: `EvLoad${n}`,
    event_time: 1700000000,
    event: { type: 'app_mention', user: `ULOAD${n}`, text: `<@ULOADBOT> ${QUESTIONS[n % QUESTIONS.length]}`, ts, channel: `CLOAD${n % CHANNELS}`, event_ts: ts },
  });
}

/** Each replica's requests, in order: events in turn, and each retried one again RETRY_AFTER requests later on the next replica. */
function plan(replicas: number, total: number, base = 0): { queues: Planned[][]; events: number; retries: number } {
  const queues: Planned[][] = Array.from({ length: replicas }, () => []);
  const due: Array<{ at: number; planned: Planned; replica: number }> = [];
  let sent = 0;
  let events = 0;
  while (sent < total) {
    const ready = due.length > 0 && due[0]!.at <= sent ? due.shift()! : undefined;
    if (ready) {
      queues[ready.replica]!.push(ready.planned);
    } else {
      const n = base + events++;
      const body = mentionBody(n);
      queues[n % replicas]!.push({ event: n, body, retry: false });
      if (n % RETRY_EVERY === 0) due.push({ at: sent + RETRY_AFTER, planned: { event: n, body, retry: true }, replica: (n + 1) % replicas });
    }
    sent += 1;
  }
  return { queues, events, retries: queues.flat().filter((p) => p.retry).length };
}

/** Sends each replica its queue over its share of the connections; `onBuilt` sees each request as it is made. */
function fire(ports: number[], queues: Planned[][], onBuilt: (planned: Planned) => void, onAcked: (event: number) => void): Promise<autocannon.Result[]> {
  const replicas = ports.length;
  return Promise.all(
    queues.map(
      (queue, replica) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          let next = 0;
          autocannon(
            {
              url: `http://127.0.0.1:${ports[replica]}`,
              amount: queue.length,
              connections: Math.max(1, Math.round(CONNECTIONS / replicas)),
              timeout: 10,
              requests: [
                {
                  setupRequest: (request, context) => {
                    const planned = queue[Math.min(next++, queue.length - 1)]!;
                    context.event = planned.event;
                    onBuilt(planned);
                    const headers = signedHeaders(SLACK_SIGNING_SECRET, planned.body, 'application/json');
                    if (planned.retry) Object.assign(headers, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
                    return { ...request, method: 'POST', path: '/slack/events', headers, body: planned.body };
                  },
                  onResponse: (status, _body, context) => {
                    if (status === 200) onAcked(context.event as number);
                  },
                },
              ],
            },
            (error, result) => (error ? reject(error) : resolve(result)),
          );
        }),
    ),
  );
}

const threadOf = (event: number) => `1700000000.${String(event).padStart(6, '0')}`;

export async function runReplicas(replicas: number, killRedis: boolean): Promise<number> {
  const redis = await TestRedis.start();
  const sink = await SlackSink.start(SLACK_BOT_TOKEN);
  const bots = Array.from({ length: replicas }, () =>
    Bot.start({ LOAD_SLACK_BOT_TOKEN: SLACK_BOT_TOKEN, LOAD_SLACK_SIGNING_SECRET: SLACK_SIGNING_SECRET, LOAD_SLACK_API: sink.apiUrl, LOAD_REDIS_URL: redis.url }),
  );
  try {
    const ports = await Promise.all(bots.map(async (bot) => (await bot.next('ready', 120_000)).slackPort));
    console.log(`${replicas} replicas ready on ${ports.map((p) => `127.0.0.1:${p}`).join(', ')}, sharing Redis on ${redis.url}`);
    // Warm-up: the same paths, so that code is compiled and pools grown before anything is measured.
    const warm = plan(replicas, WARMUP, 1_000_000);
    const warmAcked = new Set<number>();
    await fire(ports, warm.queues, () => {}, (event) => warmAcked.add(event));
    await sink.waitFor(() => sink.threads.size >= warmAcked.size, DRAIN_TIMEOUT_MS);
    const warmDuplicates = [...sink.threads.values()].filter((count) => count > 1).length;
    sink.threads.clear();

    // Event-loop delays from here on, the replicas' and this process's (the load generator's): an
    // acknowledgement waits for its replica's loop, and is timed when this process's loop reads it.
    for (const bot of bots) bot.send({ type: 'loop', reset: true });
    const generatorLoop = monitorEventLoopDelay({ resolution: 1 });
    generatorLoop.enable();
    const { queues, events, retries } = plan(replicas, REQUESTS);
    const acked = new Set<number>();
    let built = 0;
    const outage = { killedAt: Infinity, backAt: Infinity };
    const outageNow = async () => {
      outage.killedAt = performance.now();
      await redis.kill();
      console.log(`Redis killed after ${built} requests`);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await redis.resume();
      // The replicas reconnect at most a second apart (see adapters/state/redis.ts).
      outage.backAt = performance.now() + 1000;
      console.log('Redis started again');
    };
    const started = performance.now();
    const results = await fire(
      ports,
      queues,
      (planned) => {
        built += 1;
        if (killRedis && built === Math.floor(REQUESTS / 3)) void outageNow();
      },
      (event) => acked.add(event),
    );
    generatorLoop.disable();
    const loops = await Promise.all(bots.map((bot) => (bot.send({ type: 'loop', reset: false }), bot.next('loop', 30_000))));
    const answered = () => [...acked].filter((event) => sink.threads.has(threadOf(event))).length;
    // The sink's threads are this run's events only (cleared after the warm-up): a cheap check per arrival.
    const drained = await sink.waitFor(() => sink.threads.size >= acked.size, DRAIN_TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a late duplicate would land now
    // Events some replica decided on alone, Redis being unreachable: where a duplicate is the outage's.
    const alone = new Set<number>();
    for (const bot of bots) {
      const reply = bot.next('local-keys', 30_000);
      bot.send({ type: 'local-keys' });
      for (const key of (await reply).keys) if (key.startsWith('e:EvLoad')) alone.add(Number(key.slice('e:EvLoad'.length)));
    }
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(bots.map((bot) => (bot.send({ type: 'stop' }), Promise.race([bot.exited, new Promise((r) => setTimeout(r, 30_000).unref())]))));

    const latency = (q: 'p50' | 'p99') => Math.max(...results.map((r) => r.latency[q]));
    const errors = results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0) + sink.counts.failed;
    const requests = results.reduce((sum, r) => sum + r.requests.total, 0);
    const missed0: string[] = [];
    let duplicates = 0;
    let inOutage = 0;
    for (const [thread, count] of sink.threads) {
      if (count < 2) continue;
      duplicates += count - 1;
      if (alone.has(Number(thread.split('.')[1]))) inOutage += count - 1;
    }
    const answeredEvents = answered();
    const missing = acked.size - answeredEvents;
    if (warmDuplicates > 0) missed0.push(`${warmDuplicates} events answered twice in the warm-up`);
    const summary = {
      replicas,
      requests,
      retries,
      events,
      answered: answeredEvents,
      duplicates,
      duplicates_in_outage: inOutage,
      missing,
      errors,
      p50_ms: latency('p50'),
      p99_ms: latency('p99'),
      outage_ms: Number.isFinite(outage.killedAt) ? Math.round(outage.backAt - outage.killedAt) : 0,
      loop_p99_ms: Number(Math.max(...loops.map((l) => l.p99Ms)).toFixed(1)),
      generator_loop_p99_ms: Number((generatorLoop.percentile(99) / 1e6).toFixed(1)),
    };
    console.log('');
    console.log(`requests ${requests} (${retries} retries of ${events} events) over ${replicas} replicas in ${seconds.toFixed(1)} s`);
    console.log(`acks: p50 ${summary.p50_ms} ms, p99 ${summary.p99_ms} ms (the slower replica's), ${errors} errors`);
    const ms = (x: number) => x.toFixed(1);
    console.log(
      `event-loop delay p99 / max: replicas ${loops.map((l) => `${ms(l.p99Ms)} / ${ms(l.maxMs)} ms`).join(', ')}; load generator ${ms(generatorLoop.percentile(99) / 1e6)} / ${ms(generatorLoop.max / 1e6)} ms`,
    );
    console.log(`answers: ${summary.answered} of ${acked.size} events answered, ${duplicates} duplicates (${inOutage} within the Redis outage), ${missing} missing`);
    const missed: string[] = missed0;
    if (errors > 0) missed.push(`${errors} errors`);
    if (summary.p99_ms > P99_TARGET_MS) missed.push(`p99 ${summary.p99_ms} ms > ${P99_TARGET_MS} ms`);
    if (!drained || missing > 0) missed.push(`${missing} events unanswered`);
    if (duplicates - inOutage > 0) missed.push(`${duplicates - inOutage} duplicates outside any Redis outage`);
    console.log(missed.length === 0 ? 'all targets met' : `targets missed: ${missed.join('; ')}`);
    console.log(JSON.stringify(summary));
    return missed.length === 0 ? 0 : 1;
  } finally {
    for (const bot of bots) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGTERM');
    await sink.close();
    await redis.kill();
  }
}
