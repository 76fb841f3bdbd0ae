// `npm start`: one fact base, one engine, one bot and one delivery policy for every configured
// platform (or the console chat when none is), each platform supervised; with the store (SQLite,
// or PostgreSQL shared by several replicas), the daily summary scheduler, live fact reload, health
// and metrics, rate limits and a graceful shutdown.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { commands } from '../commands/index.ts';
import { renderText } from './adapters/console/render.ts';
import { runConsole } from './adapters/console/chat.ts';
import type { Io } from './cli/io.ts';
import { readCoreConfig } from './config/core.ts';
import { collectConfig, ConfigError } from './config/env.ts';
import type { ChannelPublisher } from './core/command.ts';
import { createBot } from './core/create-bot.ts';
import { createDeliveryPolicy } from './core/delivery.ts';
import { EngineHolder } from './core/engine-holder.ts';
import { dealBasesOf } from './deals/bases.ts';
import { unknownDefaults } from './deals/channel-deal.ts';
import { warmLanguageData } from './search/warm.ts';
import { GapLog } from './core/gaps.ts';
import { pidFilePath, readOpsConfig } from './ops/config.ts';
import { watchFacts, type FactWatcher } from './ops/fact-watcher.ts';
import { healthRoutes, startHealthServer, type HealthDeps, type HealthServer } from './ops/health-server.ts';
import { installLastResort } from './ops/last-resort.ts';
import { createLogger, type Logger } from './ops/log.ts';
import { createMetrics } from './ops/metrics.ts';
import { createRateLimiter, createSharedRateLimiter, type RateLimitOptions } from './ops/rate-limit.ts';
import { InFlight, installShutdown, type Shutdown, type ShutdownStep } from './ops/shutdown.ts';
import { monitorStore } from './ops/store-monitor.ts';
import { endpointRoutes, noPlatformMessage, ownServerPort, publishersOf, readPlatformConfigs, startPlatforms, stopPlatform, type StartedPlatform } from './platforms.ts';
import { openStore, readStoreConfig, StoreLostError, type Store, type StoreConfig } from './store/index.ts';
import { importGapFile } from './store/unanswered.ts';
import { openDailySummary, readSummaryConfig } from './summary/index.ts';

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  io: Io;
  factsDir: string;
}

export async function start({ env, io, factsDir }: StartOptions): Promise<number> {
  // Every bad variable is named at once, before anything connects.
  const config = collectConfig({
    core: () => readCoreConfig(env),
    ops: () => readOpsConfig(env),
    store: () => readStoreConfig(env),
    summary: () => readSummaryConfig(env),
    platforms: () => readPlatformConfigs(env),
  });
  const consoleMode = config.platforms.length === 0;
  const interactive = consoleMode && Boolean(process.stdin.isTTY);
  // Under systemd or `docker run -d` nobody sees the console: say what is (not) running and why.
  if (consoleMode && !interactive) io.stderr(noPlatformMessage());
  // The console chat shares the terminal with its logs: only warnings unless LOG_LEVEL says otherwise.
  const level = consoleMode && !env.LOG_LEVEL ? 'warn' : config.core.LOG_LEVEL;
  const holder = new EngineHolder(factsDir); // refuses a broken base before anything connects
  const dealDefaults = config.core.DEFAULT_DEAL;
  const unknown = unknownDefaults(dealDefaults, holder.deals());
  if (unknown.length) throw new ConfigError([`DEFAULT_DEAL: no deal ${unknown.map((id) => `"${id}"`).join(', ')} in ${factsDir}; its deals: ${holder.deals().deals.map((d) => d.id).join(', ')}`]);
  // Before any platform connects, so no question (and no ack behind it) waits for the word lists.
  if (!consoleMode) warmLanguageData();
  const metrics = createMetrics({ facts: () => holder.deals().factCount });
  const logger = createLogger({
    level,
    pretty: consoleMode,
    // Platform adapters log through logger.child({ platform }): their errors feed /metrics.
    onError: ({ platform }) => {
      if (platform) metrics.platformErrors.inc({ platform });
    },
  });
  let shutdown: Shutdown | undefined;
  // A bug nothing caught: logged, work in flight drained, exit 1 for the service manager.
  installLastResort({ logger, shutdown: () => (shutdown ? (reason) => void shutdown!.shutdown(reason, { failed: true }) : undefined) });
  // This process's name in the store (holds, claims, leases); unique per replica.
  const replicaId = config.ops.REPLICA_ID ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const store = await openStoreFor(config.store, config.core.GAPS_LOG, replicaId, logger);
  // The store written now and then: /healthz says when it cannot be; a SQLite file gone stops the bot.
  const storeWatch = monitorStore({
    probe: () => store.probe(replicaId),
    isLost: (err) => err instanceof StoreLostError,
    onLost: (err) => storeLost(logger, store.location, err, () => shutdown),
    where: store.location,
    logger,
    everyMs: config.ops.STORE_PROBE_S * 1000,
  });
  const limit = rateLimiterFor(store, {
    userPerMin: config.ops.RATE_LIMIT_USER_PER_MIN,
    channelPerMin: config.ops.RATE_LIMIT_CHANNEL_PER_MIN,
    onLimited: ({ platform, scope }) => metrics.rateLimited.inc({ platform, scope }),
  }, logger);
  // Each channel's deal: its own (/deal use), else DEFAULT_DEAL's, else the base's default deal.
  const dealOptions = { store: store.channelDeals, defaults: dealDefaults, onError: (err: unknown) => logger.warn({ err }, "could not read a channel's deal; using the default") };
  const summary = await openDailySummary(store, config.summary, {
    logger,
    base: () => holder.current().base,
    bases: dealBasesOf(holder.deals, dealOptions),
    onAlert: (a) => (a.status === 'posted' ? metrics.alertsPosted : metrics.alertFailures).inc({ platform: a.channel.platform, kind: a.kind }),
  });
  const inflight = new InFlight();
  const bot = createBot({
    engine: holder.current,
    deals: holder.deals,
    channelDeals: store.channelDeals,
    dealDefaults,
    commands,
    subscriptions: summary.subscriptions,
    ...(summary.alerts ? { alerts: summary.alerts } : {}),
    defaultTimezone: summary.defaultTimezone,
    gaps: new GapLog(store.unanswered),
    settings: store.settings,
    logger,
    onAnswer: metrics.onAnswer,
  });
  const policy = createDeliveryPolicy({
    bot,
    limit,
    delivered: store.deliveries,
    holder: replicaId,
    shared: store.sharedAnswers,
    admission: inflight,
    logger,
    feedback: store.feedback,
    threads: store.threads,
    threadTtlMs: config.core.FOLLOW_UP_HOURS * 3_600_000,
    settings: store.settings,
    onVote: metrics.onVote,
  });

  const watcher = config.ops.FACTS_WATCH
    ? watchFacts({
        holder,
        logger,
        settleMs: config.ops.FACTS_SETTLE_MS,
        maxLoss: config.ops.FACTS_RELOAD_MAX_LOSS,
        staleMs: config.ops.FACTS_STALE_S * 1000,
        onReload: (r, info) => {
          metrics.reloads.inc({ result: r.ok ? 'ok' : 'held' in r && r.held ? 'held' : 'refused' });
          // A deal DEFAULT_DEAL names may have gone: its channels fall back to the base's default deal meanwhile.
          if (r.ok && info.changed) logger.info({ deals: holder.deals().deals.map((d) => `${d.id} (${d.engine.base.facts.length} facts)`) }, 'deals served');
          const gone = r.ok ? unknownDefaults(dealDefaults, holder.deals()) : [];
          if (gone.length) logger.warn({ deals: gone }, `DEFAULT_DEAL names ${gone.join(', ')}, no longer in the fact base; those channels ask about ${holder.deals().fallback.id} until it is back or DEFAULT_DEAL changes`);
          // A fact gained or changed: channels with fact-change alerts hear of it (once, through the ledger).
          if (r.ok && info.changed) void summary.alerts?.checkFacts().catch((err: unknown) => logger.error({ err }, 'fact-change alert check failed'));
        },
      })
    : undefined;
  // `dealbot facts reload` (or kill -HUP): serve what is on disk now, whatever it drops, if it is valid.
  const onHangup = () => forcedReload(holder, watcher, logger);
  process.on('SIGHUP', onHangup);
  const pidFile = writePidFile(pidFilePath(config.ops, config.store.DATABASE_PATH), logger);

  let started: StartedPlatform[] = [];
  let endpointServer: HealthServer | undefined;
  let scheduler: ReturnType<typeof summary.createScheduler> | undefined;
  const health: HealthDeps = {
    // Every configured platform counts, including one still connecting: healthy means all are up.
    platforms: () => Object.fromEntries(config.platforms.map(({ adapter }) => [adapter.name, started.find((p) => p.name === adapter.name)?.running.connected() ?? false])),
    engine: () => {
      const set = holder.deals();
      return { base: { facts: set.deals.flatMap((d) => d.engine.base.facts), fingerprint: set.fingerprint, loadedAt: set.loadedAt } };
    },
    deals: () => holder.deals().deals.map((d) => ({ id: d.id, facts: d.engine.base.facts.length, fingerprint: d.engine.base.fingerprint })),
    lastSummaryPost: () => scheduler?.lastPost()?.at,
    ...(watcher ? { lastReload: () => watcher.lastReload() } : {}),
    checks: { store: storeWatch.health, ...(watcher ? { facts: () => watcher.health() } : {}) },
    metrics: () => metrics.registry.render(),
    replica: () => ({ id: replicaId, store: store.dialect, ...Object.fromEntries(started.flatMap((p) => (p.running.role ? [[p.name, p.running.role()]] : []))) }),
  };
  // Platforms' own HTTP endpoints (Discord's interactions endpoint), handed to each once started.
  const endpoints = endpointRoutes(config.platforms, () => started);

  try {
    started = await startPlatforms(policy, config.platforms, {
      logger,
      // A platform serving HTTP of its own (Slack's HTTP mode) serves health and the other
      // platforms' endpoints there too, as a load balancer expects.
      routes: [...healthRoutes(health), ...endpoints],
      replays: store.replays,
      // Several replicas on one store: a connection that must run once (Discord's gateway) takes a lease.
      replica: { id: replicaId, ...(store.shared ? { leases: store.leases } : {}) },
      installations: store.installations,
      supervision: {
        minDelayMs: config.ops.PLATFORM_RECONNECT_MIN_MS,
        maxDelayMs: config.ops.PLATFORM_RECONNECT_MAX_MS,
        downExitMs: config.ops.PLATFORM_DOWN_EXIT_S * 1000,
        onDownTooLong: ({ name, downForMs }) => downTooLong(logger, name, downForMs, () => shutdown),
      },
    });
    // No platform's HTTP server to share: the endpoints get one of their own on PORT, with /healthz.
    const port = endpoints.length > 0 ? ownServerPort(config.platforms, started) : undefined;
    if (port !== undefined) {
      endpointServer = await startHealthServer(health, { port, routes: endpoints });
      logger.info({ port: endpointServer.port, paths: endpoints.map((e) => e.path) }, 'platform endpoints listening');
    }
  } catch (err) {
    await Promise.allSettled(started.map((p) => stopPlatform(p)));
    await watcher?.stop();
    storeWatch.stop();
    pidFile.remove();
    await store.close();
    throw err;
  }
  const healthServer = config.ops.HEALTH_PORT !== undefined ? await startHealthServer(health, { port: config.ops.HEALTH_PORT, host: config.ops.HEALTH_HOST }) : undefined;

  const publishers = publishersOf(started);
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
    ...started.map((p) => ({ name: p.name, stop: () => stopPlatform(p) })),
    { name: 'fact watcher', stop: async () => { await watcher?.stop(); process.off('SIGHUP', onHangup); } },
    { name: 'health', stop: async () => void (await Promise.all([healthServer?.close(), endpointServer?.close()])) },
    { name: 'database', stop: async () => { storeWatch.stop(); await bot.flush?.(); await store.close(); pidFile.remove(); } },
  ];

  if (!consoleMode) {
    shutdown = installShutdown({ steps, timeoutMs: config.ops.SHUTDOWN_TIMEOUT_MS, logger });
    logger.info({ platforms: started.map((p) => p.name), facts: holder.deals().factCount, deals: holder.deals().deals.map((d) => d.id) }, 'dealbot started');
    return new Promise<number>(() => {}); // runs until a signal; the shutdown exits the process
  }

  shutdown = installShutdown({ steps, timeoutMs: config.ops.SHUTDOWN_TIMEOUT_MS, logger, exit: () => {} });
  const asked = await runConsole(policy, { input: process.stdin, output: process.stdout, interactive, thread: true });
  const code = await shutdown.shutdown('console closed');
  shutdown.dispose();
  // Started with nothing to read and nothing configured: not a run that did anything.
  return !interactive && asked === 0 ? 1 : code;
}

/** Opens the store, moves an earlier version's gap log into it (once), and says where it is. */
async function openStoreFor(config: StoreConfig, gapsLog: string, replicaId: string, logger: Logger): Promise<Store> {
  const store = await openStore(config, {
    onWriteLost: (what, err) => logger.error({ err, what }, 'database write lost after retrying'),
    backgroundCheckpoints: true,
    onCheckpointError: (message) => logger.warn(message),
  });
  try {
    const imported = await importGapFile(gapsLog, store.driver);
    if (imported) logger.info({ from: gapsLog, questions: imported }, 'unanswered questions moved into the store');
  } catch (err) {
    logger.warn({ err, from: gapsLog }, 'could not move the old unanswered-questions log into the store; left as it is');
  }
  if (store.created) {
    logger.warn({ at: store.location }, `no database at DATABASE_PATH=${store.location}: created a new, empty one (no subscriptions, no ledger). If this is not the first start, the database was lost: stop dealbot and restore the backup`);
  }
  logger.info({ store: store.dialect, at: store.location, replica: replicaId }, 'store opened');
  return store;
}

/** The store's file was deleted or replaced under the bot: say so plainly and exit 1 (the service manager restarts it). */
function storeLost(logger: Logger, where: string, err: unknown, shutdown: () => Shutdown | undefined): void {
  logger.fatal({ err, at: where }, `${(err as Error).message}: stopping (exit 1) rather than writing into a file nobody will read; restore the database (or its directory) and start dealbot again`);
  const s = shutdown();
  if (s) void s.shutdown('store lost', { failed: true });
  else process.exit(1);
}

/** SIGHUP: reloads the fact base now, serving it even if it drops many facts (not if it is broken). */
function forcedReload(holder: EngineHolder, watcher: FactWatcher | undefined, logger: Logger): void {
  logger.info({ dir: holder.dir }, 'fact reload requested (SIGHUP, dealbot facts reload)');
  if (watcher) {
    watcher.reloadNow({ force: true, why: 'SIGHUP (dealbot facts reload)' });
    return;
  }
  const r = holder.reload();
  if (r.ok) logger.info({ fingerprint: r.engine.base.fingerprint, facts: r.engine.base.facts.length }, 'fact base reloaded');
  else logger.error({ problems: r.problems.length }, `fact base edit refused: ${r.problems.length} problem(s); still serving version ${holder.current().base.fingerprint}`);
}

/** Writes this process's id for `dealbot facts reload`; remove() deletes the file only while it still holds our id. */
function writePidFile(path: string, logger: Logger): { remove(): void } {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${process.pid}\n`);
  } catch (err) {
    logger.warn({ err, path }, 'could not write the pid file (PID_FILE); `dealbot facts reload` will need --pid');
    return { remove: () => undefined };
  }
  return {
    remove() {
      try {
        if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Replicas sharing a store count a user's questions together (buckets in the store, memory when
 * it does not answer); one process keeps them in memory.
 */
function rateLimiterFor(store: Store, limits: Omit<RateLimitOptions, 'now' | 'maxKeys'>, logger: Logger) {
  const memory = createRateLimiter(limits);
  if (!store.shared) return (asker: Parameters<typeof memory.check>[0]) => memory.check(asker);
  const shared = createSharedRateLimiter({ ...limits, buckets: store.rateBuckets, fallback: memory, onStoreError: (err) => logger.warn({ err }, 'rate limit store unavailable; limiting in memory') });
  return (asker: Parameters<typeof memory.check>[0]) => shared.check(asker);
}

/** A platform down past PLATFORM_DOWN_EXIT_S: say so, and exit non-zero so the service manager restarts dealbot. */
function downTooLong(logger: Logger, name: string, downForMs: number, shutdown: () => Shutdown | undefined): void {
  const seconds = Math.round(downForMs / 1000);
  logger.fatal({ platform: name, downForMs }, `${name} has been down for ${seconds} s (PLATFORM_DOWN_EXIT_S): exiting so the service manager restarts dealbot`);
  const s = shutdown();
  if (s) void s.shutdown(`${name} down`, { failed: true });
  else process.exit(1);
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
