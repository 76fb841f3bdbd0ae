// The one HTTP server dealbot listens with (Slack's HTTP mode, Discord's Interactions Endpoint,
// /healthz and /metrics, on PORT and on HEALTH_PORT): exact routes, every request answered, and
// small bodies. Whatever the path — `/healthz/`, `/HEALTHZ`, `/metrics/../healthz` — a request
// gets the route's answer, 404, 405 or 413, never silence. A body declared larger than
// MAX_BODY_BYTES is refused before a byte of it is read, and a chunked one as soon as it passes
// the limit, so unauthenticated uploads cannot make the process buffer megabytes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The largest request body accepted, in bytes. Slack's and Discord's requests are a few KB; the
 * largest are button presses that carry the message the button sits on (measured in the tests:
 * the biggest message our renderers produce stays far below this).
 */
export const MAX_BODY_BYTES = 128 * 1024;

/**
 * A route: GET for /healthz and /metrics (HEAD too), POST for a platform's endpoint. The handler
 * must answer; the server answers 500 for one that throws.
 */
export interface HttpRoute {
  path: string;
  /** Default GET (and HEAD). */
  method?: 'GET' | 'POST';
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** A body over the limit (413 Payload Too Large). */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/**
 * 413, then the connection is cut: the rest of the body is never buffered (what arrives meanwhile
 * is read and dropped) and the socket is destroyed a second after the answer left. The answer is
 * written whole (its length is declared) but not ended: ended, Node would close the connection at
 * once when the client asked for `Connection: close`, with the upload unread, and that reset can
 * make the client lose the answer before reading it.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit = MAX_BODY_BYTES): void {
  setTimeout(() => req.socket.destroy(), 1000).unref();
  if (res.headersSent) return;
  const text = `request body too large (limit ${limit} bytes)\n`;
  res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), connection: 'close' });
  res.write(text);
}

/** The declared Content-Length is over `limit`. */
export function declaredTooLarge(req: IncomingMessage, limit = MAX_BODY_BYTES): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * Reads a request body up to `limit` bytes; rejects with BodyTooLargeError on the declared length
 * before reading, or as soon as a chunked body passes the limit (reading stops there).
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  if (declaredTooLarge(req, limit)) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        chunks.length = 0;
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

/** The request's path with dot segments resolved ("/metrics/../healthz" is "/healthz"), or undefined when unreadable. */
export function pathOf(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

/** Routes a request: the route's handler, or 400 / 404 / 405 / 413 with a short text. */
export function dispatch(routes: readonly HttpRoute[]): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = pathOf(req);
    if (path === undefined) return plain(res, 400, 'bad request\n');
    // Nothing is buffered for a body declared over the limit, whatever the path or method.
    if (declaredTooLarge(req)) return refuseTooLarge(req, res);
    const onPath = routes.filter((r) => r.path === path);
    if (onPath.length === 0) return plain(res, 404, 'not found\n');
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = onPath.find((r) => (r.method ?? 'GET') === method);
    if (!route) return plain(res, 405, 'method not allowed\n', { allow: [...new Set(onPath.map((r) => (r.method === 'POST' ? 'POST' : 'GET, HEAD')))].join(', ') });
    try {
      route.handler(req, res);
    } catch {
      plain(res, 500, 'internal error\n');
    }
  };
}

export interface HttpServer {
  readonly port: number;
  readonly server: Server;
  /** Stops listening; requests in progress get `graceMs` to finish, then every connection is closed. */
  close(graceMs?: number): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  /** Default all interfaces. */
  host?: string;
  routes: readonly HttpRoute[];
  /** A whole request (headers and body) must arrive within this time (default 30 s): a held connection is dropped. */
  requestTimeoutMs?: number;
}

/** Starts the server; rejects when the port cannot be listened on. */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer> {
  const server = createServer(dispatch(opts.routes));
  server.requestTimeout = opts.requestTimeoutMs ?? 30_000;
  server.headersTimeout = Math.min(server.requestTimeout, 15_000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    server,
    close: (graceMs = 1000) =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections(); // a scraper's or balancer's kept-alive connection must not hold the shutdown
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
      })),
  };
}
