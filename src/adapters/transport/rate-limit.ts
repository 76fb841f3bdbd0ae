// What every HTTP client of ours does with a 429 (Too Many Requests): wait as long as the platform
// says — in the Retry-After header, or only in the JSON body's `retry_after` (Discord sends both,
// but a proxy or a bug may drop the header; seconds, possibly fractional) — growing the wait
// exponentially when it says nothing or too little, and give up after a few retries or when the
// wait would be too long. A 429 means the request was not processed, so retrying it is safe; but a
// burst of them must never become a retry storm (Discord bans after 10,000 invalid requests in 10
// minutes): each request has a budget.

export interface RetryBudget {
  /** Retries after 429s per request before it fails (default 3). */
  maxRetries: number;
  /** The shortest first wait (ms), doubled per retry (default 250 ms); a longer one the platform asks for wins. */
  baseMs: number;
  /** Longer waits fail the request instead (ms, default 60 s). */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_BUDGET: RetryBudget = { maxRetries: 3, baseMs: 250, maxWaitMs: 60_000 };

/** A request refused by a rate limit more times, or for longer, than its budget allows. */
export class RateLimitBudgetError extends Error {
  readonly code = 'RATE_LIMIT_BUDGET';
  constructor(
    readonly retries: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`rate limited (429) ${retries + 1} time(s)${retryAfterMs !== undefined ? `, last asked to wait ${retryAfterMs} ms` : ''}: gave up on this request`);
    this.name = 'RateLimitBudgetError';
  }
}

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** How long a 429 asks to wait (ms): the Retry-After header (seconds), else the JSON body's retry_after (seconds); undefined when neither says. */
export function retryAfterMs(headers: HeaderSource, body: string | undefined): number | undefined {
  const h = header(headers, 'retry-after');
  if (h !== undefined && h.trim() !== '' && Number.isFinite(Number(h)) && Number(h) >= 0) return Math.ceil(Number(h) * 1000);
  if (!body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const s = (parsed as { retry_after?: unknown } | null)?.retry_after;
    if (typeof s === 'number' && Number.isFinite(s) && s >= 0) return Math.ceil(s * 1000);
    if (typeof s === 'string' && s.trim() !== '' && Number.isFinite(Number(s)) && Number(s) >= 0) return Math.ceil(Number(s) * 1000);
  } catch {
    // not JSON: nothing said
  }
  return undefined;
}

/**
 * The wait before retry `n` (1 for the first) after a 429 that asked for `saidMs`: at least what it
 * asked, and at least base·2^(n−1). Undefined when the budget is spent or the wait passes the cap:
 * the request then fails.
 */
export function backoffMs(n: number, saidMs: number | undefined, budget: RetryBudget = DEFAULT_RETRY_BUDGET): number | undefined {
  if (n > budget.maxRetries) return undefined;
  const wait = Math.max(saidMs ?? 0, budget.baseMs * 2 ** (n - 1));
  return wait > budget.maxWaitMs ? undefined : wait;
}

/**
 * The error says the platform is refusing us for now (our budget spent, or a wait too long for the
 * request's deadline): an apology sent the same way would only be refused too, so none is tried.
 */
export function isRateLimited(err: unknown): boolean {
  const e = err as { code?: unknown; name?: unknown } | undefined;
  return e?.code === 'RATE_LIMIT_BUDGET' || e?.name === 'RateLimitError';
}
