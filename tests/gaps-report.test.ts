// `dealbot gaps`, the curators' report, as a user runs it: questions that got no facts and answers
// voted 👎 together, the same question counted once across both, most frequent first, with what
// voters said was missing, what the 👎'd answers showed and the nearest facts; --json for tools.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.ts';
import { runDealbot } from './helpers/process.ts';
import { tempDir } from './summary/helpers.ts';

const tmp = tempDir('dealbot-gaps-report-');
const env = { DATABASE_PATH: join(tmp.dir, 'dealbot.db'), GAPS_LOG: join(tmp.dir, 'gaps.jsonl') };

beforeAll(async () => {
  const store = await openStore({ DATABASE_PATH: env.DATABASE_PATH });
  const now = Date.now();
  const answer = (id: string, query: string, workspace: string) =>
    store.feedback.record({ id, platform: id.startsWith('d') ? 'discord' : 'slack', workspace, channelId: 'C1', query, lang: 'en', factIds: ['investment-up-to-100bn', 'deal-value-100bn'], baseVersion: 'ffbdf48e5eef4b25', at: now });
  await answer('s1', 'how much will Nvidia invest?', 'T1');
  await answer('s2', 'How much will Nvidia invest', 'T1');
  await answer('d1', 'how much will nvidia invest?', 'G1');
  const vote = (answerId: string, userId: string, v: 1 | -1, workspace: string) => store.feedback.vote({ answerId, userId, platform: answerId.startsWith('d') ? 'discord' : 'slack', workspace, vote: v, at: now });
  await vote('s1', 'U1', -1, 'T1');
  await store.feedback.comment('s1', 'U1', 'when the money arrives');
  await vote('s2', 'U2', -1, 'T1');
  await vote('s2', 'U3', 1, 'T1'); // a 👍 is no gap
  await vote('d1', 'D1', -1, 'G1');
  await store.unanswered.record({ at: new Date(now).toISOString(), query: 'tesla', lang: 'en', platform: 'slack', workspace: 'T1' });
  await store.unanswered.record({ at: new Date(now).toISOString(), query: 'How much will Nvidia invest?', lang: 'en', platform: 'slack', workspace: 'T2' });
  await store.close();
});
afterAll(() => tmp.cleanup());

describe('dealbot gaps', () => {
  it('lists 👎 answers and unanswered questions together, most frequent first, with what was missing', async () => {
    const r = await runDealbot(['gaps'], { env });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\s+\d+\s/.test(l));
    // The same question however it was typed (case, punctuation) counts once; it shows one of its wordings.
    expect(rows[0]).toMatch(/^\s+4\s+how much will nvidia invest\??\s+\(no facts ×1, 👎 ×3; last .*, en, slack\/discord\)$/i);
    expect(rows[1]).toMatch(/^\s+1\s+tesla\s+\(no facts ×1;/);
    expect(r.stdout).toContain('missing: “when the money arrives”');
    expect(r.stdout).toContain('👎 answer showed: investment-up-to-100bn, deal-value-100bn (fact base ffbdf48e5eef4b25)');
    expect(r.stdout).toMatch(/unknown words: tesla/);
  });

  it('keeps to one workspace with --workspace, and gives tools JSON', async () => {
    const r = await runDealbot(['gaps', '--json', '--workspace', 'T1'], { env });
    const report = JSON.parse(r.stdout);
    expect(report.map((g: { query: string; unanswered: number; downVotes: number }) => [g.query.toLowerCase().replace('?', ''), g.unanswered, g.downVotes])).toEqual([
      ['how much will nvidia invest', 0, 2],
      ['tesla', 1, 0],
    ]);
    expect(report[0]).toMatchObject({ comments: ['when the money arrives'], shown: [{ factIds: ['investment-up-to-100bn', 'deal-value-100bn'], version: 'ffbdf48e5eef4b25' }], answeredNow: true, nearest: expect.any(Array) });
  });
});
