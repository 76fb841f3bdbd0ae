// kill -9 at random moments while Slack and Discord answer slowly: every channel gets its summary
// exactly once (issue 12). `npm test` runs one short trial on SQLite; `npm run soak` runs
// SOAK_TRIALS of them (SOAK_CHANNELS channels on each platform per trial), alternating one SQLite
// process restarted and two replicas on PostgreSQL, and prints the totals the README records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { freshDatabase, HAS_POSTGRES } from '../helpers/postgres.ts';
import { FakeSlack } from '../slack/fake-slack.ts';
import { killTrial, seeded, type TrialResult } from './kill9.ts';

const TRIALS = Number(process.env.SOAK_TRIALS ?? 1);
const PER_PLATFORM = Number(process.env.SOAK_CHANNELS ?? (TRIALS > 1 ? 8 : 3));
const SEED = Number(process.env.SOAK_SEED ?? 12);

describe('kill -9 while the platforms are slow: each channel-day posted exactly once', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  const random = seeded(SEED);
  const results: TrialResult[] = [];

  beforeAll(async () => {
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start();
    // The message lands at once; the answer takes 0.3 to 4 s, one in ten 12 s (longer than the
    // 10 s lease): kills catch posts in flight, and a run outlasts the lease.
    const slow = () => (random() < 0.1 ? 12_000 : 300 + random() * 3700);
    slack.postDelayMs = slow;
    discord.channelPostDelayMs = slow;
    // And one post in ten lands but is answered by a proxy's 502 or a dropped connection.
    const outcome = () => { const x = random(); return x < 0.05 ? 'bad-gateway' as const : x < 0.1 ? 'reset' as const : 'ok' as const; };
    slack.postOutcome = outcome;
    discord.channelPostOutcome = outcome;
    if (HAS_POSTGRES && TRIALS > 1) db = await freshDatabase('dealbot_kill9');
  });

  afterAll(async () => {
    await slack?.close();
    await discord?.close();
    await db?.drop();
    if (results.length === 0) return;
    const total = (f: (r: TrialResult) => number) => results.reduce((n, r) => n + f(r), 0);
    console.log(
      [
        `kill -9 soak (seed ${SEED}): ${results.length} trial(s), ${total((r) => r.channels)} channel-days, ${total((r) => r.kills)} kills,`,
        `${total((r) => r.duplicates.length)} duplicate(s), ${total((r) => r.misses.length)} miss(es),`,
        `${total((r) => r.adopted)} post(s) adopted after a kill, ${total((r) => r.nonceRepeats)} Discord post(s) sent again and answered by their nonce`,
        ...results.map((r) => `  ${r.tag} (${r.mode}): ${r.channels} channels, ${r.kills} kills, ${r.duplicates.length} dup, ${r.misses.length} miss, ${r.adopted} adopted, ${r.nonceRepeats} nonce repeats, ${Math.round(r.ms / 1000)} s`),
      ].join('\n'),
    );
  });

  for (let n = 1; n <= TRIALS; n++) {
    const onPostgres = n % 2 === 0 && HAS_POSTGRES;
    it(`trial ${n} of ${TRIALS}: ${onPostgres ? 'two replicas on PostgreSQL' : 'one process on SQLite'}, ${2 * PER_PLATFORM} channels`, async () => {
      const result = await killTrial({ slack, discord, perPlatform: PER_PLATFORM, tag: `K${n}`, random, kills: TRIALS > 1 ? 2 : 1, ...(onPostgres && db ? { databaseUrl: db.url } : {}) });
      results.push(result);
      expect(result.duplicates).toEqual([]);
      expect(result.misses).toEqual([]);
    }, 240_000);
  }
});
