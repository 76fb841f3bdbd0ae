// The configured platforms, read from the registry (src/adapters/index.ts): which are on, starting
// them over one delivery policy under supervision, and posting without starting them. Nothing
// here names a platform; each adapter brings its own variables and behaviour.
import { platforms, type PlatformAdapter } from './adapters/index.ts';
import type { HttpRoute, ReplayGuard, ReplicaContext, RunningPlatform, StandalonePublisher } from './adapters/contract.ts';
import { collectConfig } from './config/env.ts';
import type { ChannelPublisher, Platform } from './core/command.ts';
import type { DeliveryPolicy } from './core/delivery.ts';
import type { Logger } from './ops/log.ts';
import type { Installations } from './store/installations.ts';
import { supervise, type Supervisor, type SupervisorOptions } from './ops/supervisor.ts';

export interface ConfiguredPlatform {
  adapter: PlatformAdapter;
  config: unknown;
}

/** Throws ConfigError naming every bad variable of every platform; a platform with none of its variables set is simply absent. */
export function readPlatformConfigs(env: NodeJS.ProcessEnv): ConfiguredPlatform[] {
  const configs = collectConfig(Object.fromEntries(platforms.map((p) => [p.name, () => p.env.read(env)])));
  return platforms.filter((p) => configs[p.name] !== undefined).map((adapter) => ({ adapter, config: configs[adapter.name] }));
}

/** What `dealbot start` says when no platform is configured: each platform and the variables that turn it on. */
export function noPlatformMessage(): string {
  const which = platforms.map((p) => `  - ${p.label}: set ${p.env.switches.join(' or ')} (see .env.example)`);
  return ['dealbot: no platform is configured, so this runs the console chat. To run on a chat platform, set its variables (in .env or the environment):', ...which].join('\n');
}

export interface StartedPlatform {
  name: Platform;
  running: RunningPlatform;
  supervisor: Supervisor;
}

export interface StartOptions {
  logger: Logger;
  /** Served by a platform with an HTTP server of its own (health; other platforms' endpoints are added here). */
  routes?: HttpRoute[];
  supervision: Omit<SupervisorOptions, 'logger'>;
  replica: ReplicaContext;
  /** Installations in many workspaces (Slack OAuth), kept in the store. */
  installations?: Installations;
  /** Signed requests already seen (the store's): replay protection on the platforms' HTTP endpoints. */
  replays: ReplayGuard;
}

/**
 * The HTTP endpoints the configured platforms serve (Discord's interactions endpoint), each
 * handed to its platform once started; 503 "starting" until then. They go on the HTTP server a
 * platform shares (Slack's HTTP mode), else on one of their own (see `ownServerPort`).
 */
export function endpointRoutes(configured: ConfiguredPlatform[], started: () => StartedPlatform[]): HttpRoute[] {
  return configured.flatMap(({ adapter, config }) =>
    (adapter.endpoints?.(config)?.paths ?? []).map((path) => ({
      path,
      method: 'POST' as const,
      handler: (req, res) => {
        const route = started().find((p) => p.name === adapter.name)?.running.endpoints?.find((r) => r.path === path);
        if (route) return route.handler(req, res);
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
        res.end('starting\n');
      },
    })),
  );
}

/** The port the endpoints need a server of their own on: when some platform has endpoints and none serves the routes. */
export function ownServerPort(configured: ConfiguredPlatform[], started: StartedPlatform[]): number | undefined {
  if (started.some((p) => p.running.servesRoutes)) return undefined;
  return configured.map(({ adapter, config }) => adapter.endpoints?.(config)?.port).find((port) => port !== undefined);
}

/** Starts every configured platform, each supervised; if one fails to start, those already started are stopped again. */
export async function startPlatforms(policy: DeliveryPolicy, configured: ConfiguredPlatform[], opts: StartOptions): Promise<StartedPlatform[]> {
  const started: StartedPlatform[] = [];
  try {
    for (const { adapter, config } of configured) {
      // The supervisor exists before the platform starts: the adapter reports to it from its first event.
      let running: RunningPlatform | undefined;
      const supervisor = supervise(
        { name: adapter.name, connected: () => running?.connected() ?? false, reconnect: () => running?.reconnect() ?? Promise.resolve() },
        { ...opts.supervision, logger: opts.logger },
      );
      try {
        running = await adapter.start(config, { policy, logger: opts.logger, connection: supervisor, routes: opts.routes ?? [], replica: opts.replica, replays: opts.replays, ...(opts.installations ? { installations: opts.installations } : {}) });
      } catch (err) {
        supervisor.stop();
        throw err;
      }
      started.push({ name: adapter.name, running, supervisor });
    }
  } catch (err) {
    await Promise.allSettled(started.map((p) => stopPlatform(p)));
    throw err;
  }
  return started;
}

export async function stopPlatform(p: StartedPlatform): Promise<void> {
  p.supervisor.stop();
  await p.running.stop();
}

export function publishersOf(started: StartedPlatform[]): Map<Platform, ChannelPublisher> {
  return new Map(started.map((p) => [p.name, p.running.publisher]));
}

/** Publishers for the configured platforms without their inbound side (`dealbot summary --post`). */
export async function standalonePublishers(configured: ConfiguredPlatform[], logger: Logger, installations?: Installations): Promise<{ publishers: Map<Platform, ChannelPublisher>; close(): Promise<void> }> {
  const opened: [Platform, StandalonePublisher][] = [];
  for (const { adapter, config } of configured) opened.push([adapter.name, await adapter.publisher(config, logger, installations)]);
  return { publishers: new Map(opened), close: async () => void (await Promise.allSettled(opened.map(([, p]) => p.close()))) };
}

/** Each platform's exact payloads for `--render` (the console's text and JSON are added by the CLI). */
export function platformRenderers(): PlatformAdapter[] {
  return [...platforms];
}
