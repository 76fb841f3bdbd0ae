// Interaction callbacks POSTed with the core kept-alive poster instead of client.rest: the same
// request @discordjs/rest would make (URL from its api/version options, so DISCORD_API_URL applies;
// its User-Agent and extra headers; no bot token, the interaction token authenticates) and the
// same outcomes (retries, rate limits, DiscordAPIError / HTTPError), for about a quarter less CPU
// per interaction in bench/discord.ts (undici's dispatcher chain and the REST queue do not pay off
// for one small JSON POST that is never queued behind a bucket).
import { DefaultUserAgent, DiscordAPIError, HTTPError, RateLimitError, RESTEvents, Routes, type REST } from 'discord.js';
import { postJson, postTarget, PostTimeoutError, type PostResult } from '../transport/http-post.ts';
import { backoffMs, RateLimitBudgetError, retryAfterMs } from '../transport/rate-limit.ts';

/**
 * POSTs one interaction response body ({ type, data }); resolves once Discord accepted it.
 * `deadlineAt` (Date.now() time): past it Discord refuses the response, so a rate limit that
 * would end later fails at once instead of being waited out.
 */
export type InteractionCallback = (id: string, token: string, body: unknown, deadlineAt?: number) => Promise<void>;

const ROUTE = '/interactions/:id/:token/callback';

export function interactionCallbacks(rest: REST): InteractionCallback {
  const o = rest.options;
  const base = `${o.api}/v${o.version}`;
  const baseTarget = postTarget(base);
  const headers = { ...o.headers, 'User-Agent': `${DefaultUserAgent} ${o.userAgentAppendix}`.trim() };
  const offset = Math.max(0, typeof o.offset === 'number' ? o.offset : o.offset(ROUTE));

  return async (id, token, body, deadlineAt) => {
    const path = Routes.interactionCallback(id, token);
    const target = { ...baseTarget, path: `${baseTarget.path}${path}` };
    const url = `${base}${path}`; // for errors only; describeError masks the token
    const requestData = { body };
    let limited = 0; // 429s so far: waited out within the request's budget (transport/rate-limit.ts)
    for (let retries = 0; ; ) {
      let res: PostResult;
      try {
        res = await postJson(target, body, { timeoutMs: o.timeout, headers });
      } catch (err) {
        // Like @discordjs/rest: a timed-out or reset request is tried again while retries remain.
        if (retries < o.retries && (err instanceof PostTimeoutError || (err as NodeJS.ErrnoException).code === 'ECONNRESET')) {
          retries++;
          continue;
        }
        throw err;
      }
      const { status } = res;
      if (status === 429) {
        // The header, or only the JSON body's retry_after: either way, waited for.
        const said = retryAfterMs(res.headers, res.errorBody);
        const retryAfter = said === undefined ? 0 : said + offset;
        const global = res.headers['x-ratelimit-global'] !== undefined;
        const scope = (res.headers['x-ratelimit-scope'] as 'global' | 'shared' | 'user' | undefined) ?? 'user';
        const info = {
          global,
          method: 'POST',
          url,
          route: ROUTE,
          majorParameter: id,
          hash: `Global(POST:${ROUTE})`,
          limit: Number.POSITIVE_INFINITY,
          timeToReset: retryAfter,
          retryAfter,
          sublimitTimeout: 0,
          scope,
        };
        rest.emit(RESTEvents.RateLimited, info);
        const wait = backoffMs(++limited, Math.max(retryAfter, offset));
        if (wait === undefined) throw new RateLimitBudgetError(limited - 1, said);
        if (deadlineAt !== undefined && Date.now() + wait > deadlineAt) throw new RateLimitError(info);
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      if (status >= 500 && status < 600) {
        if (retries < o.retries) {
          retries++;
          continue;
        }
        throw new HTTPError(status, res.statusText, 'POST', url, requestData);
      }
      if (status >= 400 && status < 500) {
        const data = errorData(res);
        throw new DiscordAPIError(data, 'code' in data ? data.code : (data.error ?? ''), status, 'POST', url, requestData);
      }
      return;
    }
  };
}

type ErrorData = ConstructorParameters<typeof DiscordAPIError>[0];

/** Discord's JSON error ({ code, message, errors }), or an empty description when it sent none. */
function errorData(res: PostResult): ErrorData & { error?: string } {
  if (String(res.headers['content-type'] ?? '').startsWith('application/json')) {
    try {
      const data: unknown = JSON.parse(res.errorBody ?? '');
      if (data && typeof data === 'object') return data as ErrorData;
    } catch {
      // not JSON after all: fall through
    }
  }
  return { error: String(res.status) } as ErrorData & { error: string };
}
