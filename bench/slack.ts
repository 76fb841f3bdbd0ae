// Slack slash-command ack latency over loopback HTTP: the real Bolt app (HTTP mode, signature
// verification on, the real bot and fact base) against the local fake Slack, hit by 50
// concurrent signed /deal requests from a worker thread (its own event loop, like a real
// client). Target: p99 ack ≤ 25 ms (Slack's deadline is 3,000 ms), measured once the process is
// warm; the first requests after start are reported in a row of their own. Between burst rounds
// the loader collects its own young garbage, so its GC pauses are not timed as the app's.
// Run alone: node bin/run-ts.js bench/slack.ts
import { isEntry } from './is-entry.ts';
import { percentile, threadCpuMs } from './measure.ts';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { commands } from '../commands/index.ts';
import { readSlackConfig } from '../src/adapters/slack/config.ts';
import { benchRuntime } from './policy.ts';
import { startSlack } from '../src/adapters/slack/start.ts';
import { createBot } from '../src/core/create-bot.ts';
import { EngineHolder } from '../src/core/engine-holder.ts';
import { silentLogger } from '../src/ops/log.ts';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../tests/slack/fake-slack.ts';

const CONCURRENCY = 50;
const REQUESTS = Number(process.env.SLACK_BENCH_REQUESTS ?? 2000);
/** Unrecorded requests before each timed scenario: enough for V8 to have optimised the hot paths. */
const WARMUP = Number(process.env.SLACK_BENCH_WARMUP ?? 3000);
/** The cold row: the first requests after the app started. */
const COLD = 1000;
const QUERIES = ['energy', 'timeline', 'how much will nvidia invest?', 'combien de gigawatts ?', 'quotes', 'market', 'tesla', 'help'];

// The load generator and Slack's response_url side, in one worker kept for the whole run (its
// own event loop, like a real client and a remote Slack): keep-alive sockets, one signature per
// request, and a sink that timestamps each answer posted back. Each scenario first runs unrecorded
// in the same worker, so neither side's JIT, sockets nor pools are cold when timing starts.
const LOADER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { createHmac } = require('node:crypto');
const { url, secret, concurrency, queries } = workerData;
// A minor GC of this worker's heap only (the app's isolate is never collected for it).
require('node:v8').setFlagsFromString('--expose-gc');
const minorGc = require('node:vm').runInNewContext('gc');
const collect = () => minorGc({ type: 'minor' });
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const sent = new Map();
let answers = [];
let answered = 0;
let waiting;
let seq = 0;
const sink = http.createServer((req, res) => {
  const id = Number(req.url.split('/').pop());
  req.resume();
  req.on('end', () => {
    res.end('ok');
    const t = sent.get(id);
    sent.delete(id);
    if (t !== undefined) answers.push(Number(process.hrtime.bigint() - t) / 1e6);
    answered++;
    if (waiting && answered >= waiting.n) waiting.done();
  });
});
function until(n, ms) {
  return new Promise((done) => {
    if (answered >= n) return done();
    const timer = setTimeout(done, ms);
    waiting = { n, done: () => { clearTimeout(timer); waiting = undefined; done(); } };
  });
}
function one(i, sinkPort) {
  const body = new URLSearchParams({
    team_id: 'T0FAKE01', channel_id: 'C0BENCH01', channel_name: 'bench', user_id: 'U0BENCH' + (i % 20),
    user_name: 'bench', command: '/deal', text: queries[i % queries.length], api_app_id: 'A0FAKE01',
    response_url: 'http://127.0.0.1:' + sinkPort + '/r/' + i, trigger_id: 't' + i,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const sig = 'v0=' + createHmac('sha256', secret).update('v0:' + ts + ':' + body).digest('hex');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    sent.set(i, started);
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body),
        'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
async function scenario(mode, total, sinkPort) {
  answers = [];
  const latencies = [];
  let failed = 0;
  let issued = 0;
  const base = answered;
  const t0 = process.hrtime.bigint();
  if (mode === 'burst') {
    // Rounds of \${concurrency} requests sent at once; the next round starts once every answer is in.
    while (issued < total) {
      const round = Array.from({ length: Math.min(concurrency, total - issued) }, () => (issued++, one(seq++, sinkPort)));
      for (const r of await Promise.all(round)) r.status === 200 ? latencies.push(r.ms) : failed++;
      await until(base + issued - failed, 10000);
      collect(); // the loader's own garbage, outside the timed window
    }
  } else {
    // Closed loop: \${concurrency} clients, each sending its next request as soon as it is acked.
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        issued++;
        const r = await one(seq++, sinkPort);
        if (r.status === 200) latencies.push(r.ms); else failed++;
      }
    }));
  }
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  await until(base + total - failed, 60000);
  const answersWallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { latencies, failed, wallMs, answers, answersWallMs };
}
sink.listen(0, '127.0.0.1', () => {
  const sinkPort = sink.address().port;
  parentPort.on('message', async (msg) => {
    if (msg.cmd === 'close') {
      agent.destroy();
      sink.closeAllConnections();
      sink.close(() => parentPort.postMessage({ closed: true }));
      return;
    }
    try {
      parentPort.postMessage(await scenario(msg.mode, msg.total, sinkPort));
    } catch (err) {
      parentPort.postMessage({ error: String(err) });
    }
  });
  parentPort.postMessage({ ready: true });
});
`;

interface LoadResult {
  latencies: number[];
  failed: number;
  wallMs: number;
  answers: number[];
  answersWallMs: number;
}

type Mode = 'burst' | 'sustained';

function loader(url: string): { run(mode: Mode, total: number): Promise<LoadResult>; close(): Promise<void> } {
  const worker = new Worker(LOADER, {
    eval: true,
    workerData: { url, secret: SIGNING_SECRET, concurrency: CONCURRENCY, queries: QUERIES },
  });
  const next = <T>(): Promise<T> =>
    new Promise((resolvePromise, reject) => {
      const onError = (err: Error) => reject(err);
      worker.once('error', onError);
      worker.once('message', (m: T & { error?: string }) => {
        worker.off('error', onError);
        if (m.error) reject(new Error(m.error));
        else resolvePromise(m);
      });
    });
  const ready = next<{ ready: true }>();
  return {
    async run(mode, total) {
      await ready;
      const result = next<LoadResult>();
      worker.postMessage({ cmd: 'run', mode, total });
      return result;
    },
    async close() {
      const closed = next<{ closed: true }>();
      worker.postMessage({ cmd: 'close' });
      await closed;
      await worker.terminate();
    },
  };
}

/** A scenario with the app's event-loop busy time and CPU time per request (ack + answer work). */
async function measured(load: ReturnType<typeof loader>, mode: Mode, total: number): Promise<LoadResult & { busyMs: number; cpuMs: number }> {
  const before = performance.eventLoopUtilization();
  const cpuBefore = threadCpuMs();
  const r = await load.run(mode, total);
  const elu = performance.eventLoopUtilization(before);
  const cpuAfter = threadCpuMs();
  const n = Math.max(1, r.latencies.length + r.failed);
  return { ...r, busyMs: elu.active / n, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? NaN : (cpuAfter - cpuBefore) / n };
}

export async function runSlackBench(): Promise<string> {
  const fake = await FakeSlack.start();
  const config = readSlackConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' })!;
  const holder = new EngineHolder(resolve(import.meta.dirname, '../facts'));
  const bot = createBot({ engine: holder.current, commands, logger: silentLogger });
  const bench = await benchRuntime(bot);
  const slack = await startSlack({ ...config, host: '127.0.0.1', retries: 0 }, bench.runtime);
  const url = slack.eventsUrl!;
  const load = loader(url);
  const loadBefore = loadavg()[0]!;
  try {
    const cold = await measured(load, 'burst', COLD);
    await load.run('burst', WARMUP);
    const burst = await measured(load, 'burst', REQUESTS);
    await load.run('sustained', WARMUP);
    const sustained = await measured(load, 'sustained', REQUESTS);
    const f = (ms: number) => `${ms.toFixed(2)} ms`;
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const bursts = sorted(burst.latencies);
    const loop = sorted(sustained.latencies);
    const answers = sorted(sustained.answers);
    const p99 = percentile(bursts, 99);
    const rows: [string, string][] = [
      ['Setup', `real Bolt app (HTTP mode, signatures verified) + real bot, fact base and delivery policy (SQLite store, no rate limits); ${REQUESTS} signed /deal per scenario, each after ${WARMUP} unrecorded in the same mode (and ${COLD} timed as the cold row first); ${availableParallelism()} cores; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`],
      [`Burst of ${CONCURRENCY} at once: ack p50 / p99 / max`, `${f(percentile(bursts, 50))} / ${f(p99)} / ${f(bursts.at(-1) ?? NaN)} (target p99 ≤ 25 ms: ${p99 <= 25 ? 'met' : 'NOT met'})`],
      [`The first ${COLD} after start (cold), in bursts of ${CONCURRENCY}: ack p50 / p99 / max`, `${f(percentile(sorted(cold.latencies), 50))} / ${f(percentile(sorted(cold.latencies), 99))} / ${f(sorted(cold.latencies).at(-1) ?? NaN)}`],
      [`Burst: answers at response_url p50 / p99`, `${f(percentile(sorted(burst.answers), 50))} / ${f(percentile(sorted(burst.answers), 99))}`],
      [`Sustained, ${CONCURRENCY} clients in a closed loop: ack p50 / p99`, `${f(percentile(loop, 50))} / ${f(percentile(loop, 99))}`],
      ['Sustained: acked requests/s', `${Math.round((sustained.latencies.length / sustained.wallMs) * 1000)}`],
      ['Sustained: answers delivered/s (ack → response_url p50 / p99)', `${Math.round((answers.length / sustained.answersWallMs) * 1000)} (${f(percentile(answers, 50))} / ${f(percentile(answers, 99))})`],
      ['App thread per request, burst / sustained (ack + answer): CPU time; event-loop busy', `${f(burst.cpuMs)} / ${f(sustained.cpuMs)}; ${f(burst.busyMs)} / ${f(sustained.busyMs)}`],
      ['Failed acks / missing answers', `${burst.failed + sustained.failed + cold.failed} / ${2 * REQUESTS + COLD - burst.answers.length - sustained.answers.length - cold.answers.length}`],
    ];
    return ['### Slack: slash-command ack over loopback HTTP', '', '| Metric | Value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
  } finally {
    await load.close();
    await slack.stop();
    await bench.close();
    await fake.close();
  }
}

// Alone (`node bin/run-ts.js bench/slack.ts`), print the table; under `npm run bench` the index runs it.
if (isEntry(import.meta.url)) {
  runSlackBench().then(
    (table) => console.log(table),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
