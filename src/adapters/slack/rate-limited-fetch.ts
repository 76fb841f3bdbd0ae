// The Web API client's `fetch` option (a public option of @slack/web-api): the global fetch, with
// 429s handled here, the same way as on Discord (transport/rate-limit.ts). @slack/web-api waits
// for a Retry-After *header* and then retries through its retry policy; a 429 without one failed
// at once, and one with it cost a retry of the whole policy. Here a 429 is waited out — for what
// the header or the JSON body's `retry_after` says, growing exponentially — and sent again within
// the request's budget; past it, the client gets a 429 with no Retry-After, which it reports as
// an error without retrying. A 429 means Slack did not process the request, so sending it again
// is safe, even for chat.postMessage.
import type { Logger } from '../../ops/log.ts';
import { backoffMs, DEFAULT_RETRY_BUDGET, retryAfterMs, type RetryBudget } from '../transport/rate-limit.ts';

type Fetch = typeof globalThis.fetch;

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function rateLimitedFetch(log: Logger, budget: RetryBudget = DEFAULT_RETRY_BUDGET, base: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    for (let n = 1; ; n++) {
      const res = await base(input, init);
      if (res.status !== 429) return res;
      const said = retryAfterMs(res.headers, await res.clone().text().catch(() => ''));
      const wait = backoffMs(n, said, budget);
      const method = String(input).split('/').pop();
      if (wait === undefined) {
        log.warn({ platform: 'slack', method, retries: n - 1, retryAfterMs: said }, 'slack: rate limited past the request’s budget; giving up on it');
        // No Retry-After: the Web API client reports the 429 without retrying it.
        return new Response(await res.text().catch(() => ''), { status: 429, statusText: res.statusText, headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' } });
      }
      log.warn({ platform: 'slack', method, attempt: n, waitMs: wait }, 'slack: rate limited (429); waiting before sending again');
      await sleep(wait, init?.signal);
    }
  };
}
