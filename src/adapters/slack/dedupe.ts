// Slack re-delivers an event it thinks was not acknowledged in time. Remembering recent
// event ids (bounded in count and age) makes sure each question is answered once.
export interface SeenEvents {
  /** True the first time an id is offered, false for a repeat within the window. */
  first(id: string): boolean;
  readonly size: number;
}

export function seenEvents(opts: { max?: number; ttlMs?: number; now?: () => number } = {}): SeenEvents {
  const max = opts.max ?? 10_000;
  const ttlMs = opts.ttlMs ?? 60 * 60 * 1000; // Slack retries within minutes; an hour is ample
  const now = opts.now ?? Date.now;
  const seen = new Map<string, number>(); // insertion order = age order

  function evict(at: number): void {
    for (const [id, time] of seen) {
      if (seen.size > max || at - time > ttlMs) seen.delete(id);
      else break;
    }
  }

  return {
    first(id) {
      const at = now();
      evict(at);
      const time = seen.get(id);
      if (time !== undefined && at - time <= ttlMs) return false;
      seen.delete(id);
      seen.set(id, at);
      evict(at);
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
