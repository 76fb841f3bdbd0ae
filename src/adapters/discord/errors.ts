// Error details fit for a log line: REST URLs carry interaction and webhook tokens, so they are masked.
export function maskUrl(url: string): string {
  return url
    .replace(/(\/interactions\/\d+\/)[^/?#]+/g, '$1[token]')
    .replace(/(\/webhooks\/\d+\/)[^/?#]+/g, '$1[token]');
}

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
