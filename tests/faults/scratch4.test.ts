import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { freePort, healthy, ROOT, startDealbot, startEnv } from '../helpers/process.ts';

describe('repro discord payloads', () => {
  it('bad gateway events', async () => {
    const fake = await FakeDiscord.start();
    const port = await freePort();
    const tmp = mkdtempSync(join(tmpdir(), 'dealbot-repro-'));
    const bot = startDealbot(startEnv(tmp, { ...fake.env(), HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1', FACTS_DIR: join(ROOT, 'facts'), FACTS_WATCH: 'false' }));
    await healthy(port);
    const m = fake.message(`<@${fake.botUser.id}> energy`, { mentionBot: true });
    await new Promise((r) => setTimeout(r, 1000));
    fake.dispatch('MESSAGE_CREATE', { ...m, id: '1234567890123456789', content: 42 });
    await new Promise((r) => setTimeout(r, 1000));
    console.log('after msg', bot.child.exitCode);
    fake.dispatch('MESSAGE_CREATE', { ...m, id: '1234567890123456780', content: { a: 1 } });
    await new Promise((r) => setTimeout(r, 1000));
    console.log('after msg2', bot.child.exitCode);
    fake.dispatch('INTERACTION_CREATE', { id: '1234567890123456781', type: 2, token: 'x', application_id: fake.applicationId, version: 1 });
    await new Promise((r) => setTimeout(r, 1000));
    console.log('after interaction', bot.child.exitCode);
    fake.dispatch('INTERACTION_CREATE', { id: '1234567890123456782', type: 2, token: 'x', application_id: fake.applicationId, version: 1, channel_id: fake.channelId, guild_id: fake.guildId, data: { name: 'deal', type: 1, options: { query: 'x' } }, entitlements: [], authorizing_integration_owners: {} , user: fake.alice, locale: 'en-US'});
    await new Promise((r) => setTimeout(r, 1000));
    console.log('after interaction2', bot.child.exitCode);
    console.log(bot.stderr().split('\n').filter((l) => /error|fatal|Error/.test(l)).map((l) => l.slice(0, 400)).slice(-6).join('\n'));
    bot.child.kill('SIGKILL'); await fake.close().catch(() => {}); rmSync(tmp, { recursive: true, force: true });
  }, 60_000);
});
