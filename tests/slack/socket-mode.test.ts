// Socket Mode: the real Bolt app opens apps.connections.open at the fake, connects to its local
// WebSocket, and answers envelopes (slash command, mention, button) exactly as over HTTP.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_LIMITS } from '../../src/adapters/slack/render.ts';
import { APP_TOKEN, BOT_USER_ID, blockActionsPayload, eventEnvelope, slackRejects } from './fake-slack.ts';
import { startHarness, type Harness } from './helpers.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ mode: 'socket' });
});
afterAll(async () => {
  await h?.close();
});

function slashPayload(text: string, responseUrl: string): Record<string, unknown> {
  return {
    token: 'deprecated',
    team_id: 'T0FAKE01',
    channel_id: 'C0SOCKET1',
    channel_name: 'general',
    user_id: 'U0ASKER01',
    user_name: 'alice',
    command: '/deal',
    text,
    api_app_id: 'A0FAKE01',
    response_url: responseUrl,
    trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}.trigger`, // unique per invocation, as Slack's are
  };
}

describe('Socket Mode', () => {
  it('connects with the app token through apps.connections.open', () => {
    expect(h.config.mode).toBe('socket');
    expect(h.slack.connected()).toBe(true);
    expect(h.fake.socketClients).toBe(1);
    const open = h.fake.callsOf('apps.connections.open');
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(h.slack.eventsUrl).toBeUndefined();
  });

  it('acks a slash command envelope, then answers through response_url', async () => {
    const responseUrl = h.fake.responseUrl();
    const ack = await h.fake.sendEnvelope('slash_commands', slashPayload('energy', responseUrl));
    expect(typeof ack.envelope_id).toBe('string');
    const res = await h.fake.waitFor(() => h.fake.responsesTo(responseUrl)[0]);
    const body = res.body as { blocks: unknown[]; response_type: string };
    expect(body.response_type).toBe('ephemeral');
    expect(slackRejects(body)).toBeUndefined();
    expect(body.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  });

  it('answers a mention envelope in its thread, and a re-delivered one once', async () => {
    const ts = '1700001000.000100';
    const envelope = eventEnvelope({ type: 'app_mention', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> timeline`, ts, channel: 'C0SOCKET1' }, 'Ev0SOCKET001');
    await h.fake.sendEnvelope('events_api', envelope);
    await h.fake.sendEnvelope('events_api', envelope);
    const call = await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.thread_ts === ts));
    expect(call.args.channel).toBe('C0SOCKET1');
    await h.fake.settle(300);
    expect(h.fake.callsOf('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });

  it('handles the share button envelope', async () => {
    const asked = h.fake.responseUrl();
    await h.fake.sendEnvelope('slash_commands', { ...slashPayload('energy', asked), channel_id: 'C0SOCKSH1' });
    const answer = await h.fake.waitFor(() => h.fake.responsesTo(asked)[0]);
    const value = (answer.body.blocks as any[]).at(-1).elements[0].value as string;
    const responseUrl = h.fake.responseUrl();
    await h.fake.sendEnvelope('interactive', blockActionsPayload({ value, responseUrl, channel: 'C0SOCKSH1', userName: 'dana' }));
    const call = await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0SOCKSH1'));
    expect(JSON.stringify(call.args.blocks)).toContain('Shared by @dana');
  });

  it('reports disconnected after stop', async () => {
    await h.slack.stop();
    expect(h.slack.connected()).toBe(false);
  });
});
