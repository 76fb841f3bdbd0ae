// GET /healthz and GET /metrics. `healthHandler` works on any node:http server (the Slack HTTP
// receiver mounts it as custom routes); `startHealthServer` runs it on its own port.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FactBase } from '../facts/load.ts';
import { METRICS_CONTENT_TYPE } from './metrics.ts';

export interface HealthDeps {
  /** Each configured platform and whether it is connected right now (empty in console mode). */
  platforms: () => Record<string, boolean>;
  /** The fact base being served (every deal's facts, and its version); throwing or undefined means none is loaded. */
  engine: () => { base: Pick<FactBase, 'facts' | 'fingerprint' | 'loadedAt'> } | undefined;
  /** With several deals: each deal's id, facts and version. */
  deals?: () => { id: string; facts: number; fingerprint: string }[];
  /** ISO time of the last daily summary posted, if any. */
  lastSummaryPost?: () => string | undefined;
  /** The last fact reload attempt (from the fact watcher), if any. */
  lastReload?: () => { at: string; ok: boolean; problems: number } | undefined;
  /** Prometheus text for /metrics; without it /metrics answers 404. */
  metrics?: () => string;
  /** This replica's name and roles (several replicas on one store), shown as they are. */
  replica?: () => Record<string, unknown>;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  platforms: Record<string, boolean>;
  facts: number;
  fingerprint: string | null;
  loadedAt: string | null;
  lastSummaryPost: string | null;
  lastReload?: { at: string; ok: boolean; problems: number };
  /** Several deals: each one's facts and version (`facts` and `fingerprint` above are the whole base's). */
  deals?: { id: string; facts: number; fingerprint: string }[];
  replica?: Record<string, unknown>;
}

/** What /healthz says: ok only while every configured platform is connected and facts are loaded. */
export function healthReport(deps: HealthDeps): HealthReport {
  let platforms: Record<string, boolean>;
  try {
    platforms = { ...deps.platforms() };
  } catch {
    platforms = {};
  }
  let engine: ReturnType<HealthDeps['engine']>;
  try {
    engine = deps.engine();
  } catch {
    engine = undefined;
  }
  const base = engine?.base;
  const facts = base?.facts.length ?? 0;
  const lastReload = deps.lastReload?.();
  let replica: Record<string, unknown> | undefined;
  try {
    replica = deps.replica?.();
  } catch {
    replica = undefined;
  }
  const ok = facts > 0 && Object.values(platforms).every(Boolean);
  let deals: HealthReport['deals'];
  try {
    deals = deps.deals?.();
  } catch {
    deals = undefined;
  }
  return {
    status: ok ? 'ok' : 'unavailable',
    platforms,
    facts,
    fingerprint: base?.fingerprint ?? null,
    loadedAt: base?.loadedAt.toISOString() ?? null,
    lastSummaryPost: deps.lastSummaryPost?.() ?? null,
    ...(lastReload ? { lastReload } : {}),
    ...(deals && deals.length > 1 ? { deals } : {}),
    ...(replica ? { replica } : {}),
  };
}

export const HEALTH_PATHS = ['/healthz', '/metrics'] as const;

/**
 * A request handler for /healthz and /metrics. Returns false (and writes nothing) for any
 * other path, so it can sit in front of another handler on the same server.
 */
export function healthHandler(deps: HealthDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/metrics') return false;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return true;
    }
    if (path === '/healthz') {
      const report = healthReport(deps);
      const body = JSON.stringify(report);
      res.writeHead(report.status === 'ok' ? 200 : 503, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'content-length': Buffer.byteLength(body),
      });
      res.end(head ? undefined : body);
      return true;
    }
    if (!deps.metrics) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('no metrics\n');
      return true;
    }
    const body = deps.metrics();
    res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
    res.end(head ? undefined : body);
    return true;
  };
}

/** Bolt's `customRoutes` for HTTPReceiver, so Slack HTTP mode serves health on its own port. */
export function healthRoutes(deps: HealthDeps): { path: string; method: string[]; handler: (req: IncomingMessage, res: ServerResponse) => void }[] {
  const handle = healthHandler(deps);
  return HEALTH_PATHS.map((path) => ({ path, method: ['GET', 'HEAD'], handler: (req, res) => void handle(req, res) }));
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/** A route served besides the health endpoints (a platform's endpoint on PORT, e.g. Discord's interactions). */
export interface ExtraRoute {
  path: string;
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** Runs the health endpoints on their own port (HEALTH_PORT, or PORT with extra routes); anything else is a 404. */
export async function startHealthServer(deps: HealthDeps, opts: { port: number; host?: string; routes?: ExtraRoute[] }): Promise<HealthServer> {
  const handle = healthHandler(deps);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const extra = opts.routes?.find((r) => r.path === path);
    if (extra) return extra.handler(req, res);
    if (handle(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections(); // a scraper's keep-alive connection must not hold the shutdown
      }),
  };
}
