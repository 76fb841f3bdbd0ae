// Three `dealbot start` replicas on one PostgreSQL behind the local fake Slack: a question
// delivered to any replica (and its retries to the others) is answered once; 200 channels due at
// the same minute are each posted once, even with a replica SIGKILLed mid-run. `npm run soak`
// repeats the second scenario (SOAK_RUNS times).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, HAS_POSTGRES } from '../helpers/postgres.ts';
import { until } from '../helpers/process.ts';
import { BOT_USER_ID, eventEnvelope, eventRequest, FakeSlack, postToApp, SIGNING_SECRET, signatureHeaders, slashCommand } from '../slack/fake-slack.ts';
import { startReplicas, type Replicas } from './helpers.ts';
import { summaryRun } from './summary-run.ts';

const SOAK_RUNS = Number(process.env.SOAK_RUNS ?? 1);

describe.skipIf(!HAS_POSTGRES)('replicas on one PostgreSQL', () => {
  let slack: FakeSlack;
  let db: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    db = await freshDatabase('dealbot_replicas');
  });
  afterAll(async () => {
    await slack?.close();
    await db?.drop();
  });

  describe('questions', () => {
    let replicas: Replicas;
    beforeAll(async () => {
      replicas = await startReplicas(3, { databaseUrl: db.url, slack });
    }, 90_000);
    afterAll(async () => replicas?.stop());

    it('a mention or slash command delivered round-robin, retried to the other replicas, is answered once', async () => {
      const r = replicas.list;
      const sends: Promise<unknown>[] = [];
      const mentions = Array.from({ length: 24 }, (_, i) => `${1_800_000_000 + i}.000100`);
      for (const [i, ts] of mentions.entries()) {
        const envelope = eventEnvelope({ type: 'app_mention', user: `U0ASK${i}`, text: `<@${BOT_USER_ID}> energy`, ts, channel: 'C0REPLICA' });
        const req = eventRequest(envelope);
        sends.push(postToApp(r[i % 3]!.eventsUrl, req));
        // Slack's retry of the same event to another replica (signed anew when it is sent, later), and the same message under another event id.
        const later = Math.floor(Date.now() / 1000) + 1;
        sends.push(postToApp(r[(i + 1) % 3]!.eventsUrl, req, { ...signatureHeaders(req.body, SIGNING_SECRET, later), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }));
        sends.push(postToApp(r[(i + 2) % 3]!.eventsUrl, eventRequest(eventEnvelope({ type: 'app_mention', user: `U0ASK${i}`, text: `<@${BOT_USER_ID}> energy`, ts, channel: 'C0REPLICA' }))));
      }
      const urls = Array.from({ length: 12 }, () => slack.responseUrl());
      for (const [i, responseUrl] of urls.entries()) {
        const req = slashCommand({ text: 'timeline', responseUrl, user: `U0CMD${i}`, triggerId: `trigger-${i}-${Date.now()}` });
        sends.push(postToApp(r[i % 3]!.eventsUrl, req));
        // A load balancer's retry to another replica: the same request, Slack's retry signed anew.
        sends.push(postToApp(r[(i + 1) % 3]!.eventsUrl, req, signatureHeaders(req.body, SIGNING_SECRET, Math.floor(Date.now() / 1000) + 1)));
      }
      const acks = (await Promise.all(sends)) as { status: number }[];
      expect(acks.every((a) => a.status === 200)).toBe(true);

      const answersTo = (ts: string) => slack.callsOf('chat.postMessage').filter((c) => c.args.thread_ts === ts);
      await until('every question answered', async () => (mentions.every((ts) => answersTo(ts).length > 0) && urls.every((u) => slack.responsesTo(u).length > 0) ? true : undefined), 30_000);
      await slack.settle(1500); // a second answer, if any, would arrive now
      expect(mentions.map((ts) => answersTo(ts).length)).toEqual(mentions.map(() => 1));
      expect(urls.map((u) => slack.responsesTo(u).length)).toEqual(urls.map(() => 1));
      expect(JSON.stringify(answersTo(mentions[0]!)[0]!.args)).toMatch(/10 GW/);
    }, 60_000);

    it('a signed request replayed to another replica is refused there (401): replicas share what they have seen', async () => {
      const [a, b] = replicas.list;
      const responseUrl = slack.responseUrl();
      const req = slashCommand({ text: 'energy', responseUrl, user: 'U0REPLAY1', triggerId: `replay-${Date.now()}` });
      const signed = signatureHeaders(req.body);
      expect((await postToApp(a!.eventsUrl, req, signed)).status).toBe(200);
      expect((await postToApp(b!.eventsUrl, req, signed)).status).toBe(401);
      await slack.waitFor(() => slack.responsesTo(responseUrl)[0], 10_000);
    });

    it('every replica is healthy and reports the shared store', async () => {
      for (const r of replicas.list) {
        const res = await fetch(`http://127.0.0.1:${r.port}/healthz`);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: 'ok', platforms: { slack: true } });
      }
    });
  });

  for (let n = 1; n <= SOAK_RUNS; n++) {
    it(`200 channels due at the same minute, one replica SIGKILLed mid-run: each posted exactly once (run ${n} of ${SOAK_RUNS})`, async () => {
      slack.postDelayMs = 60; // a platform round trip: the run takes seconds, so the kill lands mid-run
      try {
        const result = await summaryRun({ databaseUrl: db.url, slack, channels: 200, killAfter: 40, tag: `S${n}` });
        expect(result.missed).toEqual([]);
        expect(result.doubled).toEqual([]);
        expect(result.posted).toBe(200);
        console.log(`replicas run ${n}: ${result.channels} channels, killed ${result.killed}, ${result.adopted} post(s) adopted after the kill, ${result.ms} ms`);
      } finally {
        slack.postDelayMs = 0;
      }
    }, 150_000);
  }
});
