// Replicas posting summaries: 10,000 Slack channels due at the same minute, posted by 1, 2 and 3
// `dealbot start` processes on one PostgreSQL, through the local fake Slack (HTTP mode), which
// answers chat.postMessage after a fixed delay standing in for the platform's round trip. Each row
// is timed from the moment the subscriptions are committed (all due already) until the ledger
// records the last post; replicas notice them at their next poll (SUMMARY_POLL_S=1, so up to 1 s
// of the figure). Counted after each row: channels with no post and channels with two.
// Uses TEST_DATABASE_URL when set, else a throwaway cluster (scripts/pg.sh).
// Run alone: node bin/run-ts.js bench/replicas.ts   (REPLICA_BENCH_CHANNELS, REPLICA_BENCH_DELAY_MS)
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { POST_METADATA_TYPE } from '../src/adapters/slack/publisher.ts';
import { openStore } from '../src/store/index.ts';
import { all, run } from '../src/store/sql.ts';
import { startReplicas } from '../tests/replicas/helpers.ts';
import { FakeSlack } from '../tests/slack/fake-slack.ts';
import { isEntry } from './is-entry.ts';

const CHANNELS = Number(process.env.REPLICA_BENCH_CHANNELS ?? 10_000);
const DELAY_MS = Number(process.env.REPLICA_BENCH_DELAY_MS ?? 20);
const CONCURRENCY = 8;
const COUNTS = [1, 2, 3];

interface Row {
  replicas: number;
  seconds: number;
  duplicates: number;
  misses: number;
  load: number;
}

/** A PostgreSQL server for the run: TEST_DATABASE_URL, or a cluster of its own (stopped at the end). */
function server(): { url: string; stop(): void } {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => {} };
  const parent = mkdtempSync(join(tmpdir(), 'dealbot-bench-pg-'));
  chmodSync(parent, 0o755);
  const script = resolve(import.meta.dirname, '../scripts/pg.sh');
  const url = execFileSync('bash', [script, 'start', join(parent, 'cluster')], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
  return {
    url,
    stop: () => {
      execFileSync('bash', [script, 'stop', join(parent, 'cluster')], { stdio: 'ignore' });
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

async function withDatabase<T>(serverUrl: string, name: string, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function oneRow(serverUrl: string, replicaCount: number): Promise<Row> {
  return withDatabase(serverUrl, `dealbot_bench_${replicaCount}`, async (url) => {
    const slack = await FakeSlack.start();
    slack.postDelayMs = DELAY_MS;
    const store = await openStore({ DATABASE_PATH: 'unused', DATABASE_URL: url }); // migrations before the replicas start
    const replicas = await startReplicas(replicaCount, {
      databaseUrl: url,
      slack,
      prefix: `b${replicaCount}-r`,
      env: { SUMMARY_POLL_S: '1', SUMMARY_CONCURRENCY: String(CONCURRENCY), LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '12' },
    });
    try {
      const ids = Array.from({ length: CHANNELS }, (_, i) => `CB${String(i).padStart(6, '0')}`);
      const yesterday = Date.now() - 86_400_000;
      await store.driver.tx(async (q) => {
        for (let i = 0; i < ids.length; i += 1000) {
          const chunk = ids.slice(i, i + 1000);
          await run(
            q,
            `INSERT INTO subscriptions (platform, channel_id, times, timezone, lang, calendar, work_days, closed_notice, created_by, created_at, updated_at)
             VALUES ${chunk.map(() => "('slack', ?, '00:00', 'UTC', 'en', 'days', '1234567', 0, 'bench', ?, ?)").join(', ')}`,
            chunk.flatMap((id) => [id, yesterday, yesterday]),
          );
        }
      });
      const started = Date.now();
      for (;;) {
        const [row] = await all<{ n: number }>(store.driver, `SELECT COUNT(*) AS n FROM post_ledger WHERE kind = 'summary' AND state = 'sent'`);
        if ((row?.n ?? 0) >= CHANNELS) break;
        if (Date.now() - started > 30 * 60_000) throw new Error(`only ${row?.n} of ${CHANNELS} posted after 30 min`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (Date.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 300)); // anything still on its way lands now
      let duplicates = 0;
      let misses = 0;
      for (const id of ids) {
        const n = (slack.history.get(id) ?? []).filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === POST_METADATA_TYPE).length;
        if (n === 0) misses++;
        if (n > 1) duplicates++;
      }
      return { replicas: replicaCount, seconds, duplicates, misses, load: loadavg()[0]! };
    } finally {
      await replicas.stop();
      await store.close();
      await slack.close();
    }
  });
}

export async function runReplicaBench(log: (line: string) => void = () => {}): Promise<string> {
  const pgServer = server();
  try {
    const rows: Row[] = [];
    for (const n of COUNTS) {
      log(`replicas: ${n} replica(s), ${CHANNELS} channels…`);
      rows.push(await oneRow(pgServer.url, n));
    }
    const base = rows[0]!.seconds;
    return [
      `### Summaries: ${CHANNELS.toLocaleString('en')} channels due at the same minute, posted by N replicas on one PostgreSQL`,
      '',
      '| replicas | time to post all (s) | posts/s | speed-up | duplicates | misses | load average after |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.replicas} | ${r.seconds.toFixed(1)} | ${Math.round(CHANNELS / r.seconds)} | ${(base / r.seconds).toFixed(2)}× | ${r.duplicates} | ${r.misses} | ${r.load.toFixed(1)} |`),
      '',
      `Each replica is a \`dealbot start\` process (Slack HTTP mode, SUMMARY_CONCURRENCY=${CONCURRENCY}, SUMMARY_POLL_S=1) on one PostgreSQL ${process.env.TEST_DATABASE_URL ? '(TEST_DATABASE_URL)' : '(a throwaway local cluster)'}; the fake Slack answers chat.postMessage after ${DELAY_MS} ms. Timed from the commit of the subscriptions (all due) to the ledger's last \`sent\` row, the replicas' poll included. ${availableParallelism()} cores shared by the replicas, PostgreSQL and the fake.`,
    ].join('\n');
  } finally {
    pgServer.stop();
  }
}

if (isEntry(import.meta.url)) {
  runReplicaBench((line) => console.error(`[bench] ${line}`)).then(
    (table) => console.log(table),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
