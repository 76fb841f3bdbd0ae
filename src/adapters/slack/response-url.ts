// Posts answers to a response_url with the core kept-alive JSON poster. Bolt's respond() does
// the same POST through the global fetch (a web-streams Request and Response per post), which
// cost as much CPU as computing the answer; a plain request does it for a fraction.
import type { RespondArguments } from '@slack/bolt';
import { postJson as post, postTarget, PostTimeoutError } from '../transport/http-post.ts';

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
  let status: number;
  try {
    ({ status } = await post(target, body, { timeoutMs }));
  } catch (err) {
    if (err instanceof PostTimeoutError) throw new Error('response_url did not answer in time', { cause: err });
    throw err;
  }
  if (status < 200 || status >= 300) throw new ResponseUrlError(status);
}
