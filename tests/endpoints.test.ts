// `dealbot start` with Slack in HTTP mode and Discord's Interactions Endpoint in one process: one
// port (PORT) carries Slack's /slack/events, Discord's POST /discord/interactions and /healthz, as a
// load balancer in front of replicas expects. The endpoint is routed through the adapter contract
// (PlatformAdapter.endpoints, mounted on the HTTP server Slack shares).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.ts';
import { freePort, healthy, ROOT, startDealbot, startEnv, type Started } from './helpers/process.ts';
import { BOT_TOKEN, FakeSlack, postToApp, SIGNING_SECRET, slashCommand } from './slack/fake-slack.ts';

describe('Slack HTTP mode and Discord interactions on one port', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let bot: Started;
  let port: number;
  let tmp: string;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start();
    port = await freePort();
    tmp = mkdtempSync(join(tmpdir(), 'dealbot-endpoints-'));
    bot = startDealbot(
      startEnv(tmp, {
        ...discord.env(),
        DISCORD_PUBLIC_KEY: discord.publicKeyHex,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        FACTS_DIR: join(ROOT, 'facts'),
        FACTS_WATCH: 'false',
      }),
    );
    await healthy(port);
    discord.interactionsUrl = `http://127.0.0.1:${port}/discord/interactions`;
  }, 60_000);

  afterAll(async () => {
    if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
    await bot?.exited;
    await slack?.close();
    await discord?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('answers a signed /deal on PORT/discord/interactions and refuses an unsigned one', async () => {
    const res = await discord.slash({ query: 'energy' }).http!;
    expect(res.status).toBe(200);
    expect(res.body.type).toBe(4);
    expect(JSON.stringify(res.body.data.embeds)).toMatch(/10 GW|10 gigawatts/);
    const unsigned = await fetch(discord.interactionsUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":1}' });
    expect(unsigned.status).toBe(401);
  });

  it('answers a Slack command on the same port', async () => {
    const responseUrl = slack.responseUrl();
    const ack = await postToApp(`http://127.0.0.1:${port}/slack/events`, slashCommand({ text: 'timeline', responseUrl }));
    expect(ack.status).toBe(200);
    const answer = await slack.waitFor(() => slack.responsesTo(responseUrl)[0], 10_000, 'the answer');
    expect(JSON.stringify(answer.body)).toMatch(/Timeline|Chronologie/);
  });

  it('reports both platforms, the store and the gateway role on /healthz', async () => {
    const body = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(body).toMatchObject({ status: 'ok', platforms: { slack: true, discord: true }, replica: { store: 'sqlite', discord: { gateway: 'connected' } } });
  });
});
