// Slack configuration from the environment, and the generated app manifest / CLI.
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { commands } from '../../commands/index.ts';
import { slackCli } from '../../src/adapters/slack/cli.ts';
import { readSlackConfig, SlackEnv } from '../../src/adapters/slack/config.ts';
import { appDescription, BOT_SCOPES, slackManifest } from '../../src/adapters/slack/manifest.ts';
import { ConfigError, envDocs } from '../../src/config/env.ts';

const BOT = 'xoxb-1-abc';
const APP = 'xapp-1-abc';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    readSlackConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  return [];
}

describe('readSlackConfig', () => {
  it('is undefined when no Slack variable is set (empty counts as unset)', () => {
    expect(readSlackConfig({})).toBeUndefined();
    expect(readSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ', PORT: '8080' })).toBeUndefined();
  });

  it('picks Socket Mode with an app token, HTTP mode with a signing secret', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toMatchObject({ mode: 'socket', appToken: APP, port: 3000 });
    expect(readSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'abcdef123456', PORT: '8080', SLACK_API_URL: 'http://127.0.0.1:9/api/', DEALBOT_ADMINS: 'U1AAA, W2BBB' })).toMatchObject({
      mode: 'http',
      port: 8080,
      apiUrl: 'http://127.0.0.1:9/api/',
      admins: ['U1AAA', 'W2BBB'],
    });
  });

  it('names every bad variable, without echoing secret values', () => {
    const p = problems({ SLACK_APP_TOKEN: 'xoxb-wrong-kind', SLACK_API_URL: 'ftp://x', PORT: 'abc', DEALBOT_ADMINS: 'bob' });
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'PORT', 'DEALBOT_ADMINS']) expect(p.some((x) => x.startsWith(`${name}:`))).toBe(true);
    expect(p.join('\n')).not.toContain('xoxb-wrong-kind');
  });

  it('requires the signing secret in HTTP mode', () => {
    expect(problems({ SLACK_BOT_TOKEN: BOT })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET: is required in HTTP mode/)]);
  });

  it('documents exactly the variables of its schema', () => {
    expect(envDocs(SlackEnv).map((v) => v.name)).toEqual(Object.keys(SlackEnv.shape));
  });
});

describe('slack manifest', () => {
  it('lists every command in the usage hint, the scopes used, the events and socket mode', () => {
    const m = slackManifest(commands) as any;
    const cmd = m.features.slash_commands[0];
    expect(cmd.command).toBe('/deal');
    expect(cmd.url).toBeUndefined();
    for (const c of commands) if (c.name) expect(cmd.usage_hint).toContain(c.name);
    expect(m.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'im:history', 'users:read']));
    expect(m.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im', 'message.channels', 'message.groups', 'app_home_opened', 'app_uninstalled', 'tokens_revoked']);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('points every request URL at /slack/events in HTTP mode', () => {
    const m = slackManifest(commands, { requestUrl: 'https://bot.example.com/' }) as any;
    expect(m.settings.socket_mode_enabled).toBe(false);
    for (const u of [m.features.slash_commands[0].url, m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url]) {
      expect(u).toBe('https://bot.example.com/slack/events');
    }
  });

  it('offers "Ask dealbot about this" on messages and the Home tab, from the command list', () => {
    const m = slackManifest(commands) as any;
    expect(m.features.shortcuts).toEqual([{ name: 'Ask dealbot about this', type: 'message', callback_id: 'dealbot_msg_ask', description: expect.stringContaining('privately') }]);
    expect(m.features.app_home.home_tab_enabled).toBe(true);
  });

  it('prints the OAuth settings with --oauth: the redirect URL, and what else to set', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
    expect(await slackCli(['manifest', '--oauth'], { io, env: {}, commands })).toBe(1);
    expect(err[0]).toContain('--oauth needs --http');
    expect(await slackCli(['manifest', '--http', 'https://bot.example.com', '--oauth'], { io, env: {}, commands })).toBe(0);
    const m = YAML.parse(out[0]!);
    expect(m.oauth_config.redirect_urls).toEqual(['https://bot.example.com/slack/oauth_redirect']);
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(out[0]).toMatch(/^# OAuth mode: install dealbot in many workspaces from https:\/\/bot.example.com\/slack\/install\./);
    for (const name of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_TOKEN_ENCRYPTION_KEY', 'Activate Public Distribution']) expect(out[0]).toContain(name);
  });

  it('prints YAML by default and JSON with --json; rejects bad options', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
    expect(await slackCli(['manifest'], { io, env: {}, commands })).toBe(0);
    expect(YAML.parse(out[0]!)).toEqual(slackManifest(commands));
    expect(await slackCli(['manifest', '--json', '--name', 'Deal Bot'], { io, env: {}, commands })).toBe(0);
    expect(JSON.parse(out[1]!).display_information.name).toBe('Deal Bot');
    expect(await slackCli(['manifest', '--http', 'not a url'], { io, env: {}, commands })).toBe(1);
    expect(await slackCli(['nope'], { io, env: {}, commands })).toBe(1);
    expect(err.length).toBe(2);
  });
});

describe('the app description', () => {
  it('names the one deal, or every deal while they fit in Slack’s 140 characters, else counts them', () => {
    expect(appDescription(['OpenAI–Nvidia partnership'])).toBe('Answers questions about the OpenAI–Nvidia partnership from a curated, cited fact base.');
    expect(appDescription(['Northwind–Kestrel acquisition', 'OpenAI–Nvidia partnership'])).toBe(
      'Answers questions about the Northwind–Kestrel acquisition and the OpenAI–Nvidia partnership from a curated, cited fact base.',
    );
    const many = ['Alpha–Beta merger', 'Gamma–Delta joint venture', 'Epsilon–Zeta takeover', 'Eta–Theta partnership'];
    expect(appDescription(many)).toBe('Answers questions about 4 business deals from a curated, cited fact base.');
    expect(appDescription([])).toBe('Answers questions about business deals from a curated, cited fact base.');
    for (const names of [[], many, ['x'.repeat(200)]]) expect(appDescription(names).length).toBeLessThanOrEqual(140);
  });
  it('`dealbot slack manifest` names the deals of the fact base it is given', async () => {
    const out: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: () => {} };
    expect(await slackCli(['manifest', '--json'], { io, env: {}, commands, dealNames: () => ['Northwind–Kestrel acquisition', 'OpenAI–Nvidia partnership'] })).toBe(0);
    expect(JSON.parse(out.join('')).display_information.description).toContain('the Northwind–Kestrel acquisition and the OpenAI–Nvidia partnership');
  });
});
