// The adapter contract: what one platform folder provides, and what it is given. A new platform
// is one folder exporting a PlatformAdapter plus one line in src/adapters/index.ts; nothing outside
// src/adapters/ names a platform.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { ChannelPublisher, Command } from '../core/command.ts';
import type { Delivery, DeliveryPolicy } from '../core/delivery.ts';
import type { Reply } from '../core/reply.ts';
import type { Localized } from '../facts/schema.ts';
import type { Logger } from '../ops/log.ts';
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

/** A GET route the platform serves on an HTTP server of its own (Slack's HTTP mode: /healthz, /metrics). */
export interface HttpRoute {
  path: string;
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** What a platform is given when it starts. */
export interface PlatformRuntime {
  /** Every question and Share press goes through it; the adapter only translates and renders. */
  policy: DeliveryPolicy;
  logger: Logger;
  connection: ConnectionEvents;
  routes: HttpRoute[];
}

/** A started platform. */
export interface RunningPlatform {
  /** Posts a Reply to one of its channels (daily summaries). */
  publisher: ChannelPublisher;
  /** Connected right now: false as soon as a socket closes (/healthz reads it). */
  connected(): boolean;
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
  /** Posts to channels without starting the inbound side. */
  publisher(config: Config, logger: Logger): Promise<StandalonePublisher>;
  /** How many of a reply's items one message holds (the policy cuts to it once). */
  capacity(reply: Reply): number;
  /** A Reply as a message posted to a channel (daily summary), exactly as the platform receives it. */
  render(reply: Reply): unknown;
  /** What the bot sends back for `/deal <query>`: `dealbot ask --render <name>` prints it. */
  preview(delivery: Delivery): unknown;
  /** `dealbot <name> …` subcommands. */
  cli?: { usage: string; run(args: string[], ctx: PlatformCliContext): Promise<number> };
}
