// The last resort: an exception nothing caught, or a promise rejection nothing handled, means the
// process is in a state no code planned for. It is logged (fatal, with the error), the work in
// flight is drained through the graceful shutdown, and the process exits 1 so systemd or Docker
// starts it afresh. A second fault during that shutdown is logged and does not cut it short (the
// shutdown is bounded by SHUTDOWN_TIMEOUT_MS); before a shutdown exists, it exits at once.
import type { Logger } from './log.ts';

export interface LastResortOptions {
  logger: Logger;
  /** Starts the graceful shutdown as a failure (exit 1); undefined while there is none to run. */
  shutdown: () => ((reason: string) => void) | undefined;
  exit?: (code: number) => void;
  /** Where the events come from (tests pass an EventEmitter). */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export function installLastResort(opts: LastResortOptions): { dispose(): void } {
  const target = opts.target ?? process;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let faulted = false;

  function fault(kind: string, err: unknown): void {
    if (faulted) {
      opts.logger.error({ err, kind }, `${kind} while shutting down after an earlier one (logged; the shutdown goes on)`);
      return;
    }
    faulted = true;
    opts.logger.fatal({ err, kind }, `${kind}: a bug; draining work in flight, then exiting 1 so the service manager restarts dealbot`);
    const shutdown = opts.shutdown();
    if (shutdown) {
      shutdown(kind);
      return;
    }
    try {
      opts.logger.flush();
    } catch {
      // nothing more to do
    }
    exit(1);
  }

  const onException = (err: unknown) => fault('uncaught exception', err);
  const onRejection = (reason: unknown) => fault('unhandled rejection', reason);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return {
    dispose() {
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
    },
  };
}
