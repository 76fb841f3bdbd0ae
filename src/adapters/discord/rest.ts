// Discord's REST client as dealbot configures it, through @discordjs/rest's public options only.
//  - Requests go through the global fetch (`makeRequest`, as @discordjs/rest documents it): its
//    default undici strategy sends a multipart upload (a summary's chart PNG) through whatever
//    undici dispatcher is global, and once Slack's Socket Mode client has loaded undici 7 that is
//    one that cannot read the FormData ("action is not a function"): every Discord summary with a
//    chart failed in a process that also ran Slack.
//  - 429s: @discordjs/rest waits for a Retry-After *header*; a 429 carrying `retry_after` only in
//    its JSON body was retried at once, without end (thousands of POSTs a minute). Its
//    `makeRequest` option (the HTTP call it makes) is wrapped: a 429 gets the wait the body names
//    (or an exponential one) as its Retry-After, and a request refused more often than its budget
//    fails with RateLimitBudgetError instead of being tried again (transport/rate-limit.ts).
//  - Channel posts of summaries and alerts (postingRest): `retries: 0`. The client must never send
//    them again by itself after a timeout or a 5xx (the first may have landed); the ledger decides,
//    after looking in the channel (publisher.ts).
import { REST, type RESTOptions, type ResponseLike } from 'discord.js';
import type { Logger } from '../../ops/log.ts';
import { backoffMs, DEFAULT_RETRY_BUDGET, RateLimitBudgetError, retryAfterMs, type RetryBudget } from '../transport/rate-limit.ts';
import type { DiscordConfig } from './config.ts';

/** A response whose body was read already (to find `retry_after`), with a Retry-After header set. */
function withRetryAfter(res: ResponseLike, text: string, waitMs: number): ResponseLike {
  const headers = new Headers(res.headers);
  headers.set('retry-after', String(waitMs / 1000));
  return {
    body: null,
    bodyUsed: false,
    headers,
    ok: false,
    status: res.status,
    statusText: res.statusText,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
  };
}

/**
 * The REST `makeRequest` option: the global fetch, with 429s read from the header and the body
 * and retried within a budget. Consecutive 429s are counted per method and URL (one request and its
 * retries), and forgotten at the first other answer.
 */
export function rateLimitedRequests(log: Logger, budget: RetryBudget = DEFAULT_RETRY_BUDGET): RESTOptions['makeRequest'] {
  const streaks = new Map<string, number>();
  return async (url, init) => {
    const res = (await fetch(url, init as RequestInit)) as unknown as ResponseLike;
    const key = `${init.method ?? 'GET'} ${url}`;
    if (res.status !== 429) {
      streaks.delete(key);
      return res;
    }
    const text = await res.text().catch(() => '');
    const said = retryAfterMs(res.headers, text);
    const n = (streaks.get(key) ?? 0) + 1;
    const wait = backoffMs(n, said, budget);
    if (wait === undefined) {
      streaks.delete(key);
      log.warn({ platform: 'discord', method: init.method, retries: n - 1, retryAfterMs: said }, 'discord: rate limited past the request’s budget; giving up on it');
      throw new RateLimitBudgetError(n - 1, said);
    }
    streaks.set(key, n);
    return withRetryAfter(res, text, wait);
  };
}

/** The REST base options for a configuration (API URL override, rate-limit-aware requests). */
export function restOptions(config: DiscordConfig, log: Logger, extra: Partial<RESTOptions> = {}): Partial<RESTOptions> {
  return { ...(config.apiUrl ? { api: config.apiUrl } : {}), makeRequest: rateLimitedRequests(log), ...extra };
}

/** How long a summary or alert post may take before it counts as failed (its outcome then unknown): 15 s. */
export const POST_TIMEOUT_MS = 15_000;

/**
 * The REST client for scheduled channel posts: no retry by the client (a timed-out post may have
 * landed; the ledger looks before trying again), 429s waited out within the budget.
 */
export function postingRest(config: DiscordConfig, log: Logger, extra: Partial<RESTOptions> = {}): REST {
  return new REST(restOptions(config, log, { timeout: POST_TIMEOUT_MS, ...extra, retries: 0 })).setToken(config.token);
}
