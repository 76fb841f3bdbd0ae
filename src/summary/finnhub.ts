// Finnhub's /quote endpoint. Finnhub answers some errors with HTTP 200 and an {"error": …} body,
// and an unknown symbol with all zeros, so every body is validated before a number is believed.
import { z } from 'zod';
import { MarketDataError, type MarketDataProvider, type Quote } from './market.ts';

const QuoteBody = z.object({
  c: z.number().finite(), // current price
  d: z.number().finite().nullable(), // change
  dp: z.number().finite().nullable(), // percent change
  pc: z.number().finite().nullable().optional(), // previous close
  t: z.number().int().nonnegative(), // unix seconds
});
const ErrorBody = z.object({ error: z.string() });

export interface FinnhubOptions {
  token: string;
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createFinnhubProvider(opts: FinnhubOptions): MarketDataProvider {
  const base = (opts.baseUrl ?? 'https://finnhub.io/api/v1').replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 5000;
  const doFetch = opts.fetch ?? fetch;

  return {
    name: 'Finnhub',
    async quote(symbol: string, signal?: AbortSignal): Promise<Quote> {
      const url = `${base}/quote?symbol=${encodeURIComponent(symbol)}`;
      const timeout = AbortSignal.timeout(timeoutMs);
      let res: Response;
      let text: string;
      try {
        // The token goes in a header, not the URL, so it never shows in a logged URL.
        res = await doFetch(url, {
          headers: { 'X-Finnhub-Token': opts.token, accept: 'application/json' },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        text = await res.text();
      } catch (err) {
        if (timeout.aborted) throw new MarketDataError('timeout', `no answer from Finnhub within ${timeoutMs} ms for ${symbol}`);
        if (signal?.aborted) throw new MarketDataError('timeout', `quote request for ${symbol} cancelled`);
        throw new MarketDataError('network', `Finnhub unreachable for ${symbol}: ${(err as Error).message}`);
      }
      if (res.status === 429) throw new MarketDataError('rate-limited', `Finnhub rate limit reached (HTTP 429) for ${symbol}`);
      if (!res.ok) throw new MarketDataError('http', `Finnhub answered HTTP ${res.status} for ${symbol}`);

      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new MarketDataError('invalid', `Finnhub sent a body that is not JSON for ${symbol}`);
      }
      const error = ErrorBody.safeParse(json);
      if (error.success) throw new MarketDataError('provider', `Finnhub error for ${symbol}: ${error.data.error.slice(0, 200)}`);
      const body = QuoteBody.safeParse(json);
      if (!body.success) throw new MarketDataError('invalid', `unexpected Finnhub quote body for ${symbol}: ${body.error.issues[0]?.message ?? 'invalid'}`);
      const q = body.data;
      // Finnhub's answer for a symbol it does not know: zeros everywhere, no time.
      if (q.c <= 0 || q.t === 0) throw new MarketDataError('no-data', `Finnhub has no quote for ${symbol}`);
      return {
        symbol,
        price: q.c,
        change: q.d,
        changePercent: q.dp,
        previousClose: q.pc ?? null,
        asOf: new Date(q.t * 1000),
      };
    },
  };
}
