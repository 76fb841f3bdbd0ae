// Many workspaces through OAuth, end to end: the real Bolt app in HTTP mode with Bolt's installer
// over our store (SQLite), the fake Slack playing two workspaces, their "Add to Slack" and the
// token exchange (oauth.v2.access). Each request uses its own workspace's token, tokens are sealed
// at rest, and uninstalling or revoking removes them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSlackConfig, type SlackConfig } from '../../src/adapters/slack/config.ts';
import { sealedInstallationStore } from '../../src/adapters/slack/installation-store.ts';
import { startSlack, type RunningSlack } from '../../src/adapters/slack/start.ts';
import { reply } from '../../src/core/reply.ts';
import { ConfigError } from '../../src/config/env.ts';
import { all } from '../../src/store/sql.ts';
import { recordedConnection, testBot, testPolicy, testRuntime } from '../helpers/bot.ts';
import { capturingLogger } from '../helpers/commands.ts';
import { featureStore, type FeatureStore } from '../helpers/features.ts';
import { freePort, healthy, runDealbot, startDealbot, startEnv } from '../helpers/process.ts';
import { tempDir } from '../summary/helpers.ts';
import { CLIENT_ID, CLIENT_SECRET, eventEnvelope, eventRequest, FakeSlack, postToApp, SIGNING_SECRET, slashCommand, type FakeWorkspace } from './fake-slack.ts';

const KEY = randomBytes(32).toString('base64');

let fake: FakeSlack;
let f: FeatureStore;
let slack: RunningSlack;
let base: string;
let a: FakeWorkspace;
let b: FakeWorkspace;
const logLines: string[] = [];

function oauthEnv(over: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_TOKEN_ENCRYPTION_KEY: KEY, SLACK_API_URL: fake?.apiUrl ?? 'http://127.0.0.1:1/api/', PORT: '0', ...over };
}

beforeAll(async () => {
  fake = await FakeSlack.start();
  a = fake.addWorkspace('T0ALPHA01', 'code-alpha');
  b = fake.addWorkspace('T0BRAVO01', 'code-bravo');
  f = await featureStore();
  const config: SlackConfig = { ...readSlackConfig(oauthEnv())!, host: '127.0.0.1', retries: 0 };
  const policy = testPolicy(testBot(f.bot), f.policy);
  slack = await startSlack(config, testRuntime(policy, capturingLogger(logLines), { connection: recordedConnection(), installations: f.store.installations }));
  base = slack.eventsUrl!.replace(/\/slack\/events$/, '');
});
afterAll(async () => {
  await slack?.stop();
  await fake?.close();
  await f?.close();
});

/** What a browser does: open /slack/install, follow "Add to Slack" (Slack says yes with `code`), come back to /slack/oauth_redirect with the state cookie. */
async function install(code: string): Promise<{ status: number; page: string }> {
  const page = await fetch(`${base}/slack/install`);
  expect(page.status).toBe(200);
  const html = await page.text();
  const addToSlack = /<a href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
  const authorize = new URL(addToSlack);
  expect(`${authorize.origin}${authorize.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
  expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
  expect(authorize.searchParams.get('scope')).toContain('commands');
  const state = authorize.searchParams.get('state')!;
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const back = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  return { status: back.status, page: await back.text() };
}

const callsWith = (token: string) => fake.calls.filter((c) => c.token === token);

describe('installing in two workspaces', () => {
  it('stores each installation sealed: the tokens never reach the database in clear', async () => {
    expect((await install('code-alpha')).status).toBe(200);
    expect((await install('code-bravo')).status).toBe(200);
    expect(fake.callsOf('oauth.v2.access')).toHaveLength(2);
    const rows = await all<{ id: string; body: string }>(f.store.driver, "SELECT id, body FROM installations WHERE platform = 'slack' ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual(['T0ALPHA01', 'T0BRAVO01']);
    for (const r of rows) {
      expect(r.body).toMatch(/^v1\./);
      expect(r.body).not.toContain('xoxb');
      expect(r.body).not.toContain(a.botToken.slice(5));
    }
    // Opened again with the key from the environment: the tokens are there.
    expect((await sealedInstallationStore(f.store.installations, Buffer.from(KEY, 'base64')).find('T0BRAVO01'))?.bot?.token).toBe(b.botToken);
    // Another key does not open them, and says which variable to check.
    await expect(sealedInstallationStore(f.store.installations, randomBytes(32)).find('T0BRAVO01')).rejects.toThrow(/SLACK_TOKEN_ENCRYPTION_KEY/);
  });

  it('a code used twice, or a redirect without the install’s state cookie, installs nothing', async () => {
    const replay = await install('code-alpha');
    expect(replay.status).not.toBe(200);
    const forged = await fetch(`${base}/slack/oauth_redirect?code=code-bravo&state=forged`);
    expect(forged.status).not.toBe(200);
    expect(await f.store.installations.list('slack')).toHaveLength(2);
  });

  it('answers each workspace with its own token: workspace B never uses A’s', async () => {
    fake.users.set('U0BRAVOUS', { name: 'bob', locale: 'fr-FR' });
    const before = fake.calls.length;
    for (const [w, channel] of [[a, 'C0ALPHA01'], [b, 'C0BRAVO01']] as const) {
      const ts = `${Date.now() / 1000}`;
      const user = w === b ? 'U0BRAVOUS' : 'U0ALPHAUS';
      await postToApp(slack.eventsUrl!, eventRequest(eventEnvelope({ type: 'app_mention', user, text: `<@${w.botUserId}> energy`, ts, channel }, undefined, w.team, w.botUserId)));
      await fake.waitFor(() => fake.callsOf('chat.postMessage').find((c) => c.args.channel === channel));
    }
    const responseUrl = fake.responseUrl();
    await postToApp(slack.eventsUrl!, slashCommand({ text: 'timeline', responseUrl, team: b.team, user: 'U0BRAVOUS', channel: 'C0BRAVO01' }));
    const answer = await fake.waitFor(() => fake.responsesTo(responseUrl)[0]);
    expect(JSON.stringify(answer.body)).toContain('Calendrier'); // bob's Slack locale, read with B's token

    const during = fake.calls.slice(before);
    const ofB = during.filter((c) => c.args.channel === 'C0BRAVO01' || c.args.user === 'U0BRAVOUS');
    const ofA = during.filter((c) => c.args.channel === 'C0ALPHA01' || c.args.user === 'U0ALPHAUS');
    expect(ofB.length).toBeGreaterThan(1);
    expect(ofB.every((c) => c.token === b.botToken)).toBe(true);
    expect(ofA.every((c) => c.token === a.botToken)).toBe(true);
    expect(during.every((c) => c.token === a.botToken || c.token === b.botToken)).toBe(true);
  });

  it('posts summaries with the workspace’s own token', async () => {
    const summary = reply({ kind: 'summary', lang: 'en', title: 'Daily deal summary', items: [], lines: ['hello'] });
    await slack.publisher.post({ platform: 'slack', id: 'C0BRAVO02', workspace: b.team }, summary);
    expect(fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0BRAVO02')?.token).toBe(b.botToken);
  });
});

describe('uninstalling', () => {
  it('app_uninstalled removes the workspace’s tokens: it is not answered any more, and summaries there fail plainly', async () => {
    const envelope = { ...eventEnvelope({ type: 'app_uninstalled' }, undefined, a.team, a.botUserId) };
    expect((await postToApp(slack.eventsUrl!, eventRequest(envelope))).status).toBe(200);
    await waitUntil(async () => (await f.store.installations.get('slack', a.team)) === undefined);
    fake.revoke(a.botToken); // Slack revokes the token itself
    const posted = fake.callsOf('chat.postMessage').length;
    await postToApp(slack.eventsUrl!, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0ALPHAUS', text: `<@${a.botUserId}> energy`, ts: `${Date.now() / 1000}`, channel: 'C0ALPHA02' }, undefined, a.team, a.botUserId)));
    await fake.settle(300);
    expect(fake.callsOf('chat.postMessage')).toHaveLength(posted);
    expect(callsWith(a.botToken).filter((c) => c.args.channel === 'C0ALPHA02')).toEqual([]);
    await expect(slack.publisher.post({ platform: 'slack', id: 'C0ALPHA01', workspace: a.team }, reply({ kind: 'summary', lang: 'en', title: 'x', items: [], lines: ['x'] }))).rejects.toThrow(/T0ALPHA01 has no installation/);
    // Workspace B is untouched.
    expect(await f.store.installations.get('slack', b.team)).toBeDefined();
  });

  it('tokens_revoked (the bot token) removes it too; a revoked user token alone does not', async () => {
    await postToApp(slack.eventsUrl!, eventRequest(eventEnvelope({ type: 'tokens_revoked', tokens: { oauth: ['U0SOMEONE'] } }, undefined, b.team, b.botUserId)));
    await fake.settle(200);
    expect(await f.store.installations.get('slack', b.team)).toBeDefined();
    await postToApp(slack.eventsUrl!, eventRequest(eventEnvelope({ type: 'tokens_revoked', tokens: { bot: [b.botUserId] } }, undefined, b.team, b.botUserId)));
    await waitUntil(async () => (await f.store.installations.get('slack', b.team)) === undefined);
    expect(logLines.some((l) => l.includes('installation removed'))).toBe(true);
  });
});

describe('OAuth configuration', () => {
  const problems = (env: NodeJS.ProcessEnv) => {
    try {
      readSlackConfig(env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };

  it('refuses to start without the encryption key, naming the variable (and a key that is not 32 bytes)', () => {
    expect(problems(oauthEnv({ SLACK_TOKEN_ENCRYPTION_KEY: '' }))).toEqual([expect.stringMatching(/^SLACK_TOKEN_ENCRYPTION_KEY: is required in OAuth mode/)]);
    expect(problems(oauthEnv({ SLACK_TOKEN_ENCRYPTION_KEY: 'c2hvcnQ=' }))).toEqual([expect.stringMatching(/^SLACK_TOKEN_ENCRYPTION_KEY: must be 32 bytes/)]);
    const p = problems(oauthEnv({ SLACK_CLIENT_SECRET: '', SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-2' }));
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN']) expect(p.some((x) => x.startsWith(`${name}:`))).toBe(true);
    expect(p.join('\n')).not.toContain('xoxb-1-2');
  });

  it('dealbot start refuses to run in OAuth mode without the key, naming the variable', async () => {
    const run = await runDealbot(['start'], { platformEnv: { SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: CLIENT_SECRET, SLACK_SIGNING_SECRET: SIGNING_SECRET } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('SLACK_TOKEN_ENCRYPTION_KEY: is required in OAuth mode');
  });

  it('dealbot start serves the install page in OAuth mode, healthy with no workspace installed yet', async () => {
    const tmp = tempDir('dealbot-oauth-start-');
    const port = await freePort();
    const bot = startDealbot(startEnv(tmp.dir, { ...oauthEnv({ PORT: String(port) }), FACTS_WATCH: 'false' }));
    try {
      await healthy(port);
      const page = await fetch(`http://127.0.0.1:${port}/slack/install`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Add to Slack');
      expect(bot.output()).toContain('OAuth mode');
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.output()).not.toContain(KEY);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      tmp.cleanup();
    }
  });

  it('keeps the single-workspace token mode as it was', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SIGNING_SECRET })).toMatchObject({ mode: 'http', botToken: 'xoxb-1-2' });
    expect(readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SIGNING_SECRET })?.oauth).toBeUndefined();
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
