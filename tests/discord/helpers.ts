// Shared set-up for the Discord end-to-end tests: the real adapter (discord.js) against the fake.
import { commands } from '../../commands/index.ts';
import { adminProbeCommand, capturingLogger, floodCommand } from '../helpers/commands.ts';
export { adminProbeCommand, capturingLogger };
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { startDiscord, type DiscordHandle, type DiscordStartOptions } from '../../src/adapters/discord/start.ts';
import type { Bot } from '../../src/core/bot.ts';
import type { Command } from '../../src/core/command.ts';
import type { BotOptions } from '../../src/core/create-bot.ts';
import type { DeliveryPolicy } from '../../src/core/delivery.ts';
import type { Logger } from '../../src/ops/log.ts';
import { recordedConnection, testBot, testPolicy, testRuntime, type TestPolicyOptions } from '../helpers/bot.ts';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.ts';

export const testCommands: readonly Command<any>[] = [...commands, floodCommand((i) => `Item ${i}: ${'x'.repeat(700)} @everyone`), adminProbeCommand];


export interface Harness {
  fake: FakeDiscord;
  discord: DiscordHandle;
  bot: Bot;
  policy: DeliveryPolicy;
  /** What the adapter reported to its supervisor ("up", "down", "gave-up"). */
  connection: string[];
  logLines: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeDiscordOptions;
  bot?: Partial<BotOptions> | ((logger: Logger) => Bot);
  start?: DiscordStartOptions;
  /** Rate limits, stores, admission… for the delivery policy. */
  policy?: TestPolicyOptions;
  /** Log lines as the adapter wrote them, not scrubbed of secrets (tests that no token is logged). */
  rawLog?: boolean;
  /** Another client on the same fake Discord (a second process): closing this harness leaves the fake open. */
  existing?: FakeDiscord;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fake = opts.existing ?? (await FakeDiscord.start(opts.fake));
  const ownFake = !opts.existing;
  const logLines: string[] = [];
  const logger = capturingLogger(logLines, { raw: opts.rawLog });
  const bot =
    typeof opts.bot === 'function' ? opts.bot(logger) : testBot({ commands: testCommands, logger, ...opts.bot });
  const config = readDiscordConfig(fake.env())!;
  const policy = testPolicy(bot, opts.policy);
  const connection = recordedConnection();
  try {
    const discord = await startDiscord(config, testRuntime(policy, logger, { connection }), { rest: { retries: 0, timeout: 2000 }, ...opts.start });
    return {
      fake,
      discord,
      bot,
      policy,
      connection: connection.events,
      logLines,
      async close() {
        await discord.stop();
        if (ownFake) await fake.close();
      },
    };
  } catch (err) {
    if (ownFake) await fake.close();
    throw err;
  }
}
