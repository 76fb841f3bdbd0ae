// `dealbot start` as a process: Slack (HTTP mode) and Discord together over one bot, against the
// local fakes, with health, metrics, live fact reload and a clean SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.ts';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET, postToApp, slashCommand } from './slack/fake-slack.ts';
import { childEnv } from './setup/loopback-only.ts';

const ROOT = resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('dealbot start with Slack and Discord configured', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let child: ChildProcess;
  let port: number;
  let factsDir: string;
  let tmp: string;
  let stdout = '';
  let stderr = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start();
    port = await freePort();
    tmp = mkdtempSync(join(tmpdir(), 'dealbot-start-'));
    factsDir = join(tmp, 'facts');
    cpSync(join(ROOT, 'facts'), factsDir, { recursive: true });
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
    Object.assign(env, discord.env(), {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      FACTS_DIR: factsDir,
      DATABASE_PATH: join(tmp, 'dealbot.db'),
      GAPS_LOG: join(tmp, 'gaps.jsonl'),
      LOG_LEVEL: 'debug',
    });
    child = spawn(process.execPath, ['bin/dealbot.js', 'start'], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    exited = new Promise((done) => child.on('exit', (code) => done(code)));
    await until('a healthy bot', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return res.status === 200 ? true : undefined;
    });
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
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
    const file = join(factsDir, 'energy.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/at least 10 gigawatts/, 'at least 10 gigawatts (edited live)'));
    await until('the edited fact', async () => {
      const i = discord.slash({ query: 'energy' });
      const body = JSON.stringify((await discord.callbackOf(i, 5000)).body);
      return body.includes('edited live') ? true : undefined;
    });
    writeFileSync(file, original.replace(/unit: GW/, 'unit: 12: [broken'));
    await until('the refused edit in the logs', async () => (/refused|problem/i.test(stderr + stdout) && /energy\.yaml:\d+/.test(stderr + stdout) ? true : undefined));
    const i = discord.slash({ query: 'energy' });
    expect(JSON.stringify((await discord.callbackOf(i, 5000)).body)).toMatch(/edited live/);
  });

  it('exits 0 on SIGTERM and never logs a token', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const logs = stdout + stderr;
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
    const child = spawn(process.execPath, ['bin/dealbot.js', 'start'], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(1);
    for (const name of ['SLACK_BOT_TOKEN', 'PORT', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DEFAULT_TIMEZONE', 'RATE_LIMIT_USER_PER_MIN']) {
      expect(stderr.match(new RegExp(`- ${name}:`, 'g')), name).toHaveLength(1);
    }
    expect(stderr).toMatch(/SLACK_SIGNING_SECRET: is required in HTTP mode/);
    expect(stderr).not.toContain('not-a-token');
  });
});
