// Watches that the store can still be written: every `everyMs` the store writes its probe row
// (and SQLite checks its file is still the one it opened). /healthz reads the outcome: 503 while
// the store cannot be written. A store that is gone — its file deleted with the data directory,
// or replaced — is worse than unwritable: going on would write into a file nobody will read
// again, and the next start would begin on an empty database. Then `onLost` is called once (the
// bot logs it and exits non-zero for its service manager).
import type { CheckResult } from './health-server.ts';
import type { Logger } from './log.ts';

export interface StoreMonitorOptions {
  /** Writes the probe; rejects when the store cannot be written. */
  probe: () => Promise<void>;
  /** Whether a probe's error means the store is gone (not just failing). */
  isLost: (err: unknown) => boolean;
  onLost: (err: unknown) => void;
  /** Where the store is, for the log (no password). */
  where: string;
  logger: Logger;
  /** Default 5 s. */
  everyMs?: number;
  now?: () => number;
}

export interface StoreMonitor {
  /** /healthz's "store" check. */
  health(): CheckResult;
  /** Probes now (tests; also what the timer does). */
  check(): Promise<void>;
  stop(): void;
}

export function monitorStore(opts: StoreMonitorOptions): StoreMonitor {
  const now = opts.now ?? Date.now;
  let failing: { since: number; error: string } | undefined;
  let lastOk = now();
  let lost = false;
  let running: Promise<void> | undefined;

  async function probe(): Promise<void> {
    try {
      await opts.probe();
      if (failing) opts.logger.info({ at: opts.where, failedForMs: now() - failing.since }, 'the store can be written again');
      failing = undefined;
      lastOk = now();
    } catch (err) {
      const error = (err as Error).message ?? String(err);
      if (!failing) opts.logger.error({ err, at: opts.where }, `the store cannot be written (${error}): summaries and records are failing; /healthz answers 503`);
      failing ??= { since: now(), error };
      failing.error = error;
      if (opts.isLost(err) && !lost) {
        lost = true;
        opts.onLost(err);
      }
    }
  }

  const check = () => (running ??= probe().finally(() => (running = undefined)));
  const timer = setInterval(() => void check(), opts.everyMs ?? 5000);
  timer.unref();

  return {
    health: () =>
      failing
        ? { ok: false, at: opts.where, error: failing.error, since: new Date(failing.since).toISOString(), ...(lost ? { lost: true } : {}) }
        : { ok: true, at: opts.where, checkedAt: new Date(lastOk).toISOString() },
    check,
    stop: () => clearInterval(timer),
  };
}
