// Several deals through the real Slack adapter and the fake Slack: `/deal use` is for workspace
// admins (users.info) and users in DEALBOT_ADMINS, kept in a real SQLite store; `/deal` then answers
// from the channel's deal, a mention naming the other deal's party from that deal, each answer with
// its deal under the header.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_ADMIN_RULE } from '../../src/adapters/slack/admin.ts';
import { SqlChannelDeals } from '../../src/store/channel-deals.ts';
import { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { SECOND, twoDealHolder } from '../helpers/deals.ts';
import { BOT_USER_ID, eventEnvelope, eventRequest, postToApp, slackRejects, slashCommand } from './fake-slack.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
let db: Db;
let dir: string;
let store: SqlChannelDeals;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealbot-slack-deals-'));
  db = Db.open(join(dir, 'dealbot.db'));
  store = new SqlChannelDeals(db);
  const holder = twoDealHolder();
  h = await startHarness({ admins: 'U0LISTED1', botOptions: { engine: holder.current, deals: holder.deals, channelDeals: store } });
  h.fake.users.set('U0ADMIN01', { name: 'boss', is_admin: true });
  h.fake.users.set('U0MEMBER1', { name: 'member' });
});
afterAll(async () => {
  await h?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Block = { type: string; text?: { text: string }; elements?: { text: string }[] };

const NAMES: Record<string, string> = { U0ADMIN01: 'boss', U0MEMBER1: 'member', U0LISTED1: 'listed' };

async function deal(text: string, user: string, channel: string) {
  const responseUrl = h.fake.responseUrl();
  expect((await postToApp(h.slack.eventsUrl!, slashCommand({ text, responseUrl, user, userName: NAMES[user], channel }))).status).toBe(200);
  const body = (await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0])).body as { text: string; blocks: Block[] };
  expect(slackRejects(body)).toBeUndefined();
  return body;
}

/** The context line right under the header: which deal the answer is about. */
const dealLine = (blocks: Block[]) => (blocks[0]?.type === 'header' && blocks[1]?.type === 'context' ? blocks[1].elements?.[0]?.text : undefined);

describe('/deal use on Slack', () => {
  it('refuses a member, and changes nothing', async () => {
    const body = await deal(`use ${SECOND}`, 'U0MEMBER1', 'C0DEALS01');
    expect(body.text).toContain(SLACK_ADMIN_RULE.en);
    expect(await store.get({ platform: 'slack', id: 'C0DEALS01' })).toBeUndefined();
    // The channel still asks about the default deal.
    expect(dealLine((await deal('', 'U0MEMBER1', 'C0DEALS01')).blocks)).toBe('Deal: OpenAI–Nvidia partnership');
  });

  it('lets a workspace admin set the channel’s deal; /deal then answers from it, with its name under the header', async () => {
    const set = await deal(`use ${SECOND}`, 'U0ADMIN01', 'C0DEALS01');
    expect(set.text).toContain('This channel now asks about Northwind–Kestrel acquisition (northwind-kestrel)');
    expect(await store.get({ platform: 'slack', id: 'C0DEALS01' })).toMatchObject({ deal: SECOND, setBy: 'boss' });
    expect(h.fake.callsOf('users.info').some((c) => c.args.user === 'U0ADMIN01')).toBe(true);

    const overview = await deal('', 'U0MEMBER1', 'C0DEALS01');
    expect(dealLine(overview.blocks)).toBe('Deal: Northwind–Kestrel acquisition');
    expect(overview.text).toContain('up to $640 million');
    expect(overview.text).not.toContain('$100 billion');
    // Another channel keeps the default deal.
    expect(dealLine((await deal('', 'U0MEMBER1', 'C0DEALS02')).blocks)).toBe('Deal: OpenAI–Nvidia partnership');
  });

  it('lets a user listed in DEALBOT_ADMINS set it, and anyone see it', async () => {
    await deal('use openai-nvidia', 'U0LISTED1', 'C0DEALS03');
    expect((await store.get({ platform: 'slack', id: 'C0DEALS03' }))?.deal).toBe('openai-nvidia');
    expect((await deal('use', 'U0MEMBER1', 'C0DEALS03')).text).toMatch(/This channel asks about OpenAI–Nvidia partnership \(openai-nvidia\), set by listed on /);
  });

  it('answers a mention naming the other deal’s party from that deal, in the thread', async () => {
    const ts = '1700000900.000100';
    await postToApp(h.slack.eventsUrl!, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0MEMBER1', text: `<@${BOT_USER_ID}> how much will Nvidia invest?`, ts, channel: 'C0DEALS01' })));
    const call = await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.thread_ts === ts));
    expect(dealLine(call.args.blocks as Block[])).toBe('Deal: OpenAI–Nvidia partnership');
    expect(String(call.args.text)).toContain('$100 billion');
  });

  it('lists the deals, marking this channel’s', async () => {
    const body = await deal('deals', 'U0MEMBER1', 'C0DEALS01');
    expect(body.text).toContain('northwind-kestrel — Northwind–Kestrel acquisition · pending approval');
    expect(body.text).toMatch(/northwind-kestrel — [^\n]*← this channel/);
  });
});
