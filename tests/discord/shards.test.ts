// DISCORD_SHARDS: the gateway side shards with discord.js's own (internal) sharding.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { startDiscord, type DiscordHandle } from '../../src/adapters/discord/start.ts';
import { testBot, testPolicy, testRuntime } from '../helpers/bot.ts';
import { capturingLogger } from '../helpers/commands.ts';
import { FakeDiscord } from './fake-discord.ts';

let fake: FakeDiscord;
let discord: DiscordHandle;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  discord = await startDiscord(readDiscordConfig({ ...fake.env(), DISCORD_SHARDS: '2' })!, testRuntime(testPolicy(testBot({})), capturingLogger([])), { rest: { retries: 0, timeout: 2000 } });
});
afterAll(async () => {
  await discord?.stop();
  await fake?.close();
});

it('DISCORD_SHARDS=2 opens two gateway sessions, shards 0 and 1 of 2, and is healthy once both are ready', async () => {
  expect(fake.identifies.map((d) => d.shard).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
  expect(fake.identifiedSockets).toBe(2);
  expect(discord.client!.ws.shards.size).toBe(2);
  expect(discord.connected()).toBe(true);
  expect(discord.gateway()).toBe('connected');
});
