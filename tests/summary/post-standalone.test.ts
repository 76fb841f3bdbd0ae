// `dealbot summary --post` as a process: it posts through each configured platform's publisher
// alone, never starting the inbound side (no gateway login, no Socket Mode, no listener).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDriver } from '../../src/store/sqlite.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { runDealbot } from '../helpers/process.ts';
import { APP_TOKEN, BOT_TOKEN, FakeSlack } from '../slack/fake-slack.ts';
import { tempDir } from './helpers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('dealbot summary --post', () => {
  it('posts to Slack and Discord with their publishers only: no bot, no socket, no gateway', async () => {
    const tmp = tempDir();
    cleanups.push(() => tmp.cleanup());
    const slack = await FakeSlack.start();
    const discord = await FakeDiscord.start();
    cleanups.push(() => slack.close(), () => discord.close());
    const path = join(tmp.dir, 'dealbot.db');
    const db = SqliteDriver.open(path);
    const subs = new SubscriptionStore(db, () => new Date('2026-01-01T00:00:00Z'));
    await subs.subscribe({ channel: { platform: 'slack', id: 'C0POSTED1' }, time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
    await subs.subscribe({ channel: { platform: 'discord', id: discord.channelId }, time: '09:00', timezone: 'UTC', lang: 'fr', by: 'U2' });
    await db.close();

    const r = await runDealbot(['summary', '--post'], {
      env: { DATABASE_PATH: path },
      platformEnv: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, ...discord.env() },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/posted {3}slack:C0POSTED1/);
    expect(r.stdout).toMatch(new RegExp(`posted {3}discord:${discord.channelId}`));
    expect(slack.callsOf('chat.postMessage').map((c) => c.args.channel)).toEqual(['C0POSTED1']);
    expect(slack.callsOf('apps.connections.open')).toEqual([]); // no Socket Mode
    expect(slack.socketClients).toBe(0);
    expect(discord.requests.filter((q) => q.method === 'POST' && q.path === `/channels/${discord.channelId}/messages`)).toHaveLength(1);
    expect(discord.requests.some((q) => q.path === '/gateway/bot')).toBe(false); // no gateway login
    expect(discord.gatewayConnections).toBe(0);
  });
});
