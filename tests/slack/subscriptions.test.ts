// Daily-summary subscriptions through the real Slack adapter: who may subscribe is decided by
// users.info (admin/owner) or DEALBOT_ADMINS, and the summary goes out through the publisher.
import { SLACK_ADMIN_RULE } from '../../src/adapters/slack/admin.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../src/adapters/slack/render.ts';
import { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { buildSummary } from '../../src/summary/build.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { TEAM_ID, dataVisualizationProblem, postToApp, slackRejects, slashCommand } from './fake-slack.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
let db: Db;
let dir: string;
let store: SubscriptionStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealbot-slack-'));
  db = Db.open(join(dir, 'dealbot.db'));
  store = new SubscriptionStore(db);
  h = await startHarness({ admins: 'U0LISTED1', botOptions: { subscriptions: store, defaultTimezone: 'Europe/Paris' } });
  h.fake.users.set('U0ADMIN01', { name: 'boss', is_admin: true });
  h.fake.users.set('U0MEMBER1', { name: 'member' });
});
afterAll(async () => {
  await h?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function deal(text: string, user: string, channel: string) {
  const responseUrl = h.fake.responseUrl();
  expect((await postToApp(h.slack.eventsUrl!, slashCommand({ text, responseUrl, user, channel }))).status).toBe(200);
  return (await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0])).body as { text: string; blocks: unknown[] };
}

describe('/deal subscribe on Slack', () => {
  it('lets a workspace admin subscribe the channel', async () => {
    const body = await deal('subscribe 08:30 Europe/Paris', 'U0ADMIN01', 'C0SUBS001');
    expect(slackRejects(body)).toBeUndefined();
    expect(await store.get({ platform: 'slack', id: 'C0SUBS001' })).toMatchObject({ time: '08:30', timezone: 'Europe/Paris', channel: { workspace: TEAM_ID } });
    expect(h.fake.callsOf('users.info').some((c) => c.args.user === 'U0ADMIN01')).toBe(true);
  });

  it('refuses a member, and changes nothing', async () => {
    const body = await deal('subscribe 07:00 UTC', 'U0MEMBER1', 'C0SUBS002');
    expect(body.text).toContain(SLACK_ADMIN_RULE.en);
    expect(await store.get({ platform: 'slack', id: 'C0SUBS002' })).toBeUndefined();
    const unsub = await deal('unsubscribe', 'U0MEMBER1', 'C0SUBS001');
    expect(unsub.text).toContain(SLACK_ADMIN_RULE.en);
    expect(await store.get({ platform: 'slack', id: 'C0SUBS001' })).toBeDefined();
  });

  it('lets a user listed in DEALBOT_ADMINS subscribe', async () => {
    await deal('subscribe', 'U0LISTED1', 'C0SUBS003');
    expect(await store.get({ platform: 'slack', id: 'C0SUBS003' })).toMatchObject({ time: '09:00', timezone: 'Europe/Paris' });
  });

  it('posts the daily summary through the publisher and returns the message ts', async () => {
    const now = new Date();
    const summary = buildSummary({ base: h.bot.engine().base, lang: 'fr', now, timezone: 'Europe/Paris', market: { provider: undefined, takenAt: now, quotes: new Map(), failures: new Map() } });
    const { messageId } = await h.slack.publisher.post({ platform: 'slack', id: 'C0SUBS001' }, summary);
    const call = h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0SUBS001')!;
    expect(call).toBeDefined();
    expect(messageId).toMatch(/^\d+\.\d+$/);
    expect(slackRejects(call.args)).toBeUndefined();
    expect((call.args.blocks as unknown[]).length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(call.raw).not.toMatch(/link_names|parse=/);
    expect(call.args.unfurl_links).toBe('false');
  });

  it('posts the summary’s chart as data visualization blocks; a workspace that refuses them gets the table', async () => {
    const now = new Date('2026-04-01T15:00:00Z');
    const quote = (symbol: string, changePercent: number) => ({ symbol, price: 100, change: 1, changePercent, previousClose: 99, asOf: new Date('2026-04-01T14:58:00Z'), provider: 'Finnhub', stale: false, fetchedAt: now });
    const market = { provider: 'Finnhub', takenAt: now, quotes: new Map([['NVDA', quote('NVDA', 1.2)], ['AMD', quote('AMD', -0.7)]]), failures: new Map() };
    const summary = buildSummary({ base: h.bot.engine().base, lang: 'en', now, timezone: 'America/New_York', market });
    await h.slack.publisher.post({ platform: 'slack', id: 'C0CHART01' }, summary);
    const call = h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0CHART01')!;
    expect(slackRejects(call.args)).toBeUndefined();
    const charts = (call.args.blocks as Array<Record<string, any>>).filter((b) => b.type === 'data_visualization');
    expect(charts.map((c) => [c.title, c.chart.axis_config.categories])).toEqual([
      ['Share moves (%) · At announcement', ['NVDA', 'ORCL', 'AVGO']],
      ['Share moves (%) · Latest session', ['NVDA', 'AMD']],
    ]);
    expect(charts.every((c) => dataVisualizationProblem(c) === undefined)).toBe(true);
    expect(String(call.args.text)).toMatch(/NVDA +\+4\.4% +\+1\.20%/);

    h.fake.fail('chat.postMessage', 'invalid_blocks');
    const before = h.fake.callsOf('chat.postMessage').length;
    const { messageId } = await h.slack.publisher.post({ platform: 'slack', id: 'C0CHART02' }, summary);
    expect(messageId).toMatch(/^\d+\.\d+$/);
    const retried = h.fake.callsOf('chat.postMessage').slice(before);
    expect(retried).toHaveLength(2);
    const blocks = retried[1]!.args.blocks as Array<Record<string, any>>;
    expect(blocks.some((b) => b.type === 'data_visualization')).toBe(false);
    expect(blocks.some((b) => b.type === 'section' && /```Company/.test(b.text.text))).toBe(true);
  });
});
