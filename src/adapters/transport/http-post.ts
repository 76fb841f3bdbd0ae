// JSON POSTs with node:http(s) over kept-alive sockets, for the adapters' answer paths (Slack's
// response_url, Discord's interaction callbacks). Fetch-based clients (Bolt's respond(), undici
// behind @discordjs/rest) spend more CPU per request than computing a short answer; a plain
// request over a reused socket does it for a fraction. URLs are never put in errors: the ones
// posted to here carry credentials (response_url, interaction token).
import http from 'node:http';
import https from 'node:https';

// Idle sockets close after a few seconds (sooner if the server's Keep-Alive hint says so).
const IDLE_MS = 4_000;
const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
};

/** Where to post, parsed once (a parse per request costs as much as the rest of the request). */
export interface PostTarget {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: string;
  /** The Host header: the host as the URL writes it (IPv6 bracketed), with its port unless the default. */
  host: string;
  /** Path and query. */
  path: string;
}

export function postTarget(url: string | URL): PostTarget {
  const u = typeof url === 'string' ? new URL(url) : url;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not an http(s) URL');
  // WHATWG keeps IPv6 hosts bracketed; http.request wants them bare.
  return { protocol: u.protocol, hostname: u.hostname.replace(/^\[(.*)\]$/, '$1'), port: u.port, host: u.host, path: `${u.pathname}${u.search}` };
}

export interface PostOptions {
  /** Per attempt: no complete answer within this time fails the request. */
  timeoutMs: number;
  headers?: Record<string, string>;
}

export interface PostResult {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  /** The response body, read only when the status is not 2xx (an error's details). */
  errorBody?: string;
}

/** Thrown when the server does not answer within the timeout. */
export class PostTimeoutError extends Error {
  constructor() {
    super('the server did not answer in time');
    this.name = 'PostTimeoutError';
  }
}

/** POSTs `body` as JSON; resolves with the status whatever it is, rejects on network errors and timeouts. */
export async function postJson(target: PostTarget, body: unknown, opts: PostOptions): Promise<PostResult> {
  const payload = JSON.stringify(body);
  try {
    return await send(target, payload, opts);
  } catch (err) {
    // A kept-alive socket the server closed meanwhile: the request never reached it, send again once.
    if ((err as { reused?: boolean }).reused && (err as NodeJS.ErrnoException).code === 'ECONNRESET') return send(target, payload, opts);
    throw err;
  }
}

function headerList(target: PostTarget, extra: Record<string, string> | undefined, payload: string): string[] {
  const list = ['Host', target.host];
  for (const name in extra) list.push(name, extra[name]!);
  list.push('content-type', 'application/json', 'content-length', String(Buffer.byteLength(payload)));
  return list;
}

function send(target: PostTarget, payload: string, opts: PostOptions): Promise<PostResult> {
  const secure = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        method: 'POST',
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        agent: agents[target.protocol],
        // As a raw header list (name, value, …): node:http then writes it as given instead of
        // validating and storing each header (about 10 µs less per POST). It adds no Host then.
        headers: headerList(target, opts.headers, payload),
        timeout: opts.timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const result: PostResult = { status, statusText: res.statusMessage ?? '', headers: res.headers };
        if (status >= 200 && status < 300) {
          res.resume(); // the body is not needed; reading it frees the socket
        } else {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (text.length < 64_000) text += chunk;
          });
          result.errorBody = '';
          res.once('end', () => (result.errorBody = text));
        }
        res.once('end', () => resolve(result));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new PostTimeoutError()));
    req.once('error', (err) => reject(Object.assign(err, { reused: req.reusedSocket })));
    req.end(payload);
  });
}
