// The real Bolt app in HTTP mode, end to end on loopback: Slack's signed requests go in,
// and what the bot sends comes out at the fake Slack (Web API and response_url), recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSlack, SHARE_ACTION_ID, SLACK_LIMITS, blocksChars } from '../../src/adapters/slack/render.ts';
import { decodeShare } from '../../src/adapters/slack/share.ts';
import type { Asker } from '../../src/core/bot.ts';
import { t } from '../../src/core/i18n.ts';
import {
  APP_TOKEN,
  BOT_ID,
  BOT_TOKEN,
  BOT_USER_ID,
  SIGNING_SECRET,
  blockActionsPayload,
  blockActionsRequest,
  eventEnvelope,
  eventRequest,
  postToApp,
  signatureHeaders,
  slackRejects,
  slashCommand,
  type ApiCall,
} from './fake-slack.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;
let url: string;

beforeAll(async () => {
  h = await startHarness({ admins: 'U0LISTED1' });
  url = h.slack.eventsUrl!;
});
afterAll(async () => {
  await h?.close();
});

type Payload = { text?: unknown; blocks?: any[]; [k: string]: unknown };

/** Sends a /deal command and returns the ack and the first response_url post. */
async function command(text: string, opts: { user?: string; userName?: string; channel?: string } = {}) {
  const responseUrl = h.fake.responseUrl();
  const ack = await postToApp(url, slashCommand({ text, responseUrl, ...opts }));
  const response = await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0], 5000, `a response to /deal ${text}`);
  return { ack, responseUrl, body: response.body as Payload };
}

function expectWithinLimits(p: Payload): void {
  expect(slackRejects(p)).toBeUndefined();
  const blocks = p.blocks ?? [];
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  expect(blocksChars(blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(3000);
  }
  expect(typeof p.text).toBe('string');
  expect((p.text as string).length).toBeGreaterThan(0);
}

/** No field Slack would use to turn names into pings, and no active mention anywhere. */
function expectNoPing(p: Payload | ApiCall): void {
  const json = JSON.stringify('raw' in p ? p.args : p);
  expect(json).not.toMatch(/"link_names"|"parse"/);
  if ('raw' in p) expect(p.raw).not.toMatch(/(^|&)(link_names|parse)=/);
  expect(json).not.toMatch(/<!(channel|here|everyone|subteam)/);
  expect(json).not.toMatch(/<@U/);
}

/** Every text string in a payload (fallback text and block texts). */
function allTexts(p: Payload): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'text' && typeof x === 'string' ? out.push(x) : visit(x);
  };
  visit(p);
  return out;
}

function expectEscaped(text: string): void {
  const withoutLinks = text.replace(/<https?:\/\/[^\s|<>]+\|[^<>]*>/g, '');
  expect(withoutLinks).not.toMatch(/[<>]/);
  expect(withoutLinks).not.toMatch(/&(?!amp;|lt;|gt;)/);
}

/** Each item section is followed by its citation context. */
function itemSectionsWithCitation(blocks: any[]): number {
  let items = 0;
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    if (next?.type === 'context' && /^\[\d+\]/.test(String(next.elements?.[0]?.text ?? ''))) {
      expect(b.type).toBe('section');
      items++;
    }
  });
  return items;
}

function slackAsker(over: Partial<Asker> = {}): Asker {
  return {
    platform: 'slack',
    channel: { platform: 'slack', id: 'C0CHAN001' },
    user: { id: 'U0ASKER01' },
    isAdmin: async () => false,
    ...over,
  };
}

describe('/deal over HTTP', () => {
  it('acks at once, then answers privately through response_url with cited Block Kit and a share button', async () => {
    const { ack, body } = await command('energy');
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    expect(body.response_type).toBe('ephemeral');
    expectWithinLimits(body);
    expectNoPing(body);
    const blocks = body.blocks!;
    expect(blocks[0].type).toBe('header');
    const cited = itemSectionsWithCitation(blocks);
    expect(cited).toBeGreaterThan(0);
    // The same answer the core gives, rendered the same way (plus the button).
    const expected = await h.bot.answer('energy', slackAsker());
    expect(cited).toBe(expected.items.length);
    const button = blocks.at(-1)!;
    expect(button.type).toBe('actions');
    expect(button.elements[0].action_id).toBe(SHARE_ACTION_ID);
    expect(button.elements[0].value.length).toBeLessThanOrEqual(2000);
    expect(decodeShare(button.elements[0].value)).toEqual({ id: expect.any(String), l: expected.lang });
    // The text fallback carries the items' content too, each with its source's number and section.
    for (const item of expected.items.slice(0, 3)) expect(body.text).toContain(`[1] § ${item.citation.section}`.slice(0, 30).replace(/&/g, '&amp;'));
  });

  it('escapes a hostile query and never pings', async () => {
    for (const hostile of ['<!channel> <@U123> & <script>', '&lt;!channel&gt; &lt;@U123&gt; &amp; &lt;script&gt;', '<!here> <!everyone> <!subteam^S0123|@team> <@U123|bob> <script>']) {
      const { body } = await command(hostile);
      expectWithinLimits(body);
      expectNoPing(body);
      expect(JSON.stringify(body)).not.toContain('<script>');
      // Whatever is echoed of it comes back escaped: no bare & < > outside our own links.
      for (const text of allTexts(body)) expectEscaped(text);
      if (hostile.includes('&')) expect(body.text).toContain('&amp;');
    }
  });

  it('cuts a long answer inside Slack limits with "… and N more"', async () => {
    const { body } = await command('flood');
    expectWithinLimits(body);
    const blocks = body.blocks!;
    const shown = itemSectionsWithCitation(blocks);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(120);
    const more = t('en').moreFacts(120 - shown).replace(' (try a narrower question)', '');
    expect(JSON.stringify(blocks)).toContain(more);
    expect(body.text).toContain(more);
  });

  it('posts directly to the channel with "/deal share …", attributed to the asker', async () => {
    const before = h.fake.callsOf('chat.postMessage').length;
    const responseUrl = h.fake.responseUrl();
    const ack = await postToApp(url, slashCommand({ text: 'share energy', responseUrl, userName: 'carol', channel: 'C0SHARE01' }));
    expect(ack.status).toBe(200);
    const call = await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').slice(before).find((c) => c.args.channel === 'C0SHARE01'));
    expect(call.token).toBe(BOT_TOKEN);
    expectWithinLimits(call.args);
    expectNoPing(call);
    expect(JSON.stringify(call.args.blocks)).toContain('Asked by @carol');
    expect(JSON.stringify(call.args.blocks)).not.toContain(SHARE_ACTION_ID);
    expect(itemSectionsWithCitation(call.args.blocks as any[])).toBeGreaterThan(0);
  });

  it('checks admins through users.info or DEALBOT_ADMINS', async () => {
    h.fake.users.set('U0ADMIN01', { name: 'boss', is_admin: true });
    h.fake.users.set('U0OWNER01', { name: 'owner', is_primary_owner: true });
    h.fake.users.set('U0MEMBER1', { name: 'member' });
    const title = (b: Payload) => b.blocks?.[0]?.text?.text;
    expect(title((await command('adminprobe', { user: 'U0ADMIN01' })).body)).toBe('ADMIN-YES');
    expect(title((await command('adminprobe', { user: 'U0OWNER01' })).body)).toBe('ADMIN-YES');
    expect(title((await command('adminprobe', { user: 'U0MEMBER1' })).body)).toBe('ADMIN-NO');
    expect(title((await command('adminprobe', { user: 'U0UNKNOWN' })).body)).toBe('ADMIN-NO'); // users.info fails → refused
    const lookups = h.fake.callsOf('users.info').length;
    expect(title((await command('adminprobe', { user: 'U0LISTED1' })).body)).toBe('ADMIN-YES');
    // Listed: admin without a lookup; the one users.info call is for the language (include_locale), once.
    expect(h.fake.callsOf('users.info').slice(lookups).map((c) => [c.args.user, c.args.include_locale])).toEqual([['U0LISTED1', 'true']]);
    await command('adminprobe', { user: 'U0LISTED1' });
    expect(h.fake.callsOf('users.info').length).toBe(lookups + 1); // cached
  });
});

describe('signature verification', () => {
  async function expectRejected(headers: Record<string, string>, body = slashCommand({ text: 'energy', responseUrl: h.fake.responseUrl() })) {
    const calls = h.fake.calls.length;
    const responses = h.fake.responses.length;
    const res = await postToApp(url, body, headers);
    expect(res.status).toBe(401);
    await h.fake.settle(200);
    expect(h.fake.calls.length).toBe(calls);
    expect(h.fake.responses.length).toBe(responses);
  }

  it('refuses a bad signature with 401 and runs no handler', async () => {
    const req = slashCommand({ text: 'energy', responseUrl: h.fake.responseUrl() });
    await expectRejected(signatureHeaders(req.body, 'not-the-secret'), req);
    await expectRejected({ ...signatureHeaders(req.body), 'x-slack-signature': 'v0=deadbeef' }, req);
    await expectRejected({}, req);
  });

  it('refuses a stale (replayed) request with 401', async () => {
    const req = slashCommand({ text: 'energy', responseUrl: h.fake.responseUrl() });
    await expectRejected(signatureHeaders(req.body, SIGNING_SECRET, Math.floor(Date.now() / 1000) - 10 * 60), req);
  });

  it('refuses an event whose body was altered after signing', async () => {
    const req = eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> energy`, ts: '1700000001.000100', channel: 'C0CHAN001' }));
    await expectRejected(signatureHeaders(req.body), { ...req, body: req.body.replace('energy', 'market') });
  });
});

describe('questions in chat', () => {
  it('answers an app_mention in its thread, in the language asked', async () => {
    const ts = '1700000100.000200';
    const question = 'combien de gigawatts pour le partenariat ?';
    const res = await postToApp(url, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> ${question}`, ts, channel: 'C0CHAN001' })));
    expect(res.status).toBe(200);
    const call = await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.thread_ts === ts));
    expect(call.args.channel).toBe('C0CHAN001');
    expectWithinLimits(call.args);
    expectNoPing(call);
    const expected = await h.bot.answer(question, slackAsker());
    expect(expected.lang).toBe('fr');
    expect(call.args.blocks).toEqual(renderSlack(expected).blocks);
    expect(call.args.text).toBe(renderSlack(expected).text);
  });

  it('answers a reply inside an existing thread in that thread', async () => {
    const res = await postToApp(url, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> timeline`, ts: '1700000150.000300', thread_ts: '1700000149.000100', channel: 'C0CHAN001' })));
    expect(res.status).toBe(200);
    const call = await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.thread_ts === '1700000149.000100'));
    expect(call.args.channel).toBe('C0CHAN001');
  });

  it('answers a DM (message.im) in a thread', async () => {
    const ts = '1700000200.000100';
    await postToApp(url, eventRequest(eventEnvelope({ type: 'message', channel_type: 'im', user: 'U0ASKER01', text: 'how much is the deal worth?', ts, channel: 'D0DM00001' })));
    const call = await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'D0DM00001' && c.args.thread_ts === ts));
    expectWithinLimits(call.args);
    expect(itemSectionsWithCitation(call.args.blocks as any[])).toBeGreaterThanOrEqual(0);
    const expected = await h.bot.answer('how much is the deal worth?', slackAsker());
    expect(expected.lang).toBe('en');
    expect(call.args.blocks).toEqual(renderSlack(expected).blocks);
  });

  it('answers a re-delivered event once', async () => {
    const ts = '1700000300.000100';
    const envelope = eventEnvelope({ type: 'app_mention', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> market`, ts, channel: 'C0DEDUP01' }, 'Ev0DEDUPE0001');
    const first = await postToApp(url, eventRequest(envelope));
    await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0DEDUP01'));
    // Slack's retry: same event_id, retry headers, a fresh signature (signed when it is sent, later).
    const req = eventRequest(envelope);
    const later = Math.floor(Date.now() / 1000) + 1;
    const again = await postToApp(url, req, { ...signatureHeaders(req.body, SIGNING_SECRET, later), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await Promise.all([postToApp(url, eventRequest(envelope)), postToApp(url, eventRequest(envelope))]);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    await h.fake.settle(300);
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0DEDUP01')).toHaveLength(1);
  });

  it('ignores its own messages, other bots and message subtypes', async () => {
    const channel = 'D0QUIET01';
    const events = [
      { type: 'message', channel_type: 'im', user: BOT_USER_ID, bot_id: BOT_ID, text: 'my own answer', ts: '1700000400.000001', channel },
      { type: 'message', channel_type: 'im', bot_id: 'B0OTHER01', user: 'U0OTHERB1', text: 'energy', ts: '1700000400.000002', channel },
      { type: 'message', subtype: 'message_changed', channel_type: 'im', user: 'U0ASKER01', text: 'energy', ts: '1700000400.000003', channel },
      { type: 'message', subtype: 'bot_message', channel_type: 'im', bot_id: 'B0OTHER01', text: 'energy', ts: '1700000400.000004', channel },
      { type: 'app_mention', bot_id: 'B0OTHER01', user: 'U0OTHERB1', text: `<@${BOT_USER_ID}> energy`, ts: '1700000400.000005', channel },
      { type: 'message', channel_type: 'channel', user: 'U0ASKER01', text: 'energy', ts: '1700000400.000006', channel },
    ];
    for (const e of events) expect((await postToApp(url, eventRequest(eventEnvelope(e)))).status).toBe(200);
    await h.fake.settle(400);
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel)).toHaveLength(0);
  });

  it('apologises once, to the asker only, in the thread when posting the answer fails, and keeps serving', async () => {
    h.fake.fail('chat.postMessage', 'internal_error');
    const ts = '1700000500.000100';
    await postToApp(url, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> energy`, ts, channel: 'C0FAIL001' })));
    const apology = await h.fake.waitFor(() => h.fake.callsOf('chat.postEphemeral').find((c) => c.args.channel === 'C0FAIL001'));
    expect(String(apology.args.text)).toContain(t('en').error);
    expect(apology.args.thread_ts).toBe(ts);
    expect(apology.args.user).toBe('U0ASKER01');
    await h.fake.settle(200);
    expect(h.fake.callsOf('chat.postEphemeral').filter((c) => c.args.channel === 'C0FAIL001')).toHaveLength(1);
    expect(h.logLines.some((l) => l.includes('answer to a mention failed'))).toBe(true);
    const { body } = await command('energy');
    expectWithinLimits(body);
  });
});

describe('Share in channel button', () => {
  it('recomputes the answer from the button and posts it to the channel, attributed to the asker', async () => {
    const { body } = await command('timeline', { channel: 'C0BUTTON1' });
    const value = body.blocks!.at(-1)!.elements[0].value as string;
    const responseUrl = h.fake.responseUrl();
    const res = await postToApp(url, blockActionsRequest(blockActionsPayload({ value, responseUrl, channel: 'C0BUTTON1', userName: 'alice' })));
    expect(res.status).toBe(200);
    const call = await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0BUTTON1'));
    expectWithinLimits(call.args);
    expectNoPing(call);
    const posted = call.args.blocks as any[];
    expect(JSON.stringify(posted)).toContain('Shared by @alice');
    // Same answer as the private one: same blocks, minus the button, plus the attribution.
    expect(posted.slice(0, body.blocks!.length - 1)).toEqual(body.blocks!.slice(0, -1));
    expect(JSON.stringify(posted)).not.toContain(SHARE_ACTION_ID);
    // The private copy is removed.
    const cleanup = await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0]);
    expect(cleanup.body.delete_original).toBe(true);
  });

  it('falls back to response_url when the bot is not in the channel', async () => {
    const { body } = await command('energy', { channel: 'C0NOTIN01' });
    const value = body.blocks!.at(-1)!.elements[0].value as string;
    h.fake.fail('chat.postMessage', 'not_in_channel');
    const responseUrl = h.fake.responseUrl();
    await postToApp(url, blockActionsRequest(blockActionsPayload({ value, responseUrl, channel: 'C0NOTIN01' })));
    const post = await h.fake.waitFor(() => h.fake.responsesTo(responseUrl).find((r) => r.body.response_type === 'in_channel'));
    expectWithinLimits(post.body as Payload);
    expectNoPing(post.body as Payload);
  });

  it('ignores a button value it did not make', async () => {
    const responseUrl = h.fake.responseUrl();
    const calls = h.fake.calls.length;
    const res = await postToApp(url, blockActionsRequest(blockActionsPayload({ value: '<!channel> not json', responseUrl })));
    expect(res.status).toBe(200);
    await h.fake.settle(200);
    expect(h.fake.calls.length).toBe(calls);
    expect(h.fake.responsesTo(responseUrl)).toHaveLength(0);
  });
});

describe('secrets', () => {
  it('never writes a token or the signing secret to the logs', () => {
    expect(h.logLines.length).toBeGreaterThan(0);
    const all = h.logLines.join('\n');
    for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET]) expect(all).not.toContain(secret);
  });
});
