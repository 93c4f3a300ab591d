/**
 * `npm run load`: the bot under load, on 127.0.0.1 only, bounded in count and time.
 *
 * The bot runs in a child process (`scripts/load/bot.ts`: the real Slack adapter in HTTP mode and the
 * real Discord adapter, default rate limits on) against fakes in this process: a Slack sink for its
 * Web API calls and response_urls, and the fake Discord gateway and REST API of the adapter tests.
 *
 *   1. Warm-up: 2,000 Slack requests at the same concurrency and a Discord burst of the same size, so
 *      that code is compiled and pools are grown; then the bot's settled RSS (full GCs and idling
 *      until V8 has given back what it will; see load/bot.ts) is the "before".
 *   2. Slack: 20,000 signed slash commands (a mix of /ask, /timeline, /source, /passage, /backchannel)
 *      posted by autocannon to Bolt's HTTP receiver over 50 connections; each from its own user, in
 *      one of 1,000 channels, so the per-user and per-channel limits refuse none. Then every answer
 *      must reach its response_url ("nothing lost").
 *   3. Discord: 1,000 interactions in one burst through the fake gateway, each from its own user and
 *      channel; every one must be answered.
 *   4. The bot's settled RSS again (the "after"), then it is stopped.
 *
 * Prints a table, then as its last line one JSON object:
 * `{ "slack": { "requests", "errors", "p50_ms", "p99_ms" }, "discord": { "interactions", "answered" }, "rss_before_mb", "rss_after_mb" }`.
 * Exits 1 when a target is missed: Slack errors or p99 over 50 ms, a Discord interaction unanswered,
 * an answer lost, or RSS more than 10% above where it started.
 *
 * Environment (all optional): LOAD_SLACK_REQUESTS (20000), LOAD_CONNECTIONS (50), LOAD_DISCORD (1000),
 * LOAD_SLACK_MIX (`help`: only /backchannel, to measure the acknowledgement path alone), LOAD_BOT_NODE_ARGS
 * (extra Node flags for the bot, e.g. `--cpu-prof` or `--trace-gc`).
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { FakeDiscord, slashCommand } from '../tests/adapters/discord/fake-discord.js';
import { Bot, signedHeaders } from './load/child.js';
import { SlackSink } from './load/sink.js';

const SLACK_REQUESTS = Number(process.env.LOAD_SLACK_REQUESTS ?? 20_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const DISCORD_INTERACTIONS = Number(process.env.LOAD_DISCORD ?? 1000);
/**
 * The warm-up runs the same paths at the same concurrency and burst size, so that "before" is the
 * steady state (code compiled, connection pools and buffers grown), not a cold start.
 */
const WARMUP_SLACK = 2000;
const WARMUP_DISCORD = DISCORD_INTERACTIONS;
const CHANNELS = 1000;
/** Bounds on every wait, so the run always ends. */
const DRAIN_TIMEOUT_MS = 180_000;
const TARGETS = { p99Ms: 50, rssGrowth: 0.1 };

/** Credentials that mean nothing outside this run. */
const SLACK_BOT_TOKEN = 'xoxb-load-test-token';
const SLACK_SIGNING_SECRET = 'load-test-signing-secret';
const DISCORD_TOKEN = `MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gload0.${'l'.repeat(38)}`;

/** What the Slack users type: mostly questions, some timelines, sources, passages and help. */
const SLACK_MIX: Array<[string, string]> = [
  ['/ask', 'who was Lisa Howard'],
  ['/ask', 'What did Carter open in Havana?'],
  ['/ask', 'when did Kennedy meet Attwood'],
  ['/ask', 'how many prisoners were released'],
  ['/ask', 'what is the back channel'],
  ['/ask', 'why did the talks fail'],
  ['/ask', 'what did Kennedy write to Khrushchev'],
  ['/ask', 'who negotiated the release of Alan Gross'],
  ['/timeline', '1963'],
  ['/timeline', 'November 1963 Attwood'],
  ['/source', 'CDNW12636'],
  ['/source', ''],
  ['/passage', 'jfkfacts-secret-talks#p3'],
  ['/backchannel', ''],
];

const DISCORD_MIX: Array<[string, Record<string, string>]> = [
  ['ask', { question: 'who was Lisa Howard' }],
  ['ask', { question: 'when did Kennedy meet Attwood' }],
  ['ask', { question: 'What did Carter open in Havana?' }],
  ['timeline', { period: '1963' }],
  ['source', { id: 'CDNW12636' }],
  ['help', {}],
];

/** LOAD_SLACK_MIX=help sends only /backchannel (the acknowledgement path, with the cheapest answer). */
const MIX = process.env.LOAD_SLACK_MIX === 'help' ? SLACK_MIX.filter(([command]) => command === '/backchannel') : SLACK_MIX;

/** Signed slash commands, numbered from `first`: each its own user, in one of `CHANNELS` channels. */
function slashBodies(sink: SlackSink, first: number) {
  let n = first;
  return (request: { method?: string; path?: string }) => {
    n += 1;
    const [command, text] = MIX[n % MIX.length]!;
    const body = new URLSearchParams({
      token: 'load',
      team_id: 'T0LOAD',
      team_domain: 'load',
      channel_id: `CLOAD${n % CHANNELS}`,
      channel_name: 'load',
      user_id: `ULOAD${n}`,
      user_name: `user${n}`,
      command,
      text,
      api_app_id: 'A0LOAD',
      response_url: sink.responseUrl(n),
      trigger_id: `${n}.1.2`,
    }).toString();
    return { ...request, method: 'POST', path: '/slack/events', headers: signedHeaders(SLACK_SIGNING_SECRET, body, 'application/x-www-form-urlencoded'), body };
  };
}

function runAutocannon(url: string, amount: number, connections: number, setupRequest: ReturnType<typeof slashBodies>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, amount, connections, timeout: 10, requests: [{ setupRequest }] }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Sends `count` interactions at once, each from its own user and channel; resolves with how many were answered, and when. */
async function discordBurst(fake: FakeDiscord, count: number, from: number): Promise<{ answered: number; ms: number; p50: number; p99: number }> {
  const started = performance.now();
  const ids: string[] = [];
  const sentAt = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const [name, options] = DISCORD_MIX[i % DISCORD_MIX.length]!;
    const n = from + i;
    const payload = slashCommand(fake.appId, name, options, { userId: String(1_300_000_000_000_000_000n + BigInt(n)), guildId: '1400000000000000001' });
    const channel = String(1_500_000_000_000_000_000n + BigInt(n));
    const id = fake.sendInteraction({ ...payload, channel_id: channel, channel: { ...payload.channel, id: channel } });
    ids.push(id);
    sentAt.set(id, performance.now());
  }
  const answeredAt = new Map<string, number>();
  const isAnswered = (id: string) => {
    const outcome = fake.outcome(id);
    return outcome.callback !== undefined && ([4, 7].includes(outcome.callback.type) || outcome.edits.length > 0);
  };
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while (answeredAt.size < ids.length && Date.now() < deadline) {
    for (const id of ids) if (!answeredAt.has(id) && isAnswered(id)) answeredAt.set(id, performance.now());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const times = [...answeredAt].map(([id, at]) => at - sentAt.get(id)!).sort((a, b) => a - b);
  const pick = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
  return { answered: answeredAt.size, ms: Math.round(performance.now() - started), p50: pick(0.5), p99: pick(0.99) };
}

const pad = (cells: Array<string | number>, widths: number[]) => cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 10)).join('  ');

async function main(): Promise<number> {
  const sink = await SlackSink.start(SLACK_BOT_TOKEN);
  const fake = await FakeDiscord.start();
  const bot = Bot.start({
    LOAD_SLACK_BOT_TOKEN: SLACK_BOT_TOKEN,
    LOAD_SLACK_SIGNING_SECRET: SLACK_SIGNING_SECRET,
    LOAD_SLACK_API: sink.apiUrl,
    LOAD_DISCORD_TOKEN: DISCORD_TOKEN,
    LOAD_DISCORD_APP_ID: fake.appId,
    LOAD_DISCORD_API: fake.api,
  });
  const child = bot.child;
  try {
    const { slackPort } = await bot.next('ready', 120_000);
    const url = `http://127.0.0.1:${slackPort}`;
    console.log(`bot ready: Slack on ${url}/slack/events, Discord through the fake gateway on ${fake.gatewayUrl}`);

    // 1. Warm-up, then the "before".
    await runAutocannon(url, WARMUP_SLACK, CONNECTIONS, slashBodies(sink, 1_000_000));
    await sink.waitFor(() => sink.counts.responses >= WARMUP_SLACK, DRAIN_TIMEOUT_MS);
    await discordBurst(fake, WARMUP_DISCORD, 1_000_000);
    const before = await bot.measure();

    // 2. Slack.
    const answeredBefore = sink.counts.responses;
    const slackStarted = performance.now();
    const slack = await runAutocannon(url, SLACK_REQUESTS, CONNECTIONS, slashBodies(sink, 0));
    const sent = slack['2xx'] + slack.non2xx;
    const drained = await sink.waitFor(() => sink.counts.responses - answeredBefore >= sent, DRAIN_TIMEOUT_MS);
    const slackDrainMs = Math.round(performance.now() - slackStarted);
    const slackAnswers = sink.counts.responses - answeredBefore;

    // 3. Discord.
    const discord = await discordBurst(fake, DISCORD_INTERACTIONS, 0);

    // 4. The "after".
    const after = await bot.measure();
    bot.send({ type: 'stop' });
    await Promise.race([bot.exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);

    const slackErrors = slack.errors + slack.timeouts + slack.non2xx;
    const rssBefore = Number(before.rssMb.toFixed(1));
    const rssAfter = Number(after.rssMb.toFixed(1));
    const widths = [10, 10, 8, 8, 8, 8, 8, 10];
    console.log('');
    console.log(pad(['Slack', 'requests', 'errors', 'p50 ms', 'p97.5', 'p99 ms', 'max ms', 'req/s'], widths));
    console.log(pad(['acks', slack.requests.total, slackErrors, slack.latency.p50, slack.latency.p97_5, slack.latency.p99, slack.latency.max, Math.round(slack.requests.average)], widths));
    console.log(
      `answers: ${slackAnswers} of ${sent} delivered to their response_url within ${(slackDrainMs / 1000).toFixed(1)} s of the start ` +
        `(${sink.counts.busy - before.slack.busy} "busy", ${sink.counts.rateLimited} rate-limited, ${sink.counts.failed} failed)`,
    );
    console.log('');
    console.log(pad(['Discord', 'sent', 'answered', 'p50 ms', 'p99 ms', 'total s'], widths));
    console.log(pad(['burst', DISCORD_INTERACTIONS, discord.answered, discord.p50, discord.p99, (discord.ms / 1000).toFixed(1)], widths));
    console.log(`fake Discord saw ${fake.violations.length} limit violations`);
    console.log('');
    const mb = (value: number) => value.toFixed(1);
    console.log(
      `bot RSS: ${rssBefore} MB before, ${rssAfter} MB after (${(((rssAfter - rssBefore) / rssBefore) * 100).toFixed(1)}%); ` +
        `peak ${mb(after.peakRssMb)} MB during the run; heap used ${mb(before.heapMb)} → ${mb(after.heapMb)} MB, heap total ${mb(before.heapTotalMb)} → ${mb(after.heapTotalMb)} MB, external ${mb(before.externalMb)} → ${mb(after.externalMb)} MB`,
    );

    const missed: string[] = [];
    if (slackErrors > 0) missed.push(`${slackErrors} Slack errors`);
    if (slack.latency.p99 > TARGETS.p99Ms) missed.push(`Slack p99 ${slack.latency.p99} ms > ${TARGETS.p99Ms} ms`);
    if (!drained || slackAnswers < sent) missed.push(`${sent - slackAnswers} Slack answers not delivered`);
    if (discord.answered < DISCORD_INTERACTIONS) missed.push(`${DISCORD_INTERACTIONS - discord.answered} Discord interactions unanswered`);
    if (rssAfter > rssBefore * (1 + TARGETS.rssGrowth)) missed.push(`RSS grew ${(((rssAfter - rssBefore) / rssBefore) * 100).toFixed(1)}%`);
    console.log(missed.length === 0 ? 'all targets met' : `targets missed: ${missed.join('; ')}`);
    console.log(
      JSON.stringify({
        slack: { requests: slack.requests.total, errors: slackErrors, p50_ms: slack.latency.p50, p99_ms: slack.latency.p99 },
        discord: { interactions: DISCORD_INTERACTIONS, answered: discord.answered },
        rss_before_mb: rssBefore,
        rss_after_mb: rssAfter,
      }),
    );
    return missed.length === 0 ? 0 : 1;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await sink.close();
    await fake.close();
  }
}

/** `--replicas N [--kill-redis]`: N Slack replicas sharing Redis (see load/replicas.ts); else the run above. */
async function entry(): Promise<number> {
  const { values } = parseArgs({ options: { replicas: { type: 'string' }, 'kill-redis': { type: 'boolean', default: false } } });
  if (values.replicas === undefined) return main();
  const replicas = Number(values.replicas);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 8) throw new Error('--replicas takes a whole number from 1 to 8');
  const { runReplicas } = await import('./load/replicas.js');
  return runReplicas(replicas, values['kill-redis']);
}

entry().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
