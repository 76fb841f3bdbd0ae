// Faults users hit on Slack (issue 11), each replayed against the real Bolt app and the fake Slack.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { BOT_USER_ID, blockActionsPayload, blockActionsRequest, eventEnvelope, eventRequest, postToApp, slashCommand } from './fake-slack.ts';
import { startHarness, type Harness } from './helpers.ts';
import { resolve } from 'node:path';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function send(event: Record<string, unknown>, eventId?: string): Promise<void> {
  const res = await postToApp(h!.slack.eventsUrl!, eventRequest(eventEnvelope(event, eventId)));
  expect(res.status).toBe(200);
}

const posts = (channel: string) => h!.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
const ephemerals = (channel: string) => h!.fake.callsOf('chat.postEphemeral').filter((c) => c.args.channel === channel);

describe('each message is answered once', () => {
  it('answers a message Slack delivers twice under two event ids once', async () => {
    h = await startHarness();
    const event = { type: 'app_mention', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> energy`, ts: '1700100000.000100', channel: 'C0TWICE01' };
    await send(event, 'Ev0TWICE0001');
    await send(event, 'Ev0TWICE0002');
    await h.fake.waitFor(() => posts('C0TWICE01')[0]);
    await h.fake.settle(400);
    expect(posts('C0TWICE01')).toHaveLength(1);
  });

  it('answers a DM that mentions the bot once (message.im and app_mention both fire)', async () => {
    h = await startHarness();
    const base = { user: 'U0ASKER01', text: `<@${BOT_USER_ID}> timeline`, ts: '1700100001.000100', channel: 'D0BOTH001' };
    await send({ type: 'message', channel_type: 'im', ...base });
    await send({ type: 'app_mention', ...base });
    await h.fake.waitFor(() => posts('D0BOTH001')[0]);
    await h.fake.settle(400);
    expect(posts('D0BOTH001')).toHaveLength(1);
  });
});

describe('messages people write are answered whatever their subtype', () => {
  it('answers a DM with a file attached (file_share)', async () => {
    h = await startHarness();
    await send({ type: 'message', subtype: 'file_share', channel_type: 'im', user: 'U0ASKER01', text: 'energy', ts: '1700100002.000100', channel: 'D0FILE001', files: [{ id: 'F1', name: 'notes.txt' }] });
    const call = await h.fake.waitFor(() => posts('D0FILE001')[0]);
    expect(call.args.thread_ts).toBe('1700100002.000100');
  });

  it('answers a thread reply also sent to the channel (thread_broadcast) that mentions the bot', async () => {
    h = await startHarness();
    const ts = '1700100003.000100';
    await send({ type: 'app_mention', subtype: 'thread_broadcast', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> market`, ts, thread_ts: '1700100000.000001', channel: 'C0BCAST01' });
    const call = await h.fake.waitFor(() => posts('C0BCAST01')[0]);
    expect(call.args.thread_ts).toBe('1700100000.000001');
  });
});

describe('rate-limit notices go to the asker only, once', () => {
  it('8 quick mentions with a limit of 3: 3 answers in the thread, one private notice, nothing else', async () => {
    h = await startHarness({ policy: { limits: { userPerMin: 3 } } });
    for (let i = 0; i < 8; i++) {
      await send({ type: 'app_mention', user: 'U0FLOOD01', text: `<@${BOT_USER_ID}> energy ${i}`, ts: `1700100100.00010${i}`, channel: 'C0FLOOD01' });
    }
    await h.fake.waitFor(() => posts('C0FLOOD01').length >= 3 && ephemerals('C0FLOOD01').length >= 1, 5000, '3 answers and a notice');
    await h.fake.settle(500);
    const answers = posts('C0FLOOD01');
    expect(answers).toHaveLength(3);
    for (const a of answers) expect(JSON.stringify(a.args)).not.toMatch(/faster than I can keep up/);
    const notices = ephemerals('C0FLOOD01');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.args.user).toBe('U0FLOOD01');
    expect(JSON.stringify(notices[0]!.args)).toMatch(/faster than I can keep up/);
  });

  it('Share while limited: one private notice, nothing posted to the channel, the private answer kept', async () => {
    h = await startHarness({ policy: { limits: { userPerMin: 1 } } });
    const responseUrl = h.fake.responseUrl();
    await postToApp(h.slack.eventsUrl!, slashCommand({ text: 'energy', responseUrl, channel: 'C0SHLIM01', user: 'U0SHARE01' }));
    const answer = await h.fake.waitFor(() => h!.fake.responsesTo(responseUrl)[0]);
    const value = (answer.body.blocks as any[]).at(-1).elements[0].value as string;
    const clicks = [h.fake.responseUrl(), h.fake.responseUrl()];
    for (const url of clicks) {
      await postToApp(h.slack.eventsUrl!, blockActionsRequest(blockActionsPayload({ value, responseUrl: url, channel: 'C0SHLIM01', user: 'U0SHARE01' })));
    }
    await h.fake.waitFor(() => clicks.some((u) => h!.fake.responsesTo(u).length > 0), 5000, 'the notice');
    await h.fake.settle(400);
    expect(posts('C0SHLIM01')).toHaveLength(0);
    const sent = clicks.flatMap((u) => h!.fake.responsesTo(u));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.response_type).toBe('ephemeral');
    expect(sent[0]!.body.replace_original).toBe(false);
    expect(sent[0]!.body.delete_original).toBeUndefined();
    expect(JSON.stringify(sent[0]!.body)).toMatch(/faster than I can keep up/);
  });

  it('/deal share while limited: a private notice, nothing public', async () => {
    h = await startHarness({ policy: { limits: { userPerMin: 1 } } });
    const urls = [h.fake.responseUrl(), h.fake.responseUrl(), h.fake.responseUrl()];
    for (const responseUrl of urls) await postToApp(h.slack.eventsUrl!, slashCommand({ text: 'share energy', responseUrl, channel: 'C0PUBLIM1', user: 'U0PUB0001' }));
    await h.fake.waitFor(() => posts('C0PUBLIM1').length >= 1 && h!.fake.responsesTo(urls[1]!).length >= 1, 5000, 'the answer and the notice');
    await h.fake.settle(400);
    expect(posts('C0PUBLIM1')).toHaveLength(1); // the first, allowed, answer
    expect(JSON.stringify(posts('C0PUBLIM1')[0]!.args)).not.toMatch(/faster than I can keep up/);
    const notice = h.fake.responsesTo(urls[1]!);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(notice[0]!.body)).toMatch(/faster than I can keep up/);
    expect(h.fake.responsesTo(urls[2]!).filter((r) => r.body.response_type !== undefined)).toHaveLength(0);
  });
});

describe('Share posts what the asker saw', () => {
  it('even after the fact base changed between the answer and the click', async () => {
    const shipped = new EngineHolder(resolve(import.meta.dirname, '../../facts'));
    const other = new EngineHolder(resolve(import.meta.dirname, '../fixtures/engine-base'));
    let engine = shipped.current();
    h = await startHarness({ botOptions: { engine: () => engine } });
    const responseUrl = h.fake.responseUrl();
    await postToApp(h.slack.eventsUrl!, slashCommand({ text: 'energy', responseUrl, channel: 'C0SEEN001' }));
    const seen = (await h.fake.waitFor(() => h!.fake.responsesTo(responseUrl)[0])).body.blocks as any[];
    engine = other.current(); // a reload lands before the click
    const value = seen.at(-1).elements[0].value as string;
    await postToApp(h.slack.eventsUrl!, blockActionsRequest(blockActionsPayload({ value, responseUrl: h.fake.responseUrl(), channel: 'C0SEEN001' })));
    const shared = (await h.fake.waitFor(() => posts('C0SEEN001')[0])).args.blocks as any[];
    expect(shared.slice(0, seen.length - 1)).toEqual(seen.slice(0, -1));
  });
});

describe('user text never formats the bot’s message', () => {
  it('escapes *bold*, `code` and ~strike~ where a query is echoed', async () => {
    h = await startHarness();
    const responseUrl = h.fake.responseUrl();
    await postToApp(h.slack.eventsUrl!, slashCommand({ text: 'zorglub *now* `x` ~gone~ _it_', responseUrl, channel: 'C0FMT0001' }));
    const body = (await h.fake.waitFor(() => h!.fake.responsesTo(responseUrl)[0])).body;
    const mrkdwn: string[] = [];
    const visit = (v: any): void => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') {
        if (v.type === 'mrkdwn' && typeof v.text === 'string') mrkdwn.push(v.text);
        else Object.values(v).forEach(visit);
      }
    };
    visit(body.blocks);
    mrkdwn.push(String(body.text)); // the fallback text is mrkdwn too
    // Where the query is echoed: from the echo on, to the end of its line.
    const echoed = mrkdwn.flatMap((m) => m.split('\n')).filter((l) => l.includes('zorglub')).map((l) => l.slice(l.indexOf('zorglub')));
    expect(echoed.length).toBeGreaterThan(0);
    for (const m of echoed) {
      // Slack formats *x*, _x_, ~x~ and `x` when the markers touch word boundaries.
      expect(m).not.toMatch(/(^|[\s(“"'])\*[^\s*][^*\n]*\*/);
      expect(m).not.toMatch(/(^|[\s(“"'])`[^`\n]+`/);
      expect(m).not.toMatch(/(^|[\s(“"'])~[^\s~][^~\n]*~/);
      expect(m).not.toMatch(/(^|[\s(“"'])_[^\s_][^_\n]*_/);
    }
  });
});
