// Graceful shutdown on SIGINT/SIGTERM: stop taking new work, then run the stop steps in order
// (drain answers, finish or release a summary post, disconnect platforms, close the database),
// all within one time bound. A second signal exits at once.
import type { Logger } from './log.ts';

export interface ShutdownStep {
  name: string;
  stop: () => Promise<void> | void;
}

export interface ShutdownOptions {
  steps: ShutdownStep[];
  /** Bound on the whole shutdown; a step still running then is abandoned. */
  timeoutMs: number;
  logger: Logger;
  /** Each step still gets this long once the bound is spent (closing the database must happen). */
  graceMs?: number;
  /** Injected in tests; defaults to process.exit. */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
  /** Where signals come from (tests pass an EventEmitter). */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export interface Shutdown {
  /** True once a shutdown began: adapters and the scheduler should refuse new work. */
  stopping(): boolean;
  /**
   * Runs the shutdown as if a signal came (resolves with the exit code it used). `failed`: the
   * reason is itself a failure (a platform stayed down), so the exit code is 1 even if every step
   * finishes cleanly: the service manager must restart the process.
   */
  shutdown(reason: string, opts?: { failed?: boolean }): Promise<number>;
  /** Removes the signal handlers (tests). */
  dispose(): void;
}

class StepTimeout extends Error {}

function bounded(step: ShutdownStep, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve().then(() => step.stop()),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StepTimeout(`${step.name} did not finish within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function installShutdown(opts: ShutdownOptions): Shutdown {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const signals = opts.signals ?? ['SIGINT', 'SIGTERM'];
  const target = opts.target ?? process;
  const graceMs = opts.graceMs ?? 1000;
  const { logger } = opts;
  let running: Promise<number> | undefined;

  async function run(reason: string, failed: boolean): Promise<number> {
    const deadline = Date.now() + opts.timeoutMs;
    logger.info({ reason, timeoutMs: opts.timeoutMs, steps: opts.steps.map((s) => s.name) }, 'shutting down');
    let code = failed ? 1 : 0;
    for (const step of opts.steps) {
      const budget = Math.max(graceMs, deadline - Date.now());
      try {
        await bounded(step, budget);
        logger.debug({ step: step.name }, 'shutdown step done');
      } catch (err) {
        code = 1;
        if (err instanceof StepTimeout) logger.error({ step: step.name, budgetMs: budget }, `shutdown step timed out: ${err.message}`);
        else logger.error({ err, step: step.name }, 'shutdown step failed');
      }
    }
    logger.info({ code }, code === 0 ? 'shut down cleanly' : failed ? 'shut down after a failure' : 'shut down with problems');
    flushLogger(logger);
    exit(code);
    return code;
  }

  function shutdown(reason: string, how: { failed?: boolean } = {}): Promise<number> {
    running ??= run(reason, how.failed ?? false);
    return running;
  }

  function onSignal(signal: NodeJS.Signals): void {
    if (running) {
      logger.warn({ signal }, 'second signal: exiting now');
      flushLogger(logger);
      exit(1);
      return;
    }
    void shutdown(signal);
  }

  for (const s of signals) target.on(s, onSignal);
  return {
    stopping: () => running !== undefined,
    shutdown,
    dispose: () => {
      for (const s of signals) target.off(s, onSignal);
    },
  };
}

/** pino writes asynchronously to some destinations; flush before process.exit drops lines. */
function flushLogger(logger: Logger): void {
  try {
    logger.flush();
  } catch {
    // a destination without flush (tests) is fine
  }
}

/**
 * Counts work in flight so shutdown can wait for it. After `close()`, `admit()` says no:
 * new questions get a "restarting" notice while the ones already running finish.
 */
export class InFlight {
  private count = 0;
  private closed = false;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** Runs `work` counted as in flight. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    }
  }

  close(): void {
    this.closed = true;
  }

  /**
   * Resolves when nothing is in flight any more. It waits one more turn of the event loop
   * after the last answer, so the code that sends that answer gets to run first.
   */
  async drain(): Promise<void> {
    for (;;) {
      if (this.count > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      if (this.count === 0) return;
    }
  }
}
