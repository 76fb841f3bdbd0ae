// Reads which platforms are configured and starts them over one bot. Used by `npm start`
// and by `dealbot summary --post`; each platform's details stay in its own folder.
import type { Bot } from './core/bot.ts';
import type { ChannelPublisher, Platform } from './core/command.ts';
import { collectConfig } from './core/config-error.ts';
import type { Logger } from './ops/log.ts';
import type { SlackAppOptions } from './adapters/slack/app.ts';
import type { DiscordStartOptions } from './adapters/discord/start.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
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
  /** HTTP routes the platform serves on the shared port (Discord's interactions endpoint). */
  routes?: { path: string; method: 'POST'; handle(req: IncomingMessage, res: ServerResponse): void }[];
  /** What this replica does for the platform (health), e.g. { gateway: 'standby' }. */
  role?(): Record<string, string>;
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
  opts: { slack?: SlackAppOptions; discord?: DiscordStartOptions } = {},
): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  try {
    if (configs.slack) {
      const { startSlack } = await import('./adapters/slack/start.ts');
      running.push({ name: 'slack', ...(await startSlack(bot, configs.slack, logger, opts.slack)) });
    }
    if (configs.discord) {
      const { startDiscord } = await import('./adapters/discord/start.ts');
      const { INTERACTIONS_PATH } = await import('./adapters/discord/paths.ts');
      const discord = await startDiscord(bot, configs.discord, logger, opts.discord);
      const endpoint = discord.interactions;
      running.push({
        name: 'discord',
        publisher: discord.publisher,
        connected: () => discord.connected(),
        stop: () => discord.stop(),
        ...(endpoint ? { routes: [{ path: INTERACTIONS_PATH, method: 'POST' as const, handle: (req: IncomingMessage, res: ServerResponse) => endpoint.handle(req, res) }] } : {}),
        role: () => ({ gateway: discord.gateway() }),
      });
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
