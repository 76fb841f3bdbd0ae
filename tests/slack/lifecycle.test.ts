// Start, stop and the answer queue: a bad token stops the start, acked answers survive a stop,
// and answers wait for pending acks without being starved.
import { describe, expect, it } from 'vitest';
import { readSlackConfig } from '../../src/adapters/slack/config.ts';
import { startSlack } from '../../src/adapters/slack/start.ts';
import { workQueue } from '../../src/adapters/slack/work-queue.ts';
import { silentLogger } from '../../src/ops/log.ts';
import { testBot, testPolicy, testRuntime } from '../helpers/bot.ts';
import { FakeSlack, SIGNING_SECRET, postToApp, slashCommand } from './fake-slack.ts';
import { startHarness } from './helpers.ts';

describe('startSlack', () => {
  it('refuses to start on a token Slack rejects, naming the variable', async () => {
    const fake = await FakeSlack.start();
    try {
      const config = readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-revoked-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0' })!;
      await expect(startSlack({ ...config, host: '127.0.0.1', retries: 0 }, testRuntime(testPolicy(testBot()), silentLogger))).rejects.toThrow(/SLACK_BOT_TOKEN/);
      expect(fake.callsOf('auth.test')).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('sends answers already acked before stopping, then reports disconnected', async () => {
    const h = await startHarness();
    try {
      expect(h.slack.connected()).toBe(true);
      const urls = Array.from({ length: 5 }, () => h.fake.responseUrl());
      const acks = await Promise.all(urls.map((responseUrl) => postToApp(h.slack.eventsUrl!, slashCommand({ text: 'timeline', responseUrl }))));
      expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      await h.slack.stop();
      expect(h.slack.connected()).toBe(false);
      for (const u of urls) expect(h.fake.responsesTo(u)).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});

describe('workQueue', () => {
  it('holds jobs while busy, runs them on kick, in order', async () => {
    let busy = true;
    const done: number[] = [];
    const q = workQueue(() => {}, { busy: () => busy, maxDeferMs: 60_000 });
    for (const i of [1, 2, 3]) q.push(async () => void done.push(i));
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(done).toEqual([]);
    expect(q.pending).toBe(3);
    busy = false;
    q.kick();
    expect(await q.drain(5000)).toBe(true);
    expect(done).toEqual([1, 2, 3]);
  });

  it('runs a job anyway once it has waited maxDeferMs, and reports job errors', async () => {
    const errors: unknown[] = [];
    const q = workQueue((e) => errors.push(e), { busy: () => true, maxDeferMs: 20 });
    let ran = false;
    q.push(async () => {
      ran = true;
      throw new Error('boom');
    });
    expect(await q.drain(5000)).toBe(true);
    expect(ran).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
