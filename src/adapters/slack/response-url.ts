// Posts answers to a response_url with the core kept-alive JSON poster. Bolt's respond() does
// the same POST through the global fetch (a web-streams Request and Response per post), which
// cost as much CPU as computing the answer; a plain request does it for a fraction.
import type { RespondArguments } from '@slack/bolt';
import { postJson as post, postTarget, PostTimeoutError, type PostResult } from '../transport/http-post.ts';
import { backoffMs, retryAfterMs } from '../transport/rate-limit.ts';

/** What our handlers need of Bolt's respond(): post a message where the command came from. */
export type Respond = (message: RespondArguments) => Promise<unknown>;

/** A response_url answered with a non-2xx status (expired, rate limited…). */
export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`response_url answered ${status}`);
    this.name = 'ResponseUrlError';
  }
}

/** A respond() for one response_url (the URL itself is never logged: it is a credential). */
export function responder(url: string, timeoutMs = 10_000): Respond {
  return (message) => postJson(url, message, timeoutMs);
}

export async function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  let target;
  try {
    target = postTarget(url);
  } catch {
    throw new Error('response_url is not an http(s) URL');
  }
  for (let n = 1; ; n++) {
    let res: PostResult;
    try {
      res = await post(target, body, { timeoutMs });
    } catch (err) {
      if (err instanceof PostTimeoutError) throw new Error('response_url did not answer in time', { cause: err });
      throw err;
    }
    // A 429 was not taken: waited out (header or body), within the request's budget.
    const wait = res.status === 429 ? backoffMs(n, retryAfterMs(res.headers, res.errorBody)) : undefined;
    if (wait !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      continue;
    }
    if (res.status < 200 || res.status >= 300) throw new ResponseUrlError(res.status);
    return;
  }
}
