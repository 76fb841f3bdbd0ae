// Posts answers to a response_url with node:http(s) over kept-alive sockets. Bolt's respond()
// does the same POST through the global fetch (a web-streams Request and Response per post),
// which cost as much CPU as computing the answer; a plain request does it for a fraction.
import http from 'node:http';
import https from 'node:https';
import type { RespondArguments } from '@slack/bolt';

/** What our handlers need of Bolt's respond(): post a message where the command came from. */
export type Respond = (message: RespondArguments) => Promise<unknown>;

/** A response_url answered with a non-2xx status (expired, rate limited…). */
export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`response_url answered ${status}`);
    this.name = 'ResponseUrlError';
  }
}

// Idle sockets close after a few seconds (sooner if the server's Keep-Alive hint says so).
const IDLE_MS = 4_000;
const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
};

/** A respond() for one response_url (the URL itself is never logged: it is a credential). */
export function responder(url: string, timeoutMs = 10_000): Respond {
  return (message) => postJson(url, message, timeoutMs);
}

export async function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('response_url is not an http(s) URL');
  const payload = JSON.stringify(body);
  try {
    await send(target, payload, timeoutMs);
  } catch (err) {
    // A kept-alive socket the server closed meanwhile: the request never reached it, send again once.
    if ((err as { reused?: boolean }).reused && (err as NodeJS.ErrnoException).code === 'ECONNRESET') await send(target, payload, timeoutMs);
    else throw err;
  }
}

function send(target: URL, payload: string, timeoutMs: number): Promise<void> {
  const secure = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      target,
      {
        method: 'POST',
        agent: agents[secure ? 'https:' : 'http:'],
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        timeout: timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume(); // the body (usually "ok") is not needed; reading it frees the socket
        res.once('end', () => (status >= 200 && status < 300 ? resolve() : reject(new ResponseUrlError(status))));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error('response_url did not answer in time')));
    req.once('error', (err) => reject(Object.assign(err, { reused: req.reusedSocket })));
    req.end(payload);
  });
}
