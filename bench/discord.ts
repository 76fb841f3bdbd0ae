// Discord interaction-to-callback latency: the real discord.js client started by our adapter
// (the real bot and fact base) connected to the local fake Discord's gateway. The fake runs in a
// worker thread (its own event loop, like the remote Discord), dispatches bursts of 50
// INTERACTION_CREATE at once and times each until its callback POST arrives:
// gateway frame → discord.js → bot.answer → render → REST callback.
// Target: p99 ≤ 25 ms for /deal (Discord's deadline is 3,000 ms), measured once the process is
// warm; the first bursts after start are reported in a row of their own.
// Between bursts the fake drops its history and collects its young garbage, and all of it every
// 10 bursts: its own GC pauses, timed from the same thread, would otherwise be counted as the
// bot's latency (the real Discord's pauses are not ours). The bot's garbage is never collected for it.
// Run alone: node bin/run-ts.js bench/discord.ts
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isEntry } from './is-entry.ts';
import { percentile, threadCpuMs } from './measure.ts';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { commands } from '../commands/index.ts';
import { readDiscordConfig } from '../src/adapters/discord/config.ts';
import { benchRuntime } from './policy.ts';
import { startDiscord } from '../src/adapters/discord/start.ts';
import type { Bot } from '../src/core/bot.ts';
import { createBot } from '../src/core/create-bot.ts';
import { EngineHolder } from '../src/core/engine-holder.ts';
import { silentLogger } from '../src/ops/log.ts';
import { FakeDiscord } from '../tests/discord/fake-discord.ts';

const CONCURRENCY = 50;
const ROUNDS = Number(process.env.DISCORD_BENCH_ROUNDS ?? 100);
/** Bursts of each kind before the measured ones: enough for V8 to have optimised the hot paths. */
const WARMUP_ROUNDS = Number(process.env.DISCORD_BENCH_WARMUP ?? 80);
/** The cold row: the first bursts after the client is ready. */
const COLD_ROUNDS = 20;
const TARGET_P99_MS = 25;
const QUERIES = ['energy', 'timeline', 'how much will nvidia invest?', 'combien de gigawatts ?', 'quotes', 'market', 'tesla', 'help'];
const PARTIALS = ['ener', 'tim', 'altm', 'nvid', 'gw', 'march', 'q', 'calend'];

type Kind = 'slash' | 'autocomplete';
type Command = { cmd: 'burst'; kind: Kind; rounds: number } | { cmd: 'close' };
interface BurstResult {
  latencies: number[];
  failed: number;
  wallMs: number;
}

// ------------------------------------------------------------------ the fake, in the worker

/** Bursts between two full collections of the fake's heap. */
const FAKE_FULL_GC_EVERY = 10;

/**
 * The fake's own garbage collected between bursts (the worker's isolate only): its young garbage
 * after each burst and, every FAKE_FULL_GC_EVERY bursts, all of it, then a pause for its
 * concurrent sweeping to end. What the fake keeps of a burst would otherwise fill its old
 * generation until V8 collects it during one (the fake's own pause timed as the bot's latency,
 * its marking threads taking the cores from the bot).
 */
function fakeGc(): (round: number) => Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: { type: 'minor' | 'major'; execution?: 'sync' }) => void;
  return async (round) => {
    if (round % FAKE_FULL_GC_EVERY !== FAKE_FULL_GC_EVERY - 1) return gc({ type: 'minor' });
    gc({ type: 'major', execution: 'sync' });
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
}

async function fakeWorker(): Promise<void> {
  const port = parentPort!;
  const fake = await FakeDiscord.start();
  const collect = fakeGc();
  port.postMessage({ env: fake.env() });
  let i = 0;
  const send = (kind: Kind) =>
    kind === 'slash'
      ? fake.slash({ query: QUERIES[i % QUERIES.length]!, user: i++ % 2 ? fake.alice : fake.moderator })
      : fake.autocomplete(PARTIALS[i++ % PARTIALS.length]!);
  port.on('message', async (msg: Command) => {
    if (msg.cmd === 'close') {
      await fake.close();
      port.postMessage({ closed: true });
      return;
    }
    await fake.identified(10_000);
    const latencies: number[] = [];
    let failed = 0;
    const t0 = performance.now();
    for (let r = 0; r < msg.rounds; r++) {
      const burst = Array.from({ length: CONCURRENCY }, () => send(msg.kind));
      const results = await Promise.all(
        burst.map((s) =>
          fake.callbackOf(s, 10_000).then(
            (cb) => ({ ok: cb.status !== undefined && cb.status < 300, ms: cb.at - s.dispatchedAt }), // a refused body is a failure
            () => ({ ok: false, ms: NaN }),
          ),
        ),
      );
      for (const res of results) res.ok ? latencies.push(res.ms) : failed++;
      fake.forget();
      await collect(r);
    }
    port.postMessage({ latencies, failed, wallMs: performance.now() - t0 } satisfies BurstResult);
  });
}

// ------------------------------------------------------------------ the bot, in the main thread

function startFakeWorker(): { worker: Worker; ready: Promise<NodeJS.ProcessEnv> } {
  // The worker loads this same file through tsx.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { role: 'fake-discord' } });
  const ready = new Promise<NodeJS.ProcessEnv>((resolvePromise, reject) => {
    worker.once('message', (m: { env: NodeJS.ProcessEnv }) => resolvePromise(m.env));
    worker.once('error', reject);
  });
  return { worker, ready };
}

type Measured = BurstResult & { busyMs: number; cpuMs: number };

/** Runs a burst series and adds the bot thread's event-loop busy time and CPU time per interaction. */
async function measured(worker: Worker, kind: Kind, rounds: number): Promise<Measured> {
  const before = performance.eventLoopUtilization();
  const cpuBefore = threadCpuMs();
  const r = await ask<BurstResult>(worker, { cmd: 'burst', kind, rounds });
  const elu = performance.eventLoopUtilization(before);
  const cpuAfter = threadCpuMs();
  const n = Math.max(1, r.latencies.length + r.failed);
  return { ...r, busyMs: elu.active / n, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? NaN : (cpuAfter - cpuBefore) / n };
}

function ask<T>(worker: Worker, msg: Command): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    worker.once('message', resolvePromise);
    worker.once('error', reject);
    worker.postMessage(msg);
  });
}

function row(name: string, r: Measured, target: string): string {
  const s = [...r.latencies].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2);
  const perSec = (r.latencies.length / r.wallMs) * 1000;
  return `| ${name} | ${s.length} | ${r.failed} | ${f(percentile(s, 50))} | ${f(percentile(s, 90))} | ${f(percentile(s, 99))} | ${f(s.at(-1) ?? NaN)} | ${perSec.toFixed(0)} | ${r.busyMs.toFixed(2)} | ${r.cpuMs.toFixed(2)} | ${target} |`;
}

export async function runDiscordBench(): Promise<string> {
  const { worker, ready } = startFakeWorker();
  const env = await ready;
  const holder = new EngineHolder(resolve(import.meta.dirname, '../facts'));
  const real = createBot({ engine: holder.current, commands, logger: silentLogger });
  // The transport-only row swaps in one precomputed answer: same embeds, no engine work.
  const canned = await real.answer('energy', { platform: 'discord', channel: { platform: 'discord', id: '0' }, user: { id: '0' }, isAdmin: async () => false });
  let transportOnly = false;
  // Its items are new objects each time, as an engine's answer's are: nothing rendered is reused.
  const fresh = () => ({ ...canned, items: canned.items.map((item) => ({ ...item })) });
  const bot: Bot = { ...real, answer: (text, asker) => (transportOnly ? Promise.resolve(fresh()) : real.answer(text, asker)) };
  const bench = await benchRuntime(bot);
  const discord = await startDiscord(readDiscordConfig(env)!, bench.runtime, { rest: { retries: 0, timeout: 5000 } });
  const loadBefore = loadavg()[0]!;
  try {
    const cold = await measured(worker, 'slash', COLD_ROUNDS);
    await ask<BurstResult>(worker, { cmd: 'burst', kind: 'slash', rounds: WARMUP_ROUNDS });
    await ask<BurstResult>(worker, { cmd: 'burst', kind: 'autocomplete', rounds: WARMUP_ROUNDS });
    const deal = await measured(worker, 'slash', ROUNDS);
    const ac = await measured(worker, 'autocomplete', ROUNDS);
    transportOnly = true;
    const transport = await measured(worker, 'slash', ROUNDS);
    const p99 = percentile([...deal.latencies].sort((a, b) => a - b), 99);
    const verdict = p99 <= TARGET_P99_MS && deal.failed === 0 ? `met (≤ ${TARGET_P99_MS} ms)` : `MISSED (> ${TARGET_P99_MS} ms)`;
    return [
      `### Discord: interaction → callback latency (${ROUNDS} bursts of ${CONCURRENCY} concurrent interactions, local fake gateway, after ${WARMUP_ROUNDS} warm-up bursts of each kind)`,
      '',
      '| interaction | n | failed | p50 ms | p90 ms | p99 ms | max ms | per s | bot busy ms / interaction | bot CPU ms / interaction | p99 target |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      row('`/deal <query>` → ephemeral reply (type 4)', deal, verdict),
      row(`\`/deal <query>\`, the first ${COLD_ROUNDS} bursts after start (cold)`, cold, '—'),
      row('autocomplete → choices (type 8)', ac, '—'),
      row('`/deal`, one canned answer (adapter + discord.js + REST only)', transport, '—'),
      '',
      `Queries: ${QUERIES.map((q) => `\`${q}\``).join(', ')}; autocomplete: ${PARTIALS.map((q) => `\`${q}\``).join(', ')}. ` +
        `Timed by the fake Discord (own worker thread) from writing the gateway frame to receiving the callback POST; ` +
        `between bursts the fake drops its history and collects its own garbage (young after each burst, all of it every ${FAKE_FULL_GC_EVERY}), so its GC pauses are not timed as the bot's; ` +
        `all ${CONCURRENCY} frames of a burst are sent at once, so the last one waits for the ${CONCURRENCY - 1} before it: ` +
        `p99 ≈ ${CONCURRENCY} × "bot busy ms / interaction" (the bot's event-loop busy time per interaction, which grows when other processes take the cores; ` +
        `"bot CPU" is the bot thread's own CPU time, user + kernel, which does not). Node ${process.version}, ${availableParallelism()} CPU(s), load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after.`,
    ].join('\n');
  } finally {
    await discord.stop();
    await bench.close();
    await ask(worker, { cmd: 'close' });
    await worker.terminate();
  }
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === 'fake-discord') {
  await fakeWorker();
} else if (isEntry(import.meta.url)) {
  // Alone (`node bin/run-ts.js bench/discord.ts`), print the table; under `npm run bench` the index runs it.
  runDiscordBench().then(
    (table) => console.log(table),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
