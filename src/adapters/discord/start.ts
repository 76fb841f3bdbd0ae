// Starts the Discord side of the bot: client, handlers, login, and a handle to stop it.
import { Events, Status, type Client } from 'discord.js';
import type { Bot } from '../../core/bot.ts';
import type { ChannelPublisher } from '../../core/command.ts';
import { registerSecret, type Logger } from '../../ops/log.ts';
import { createDiscordClient, type ClientTuning } from './client.ts';
import type { DiscordConfig } from './config.ts';
import { describeError } from './errors.ts';
import { attachHandlers } from './handlers.ts';
import { createDiscordPublisher } from './publisher.ts';

export interface DiscordStartOptions extends ClientTuning {
  /** Answer at once when ready within this time, else defer first (default 1,000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /** How long to wait for the gateway's READY and guilds (default 30 s). */
  readyTimeoutMs?: number;
  /** How long stop() waits for answers being sent (default 10 s). */
  drainTimeoutMs?: number;
}

export interface DiscordHandle {
  stop(): Promise<void>;
  connected(): boolean;
  publisher: ChannelPublisher;
  /** The discord.js client (tests, diagnostics). */
  client: Client;
}

export async function startDiscord(
  bot: Bot,
  config: DiscordConfig,
  logger: Logger,
  opts: DiscordStartOptions = {},
): Promise<DiscordHandle> {
  registerSecret(config.token);
  const log = logger.child({ platform: 'discord' });
  const client = createDiscordClient(config, opts);

  // Without an 'error' listener an emitted error would crash the process.
  client.on(Events.Error, (err) => log.error(describeError(err), 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ warning: message }, 'discord warning'));
  let stopped = false;
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'discord gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopped) log.info({ shard }, 'discord gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard) => log.info({ shard }, 'discord gateway resumed'));
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited'));

  const handlers = attachHandlers(client, bot, log, { deferAfterMs: opts.deferAfterMs ?? 1000 });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    timer = setTimeout(() => reject(new Error('Discord gateway not ready in time')), opts.readyTimeoutMs ?? 30_000);
  });
  try {
    await client.login(config.token);
    await ready;
  } catch (err) {
    await client.destroy();
    // discord.js errors never hold the token, but say plainly what to check.
    const e = err as Error & { code?: string };
    throw new Error(
      e.code === 'TokenInvalid' ? 'Discord rejected DISCORD_TOKEN (401): reset the token in the Developer Portal' : `Discord login failed: ${describeError(err).error}`,
      { cause: err },
    );
  } finally {
    clearTimeout(timer);
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');

  return {
    client,
    publisher: createDiscordPublisher(client.rest, (err) => log.warn({ err }, 'discord: chart image could not be drawn; posting without it')),
    connected: () => !stopped && client.isReady() && client.ws.status === Status.Ready,
    async stop() {
      if (stopped) return;
      stopped = true;
      await handlers.drain(opts.drainTimeoutMs ?? 10_000);
      await client.destroy();
      log.info('discord stopped');
    },
  };
}
