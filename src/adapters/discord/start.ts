// Starts the Discord side of the bot: the REST client (summaries, interaction follow-ups), the
// Interactions Endpoint when DISCORD_PUBLIC_KEY is set, and the gateway client (mentions, DMs, and
// interactions when there is no endpoint). With several replicas on one store the gateway runs in
// exactly one of them at a time: the holder of the "discord-gateway" lease, renewed every few
// seconds; when it dies, another replica takes the lease over once it expires and connects.
import { Events, REST, Status, type Client } from 'discord.js';
import type { Bot } from '../../core/bot.ts';
import type { ChannelPublisher } from '../../core/command.ts';
import { registerSecret, type Logger } from '../../ops/log.ts';
import type { Leases } from '../../store/leases.ts';
import { createDiscordClient, type ClientTuning } from './client.ts';
import type { DiscordConfig } from './config.ts';
import { describeError } from './errors.ts';
import { attachHandlers, type Handlers } from './handlers.ts';
import { interactionsEndpoint, type InteractionsEndpoint } from './http-interactions.ts';
import { createDiscordPublisher } from './publisher.ts';

export const GATEWAY_LEASE = 'discord-gateway';

export interface GatewayLease {
  leases: Leases;
  /** This replica's name. */
  holder: string;
  /** How long the lease lasts without renewal (default 15 s): a dead holder is replaced after it. */
  ttlMs?: number;
  /** How often the holder renews and the others try (default 5 s). */
  renewMs?: number;
}

export interface DiscordStartOptions extends ClientTuning {
  /** Answer at once when ready within this time, else defer first (default 1,000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /** How long to wait for the gateway's READY and guilds (default 30 s). */
  readyTimeoutMs?: number;
  /** How long stop() waits for answers being sent (default 10 s). */
  drainTimeoutMs?: number;
  /** Several replicas: the gateway runs only in the holder of this lease. Unset: always here. */
  gatewayLease?: GatewayLease;
}

export type GatewayRole = 'connected' | 'connecting' | 'standby' | 'stopped';

export interface DiscordHandle {
  stop(): Promise<void>;
  /** Healthy: the gateway is ready where this replica runs it; a standby replica (another runs it) is healthy too. */
  connected(): boolean;
  publisher: ChannelPublisher;
  /** The current gateway client (tests, diagnostics); undefined on a standby replica. */
  readonly client: Client | undefined;
  /** POST /discord/interactions, when DISCORD_PUBLIC_KEY is set. */
  interactions?: InteractionsEndpoint;
  /** What this replica does with the gateway. */
  gateway(): GatewayRole;
}

interface Gateway {
  client: Client;
  handlers: Handlers;
}

export async function startDiscord(bot: Bot, config: DiscordConfig, logger: Logger, opts: DiscordStartOptions = {}): Promise<DiscordHandle> {
  registerSecret(config.token);
  const log = logger.child({ platform: 'discord' });
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}), ...opts.rest }).setToken(config.token);
  rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited'));
  const interactions = config.publicKey
    ? interactionsEndpoint({ publicKey: config.publicKey, applicationId: config.applicationId, bot, rest, logger, ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}) })
    : undefined;

  let stopped = false;
  let gateway: Gateway | undefined;
  let connecting: Promise<void> | undefined;

  /** Logs in and waits for READY; throws with what to check. */
  async function connect(): Promise<Gateway> {
    const client = createDiscordClient(config, opts);
    // Without an 'error' listener an emitted error would crash the process.
    client.on(Events.Error, (err) => log.error(describeError(err), 'discord client error'));
    client.on(Events.Warn, (message) => log.warn({ warning: message }, 'discord warning'));
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
    log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size }, 'discord gateway connected');
    return { client, handlers };
  }

  async function disconnect(): Promise<void> {
    const g = gateway;
    gateway = undefined;
    if (!g) return;
    await g.handlers.drain(opts.drainTimeoutMs ?? 10_000);
    await g.client.destroy();
  }

  const lease = opts.gatewayLease;
  const ttlMs = lease?.ttlMs ?? 15_000;
  let timer: ReturnType<typeof setInterval> | undefined;

  /** One turn of the lease: the holder renews (or steps down when it lost it); the others try to take it. */
  async function leaseTurn(): Promise<void> {
    if (!lease || stopped || connecting) return;
    let holds: boolean;
    try {
      holds = await lease.leases.acquire(GATEWAY_LEASE, lease.holder, ttlMs);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'discord: gateway lease unavailable (store); keeping the current role');
      return;
    }
    if (stopped) return;
    if (!holds && gateway) {
      log.warn({ replica: lease.holder }, 'discord: gateway lease lost to another replica; disconnecting the gateway');
      await disconnect();
    } else if (holds && !gateway) {
      log.info({ replica: lease.holder }, 'discord: gateway lease taken; connecting the gateway');
      connecting = connect().then(
        (g) => {
          if (stopped) void g.client.destroy();
          else gateway = g;
        },
        async (err: unknown) => {
          log.error({ err: (err as Error).message }, 'discord: gateway connection failed; giving the lease back');
          await lease.leases.release(GATEWAY_LEASE, lease.holder).catch(() => undefined);
        },
      );
      await connecting;
      connecting = undefined;
    }
  }

  if (!lease) {
    gateway = await connect(); // one process: as before, the start fails if the gateway does
  } else {
    const holds = await lease.leases.acquire(GATEWAY_LEASE, lease.holder, ttlMs);
    if (holds) {
      try {
        gateway = await connect();
      } catch (err) {
        await lease.leases.release(GATEWAY_LEASE, lease.holder).catch(() => undefined);
        throw err;
      }
    } else {
      log.info({ holder: await lease.leases.holder(GATEWAY_LEASE).catch(() => undefined) }, 'discord: another replica runs the gateway; standing by');
    }
    timer = setInterval(() => void leaseTurn().catch((err: unknown) => log.error({ err }, 'discord: gateway lease turn failed')), lease.renewMs ?? 5000);
    timer.unref();
  }

  return {
    get client() {
      return gateway?.client;
    },
    publisher: createDiscordPublisher(rest, (err) => log.warn({ err }, 'discord: chart image could not be drawn; posting without it')),
    ...(interactions ? { interactions } : {}),
    connected: () => !stopped && (gateway ? gateway.client.isReady() && gateway.client.ws.status === Status.Ready : Boolean(lease) && !connecting),
    gateway: () => (stopped ? 'stopped' : gateway ? 'connected' : connecting ? 'connecting' : 'standby'),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      await connecting?.catch(() => undefined);
      await Promise.all([disconnect(), interactions?.drain(opts.drainTimeoutMs ?? 10_000)]);
      if (lease) await lease.leases.release(GATEWAY_LEASE, lease.holder).catch(() => undefined);
      log.info('discord stopped');
    },
  };
}
