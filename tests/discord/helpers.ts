// Shared set-up for the Discord end-to-end tests: the real adapter (discord.js) against the fake.
import { Writable } from 'node:stream';
import { z } from 'zod';
import { commands } from '../../commands/index.ts';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { startDiscord, type DiscordHandle, type DiscordStartOptions } from '../../src/adapters/discord/start.ts';
import type { Bot } from '../../src/core/bot.ts';
import { defineCommand, type Command } from '../../src/core/command.ts';
import type { BotOptions } from '../../src/core/create-bot.ts';
import { reply } from '../../src/core/reply.ts';
import { createLogger, type Logger } from '../../src/ops/log.ts';
import { testBot } from '../helpers/bot.ts';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.ts';

/** Test-only commands plugged into the real bot: a huge answer, and an admin probe. */
export const floodCommand: Command<{}> = defineCommand({
  name: 'flood',
  aliases: [],
  description: { en: 'test: a very long answer', fr: 'test : une très longue réponse' },
  usage: '',
  acceptsText: false,
  args: z.object({}),
  parseArgs: () => ({}),
  run: (ctx) =>
    reply({
      kind: 'answer',
      lang: ctx.lang,
      title: 'Flood',
      items: Array.from({ length: 120 }, (_, i) => ({
        factId: `f-${i}`,
        text: `Item ${i}: ${'x'.repeat(700)} @everyone`,
        figure: `${i} GW`,
        citation: { label: `Source ${i}, section « s${i} »`, url: 'https://example.com/article' },
      })),
      shareable: true,
    }),
});

export const adminProbeCommand: Command<{}> = defineCommand({
  name: 'adminprobe',
  aliases: [],
  description: { en: 'test: am I admin', fr: 'test : suis-je admin' },
  usage: '',
  acceptsText: false,
  args: z.object({}),
  parseArgs: () => ({}),
  run: async (ctx) => reply({ kind: 'notice', lang: ctx.lang, title: (await ctx.isAdmin()) ? 'ADMIN-YES' : 'ADMIN-NO', items: [] }),
});

export const testCommands: readonly Command<any>[] = [...commands, floodCommand, adminProbeCommand];

/** A logger that keeps every line (debug included) so tests can look for leaked secrets. */
export function capturingLogger(lines: string[]): Logger {
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return createLogger({ level: 'debug', destination });
}

export interface Harness {
  fake: FakeDiscord;
  discord: DiscordHandle;
  bot: Bot;
  logLines: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeDiscordOptions;
  bot?: Partial<BotOptions> | ((logger: Logger) => Bot);
  start?: DiscordStartOptions;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start(opts.fake);
  const logLines: string[] = [];
  const logger = capturingLogger(logLines);
  const bot =
    typeof opts.bot === 'function' ? opts.bot(logger) : testBot({ commands: testCommands, logger, ...opts.bot });
  const config = readDiscordConfig(fake.env())!;
  try {
    const discord = await startDiscord(bot, config, logger, { rest: { retries: 0, timeout: 2000 }, ...opts.start });
    return {
      fake,
      discord,
      bot,
      logLines,
      async close() {
        await discord.stop();
        await fake.close();
      },
    };
  } catch (err) {
    await fake.close();
    throw err;
  }
}
