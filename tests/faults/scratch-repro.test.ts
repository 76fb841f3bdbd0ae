import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, healthy, ROOT, startDealbot, startEnv, type Started } from '../helpers/process.ts';
import { BOT_TOKEN, BOT_USER_ID, eventEnvelope, eventRequest, FakeSlack, postToApp, SIGNING_SECRET, signatureHeaders, slashCommand } from '../slack/fake-slack.ts';

function get(port: number, path: string, ms = 2000): Promise<number | 'hang'> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.setTimeout(ms, () => { req.destroy(); resolve('hang'); });
    req.on('error', () => resolve('hang'));
    req.end();
  });
}

describe('repro', () => {
  let slack: FakeSlack; let bot: Started; let port: number; let tmp: string;
  beforeAll(async () => {
    slack = await FakeSlack.start();
    port = await freePort();
    tmp = mkdtempSync(join(tmpdir(), 'dealbot-repro-'));
    bot = startDealbot(startEnv(tmp, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: String(port), FACTS_DIR: join(ROOT, 'facts'), FACTS_WATCH: 'false' }));
    await healthy(port);
  }, 60_000);
  afterAll(async () => { if (bot?.child.exitCode === null) bot.child.kill('SIGKILL'); await bot?.exited; await slack?.close(); rmSync(tmp, { recursive: true, force: true }); });

  it('health paths', async () => {
    for (const p of ['/healthz/', '/HEALTHZ', '/metrics/../healthz', '/healthz?x=1', '/nope']) console.log(p, await get(port, p));
  });
  it('replay', async () => {
    const responseUrl = slack.responseUrl();
    const req = slashCommand({ text: 'timeline', responseUrl });
    const h = signatureHeaders(req.body);
    for (let i = 0; i < 3; i++) console.log('replay', (await postToApp(`http://127.0.0.1:${port}/slack/events`, req, h)).status);
    const future = signatureHeaders(req.body, SIGNING_SECRET, Math.floor(Date.now() / 1000) + 365 * 86400);
    console.log('future', (await postToApp(`http://127.0.0.1:${port}/slack/events`, slashCommand({ text: 'timeline', responseUrl: slack.responseUrl() }), future)).status);
    await slack.settle(1500);
    console.log('answers', slack.responsesTo(responseUrl).length);
  });
  it('bad text', async () => {
    const res = await postToApp(`http://127.0.0.1:${port}/slack/events`, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U1', text: 42, ts: '1700000000.000001', channel: 'C1' })));
    console.log('bad ack', res.status);
    const res2 = await postToApp(`http://127.0.0.1:${port}/slack/events`, eventRequest(eventEnvelope({ type: 'message', channel_type: 'im', user: 'U1', text: { a: 1 }, ts: '1700000000.000002', channel: 'D1' })));
    console.log('bad ack2', res2.status);
    await slack.settle(1500);
    console.log('exit', bot.child.exitCode, bot.stderr().split('\n').filter((l) => /error|fatal/i.test(l)).slice(-5).join('\n'));
  });
});
