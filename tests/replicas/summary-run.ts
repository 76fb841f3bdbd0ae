// One run of "many channels due at the same minute, a replica killed mid-run": shared by the
// replica test (once) and `npm run soak` (many times).
import { openStore } from '../../src/store/index.ts';
import { all, run } from '../../src/store/sql.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { until } from '../helpers/process.ts';
import { POST_METADATA_TYPE } from '../../src/adapters/slack/publisher.ts';
import type { FakeSlack } from '../slack/fake-slack.ts';
import { startReplicas } from './helpers.ts';

export interface RunResult {
  channels: number;
  posted: number;
  /** Channels with more than one summary message. */
  doubled: string[];
  /** Channels with none. */
  missed: string[];
  killed: string;
  /** Posts the killed replica had made and a survivor adopted instead of posting again. */
  adopted: number;
  ms: number;
}

/**
 * Subscribes `channels` Slack channels to a 00:00 UTC summary (set up yesterday, so today's is due
 * and caught up at once), starts 3 replicas, SIGKILLs the one holding claims once `killAfter`
 * posts landed, then waits for every channel and counts what each got.
 */
export async function summaryRun(opts: { databaseUrl: string; slack: FakeSlack; channels: number; killAfter: number; tag: string }): Promise<RunResult> {
  const started = Date.now();
  const store = await openStore({ DATABASE_PATH: 'unused', DATABASE_URL: opts.databaseUrl });
  // The tag ends with '-': no run's channel ids are a prefix of another's (the ledger count below filters by it).
  const ids = Array.from({ length: opts.channels }, (_, i) => `C${opts.tag}-${String(i).padStart(4, '0')}`);
  try {
    const subs = new SubscriptionStore(store.driver);
    for (const id of ids) await subs.subscribe({ channel: { platform: 'slack', id }, time: '00:00', timezone: 'UTC', lang: 'en', by: 'U1' });
    await run(store.driver, 'UPDATE subscriptions SET updated_at = ?', [Date.now() - 86_400_000]);
  } finally {
    await store.close();
  }
  const countPosts = () => ids.reduce((n, id) => n + (opts.slack.history.get(id)?.length ?? 0), 0);
  const replicas = await startReplicas(3, {
    databaseUrl: opts.databaseUrl,
    slack: opts.slack,
    prefix: `${opts.tag}-r`,
    env: { SUMMARY_LEASE_S: '10', SUMMARY_POLL_S: '2', SUMMARY_CONCURRENCY: '2' },
  });
  let killed = '';
  try {
    await until('posts to begin', async () => (countPosts() >= opts.killAfter ? true : undefined), 60_000);
    // The replica holding claims right now is the one to kill (its posts in flight are the test).
    const check = await openStore({ DATABASE_PATH: 'unused', DATABASE_URL: opts.databaseUrl });
    try {
      const holders = await all<{ owner: string }>(check.driver, `SELECT owner FROM post_ledger WHERE state = 'claimed' AND owner IS NOT NULL`);
      const owner = holders[0]?.owner ?? `summary:${replicas.list[0]!.id}`;
      const victim = replicas.list.find((r) => owner === `summary:${r.id}`) ?? replicas.list[0]!;
      killed = victim.id;
      await replicas.kill(victim);
      await until(
        'every channel posted and recorded',
        async () => {
          const [row] = await all<{ n: number }>(check.driver, `SELECT COUNT(*) AS n FROM post_ledger WHERE kind = 'summary' AND state = 'sent' AND channel_id LIKE ?`, [`C${opts.tag}-%`]);
          return row && row.n >= ids.length ? true : undefined;
        },
        90_000,
      );
    } finally {
      await check.close();
    }
    await new Promise((r) => setTimeout(r, 500)); // anything still on its way lands now
  } finally {
    await replicas.stop();
  }
  const doubled: string[] = [];
  const missed: string[] = [];
  for (const id of ids) {
    const posts = (opts.slack.history.get(id) ?? []).filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === POST_METADATA_TYPE);
    if (posts.length > 1) doubled.push(id);
    if (posts.length === 0) missed.push(id);
  }
  const adopted = replicas.list.reduce((n, r) => n + (r.proc.output().match(/adopted/g)?.length ?? 0), 0);
  return { channels: ids.length, posted: countPosts(), doubled, missed, killed, adopted, ms: Date.now() - started };
}
