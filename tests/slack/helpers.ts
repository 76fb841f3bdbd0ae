// Shared set-up for the Slack end-to-end tests: the real adapter started against the fake.
import { Writable } from 'node:stream';
import { z } from 'zod';
import { commands } from '../../commands/index.ts';
import type { Bot } from '../../src/core/bot.ts';
import type { BotOptions } from '../../src/core/create-bot.ts';
import { defineCommand, type Command } from '../../src/core/command.ts';
import { reply } from '../../src/core/reply.ts';
import { readSlackConfig, type SlackConfig } from '../../src/adapters/slack/config.ts';
import { startSlack, type RunningSlack } from '../../src/adapters/slack/start.ts';
import { createLogger, type Logger } from '../../src/ops/log.ts';
import { testBot } from '../helpers/bot.ts';
import { APP_TOKEN, BOT_TOKEN, FakeSlack, SIGNING_SECRET } from './fake-slack.ts';

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
        text: `Item ${i}: ${'x'.repeat(400)}`,
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
  run: async (ctx) =>
    reply({ kind: 'notice', lang: ctx.lang, title: (await ctx.isAdmin()) ? 'ADMIN-YES' : 'ADMIN-NO', items: [] }),
});

export const testCommands = [...commands, floodCommand, adminProbeCommand];

export interface Harness {
  fake: FakeSlack;
  slack: RunningSlack;
  bot: Bot;
  config: SlackConfig;
  logLines: string[];
  close(): Promise<void>;
}

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

export async function startHarness(opts: { mode?: 'http' | 'socket'; admins?: string; botOptions?: Partial<BotOptions> } = {}): Promise<Harness> {
  const fake = await FakeSlack.start();
  const env: NodeJS.ProcessEnv = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ...(opts.mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ...(opts.admins ? { DEALBOT_ADMINS: opts.admins } : {}),
  };
  const config: SlackConfig = { ...readSlackConfig(env)!, host: '127.0.0.1', retries: 0 };
  const logLines: string[] = [];
  const bot = testBot({ commands: testCommands, ...opts.botOptions });
  let slack: RunningSlack;
  try {
    slack = await startSlack(bot, config, capturingLogger(logLines));
  } catch (err) {
    await fake.close();
    throw err;
  }
  return {
    fake,
    slack,
    bot,
    config,
    logLines,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}
