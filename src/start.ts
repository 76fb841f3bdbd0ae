// `npm start`: one fact base, one engine and one bot for every configured platform (Slack,
// Discord, or the console chat when none is), with the daily summary scheduler, live fact
// reload, health and metrics, rate limits and a graceful shutdown.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { INTERACTIONS_PATH } from './adapters/discord/paths.ts';
import { renderText } from './adapters/console/render.ts';
import { runConsole } from './adapters/console/chat.ts';
import type { Io } from './cli/io.ts';
import { readCoreConfig } from './config.ts';
import type { ChannelPublisher } from './core/command.ts';
import { collectConfig } from './core/config-error.ts';
import { createBot } from './core/create-bot.ts';
import { EngineHolder } from './core/engine-holder.ts';
import { warmLanguageData } from './search/warm.ts';
import { GapLog } from './core/gaps.ts';
import { readOpsConfig } from './ops/config.ts';
import { drainingBot } from './ops/draining-bot.ts';
import { watchFacts } from './ops/fact-watcher.ts';
import { healthHandler, startHealthServer, type HealthDeps } from './ops/health-server.ts';
import { createLogger } from './ops/log.ts';
import { createMetrics } from './ops/metrics.ts';
import { createRateLimiter, createSharedRateLimiter } from './ops/rate-limit.ts';
import { InFlight, installShutdown, type ShutdownStep } from './ops/shutdown.ts';
import { publishersOf, readPlatformConfigs, startPlatforms, type RunningPlatform } from './platforms.ts';
import { openDailySummary, readSummaryConfig } from './summary/index.ts';
import { openStore, readStoreConfig } from './store/index.ts';
import { importGapFile } from './store/unanswered.ts';

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  io: Io;
  factsDir: string;
}

export async function start({ env, factsDir }: StartOptions): Promise<number> {
  // Every bad variable is named at once, before anything connects.
  const config = collectConfig({
    core: () => readCoreConfig(env),
    ops: () => readOpsConfig(env),
    summary: () => readSummaryConfig(env),
    store: () => readStoreConfig(env),
    platforms: () => readPlatformConfigs(env),
  });
  const consoleMode = !config.platforms.slack && !config.platforms.discord;
  const interactive = consoleMode && Boolean(process.stdin.isTTY);
  // The console chat shares the terminal with its logs: only warnings unless LOG_LEVEL says otherwise.
  const level = consoleMode && !env.LOG_LEVEL ? 'warn' : config.core.LOG_LEVEL;
  const holder = new EngineHolder(factsDir); // refuses a broken base before anything connects
  // Before any platform connects, so no question (and no ack behind it) waits for the word lists.
  if (!consoleMode) warmLanguageData();
  const metrics = createMetrics({ facts: () => holder.current().base.facts.length });
  const logger = createLogger({
    level,
    pretty: consoleMode,
    // Platform adapters log through logger.child({ platform }): their errors feed /metrics.
    onError: ({ platform }) => {
      if (platform) metrics.platformErrors.inc({ platform });
    },
  });
  const limits = {
    userPerMin: config.ops.RATE_LIMIT_USER_PER_MIN,
    channelPerMin: config.ops.RATE_LIMIT_CHANNEL_PER_MIN,
    onLimited: ({ platform, scope }: { platform: string; scope: string }) => metrics.rateLimited.inc({ platform, scope }),
  };
  // This process's name in the store (claims, leases, answered messages); unique per replica.
  const replicaId = env.REPLICA_ID?.trim() || `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store = await openStore(config.store);
  const imported = await importGapFile(config.core.GAPS_LOG, store.driver);
  if (imported) logger.info({ from: config.core.GAPS_LOG, questions: imported }, 'unanswered questions moved into the store');
  logger.info({ store: store.dialect, at: store.location, replica: replicaId }, 'store opened');
  // Replicas sharing a store count a user's questions together; one process keeps them in memory.
  const limiter = store.shared
    ? createSharedRateLimiter({ ...limits, buckets: store.rateBuckets, fallback: createRateLimiter(limits), onStoreError: (err) => logger.warn({ err }, 'rate limit store unavailable; limiting in memory') })
    : createRateLimiter(limits);
  const summary = await openDailySummary(store, config.summary, {
    logger,
    base: () => holder.current().base,
    onAlert: (a) => (a.status === 'posted' ? metrics.alertsPosted : metrics.alertFailures).inc({ platform: a.channel.platform, kind: a.kind }),
  });
  const inflight = new InFlight();
  const bot = drainingBot(
    createBot({
      engine: holder.current,
      subscriptions: summary.subscriptions,
      ...(summary.alerts ? { alerts: summary.alerts } : {}),
      defaultTimezone: summary.defaultTimezone,
      gaps: new GapLog(store.unanswered),
      logger,
      onAnswer: metrics.onAnswer,
      gate: limiter.gate,
    }),
    inflight,
  );

  const watcher = config.ops.FACTS_WATCH
    ? watchFacts({
        holder,
        logger,
        onReload: (r, info) => {
          metrics.reloads.inc({ result: r.ok ? 'ok' : 'refused' });
          // A fact gained or changed: channels with fact-change alerts hear of it (once, through the ledger).
          if (r.ok && info.changed) void summary.alerts?.checkFacts().catch((err: unknown) => logger.error({ err }, 'fact-change alert check failed'));
        },
      })
    : undefined;

  const configured = (['slack', 'discord'] as const).filter((name) => config.platforms[name]);
  let running: RunningPlatform[] = [];
  let scheduler: ReturnType<typeof summary.createScheduler> | undefined;
  const health: HealthDeps = {
    // Every configured platform counts, including one still connecting: healthy means all are up.
    platforms: () =>
      Object.fromEntries(configured.map((name) => [name, running.find((p) => p.name === name)?.connected() ?? false])),
    engine: holder.current,
    lastSummaryPost: () => scheduler?.lastPost()?.at,
    ...(watcher ? { lastReload: () => watcher.lastReload() } : {}),
    metrics: () => metrics.registry.render(),
    replica: () => ({ id: replicaId, store: store.dialect, ...Object.fromEntries(running.map((p) => [p.name, p.role?.()]).filter(([, r]) => r)) }),
  };

  // Routes a platform serves on the shared HTTP port (Discord's interactions endpoint), bound once it has started.
  const platformRoutes = () => running.flatMap((p) => p.routes ?? []);
  const discordEndpoint = Boolean(config.platforms.discord?.publicKey);
  const slackHttp = config.platforms.slack?.mode === 'http';
  let webServer: Awaited<ReturnType<typeof startHealthServer>> | undefined;
  try {
    // In Slack's HTTP mode the health routes (and Discord's interactions endpoint) share its port, as a load balancer expects.
    const handle = healthHandler(health);
    running = await startPlatforms(bot, config.platforms, logger, {
      slack: {
        customRoutes: [
          ...['/healthz', '/metrics'].map((path) => ({ path, method: ['GET'], handler: (req: IncomingMessage, res: ServerResponse) => void handle(req, res) })),
          ...(discordEndpoint ? [{ path: INTERACTIONS_PATH, method: ['POST'], handler: (req: IncomingMessage, res: ServerResponse) => routeTo(platformRoutes(), req, res) }] : []),
        ],
        deliveries: store.deliveries,
        replicaId,
      },
      // Several replicas on one store: the gateway runs in one of them (a lease in the store).
      ...(store.shared ? { discord: { gatewayLease: { leases: store.leases, holder: replicaId } } } : {}),
    });
    // Without Slack's HTTP server, the interactions endpoint gets one of its own on PORT, with /healthz.
    if (discordEndpoint && !slackHttp) {
      webServer = await startHealthServer(health, {
        port: config.platforms.discord!.port,
        routes: [{ path: INTERACTIONS_PATH, handle: (req, res) => routeTo(platformRoutes(), req, res) }],
      });
      logger.info({ port: webServer.port, path: INTERACTIONS_PATH }, 'discord: interactions endpoint listening');
    }
  } catch (err) {
    await Promise.allSettled(running.map((p) => p.stop()));
    await watcher?.stop();
    await summary.close();
    throw err;
  }
  const healthServer = config.ops.HEALTH_PORT !== undefined ? await startHealthServer(health, { port: config.ops.HEALTH_PORT, host: config.ops.HEALTH_HOST }) : undefined;

  const publishers = publishersOf(running);
  if (consoleMode) publishers.set('console', consolePublisher());
  for (const [platform, publisher] of publishers) summary.publishers.set(platform, publisher);
  summary.alerts?.start(); // polls quotes for price alerts during the session; reports fact changes made while down
  scheduler = summary.createScheduler({
    owner: `summary:${replicaId}`,
    concurrency: config.summary.SUMMARY_CONCURRENCY,
    publishers,
    base: () => holder.current().base,
    onPost: (e) => (e.ok ? metrics.summariesPosted : metrics.summaryFailures).inc({ platform: e.channel.platform }),
  });
  scheduler.start(); // also posts today's summaries missed while the bot was down

  // Order matters: no new answers, then finish the ones in flight and a summary being posted,
  // then disconnect the platforms, and close the database last.
  const steps: ShutdownStep[] = [
    { name: 'answers', stop: async () => { inflight.close(); await inflight.drain(); } },
    { name: 'summary', stop: () => scheduler!.stop() },
    { name: 'alerts', stop: async () => summary.alerts?.stop() },
    ...running.map((p) => ({ name: p.name, stop: () => p.stop() })),
    { name: 'fact watcher', stop: async () => watcher?.stop() },
    { name: 'health', stop: async () => { await healthServer?.close(); await webServer?.close(); } },
    { name: 'database', stop: async () => { await bot.flush?.(); await summary.close(); } },
  ];
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));

  if (!consoleMode) {
    installShutdown({ steps, timeoutMs: config.ops.SHUTDOWN_TIMEOUT_MS, logger });
    logger.info({ platforms: running.map((p) => p.name), facts: holder.current().base.facts.length }, 'dealbot started');
    return new Promise<number>(() => {}); // runs until a signal; the shutdown exits the process
  }

  const shutdown = installShutdown({ steps, timeoutMs: config.ops.SHUTDOWN_TIMEOUT_MS, logger, exit: () => {} });
  await runConsole(bot, { input: process.stdin, output: process.stdout, interactive });
  const code = await shutdown.shutdown('console closed');
  shutdown.dispose();
  return code;
}

/** In the console, the local "channel" gets its daily summary printed in the terminal. */
function consolePublisher(): ChannelPublisher {
  let n = 0;
  return {
    platform: 'console',
    post: async (_channel, reply) => {
      process.stdout.write(`\n${renderText(reply)}\n`);
      return { messageId: `console-${Date.now()}-${++n}` };
    },
  };
}

/** Hands a request to the platform route for its path, or 503 while the platform is still starting. */
function routeTo(routes: { path: string; handle(req: IncomingMessage, res: ServerResponse): void }[], req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0];
  const route = routes.find((r) => r.path === path);
  if (route) return route.handle(req, res);
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
  res.end('starting\n');
}
