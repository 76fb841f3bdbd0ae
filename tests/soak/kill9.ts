// One kill -9 trial: a day of summaries for fresh Slack and Discord channels, posted by real
// `dealbot start` processes against fake platforms that answer slowly (the message lands at once,
// the answer comes seconds later), while the processes are SIGKILLed at random moments and started
// again. Then every channel's messages are counted: more than one summary is a duplicate, none is
// a miss. Shared by `npm test` (one short trial) and `npm run soak` (many).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POST_METADATA_TYPE } from '../../src/adapters/slack/publisher.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { all, run } from '../../src/store/sql.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import type { FakeDiscord } from '../discord/fake-discord.ts';
import { freePort, healthy, ROOT, startDealbot, startEnv, until, type Started } from '../helpers/process.ts';
import { BOT_TOKEN, SIGNING_SECRET, type FakeSlack } from '../slack/fake-slack.ts';

export interface TrialOptions {
  slack: FakeSlack;
  discord: FakeDiscord;
  /** Channels on each platform (a channel-day each). */
  perPlatform: number;
  /** PostgreSQL URL: two replicas share it; without it, one process on a SQLite file, restarted. */
  databaseUrl?: string;
  tag: string;
  /** Random numbers (a seeded generator makes a trial replayable). */
  random: () => number;
  /** How many times a process is killed in the trial (default 2). */
  kills?: number;
}

export interface TrialResult {
  tag: string;
  mode: 'sqlite, 1 process' | 'postgres, 2 replicas';
  channels: number;
  /** Channels with more than one summary. */
  duplicates: string[];
  /** Channels with none. */
  misses: string[];
  kills: number;
  /** Posts a survivor found in the channel and recorded instead of posting again. */
  adopted: number;
  /** Discord posts sent again with the same nonce (Discord returned the first message). */
  nonceRepeats: number;
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A process of the trial: started, and started again after each kill. */
interface Proc {
  id: string;
  port: number;
  current: Started;
  all: Started[];
}

async function subscribeAll(store: Store, channels: { platform: string; id: string }[]): Promise<void> {
  const subs = new SubscriptionStore(store.driver);
  for (const channel of channels) await subs.subscribe({ channel, time: '00:00', timezone: 'UTC', lang: 'en', by: 'U1', calendar: 'days' });
  // Subscribed yesterday: today's 00:00 is due, and caught up at start.
  await run(store.driver, 'UPDATE subscriptions SET updated_at = ?', [Date.now() - 86_400_000]);
}

export async function killTrial(opts: TrialOptions): Promise<TrialResult> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), `dealbot-kill9-${opts.tag}-`));
  const storeConfig = opts.databaseUrl ? { DATABASE_PATH: 'unused', DATABASE_URL: opts.databaseUrl } : { DATABASE_PATH: join(dir, 'dealbot.db') };
  const slackIds = Array.from({ length: opts.perPlatform }, (_, i) => `C${opts.tag}-${String(i).padStart(3, '0')}`);
  const discordIds = Array.from({ length: opts.perPlatform }, () => opts.discord.addChannel());
  const channels = [...slackIds.map((id) => ({ platform: 'slack', id })), ...discordIds.map((id) => ({ platform: 'discord', id }))];
  const setup = await openStore(storeConfig);
  try {
    await subscribeAll(setup, channels);
  } finally {
    await setup.close();
  }

  const n = opts.databaseUrl ? 2 : 1;
  const procs: Proc[] = [];
  const envOf = (id: string, port: number) =>
    startEnv(join(dir, id), {
      ...storeConfig,
      ...opts.discord.env(),
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: opts.slack.apiUrl,
      PORT: String(port),
      REPLICA_ID: `${opts.tag}-${id}`,
      LOG_LEVEL: 'info',
      FACTS_DIR: join(ROOT, 'facts'),
      FACTS_WATCH: 'false',
      SUMMARY_LEASE_S: '10',
      SUMMARY_POLL_S: '1',
      SUMMARY_RETRY_S: '3', // a post answered 502 or cut off is looked for, and adopted, 3 s later
      // Few posts at once on a slow platform: a run outlasts the lease, as with many channels.
      SUMMARY_CONCURRENCY: '2',
      STORE_PROBE_S: '1',
      // Its own pid file in the trial's directory (on PostgreSQL there is no SQLite file to sit beside).
      PID_FILE: join(dir, id, 'dealbot.pid'),
    });
  const launch = (p: Proc) => {
    p.current = startDealbot(envOf(p.id, p.port));
    p.all.push(p.current);
  };
  let kills = 0;
  try {
    for (let i = 1; i <= n; i++) {
      const p: Proc = { id: `p${i}`, port: await freePort(), current: undefined as never, all: [] };
      launch(p);
      procs.push(p);
    }
    // kill -9 at random moments while the posts are in flight (once one has reached a platform, so
    // the kill lands mid-run), each process started again after a while.
    const landed = () =>
      slackIds.reduce((a, id) => a + (opts.slack.history.get(id)?.length ?? 0), 0) +
      opts.discord.requests.filter((r) => r.method === 'POST' && discordIds.some((id) => r.path === `/channels/${id}/messages`)).length;
    for (let k = 0; k < (opts.kills ?? 2); k++) {
      const before = landed();
      await until('a post to reach a platform', async () => (landed() > before ? true : undefined), 30_000).catch(() => undefined);
      await sleep(opts.random() * 2500);
      const victim = procs[Math.floor(opts.random() * procs.length)]!;
      victim.current.child.kill('SIGKILL');
      await victim.current.exited;
      kills++;
      await sleep(200 + opts.random() * 1500);
      launch(victim);
    }
    await Promise.all(procs.map((p) => healthy(p.port)));
    const check = await openStore(storeConfig);
    try {
      await until(
        'every channel posted and recorded',
        async () => {
          const rows = await all<{ n: number }>(check.driver, `SELECT COUNT(*) AS n FROM post_ledger WHERE kind = 'summary' AND state IN ('sent', 'failed') AND channel_id IN (${channels.map(() => '?').join(', ')})`, channels.map((c) => c.id));
          return Number(rows[0]?.n) >= channels.length ? true : undefined;
        },
        120_000,
      );
    } finally {
      await check.close();
    }
    await sleep(500); // anything still on its way lands now
  } finally {
    for (const p of procs) if (p.current?.child.exitCode === null) p.current.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => Promise.race([p.current?.exited, sleep(15_000)])));
    for (const p of procs) if (p.current?.child.exitCode === null) p.current.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...count(opts, slackIds, discordIds), tag: opts.tag, mode: opts.databaseUrl ? 'postgres, 2 replicas' : 'sqlite, 1 process', channels: channels.length, kills, adopted: adoptedIn(procs), ms: Date.now() - started };
}

/** Summaries each channel got: Slack's by their metadata, Discord's by the bot's messages there. */
function count(opts: TrialOptions, slackIds: string[], discordIds: string[]) {
  const duplicates: string[] = [];
  const misses: string[] = [];
  const tally = (id: string, posts: number) => {
    if (posts > 1) duplicates.push(id);
    if (posts === 0) misses.push(id);
  };
  for (const id of slackIds) tally(id, (opts.slack.history.get(id) ?? []).filter((m) => (m.metadata as { event_type?: string } | undefined)?.event_type === POST_METADATA_TYPE).length);
  const messages = [...opts.discord.messages.values()];
  for (const id of discordIds) tally(`discord:${id}`, messages.filter((m) => m.channel_id === id && m.author.id === opts.discord.botUser.id).length);
  const sent = opts.discord.requests.filter((r) => r.method === 'POST' && discordIds.some((id) => r.path === `/channels/${id}/messages`)).length;
  return { duplicates, misses, nonceRepeats: Math.max(0, sent - discordIds.length) };
}

function adoptedIn(procs: Proc[]): number {
  return procs.flatMap((p) => p.all).reduce((n, s) => n + (s.output().match(/already posted by an earlier attempt; adopted/g)?.length ?? 0), 0);
}

/** A small seeded generator (mulberry32), so a failing trial can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
