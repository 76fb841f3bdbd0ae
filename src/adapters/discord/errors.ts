// Error details fit for a log line: REST URLs carry interaction and webhook tokens, so they are
// masked (with the logger's own rule: these details also reach error messages outside the logs).
import { maskUrlCredentials as maskUrl } from '../../ops/log.ts';

export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: maskUrl(String(err)) };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    error: maskUrl(e.message),
    name: e.name,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(typeof e.url === 'string' ? { url: maskUrl(e.url) } : {}),
    ...(e.stack ? { stack: maskUrl(e.stack) } : {}),
  };
}
