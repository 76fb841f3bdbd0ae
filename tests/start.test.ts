// `dealbot start` as a process: Slack (HTTP mode) and Discord together over one bot, against the
// local fakes, with health, metrics, live fact reload and a clean SIGTERM.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.ts';
import { freePort, healthy, ROOT, startDealbot, startEnv, until, type Started } from './helpers/process.ts';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET, postToApp, slashCommand } from './slack/fake-slack.ts';

describe('dealbot start with Slack and Discord configured', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let bot: Started;
  let port: number;
  let factsDir: string;
  let tmp: string;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start();
    port = await freePort();
    tmp = mkdtempSync(join(tmpdir(), 'dealbot-start-'));
    factsDir = join(tmp, 'facts');
    cpSync(join(ROOT, 'facts'), factsDir, { recursive: true });
    bot = startDealbot(
      startEnv(tmp, {
        ...discord.env(),
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        FACTS_DIR: factsDir,
        FACTS_SETTLE_MS: '300', // quick live reloads: the test asks until the edit is served
      }),
    );
    await healthy(port);
  });

  afterAll(async () => {
    if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
    await Promise.all([slack?.close(), discord?.close()]);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('reports both platforms and the fact base on /healthz', async () => {
    const body = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(body).toMatchObject({ status: 'ok', platforms: { slack: true, discord: true } });
    expect(body.facts).toBeGreaterThan(25);
  });

  it('answers /deal energy on Slack and on Discord from the same engine', async () => {
    const responseUrl = slack.responseUrl();
    const ack = await postToApp(`http://127.0.0.1:${port}/slack/events`, slashCommand({ text: 'energy', responseUrl }));
    expect(ack.status).toBe(200);
    const posted = await slack.waitFor(() => slack.responsesTo(responseUrl)[0]);
    const slackText = JSON.stringify(posted.body);
    expect(slackText).toMatch(/10 GW/);

    await discord.identified(10_000);
    const interaction = discord.slash({ query: 'energy' });
    const callback = await discord.callbackOf(interaction, 10_000);
    const embeds = JSON.stringify(callback.body);
    expect(embeds).toMatch(/10 GW/);
  });

  it('serves Prometheus metrics counting both platforms', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    expect(text).toMatch(/dealbot_questions_total\{[^}]*platform="slack"[^}]*\} 1/);
    expect(text).toMatch(/dealbot_questions_total\{[^}]*platform="discord"[^}]*\} 1/);
  });

  it('picks up an edited fact without a restart, and keeps serving on a broken edit', async () => {
    const file = join(factsDir, 'openai-nvidia', 'energy.yaml');
    const original = readFileSync(file, 'utf8');
    const served = async () => ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { fingerprint: string }).fingerprint;
    const before = await served();
    writeFileSync(file, original.replace(/at least 10 gigawatts/, 'at least 10 gigawatts (edited live)'));
    // Waited for on /healthz, not by asking: questions would run into the per-user rate limit.
    await until('the edited base served', async () => ((await served()) !== before ? true : undefined));
    const edited = discord.slash({ query: 'energy' });
    expect(JSON.stringify((await discord.callbackOf(edited, 5000)).body)).toMatch(/edited live/);
    writeFileSync(file, original.replace(/unit: GW/, 'unit: 12: [broken'));
    await until('the refused edit in the logs', async () => (/refused|problem/i.test(bot.output()) && /energy\.yaml:\d+/.test(bot.output()) ? true : undefined));
    const i = discord.slash({ query: 'energy' });
    expect(JSON.stringify((await discord.callbackOf(i, 5000)).body)).toMatch(/edited live/);
  });

  it('exits 0 on SIGTERM and never logs a token', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const logs = bot.output();
    expect(logs).toMatch(/shut down cleanly/);
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, discord.token]) expect(logs).not.toContain(secret);
  });
});

describe('dealbot start with bad configuration', () => {
  it('stops before connecting, naming each bad variable once', async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: 'not-a-token',
      PORT: 'eighty',
      DISCORD_TOKEN: 'abc def',
      DEFAULT_TIMEZONE: 'Mars/Olympus',
      RATE_LIMIT_USER_PER_MIN: 'lots',
    };
    const refused = startDealbot(env);
    expect(await refused.exited).toBe(1);
    const stderr = refused.stderr();
    for (const name of ['SLACK_BOT_TOKEN', 'PORT', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DEFAULT_TIMEZONE', 'RATE_LIMIT_USER_PER_MIN']) {
      expect(stderr.match(new RegExp(`- ${name}:`, 'g')), name).toHaveLength(1);
    }
    expect(stderr).toMatch(/SLACK_SIGNING_SECRET: is required in HTTP mode/);
    expect(stderr).not.toContain('not-a-token');
  });
});
