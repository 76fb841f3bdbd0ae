// `dealbot ask "<text>" --render discord` (the CLI as a process) prints the payload the bot really
// sends: the same embeds and components, field for field, as the callback the fake Discord
// receives for `/deal query:<text>` from the real adapter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { startDiscord, type DiscordHandle } from '../../src/adapters/discord/start.ts';
import { silentLogger } from '../../src/ops/log.ts';
import { MemoryFeedbackStore } from '../../src/store/feedback.ts';
import { testBot, testPolicy, testRuntime } from '../helpers/bot.ts';
import { runDealbot, type Run } from '../helpers/process.ts';
import { FakeDiscord } from './fake-discord.ts';

const EPHEMERAL = 64;

function preview(text: string, gapsLog: string): Promise<Run> {
  return runDealbot(['ask', '--render', 'discord', text], { env: { GAPS_LOG: gapsLog } });
}

/** What a button looks like to the user; its custom_id is the adapter's own business. */
function visibleComponents(components: any[] | undefined) {
  return (components ?? []).map((row) => ({
    type: row.type,
    components: row.components.map(({ custom_id, ...rest }: any) => ({ ...rest, hasCustomId: typeof custom_id === 'string' && custom_id.length > 0 })),
  }));
}

describe('dealbot ask --render discord', () => {
  let fake: FakeDiscord;
  let discord: DiscordHandle;
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'dealbot-preview-'));
    fake = await FakeDiscord.start();
    // Answers get 👍 / 👎 as with `dealbot start` (the answers kept in memory here).
    const policy = testPolicy(testBot(), { feedback: new MemoryFeedbackStore() });
    discord = await startDiscord(readDiscordConfig(fake.env())!, testRuntime(policy, silentLogger), { rest: { retries: 0, timeout: 2000 } });
  });

  afterAll(async () => {
    await discord?.stop();
    await fake?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each([['energy'], ['@everyone what about **energy** <@&123>?']])('prints what /deal query:%j sends, field for field', async (query) => {
    const run = await preview(query, join(tmp, 'gaps.jsonl'));
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout);

    const sent = (await fake.callbackOf(fake.slash({ query }))).body;
    expect(sent.type).toBe(4);

    expect(printed.type).toBe(sent.type);
    expect(printed.data.embeds.length).toBeGreaterThan(0);
    expect(printed.data.embeds).toEqual(sent.data.embeds);
    expect(visibleComponents(printed.data.components)).toEqual(visibleComponents(sent.data.components));
    // Ephemeral with a Share button, as the README says /deal answers by default.
    expect(printed.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(sent.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(printed.data.components[0].components[0]).toMatchObject({ type: 2, label: 'Share in channel' });
    expect(printed.data.allowed_mentions.parse).toEqual([]);
    expect(sent.data.allowed_mentions.parse).toEqual([]);
  });
});
