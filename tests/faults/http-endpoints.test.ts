// Faults on the HTTP endpoints dealbot serves (issue 12), against `dealbot start` as a process with
// Slack's HTTP mode and Discord's Interactions Endpoint on PORT and health on HEALTH_PORT: odd
// health paths that used to hang, requests held open at shutdown, oversized unsigned bodies,
// replayed and future-dated signed requests, payloads of the wrong shape, and the largest button
// press our own messages can produce.
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderSlack } from '../../src/adapters/slack/render.ts';
import { encodeShare } from '../../src/adapters/slack/share.ts';
import { reply } from '../../src/core/reply.ts';
import { MAX_BODY_BYTES } from '../../src/ops/http-server.ts';
import { until } from '../helpers/process.ts';
import { blockActionsPayload, blockActionsRequest, BOT_USER_ID, eventEnvelope, eventRequest, postToApp, SIGNING_SECRET, signatureHeaders, slashCommand } from '../slack/fake-slack.ts';
import { raw, rssKb, startBot, type BotUnderTest } from './helpers.ts';

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBot({ SHUTDOWN_TIMEOUT_MS: '5000' });
}, 60_000);
afterAll(async () => t?.stop());

const answersIn = (channel: string) => t.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
const stderr = () => t.bot.stderr();

describe('every path the HTTP servers route gets an answer', () => {
  it('/healthz/, /HEALTHZ, /metrics/../healthz and friends answer on PORT and on HEALTH_PORT', async () => {
    for (const port of [t.port, t.healthPort]) {
      const answers = await Promise.all(['/healthz/', '/HEALTHZ', '/metrics/../healthz', '/healthz?x=1', '/metrics/', '/%zz', '/nothing'].map((path) => raw(port, { path })));
      expect(answers.map((a) => a.status)).toEqual([404, 404, 200, 200, 404, 404, 404]);
    }
    // A GET on the platforms' POST endpoints: 405, not silence.
    expect((await raw(t.port, { path: '/slack/events' })).status).toBe(405);
    expect((await raw(t.port, { path: '/discord/interactions' })).status).toBe(405);
  });

  it('answers 500 odd requests at once, every one of them', async () => {
    const paths = ['/healthz/', '/HEALTHZ', '/metrics/../healthz', '/healthz'];
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => raw(i % 2 ? t.port : t.healthPort, { path: paths[i % paths.length]!, timeoutMs: 10_000 })));
    expect(answers.filter((a) => a.status === 'no answer')).toEqual([]);
  });
});

describe('request bodies are small: over 128 KB is refused before it is read', () => {
  const big = Buffer.alloc(4 * 1024 * 1024, 'a');

  it('refuses a declared 4 MB body on every endpoint at once (413), without reading it', async () => {
    for (const [port, path, method] of [
      [t.port, '/slack/events', 'POST'],
      [t.port, '/discord/interactions', 'POST'],
      [t.port, '/healthz', 'GET'],
      [t.port, '/nothing', 'POST'],
      [t.healthPort, '/metrics', 'GET'],
    ] as const) {
      const a = await raw(port, { method, path, body: big, headers: { 'content-type': 'application/json' } });
      expect(a, `${method} ${path}`).toEqual({ status: 413, cut: true });
    }
  });

  it('refuses a chunked body as soon as it passes the limit, unsigned or not', async () => {
    for (const path of ['/slack/events', '/discord/interactions']) {
      const a = await raw(t.port, { method: 'POST', path, body: big, chunked: true, headers: { 'content-type': 'application/json' } });
      expect(a, path).toEqual({ status: 413, cut: true });
    }
  });

  it('200 unsigned 1 MB uploads at once cost no memory to speak of, and a real command is still answered', async () => {
    const before = rssKb(t.bot.child.pid!);
    const body = Buffer.alloc(1024 * 1024, 'x');
    const uploads = Array.from({ length: 200 }, (_, i) =>
      raw(t.port, { method: 'POST', path: i % 2 ? '/slack/events' : '/discord/interactions', body, chunked: i % 4 < 2, headers: { 'content-type': 'application/json' }, timeoutMs: 20_000 }),
    );
    const responseUrl = t.slack.responseUrl();
    const ack = await postToApp(t.eventsUrl, slashCommand({ text: 'energy', responseUrl }));
    const answers = await Promise.all(uploads);
    const after = rssKb(t.bot.child.pid!);
    expect(ack.status).toBe(200);
    await t.slack.waitFor(() => t.slack.responsesTo(responseUrl)[0], 10_000, 'the answer');
    expect(answers.every((a) => a.status === 413)).toBe(true);
    // Buffering them would have cost 200 MB; what is left is sockets and bookkeeping.
    expect(after - before).toBeLessThan(60 * 1024);
  }, 60_000);
});

describe('replayed and future-dated signed requests get 401', () => {
  it('Slack: the same signed slash command sent 3 times is answered once; the copies get 401', async () => {
    const responseUrl = t.slack.responseUrl();
    const req = slashCommand({ text: 'timeline', responseUrl });
    const signed = signatureHeaders(req.body);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postToApp(t.eventsUrl, req, signed)).status);
    expect(statuses).toEqual([200, 401, 401]);
    await t.slack.waitFor(() => t.slack.responsesTo(responseUrl)[0], 10_000);
    await t.slack.settle(500);
    expect(t.slack.responsesTo(responseUrl)).toHaveLength(1);
    expect(stderr()).toMatch(/already received/);
  });

  it('Slack: a timestamp a year ahead is refused even with a valid signature; four minutes ahead is accepted', async () => {
    const now = Math.floor(Date.now() / 1000);
    const ahead = slashCommand({ text: 'timeline', responseUrl: t.slack.responseUrl() });
    expect((await postToApp(t.eventsUrl, ahead, signatureHeaders(ahead.body, SIGNING_SECRET, now + 365 * 86_400))).status).toBe(401);
    const skewed = slashCommand({ text: 'timeline', responseUrl: t.slack.responseUrl() });
    expect((await postToApp(t.eventsUrl, skewed, signatureHeaders(skewed.body, SIGNING_SECRET, now + 4 * 60))).status).toBe(200);
  });

  it('Discord: an interaction sent again is refused (401) and answered once; a future timestamp is refused', async () => {
    const first = t.discord.slash({ query: 'energy' });
    expect((await first.http!).status).toBe(200);
    const again = await fetch(t.discord.interactionsUrl!, { method: 'POST', headers: first.sent!.headers, body: first.sent!.body });
    expect(again.status).toBe(401);
    const body = JSON.stringify({ type: 1, id: '1234567890123456789', application_id: t.discord.applicationId });
    const future = await fetch(t.discord.interactionsUrl!, { method: 'POST', headers: { 'content-type': 'application/json', ...t.discord.signInteraction(body, String(Math.floor(Date.now() / 1000) + 365 * 86_400)) }, body });
    expect(future.status).toBe(401);
    const ping = await fetch(t.discord.interactionsUrl!, { method: 'POST', headers: { 'content-type': 'application/json', ...t.discord.signInteraction(body) }, body });
    expect(ping.status).toBe(200);
  });
});

describe('a payload that does not fit is logged and dropped, never thrown into a handler', () => {
  it('Slack: a mention or DM whose text is a number or an object, a button press whose user id is a number', async () => {
    const bad = [
      { type: 'app_mention', user: 'U0BAD0001', text: 42, ts: '1700900000.000001', channel: 'C0BADTXT1' },
      { type: 'message', channel_type: 'im', user: 'U0BAD0001', text: { rich: true }, ts: '1700900000.000002', channel: 'D0BADTXT1' },
      { type: 'app_mention', user: 'U0BAD0001', text: 'energy', ts: 1700900000, channel: 'C0BADTXT1' },
    ];
    for (const event of bad) expect((await postToApp(t.eventsUrl, eventRequest(eventEnvelope(event)))).status).toBe(200);
    const press = { ...blockActionsPayload({ value: encodeShare('x', 'en'), responseUrl: t.slack.responseUrl() }), user: { id: 42 } };
    expect((await postToApp(t.eventsUrl, blockActionsRequest(press))).status).toBe(200);
    // A good one right after is answered: the process and its work queue are fine.
    await postToApp(t.eventsUrl, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0GOOD001', text: `<@${BOT_USER_ID}> energy`, ts: '1700900000.000009', channel: 'C0BADTXT1' })));
    await t.slack.waitFor(() => answersIn('C0BADTXT1')[0], 10_000);
    await t.slack.settle(300);
    expect(answersIn('C0BADTXT1').map((c) => c.args.thread_ts)).toEqual(['1700900000.000009']);
    expect(answersIn('D0BADTXT1')).toEqual([]);
    expect(stderr().match(/does not fit its schema dropped/g)?.length).toBeGreaterThanOrEqual(4);
    expect(stderr()).not.toMatch(/unhandled listener error|is not a function|uncaught|unhandled rejection/i);
    expect(t.bot.child.exitCode).toBeNull();
  });

  it('Discord: interactions of the wrong shape get 400 on the endpoint, and are dropped on the gateway', async () => {
    const base = { id: '1234567890123456700', application_id: t.discord.applicationId, token: 'tok', version: 1, entitlements: [], authorizing_integration_owners: {}, channel_id: t.discord.channelId, guild_id: t.discord.guildId, locale: 'en-US', member: { roles: [], user: t.discord.alice, permissions: '0' } };
    for (const payload of [
      { ...base, type: 2 }, // no data
      { ...base, type: 2, id: '1234567890123456701', data: { name: 'deal', type: 1, options: { query: 'energy' } } },
      { ...base, type: 3, id: '1234567890123456702', data: { custom_id: 42, component_type: 2 } },
    ]) {
      const body = JSON.stringify(payload);
      const res = await fetch(t.discord.interactionsUrl!, { method: 'POST', headers: { 'content-type': 'application/json', ...t.discord.signInteraction(body) }, body });
      expect(res.status).toBe(400);
    }
    t.discord.dispatch('INTERACTION_CREATE', { ...base, id: '1234567890123456703', type: 2 });
    t.discord.dispatch('MESSAGE_CREATE', { ...t.discord.message('placeholder', { mentionBot: true }), id: '1234567890123456704', content: 42 });
    t.discord.dispatch('MESSAGE_CREATE', { ...t.discord.message('placeholder', { mentionBot: true }), id: '1234567890123456705', content: { a: 1 }, author: { id: 7 } });
    // Over the gateway a good /deal right after is answered.
    t.discord.interactionsUrl = undefined;
    try {
      const cb = await t.discord.callbackOf(t.discord.slash({ query: 'energy' }), 5000);
      expect(cb.body.type).toBe(4);
    } finally {
      t.discord.interactionsUrl = `http://127.0.0.1:${t.port}/discord/interactions`;
    }
    await until('the gateway drops in the log', async () => ((stderr().match(/gateway event that does not fit its schema dropped/g)?.length ?? 0) >= 3 ? true : undefined), 5000);
    expect(stderr()).not.toMatch(/handler failed|is not a function|Cannot read properties|uncaught|unhandled rejection/i);
    expect(t.bot.child.exitCode).toBeNull();
  });
});

/**
 * The largest message our renderers can produce: every item, title and citation filled with text
 * that costs the most bytes (3- and 4-byte characters, quotes that JSON escapes, markup Slack
 * escapes), cut by the renderers to each platform's limits.
 */
function largestReply() {
  const text = '€😀"<&é'.repeat(800);
  return reply({
    kind: 'answer',
    lang: 'en',
    title: text.slice(0, 300),
    intro: text,
    items: Array.from({ length: 120 }, (_, i) => ({
      factId: `f${i}`,
      text,
      figure: text.slice(0, 200),
      when: text.slice(0, 50),
      quote: { text: text.slice(0, 500), lang: 'fr' as const, translation: text.slice(0, 500), speaker: text.slice(0, 100), role: text.slice(0, 100), organisation: text.slice(0, 100) },
      citation: { source: text.slice(0, 300), section: text.slice(0, 300), url: `https://example.com/${'x'.repeat(300)}` },
    })),
    shareable: true,
    footer: text,
  });
}

describe('button presses carry the message they sit on: the largest we can produce fits with room to spare', () => {
  it('Slack: block_actions with the largest message, form-encoded, stays under 112 KB and is handled', async () => {
    const responseUrl = t.slack.responseUrl();
    const msg = renderSlack(largestReply(), { shareValue: encodeShare('gone', 'en') });
    const payload = { ...blockActionsPayload({ value: encodeShare('gone', 'en'), responseUrl }), message: { type: 'message', user: BOT_USER_ID, ts: '1700000000.000001', text: msg.text, blocks: msg.blocks } };
    const req = blockActionsRequest(payload);
    const size = Buffer.byteLength(req.body);
    console.log(`largest Slack button press: ${size} bytes of ${MAX_BODY_BYTES}`);
    expect(size).toBeLessThan(112 * 1024);
    expect((await postToApp(t.eventsUrl, req)).status).toBe(200);
    // The kept answer is gone: the asker is told so, privately (the press was handled).
    await t.slack.waitFor(() => t.slack.responsesTo(responseUrl)[0], 10_000);
  });

  it('Discord: a component interaction with the largest embeds stays under 32 KB and is handled', async () => {
    const payload = renderDiscord(largestReply(), { shareId: 'deal:share:en' });
    const press = t.discord.button('deal:share:en', { id: '1234567890123456706', channel_id: t.discord.channelId, embeds: payload.embeds, components: payload.components, flags: 64 });
    const res = await press.http!;
    const size = Buffer.byteLength(press.sent!.body);
    console.log(`largest Discord button press: ${size} bytes of ${MAX_BODY_BYTES}`);
    expect(size).toBeLessThan(32 * 1024);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe(7);
  });
});

describe('shutdown with connections held open', () => {
  it('SIGTERM with 100 idle kept-alive sockets and 20 requests half sent exits 0, no step running out of time', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 200 });
    await Promise.all(Array.from({ length: 100 }, () => new Promise((resolve) => request({ host: '127.0.0.1', port: t.port, path: '/healthz', agent }, (res) => res.resume().on('end', resolve)).end())));
    const halfSent = Array.from({ length: 20 }, () => {
      const req = request({ host: '127.0.0.1', port: t.port, path: '/slack/events', method: 'POST', headers: { 'content-length': '1000', 'content-type': 'application/json' } });
      req.on('error', () => undefined);
      req.write('{"partial":');
      return req;
    });
    await new Promise((r) => setTimeout(r, 300));
    t.bot.child.kill('SIGTERM');
    // A shutdown waiting on held connections would run into SHUTDOWN_TIMEOUT_MS (a step timed out: exit 1).
    expect(await t.bot.exited).toBe(0);
    expect(t.bot.output()).toMatch(/shut down cleanly/);
    expect(t.bot.output()).not.toMatch(/timed out/);
    agent.destroy();
    for (const r of halfSent) r.destroy();
  }, 30_000);
});
