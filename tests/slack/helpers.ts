// Shared set-up for the Slack end-to-end tests: the real adapter started against the fake.
import { commands } from '../../commands/index.ts';
import { adminProbeCommand, capturingLogger, floodCommand } from '../helpers/commands.ts';
export { adminProbeCommand, capturingLogger };
import type { Bot } from '../../src/core/bot.ts';
import type { BotOptions } from '../../src/core/create-bot.ts';
import type { Command } from '../../src/core/command.ts';
import type { DeliveryPolicy } from '../../src/core/delivery.ts';
import { readSlackConfig, type SlackConfig } from '../../src/adapters/slack/config.ts';
import { startSlack, type RunningSlack } from '../../src/adapters/slack/start.ts';
import { recordedConnection, testBot, testPolicy, testRuntime, type TestPolicyOptions } from '../helpers/bot.ts';
import { APP_TOKEN, BOT_TOKEN, FakeSlack, SIGNING_SECRET } from './fake-slack.ts';

export const testCommands: readonly Command<any>[] = [...commands, floodCommand((i) => `Item ${i}: ${'x'.repeat(400)}`), adminProbeCommand];

export interface Harness {
  fake: FakeSlack;
  slack: RunningSlack;
  bot: Bot;
  policy: DeliveryPolicy;
  /** What the adapter reported to its supervisor ("up", "down", "gave-up"). */
  connection: string[];
  config: SlackConfig;
  logLines: string[];
  close(): Promise<void>;
}


export interface HarnessOptions {
  mode?: 'http' | 'socket';
  admins?: string;
  botOptions?: Partial<BotOptions>;
  /** Wraps the real bot (a failing answer…). */
  wrap?: (bot: Bot) => Bot;
  /** Rate limits, stores (a real database's), admission… for the delivery policy. */
  policy?: TestPolicyOptions;
  /** Another app on the same fake Slack (a second process): closing this harness leaves the fake open. */
  fake?: FakeSlack;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fake = opts.fake ?? (await FakeSlack.start());
  const ownFake = !opts.fake;
  const env: NodeJS.ProcessEnv = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ...(opts.mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }),
    ...(opts.admins ? { DEALBOT_ADMINS: opts.admins } : {}),
  };
  const config: SlackConfig = { ...readSlackConfig(env)!, host: '127.0.0.1', retries: 0 };
  const logLines: string[] = [];
  const real = testBot({ commands: testCommands, ...opts.botOptions });
  const bot = opts.wrap ? opts.wrap(real) : real;
  const policy = testPolicy(bot, opts.policy);
  const connection = recordedConnection();
  let slack: RunningSlack;
  try {
    slack = await startSlack(config, testRuntime(policy, capturingLogger(logLines), { connection }));
  } catch (err) {
    if (ownFake) await fake.close();
    throw err;
  }
  return {
    fake,
    slack,
    bot,
    policy,
    connection: connection.events,
    config,
    logLines,
    async close() {
      await slack.stop();
      if (ownFake) await fake.close();
    },
  };
}
