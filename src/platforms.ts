// Reads which platforms are configured and starts them over one bot. Used by `npm start`
// and by `dealbot summary --post`; each platform's details stay in its own folder.
import type { Bot } from './core/bot.ts';
import type { ChannelPublisher, Platform } from './core/command.ts';
import { collectConfig } from './core/config-error.ts';
import type { Logger } from './ops/log.ts';
import type { SlackAppOptions } from './adapters/slack/app.ts';
import { readDiscordConfig, type DiscordConfig } from './adapters/discord/config.ts';
import { readSlackConfig, type SlackConfig } from './adapters/slack/config.ts';

export interface PlatformConfigs {
  slack?: SlackConfig;
  discord?: DiscordConfig;
}

export interface RunningPlatform {
  name: Platform;
  publisher: ChannelPublisher;
  connected(): boolean;
  stop(): Promise<void>;
}

/** Throws ConfigError naming bad variables; a platform with no variables set at all is simply absent. */
export function readPlatformConfigs(env: NodeJS.ProcessEnv): PlatformConfigs {
  const { slack, discord } = collectConfig({ slack: () => readSlackConfig(env), discord: () => readDiscordConfig(env) });
  return { ...(slack ? { slack } : {}), ...(discord ? { discord } : {}) };
}

/** Starts every configured platform; if one fails, those already started are stopped again. */
export async function startPlatforms(
  bot: Bot,
  configs: PlatformConfigs,
  logger: Logger,
  opts: { slack?: SlackAppOptions } = {},
): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  try {
    if (configs.slack) {
      const { startSlack } = await import('./adapters/slack/start.ts');
      running.push({ name: 'slack', ...(await startSlack(bot, configs.slack, logger, opts.slack)) });
    }
    if (configs.discord) {
      const { startDiscord } = await import('./adapters/discord/start.ts');
      running.push({ name: 'discord', ...(await startDiscord(bot, configs.discord, logger)) });
    }
  } catch (err) {
    await Promise.allSettled(running.map((p) => p.stop()));
    throw err;
  }
  return running;
}

export function publishersOf(running: RunningPlatform[]): Map<Platform, ChannelPublisher> {
  return new Map(running.map((p) => [p.name, p.publisher]));
}
