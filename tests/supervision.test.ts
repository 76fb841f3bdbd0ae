// Connections are supervised: `dealbot start` as a process against the fakes, whose connections
// break the way real ones do. Timings come from the environment, so the test waits seconds, not
// minutes; nothing here asserts how fast anything is, only what happens and in which order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from './discord/fake-discord.ts';
import { freePort, healthy, startDealbot, startEnv, until, type Started } from './helpers/process.ts';
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from './slack/fake-slack.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Short supervision timings for tests (production: reconnect 1 s → 60 s, exit after 120 s down). */
const FAST = { PLATFORM_RECONNECT_MIN_MS: '100', PLATFORM_RECONNECT_MAX_MS: '400' };

async function startBot(env: NodeJS.ProcessEnv): Promise<{ bot: Started; port: number }> {
  const tmp = mkdtempSync(join(tmpdir(), 'dealbot-supervision-'));
  const port = await freePort();
  const bot = startDealbot(startEnv(tmp, { HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1', FACTS_WATCH: 'false', ...env }));
  cleanups.push(() => {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  });
  await healthy(port);
  return { bot, port };
}

async function status(port: number): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
}

/** Polls /healthz often until it answers `code` (the first answer after the break). */
async function healthBecomes(port: number, code: number, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while ((await status(port).catch(() => 0)) !== code) {
    if (Date.now() > end) throw new Error(`/healthz never answered ${code}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function expectNoUnhandledRejection(bot: Started): void {
  expect(bot.output()).not.toMatch(/unhandled rejection|UnhandledPromiseRejection/i);
}

async function slackBot(extra: NodeJS.ProcessEnv) {
  const fake = await FakeSlack.start();
  cleanups.push(() => fake.close());
  const started = await startBot({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, ...FAST, ...extra });
  await until('a socket mode client', async () => (fake.socketClients > 0 ? true : undefined));
  return { fake, ...started };
}

describe('Slack Socket Mode', () => {
  it('after a refresh while apps.connections.open fails, goes 503 at once, keeps retrying and comes back', async () => {
    const { fake, bot, port } = await slackBot({ PLATFORM_DOWN_EXIT_S: '60' });
    const opened = fake.connectionsOpened;
    // 20 s: longer than the Web API client's own retries (the library gave up after them).
    fake.refuseConnectionsOpen(20_000);
    fake.refreshSockets();
    await healthBecomes(port, 503);
    await healthBecomes(port, 200, 40_000);
    expect(fake.connectionsOpened).toBeGreaterThan(opened);
    // Several refused attempts: the supervisor kept trying after the library gave up.
    expect(fake.callsOf('apps.connections.open').length).toBeGreaterThan(3);
    const responseUrl = fake.responseUrl();
    await fake.sendEnvelope('slash_commands', { team_id: 'T0FAKE01', channel_id: 'C0BACK001', user_id: 'U1', user_name: 'a', command: '/deal', text: 'energy', response_url: responseUrl });
    await fake.waitFor(() => fake.responsesTo(responseUrl)[0]);
    expect(bot.child.exitCode).toBeNull();
    expectNoUnhandledRejection(bot);
  }, 70_000);

  it('exits non-zero when Slack stays down past PLATFORM_DOWN_EXIT_S, so the supervisor restarts it', async () => {
    const { fake, bot } = await slackBot({ PLATFORM_DOWN_EXIT_S: '2' });
    fake.refuseConnectionsOpen(Infinity);
    fake.refreshSockets();
    const code = await bot.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(bot.stderr()).toMatch(/slack.*down|down.*slack/i);
    expectNoUnhandledRejection(bot);
  });
});

describe('Discord gateway', () => {
  async function discordBot(extra: NodeJS.ProcessEnv) {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const started = await startBot({ ...fake.env(), ...FAST, ...extra });
    return { fake, ...started };
  }

  it('closed with 1006 and refused a resume: goes 503 at once, identifies again and answers', async () => {
    const { fake, bot, port } = await discordBot({ PLATFORM_DOWN_EXIT_S: '60' });
    const identifies = fake.identifies.length;
    fake.dropGateway(500);
    await healthBecomes(port, 503);
    await healthBecomes(port, 200);
    expect(fake.identifies.length).toBeGreaterThan(identifies);
    const cb = await fake.callbackOf(fake.slash({ query: 'energy' }), 5000);
    expect(cb.body.type).toBe(4);
    expect(bot.child.exitCode).toBeNull();
    expectNoUnhandledRejection(bot);
  });

  it('exits non-zero when the gateway stays unreachable past PLATFORM_DOWN_EXIT_S', async () => {
    const { fake, bot } = await discordBot({ PLATFORM_DOWN_EXIT_S: '2' });
    fake.dropGateway(Infinity);
    const code = await bot.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(bot.stderr()).toMatch(/discord.*down|down.*discord/i);
    expectNoUnhandledRejection(bot);
  });
});
