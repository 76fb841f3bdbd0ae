// Starts the Discord side: the REST client (summaries, interaction follow-ups), the Interactions
// Endpoint when DISCORD_PUBLIC_KEY is set, and the gateway (mentions, DMs, and interactions when
// there is no endpoint), reported to the supervisor: down the moment a shard's socket closes, up
// when it is ready again. With several replicas on one store the gateway runs in exactly one of
// them: the holder of the "discord-gateway" lease, renewed every few seconds; when it dies, another
// replica takes the lease over once it expires and connects. A replica without the lease stands by:
// it answers interactions over HTTP and counts as connected.
import { Events, REST, Status, type Client } from 'discord.js';
import type { PlatformRuntime, RunningPlatform } from '../contract.ts';
import { registerSecret } from '../../ops/log.ts';
import { createDiscordClient, type ClientTuning } from './client.ts';
import type { DiscordConfig } from './config.ts';
import { describeError } from './errors.ts';
import { gatewayLease } from './gateway-lease.ts';
import { attachHandlers, type Handlers } from './handlers.ts';
import { interactionsEndpoint, type InteractionsEndpoint } from './http-interactions.ts';
import { INTERACTIONS_PATH } from './paths.ts';
import { chartErrorLogger, createDiscordPublisher } from './publisher.ts';
import { postingRest, restOptions } from './rest.ts';

export { GATEWAY_LEASE } from './gateway-lease.ts';

export interface DiscordStartOptions extends ClientTuning {
  /** Answer at once when ready within this time, else defer first (default 1,000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /** How long to wait for the gateway's READY and guilds (default 30 s). */
  readyTimeoutMs?: number;
  /** How long stop() waits for answers being sent (default 10 s). */
  drainTimeoutMs?: number;
  /** How long the gateway lease lasts without renewal (default 15 s): a dead holder is replaced after it. */
  leaseTtlMs?: number;
  /** How often the holder renews the lease and the others try to take it (default 5 s). */
  leaseRenewMs?: number;
}

export type GatewayRole = 'connected' | 'connecting' | 'standby' | 'stopped';

export interface DiscordHandle extends RunningPlatform {
  /** The gateway's discord.js client (tests, diagnostics); undefined on a standby replica. */
  readonly client: Client | undefined;
  /** POST /discord/interactions, when DISCORD_PUBLIC_KEY is set. */
  interactions?: InteractionsEndpoint;
  /** What this replica does with the gateway. */
  gateway(): GatewayRole;
}

interface Gateway {
  client: Client;
  handlers: Handlers;
  /** Being shut on purpose (lost lease, stop): its closing sockets are no outage. */
  retired: boolean;
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
  const rest = new REST(restOptions(config, log, opts.rest)).setToken(config.token);
  rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited'));
  // Summaries and alerts: never sent again by the client itself (the ledger decides).
  const posts = postingRest(config, log, opts.rest);
  posts.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited'));
  const interactions = config.publicKey
    ? interactionsEndpoint({
        publicKey: config.publicKey,
        applicationId: config.applicationId,
        policy: runtime.policy,
        rest,
        replays: runtime.replays,
        logger: runtime.logger,
        ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
      })
    : undefined;
  const readyTimeoutMs = opts.readyTimeoutMs ?? 30_000;
  let stopped = false;
  let gateway: Gateway | undefined;
  let connecting: Promise<void> | undefined;

  /** A gateway client reporting to the supervisor, logged in and ready; throws with what to check. */
  async function connect(): Promise<Gateway> {
    const client = createDiscordClient(config, opts, log);
    const g: Gateway = { client, handlers: attachHandlers(client, runtime.policy, log, { deferAfterMs: opts.deferAfterMs ?? 1000 }), retired: false };
    const live = () => !stopped && !g.retired;
    // Without an 'error' listener an emitted error would crash the process.
    client.on(Events.Error, (err) => log.error(describeError(err), 'discord client error'));
    client.on(Events.Warn, (message) => log.warn({ warning: message }, 'discord warning'));
    client.on(Events.ShardError, (err, shard) => log.warn({ ...describeError(err), shard }, 'discord gateway error'));
    // A socket closed: discord.js resumes or identifies again by itself…
    client.on(Events.ShardReconnecting, (shard) => {
      if (!live()) return;
      log.warn({ shard }, 'discord gateway closed; reconnecting');
      runtime.connection.down({ reason: 'gateway closed', gaveUp: false });
    });
    // …unless the close code says it never will (4004 bad token, 4014 intents…): the supervisor logs in again.
    client.on(Events.ShardDisconnect, (event, shard) => {
      if (!live()) return;
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
    await login(client, config, readyTimeoutMs);
    log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size }, 'discord gateway connected');
    return g;
  }

  /** Shuts the gateway (answers being sent finish first, bounded). */
  async function disconnect(): Promise<void> {
    const g = gateway;
    gateway = undefined;
    if (!g) return;
    g.retired = true;
    await g.handlers.drain(opts.drainTimeoutMs ?? 10_000);
    await g.client.destroy();
  }

  /** Connects the gateway; `connecting` covers it, so a lease turn never starts a second one meanwhile. */
  async function bringUp(before?: () => Promise<void>): Promise<void> {
    connecting = (async () => {
      await before?.();
      const g = await connect();
      if (stopped) await g.client.destroy();
      else gateway = g;
    })();
    try {
      await connecting;
    } finally {
      connecting = undefined;
    }
  }

  const leases = runtime.replica.leases;
  const lease = leases
    ? gatewayLease({
        leases,
        holder: runtime.replica.id,
        ttlMs: opts.leaseTtlMs ?? 15_000,
        renewMs: opts.leaseRenewMs ?? 5_000,
        log,
        runs: () => gateway !== undefined || connecting !== undefined,
        busy: () => stopped || connecting !== undefined,
        take: () =>
          bringUp().catch(async (err: unknown) => {
            log.error({ err: (err as Error).message }, 'discord: gateway connection failed; giving the lease back');
            await lease?.release();
          }),
        lose: () => disconnect(),
      })
    : undefined;

  if (!lease) {
    await bringUp(); // one process: the start fails if the gateway does
  } else if (await lease.acquire()) {
    try {
      await bringUp();
    } catch (err) {
      await lease.release();
      throw err;
    }
  } else {
    log.info({ holder: await lease.holder() }, 'discord: another replica runs the gateway; standing by');
  }
  lease?.start();

  const gatewayReady = (g: Gateway) => g.client.isReady() && g.client.ws.shards.size > 0 && g.client.ws.shards.every((s) => s.status === Status.Ready);
  const role = (): GatewayRole => (stopped ? 'stopped' : gateway ? 'connected' : connecting ? 'connecting' : 'standby');
  return {
    get client() {
      return gateway?.client;
    },
    publisher: createDiscordPublisher(posts, chartErrorLogger(log)),
    ...(interactions ? { interactions, endpoints: [{ path: INTERACTIONS_PATH, method: 'POST' as const, handler: (req, res) => interactions.handle(req, res) }] } : {}),
    // Every shard's socket open and ready (a close flips a shard to Connecting at once); standing by counts as connected.
    connected: () => !stopped && (gateway ? gatewayReady(gateway) : Boolean(lease) && !connecting),
    gateway: role,
    role: () => ({ gateway: role() }),
    async reconnect() {
      if (stopped || connecting || (lease && !gateway)) return; // standing by: the lease decides when to connect
      await bringUp(disconnect);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      lease?.stop();
      await connecting?.catch(() => undefined);
      await Promise.all([disconnect(), interactions?.drain(opts.drainTimeoutMs ?? 10_000)]);
      await lease?.release();
      log.info('discord stopped');
    },
  };
}
