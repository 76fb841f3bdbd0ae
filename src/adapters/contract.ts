// The adapter contract: what one platform folder provides, and what it is given. A new platform
// is one folder exporting a PlatformAdapter plus one line in src/adapters/index.ts; nothing outside
// src/adapters/ names a platform.
import type { z } from 'zod';
import type { ChannelPublisher, Command } from '../core/command.ts';
import type { Delivery, DeliveryPolicy } from '../core/delivery.ts';
import type { Reply } from '../core/reply.ts';
import type { Localized } from '../facts/schema.ts';
import type { Logger } from '../ops/log.ts';
import type { Installations } from '../store/installations.ts';
import type { Leases } from '../store/leases.ts';
import type { Io } from '../cli/io.ts';

export { EXIT_USAGE, type Io } from '../cli/io.ts';

/** How a platform's connection reports to its supervisor (src/ops/supervisor.ts). */
export interface ConnectionEvents {
  /** Connected (again). */
  up(): void;
  /**
   * The connection closed. `gaveUp`: the library will not reconnect by itself, so the supervisor
   * calls RunningPlatform.reconnect() with backoff; otherwise the library is already retrying.
   */
  down(info: { reason: string; gaveUp: boolean }): void;
}

/**
 * An HTTP route (src/ops/http-server.ts): GET for /healthz and /metrics, POST for a platform's own
 * endpoint (Discord's interactions endpoint). A platform with an HTTP server of its own (Slack's
 * HTTP mode) serves the runtime's routes on it, through startHttpServer, so one port carries
 * everything a load balancer sends with the same limits (128 KB bodies) and answers.
 */
export type { HttpRoute } from '../ops/http-server.ts';
import type { HttpRoute } from '../ops/http-server.ts';

/**
 * Signed requests already seen (the store's, shared by replicas): a platform endpoint refuses a
 * signature it has seen within its timestamp window (401), so a captured request cannot be replayed.
 */
export interface ReplayGuard {
  /** True the first time `key` ("<platform>:<signature>") is seen; remembered for `ttlMs`. */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
}

/** This process among the replicas sharing one store. */
export interface ReplicaContext {
  /** Its name in the store (claims, holds, leases), unique per process. */
  id: string;
  /**
   * Named leases in the shared store, present when several replicas may run at once (PostgreSQL):
   * a connection that must run in one replica only (Discord's gateway) runs in the lease holder.
   */
  leases?: Leases;
}

/** What a platform is given when it starts. */
export interface PlatformRuntime {
  /** Every question and Share press goes through it; the adapter only translates and renders. */
  policy: DeliveryPolicy;
  logger: Logger;
  connection: ConnectionEvents;
  routes: HttpRoute[];
  replica: ReplicaContext;
  /**
   * A platform's installations in many workspaces (Slack's OAuth installs), kept in the store; the
   * adapter seals what it puts there (tokens are never stored in clear).
   */
  installations?: Installations;
  /** Replay protection for signed HTTP requests (Slack's HTTP mode, Discord's interactions endpoint). */
  replays: ReplayGuard;
}

/** The HTTP endpoints a platform serves with a given configuration (known before it starts). */
export interface Endpoints {
  /** POST paths, e.g. /discord/interactions. */
  paths: string[];
  /** Where they listen when no platform has an HTTP server to share. */
  port: number;
}

/** A started platform. */
export interface RunningPlatform {
  /** Posts a Reply to one of its channels (daily summaries). */
  publisher: ChannelPublisher;
  /**
   * Connected right now: false as soon as a socket closes (/healthz reads it). A replica standing
   * by for a connection another replica holds (Discord's gateway lease) is connected: it serves
   * what reaches it over HTTP.
   */
  connected(): boolean;
  /** The handlers of the paths `PlatformAdapter.endpoints` named, once started. */
  endpoints?: HttpRoute[];
  /** It serves the runtime's routes on an HTTP server of its own (Slack's HTTP mode). */
  servesRoutes?: boolean;
  /** What this replica does for the platform, for /healthz (e.g. { gateway: 'standby' }). */
  role?(): Record<string, string>;
  /** Connects again from scratch after the library gave up; rejects when it could not. */
  reconnect(): Promise<void>;
  /** Stops taking events, sends what was acknowledged (bounded), disconnects. */
  stop(): Promise<void>;
}

/** A publisher without the inbound side (no socket, no listener): `dealbot summary --post`. */
export interface StandalonePublisher extends ChannelPublisher {
  close(): Promise<void>;
}

export interface PlatformCliContext {
  io: Io;
  env: NodeJS.ProcessEnv;
  /** The /deal commands (the manifest and the registered command are generated from them). */
  commands: readonly Command<any>[];
  /** The deals the fact base holds, as headers name them ("OpenAI–Nvidia partnership"); read on demand. */
  dealNames?: () => string[];
}

export interface PlatformAdapter<Config = any> {
  /** Channel refs, metrics labels and `dealbot <name> …` use it. */
  name: string;
  /** As people write it: "Slack". */
  label: string;
  env: {
    /** Every variable, each documented with .meta({ description, … }): .env.example and the README come from it. */
    schema: z.ZodObject;
    /** Setting any of these turns the platform on (named when no platform is configured). */
    switches: readonly string[];
    /** Undefined when the platform is not configured; throws ConfigError naming each bad variable. */
    read(env: NodeJS.ProcessEnv): Config | undefined;
  };
  /** Who may change subscriptions and alerts here, as a noun phrase a refusal names ("workspace admins and owners"). */
  adminRule: Localized;
  start(config: Config, runtime: PlatformRuntime): Promise<RunningPlatform>;
  /** The HTTP endpoints it serves with this config, if any (Discord: with DISCORD_PUBLIC_KEY). */
  endpoints?(config: Config): Endpoints | undefined;
  /** Posts to channels without starting the inbound side (with the store's installations, for a platform installed in many workspaces). */
  publisher(config: Config, logger: Logger, installations?: Installations): Promise<StandalonePublisher>;
  /** How many of a reply's items one message holds (the policy cuts to it once). */
  capacity(reply: Reply): number;
  /** A Reply as a message posted to a channel (daily summary), exactly as the platform receives it. */
  render(reply: Reply): unknown;
  /** What the bot sends back for `/deal <query>`: `dealbot ask --render <name>` prints it. */
  preview(delivery: Delivery): unknown;
  /** `dealbot <name> …` subcommands. */
  cli?: { usage: string; run(args: string[], ctx: PlatformCliContext): Promise<number> };
}
