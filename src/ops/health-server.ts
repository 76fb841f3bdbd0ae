// GET /healthz and GET /metrics as routes of the HTTP server (http-server.ts): mounted on PORT
// with the platforms' endpoints, or on HEALTH_PORT alone. /healthz is 200 only while everything
// the bot needs works: every configured platform connected, a fact base served, and each check
// (the store can be written, fact reload is not stuck or held) passing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FactBase } from '../facts/load.ts';
import { startHttpServer, type HttpRoute, type HttpServer } from './http-server.ts';
import { METRICS_CONTENT_TYPE } from './metrics.ts';

/** One thing /healthz checks besides the platforms: `ok` false makes it 503; the rest is shown as it is. */
export interface CheckResult {
  ok: boolean;
  [detail: string]: unknown;
}

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
  /** Named checks (store, facts): any not ok makes /healthz 503. */
  checks?: Record<string, () => CheckResult>;
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
  checks?: Record<string, CheckResult>;
  replica?: Record<string, unknown>;
}

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** What /healthz says: ok only while every configured platform is connected, facts are loaded and every check passes. */
export function healthReport(deps: HealthDeps): HealthReport {
  const platforms = attempt(() => ({ ...deps.platforms() }), {} as Record<string, boolean>);
  const engine = attempt(() => deps.engine(), undefined);
  const base = engine?.base;
  const facts = base?.facts.length ?? 0;
  const lastReload = deps.lastReload?.();
  const replica = attempt(() => deps.replica?.(), undefined);
  const checks = deps.checks
    ? Object.fromEntries(Object.entries(deps.checks).map(([name, check]) => [name, attempt(check, { ok: false, error: 'check failed' } as CheckResult)]))
    : undefined;
  const ok = facts > 0 && Object.values(platforms).every(Boolean) && Object.values(checks ?? {}).every((c) => c.ok);
  const deals = attempt(() => deps.deals?.(), undefined);
  return {
    status: ok ? 'ok' : 'unavailable',
    platforms,
    facts,
    fingerprint: base?.fingerprint ?? null,
    loadedAt: base?.loadedAt.toISOString() ?? null,
    lastSummaryPost: deps.lastSummaryPost?.() ?? null,
    ...(lastReload ? { lastReload } : {}),
    ...(deals && deals.length > 1 ? { deals } : {}),
    ...(checks ? { checks } : {}),
    ...(replica ? { replica } : {}),
  };
}

export const HEALTH_PATHS = ['/healthz', '/metrics'] as const;

function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** /healthz and /metrics (GET and HEAD): each always answers. */
export function healthRoutes(deps: HealthDeps): HttpRoute[] {
  return [
    {
      path: '/healthz',
      handler: (req, res) => {
        const report = healthReport(deps);
        send(req, res, report.status === 'ok' ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(report));
      },
    },
    {
      path: '/metrics',
      handler: (req, res) => {
        if (!deps.metrics) return send(req, res, 404, 'text/plain; charset=utf-8', 'no metrics\n');
        send(req, res, 200, METRICS_CONTENT_TYPE, attempt(deps.metrics, '# metrics unavailable\n'));
      },
    },
  ];
}

export type HealthServer = HttpServer;

/** Runs the health endpoints (and `routes`, e.g. a platform's endpoint on PORT) on their own port; anything else is a 404. */
export async function startHealthServer(deps: HealthDeps, opts: { port: number; host?: string; routes?: readonly HttpRoute[] }): Promise<HealthServer> {
  return startHttpServer({ port: opts.port, ...(opts.host ? { host: opts.host } : {}), routes: [...healthRoutes(deps), ...(opts.routes ?? [])] });
}
