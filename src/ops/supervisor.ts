// Watches one platform's connection. The adapter reports it up and down (the moment a socket
// closes); when its library gives up, the supervisor reconnects with exponential backoff and
// jitter, never letting a failed attempt escape as an unhandled rejection. A platform down past
// `downExitMs` is reported once (`onDownTooLong`): dealbot then exits non-zero, so systemd or
// Docker restarts it instead of leaving a deaf process running.
import type { Logger } from './log.ts';

export interface SupervisedConnection {
  name: string;
  /** Connected right now (also polled, in case a library closes without telling). */
  connected(): boolean;
  /** Connects again from scratch; rejects when it could not. */
  reconnect(): Promise<void>;
}

export interface SupervisorOptions {
  minDelayMs: number;
  maxDelayMs: number;
  downExitMs: number;
  logger: Logger;
  onDownTooLong(info: { name: string; downForMs: number }): void;
  /** How often connected() is polled (default: a second, or a quarter of downExitMs if less). */
  checkEveryMs?: number;
  now?: () => number;
  random?: () => number;
}

export interface Supervisor {
  /** The adapter's reports (PlatformRuntime.connection). */
  up(): void;
  down(info: { reason: string; gaveUp: boolean }): void;
  /** When the connection went down, if it is down. */
  downSince(): number | undefined;
  stop(): void;
}

export function supervise(conn: SupervisedConnection, opts: SupervisorOptions): Supervisor {
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const log = opts.logger.child({ platform: conn.name });
  let since: number | undefined;
  let attempts = 0;
  let timer: NodeJS.Timeout | undefined;
  let reconnecting = false;
  let stopped = false;
  let reported = false;

  function markDown(): void {
    since ??= now();
  }

  function markUp(): void {
    if (since !== undefined) log.info({ downForMs: now() - since }, `${conn.name} connected again`);
    since = undefined;
    attempts = 0;
    reported = false;
    if (timer) clearTimeout(timer);
    timer = undefined;
  }

  function schedule(): void {
    if (stopped || timer || reconnecting) return;
    const base = Math.min(opts.maxDelayMs, opts.minDelayMs * 2 ** attempts);
    const delay = Math.round(base * (0.8 + 0.4 * random())); // jitter: processes do not retry in step
    timer = setTimeout(() => {
      timer = undefined;
      void attempt();
    }, delay);
    timer.unref();
  }

  async function attempt(): Promise<void> {
    if (stopped || conn.connected()) return;
    reconnecting = true;
    attempts++;
    try {
      await conn.reconnect();
    } catch (err) {
      log.warn({ err, attempt: attempts }, `${conn.name}: reconnection failed; trying again`);
    } finally {
      reconnecting = false;
    }
    if (stopped) return;
    if (conn.connected()) markUp();
    else schedule();
  }

  const watchdog = setInterval(
    () => {
      if (stopped) return;
      if (conn.connected()) {
        if (since !== undefined && !reconnecting) markUp();
        return;
      }
      markDown();
      const downForMs = now() - since!;
      if (downForMs >= opts.downExitMs && !reported) {
        reported = true;
        opts.onDownTooLong({ name: conn.name, downForMs });
      }
    },
    opts.checkEveryMs ?? Math.max(50, Math.min(1000, opts.downExitMs / 4)),
  );
  watchdog.unref();

  return {
    up: () => {
      if (!stopped) markUp();
    },
    down(info) {
      if (stopped) return;
      markDown();
      log.warn({ reason: info.reason, gaveUp: info.gaveUp }, `${conn.name} is down`);
      if (info.gaveUp) schedule();
    },
    downSince: () => since,
    stop() {
      stopped = true;
      clearInterval(watchdog);
      if (timer) clearTimeout(timer);
    },
  };
}
