// `dealbot start` as a process with only Discord configured (no Slack variables at all): it
// connects to the local fake Discord, answers /deal, serves /healthz on HEALTH_PORT and exits 0
// on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.ts';
import { childEnv } from './setup/loopback-only.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EPHEMERAL = 64;

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

describe('dealbot start with only Discord configured', () => {
  let discord: FakeDiscord;
  let child: ChildProcess;
  let port: number;
  let tmp: string;
  let stdout = '';
  let stderr = '';
  let exited: Promise<number | null>;

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    port = await freePort();
    tmp = mkdtempSync(join(tmpdir(), 'dealbot-start-discord-'));
    // A clean environment: nothing from the developer's shell (no SLACK_* in particular).
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...discord.env(),
      HEALTH_PORT: String(port),
      HEALTH_HOST: '127.0.0.1',
      FACTS_DIR: join(ROOT, 'facts'),
      FACTS_WATCH: 'false',
      DATABASE_PATH: join(tmp, 'dealbot.db'),
      GAPS_LOG: join(tmp, 'gaps.jsonl'),
      LOG_LEVEL: 'debug',
    };
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
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await discord?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('connects to Discord with its token and reports only Discord on /healthz', async () => {
    await discord.identified(10_000);
    expect(discord.identifies.at(-1)?.token).toBe(discord.token);
    expect(discord.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'ok', platforms: { discord: true } });
    expect(Object.keys(body.platforms)).toEqual(['discord']);
    expect(body.facts).toBeGreaterThan(25);
  });

  it('answers /deal energy with cited embeds', async () => {
    const cb = await discord.callbackOf(discord.slash({ query: 'energy' }), 10_000);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.allowed_mentions.parse).toEqual([]);
    const fields = cb.body.data.embeds[0].fields as { value: string }[];
    expect(fields.length).toBeGreaterThan(1);
    for (const f of fields) expect(f.value).toMatch(/\n📎 .*Source/);
    expect(JSON.stringify(fields)).toMatch(/10 GW|10 gigawatts/);
  });

  it('exits 0 on SIGTERM, disconnecting cleanly, and never logs the token', async () => {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const logs = stdout + stderr;
    expect(logs).toMatch(/discord stopped/);
    expect(logs).toMatch(/shut down cleanly/);
    const started = logs.split('\n').filter((l) => l.includes('dealbot started')).map((l) => JSON.parse(l));
    expect(started).toEqual([expect.objectContaining({ platforms: ['discord'] })]);
    expect(logs).not.toMatch(/"platform":"slack"/);
    expect(logs).not.toContain(discord.token);
    // Nothing listens on the health port any more.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
