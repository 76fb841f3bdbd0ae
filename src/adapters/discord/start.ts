// Starts the Discord side: client, handlers, login; reports the gateway to the supervisor (down
// the moment a shard's socket closes, up when it is ready again) and stops cleanly.
import { Events, Status, type Client } from 'discord.js';
import type { PlatformRuntime, RunningPlatform } from '../contract.ts';
import { registerSecret } from '../../ops/log.ts';
import { createDiscordClient, type ClientTuning } from './client.ts';
import type { DiscordConfig } from './config.ts';
import { describeError } from './errors.ts';
import { attachHandlers } from './handlers.ts';
import { chartErrorLogger, createDiscordPublisher } from './publisher.ts';

export interface DiscordStartOptions extends ClientTuning {
  /** Answer at once when ready within this time, else defer first (default 1,000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /** How long to wait for the gateway's READY and guilds (default 30 s). */
  readyTimeoutMs?: number;
  /** How long stop() waits for answers being sent (default 10 s). */
  drainTimeoutMs?: number;
}

export interface DiscordHandle extends RunningPlatform {
  /** The discord.js client (tests, diagnostics). */
  client: Client;
}

/** Logs in and waits for READY and the guilds; on failure the client is destroyed and the error says what to check. */
async function login(client: Client, config: DiscordConfig, readyTimeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    timer = setTimeout(() => reject(new Error('Discord gateway not ready in time')), readyTimeoutMs);
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
}

export async function startDiscord(config: DiscordConfig, runtime: PlatformRuntime, opts: DiscordStartOptions = {}): Promise<DiscordHandle> {
  registerSecret(config.token);
  const log = runtime.logger.child({ platform: 'discord' });
  const client = createDiscordClient(config, opts);
  let stopped = false;

  // Without an 'error' listener an emitted error would crash the process.
  client.on(Events.Error, (err) => log.error(describeError(err), 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ warning: message }, 'discord warning'));
  client.on(Events.ShardError, (err, shard) => log.warn({ ...describeError(err), shard }, 'discord gateway error'));
  // A socket closed: discord.js resumes or identifies again by itself…
  client.on(Events.ShardReconnecting, (shard) => {
    if (stopped) return;
    log.warn({ shard }, 'discord gateway closed; reconnecting');
    runtime.connection.down({ reason: 'gateway closed', gaveUp: false });
  });
  // …unless the close code says it never will (4004 bad token, 4014 intents…): the supervisor logs in again.
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (stopped) return;
    log.error({ shard, code: event.code }, 'discord gateway closed for good');
    runtime.connection.down({ reason: `gateway closed (${event.code})`, gaveUp: true });
  });
  client.on(Events.ShardResume, (shard) => {
    log.info({ shard }, 'discord gateway resumed');
    runtime.connection.up();
  });
  client.on(Events.ShardReady, (shard) => {
    log.info({ shard }, 'discord gateway ready');
    runtime.connection.up();
  });
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited'));

  const handlers = attachHandlers(client, runtime.policy, log, { deferAfterMs: opts.deferAfterMs ?? 1000 });
  const readyTimeoutMs = opts.readyTimeoutMs ?? 30_000;
  await login(client, config, readyTimeoutMs);
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');

  return {
    client,
    publisher: createDiscordPublisher(client.rest, chartErrorLogger(log)),
    // Every shard's socket open and ready: a close flips a shard to Connecting at once.
    connected: () => !stopped && client.isReady() && client.ws.shards.size > 0 && client.ws.shards.every((s) => s.status === Status.Ready),
    async reconnect() {
      if (stopped) return;
      await client.destroy();
      await login(client, config, readyTimeoutMs);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await handlers.drain(opts.drainTimeoutMs ?? 10_000);
      await client.destroy();
      log.info('discord stopped');
    },
  };
}
