// Answers are computed after the ack, one per event-loop turn, and only while no request is
// waiting for its ack: a burst of /deal commands is acked within milliseconds even while
// earlier answers are still being computed. A job never waits longer than `maxDeferMs`, so a
// steady stream of requests cannot starve the answers.
export interface WorkQueue {
  /** Queues a job; it must handle its own errors. */
  push(job: () => Promise<void>): void;
  /** Re-checks the queue (call when the last pending ack went out). */
  kick(): void;
  /** Jobs queued or running. */
  readonly pending: number;
  /** Resolves true when every job has finished, false after `timeoutMs` (shutdown). */
  drain(timeoutMs: number): Promise<boolean>;
}

export interface WorkQueueOptions {
  /** True while requests are waiting for their ack: jobs wait (up to maxDeferMs). */
  busy?: () => boolean;
  maxDeferMs?: number;
  /** While busy, how often to look again (kick() also does). */
  recheckMs?: number;
  now?: () => number;
}

export function workQueue(onError: (err: unknown) => void, opts: WorkQueueOptions = {}): WorkQueue {
  const maxDeferMs = opts.maxDeferMs ?? 250;
  const recheckMs = opts.recheckMs ?? 5;
  const now = opts.now ?? (() => performance.now());
  const queue: Array<{ job: () => Promise<void>; at: number }> = [];
  let running = 0;
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;
  let idle: Array<() => void> = [];

  function settle(): void {
    if (queue.length === 0 && running === 0) {
      for (const done of idle) done();
      idle = [];
    }
  }

  function run(): void {
    scheduled = false;
    const head = queue[0];
    if (!head) return;
    const waited = now() - head.at;
    if (opts.busy?.() && waited < maxDeferMs) {
      // Acks first; kick() or the deadline brings us back.
      timer ??= setTimeout(() => {
        timer = undefined;
        pump();
      }, Math.min(recheckMs, maxDeferMs - waited));
      return;
    }
    queue.shift();
    running++;
    head
      .job()
      .catch(onError)
      .finally(() => {
        running--;
        settle();
      });
    pump();
  }

  function pump(): void {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    // setImmediate runs after the poll phase: requests already received are handled first.
    setImmediate(run);
  }

  return {
    push(job) {
      queue.push({ job, at: now() });
      pump();
    },
    kick: pump,
    get pending() {
      return queue.length + running;
    },
    drain(timeoutMs) {
      if (queue.length === 0 && running === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const t = setTimeout(() => resolve(false), timeoutMs);
        t.unref();
        idle.push(() => {
          clearTimeout(t);
          resolve(true);
        });
      });
    },
  };
}
