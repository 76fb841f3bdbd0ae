// `dealbot start` as a process with only Discord configured (no Slack variables at all): it
// connects to the local fake Discord, answers /deal, serves /healthz on HEALTH_PORT and exits 0
// on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.ts';
import { freePort, healthy, ROOT, startDealbot, startEnv, type Started } from './helpers/process.ts';

const EPHEMERAL = 64;

describe('dealbot start with only Discord configured', () => {
  let discord: FakeDiscord;
  let bot: Started;
  let port: number;
  let tmp: string;

  beforeAll(async () => {
    discord = await FakeDiscord.start();
    port = await freePort();
    tmp = mkdtempSync(join(tmpdir(), 'dealbot-start-discord-'));
    // No SLACK_* at all: startEnv takes nothing from the developer's shell.
    bot = startDealbot(
      startEnv(tmp, { ...discord.env(), HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1', FACTS_DIR: join(ROOT, 'facts'), FACTS_WATCH: 'false' }),
    );
    await healthy(port);
  });

  afterAll(async () => {
    if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
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
    for (const f of fields.slice(0, -1)) expect(f.value).toMatch(/\n\\\[1\\\] § /);
    expect(fields.at(-1)).toMatchObject({ name: 'Sources', value: expect.stringContaining('OpenAI et Nvidia') });
    expect(JSON.stringify(fields)).toMatch(/10 GW|10 gigawatts/);
  });

  it('exits 0 on SIGTERM, disconnecting cleanly, and never logs the token', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    const logs = bot.output();
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
