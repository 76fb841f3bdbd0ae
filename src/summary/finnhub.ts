// Finnhub's /quote and /stock/market-holiday endpoints. Finnhub answers some errors with HTTP 200 and an {"error": …} body,
// and an unknown symbol with all zeros, so every body is validated before a number is believed.
import { z } from 'zod';
import type { ListedHoliday } from './calendar.ts';
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

// /stock/market-holiday?exchange=US: { data: [{ eventName, atDate, tradingHour: "" | "09:30-13:00" }], exchange, timezone }
const HolidayBody = z.object({
  data: z.array(z.object({ eventName: z.string(), atDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), tradingHour: z.string().nullable().optional() })),
});

export function createFinnhubProvider(opts: FinnhubOptions): MarketDataProvider {
  const base = (opts.baseUrl ?? 'https://finnhub.io/api/v1').replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 5000;
  const doFetch = opts.fetch ?? fetch;

  /** One GET; returns the parsed JSON or throws MarketDataError naming `what`. */
  async function get(path: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let res: Response;
    let text: string;
    try {
      // The token goes in a header, not the URL, so it never shows in a logged URL.
      res = await doFetch(`${base}${path}`, {
        headers: { 'X-Finnhub-Token': opts.token, accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await res.text();
    } catch (err) {
      if (timeout.aborted) throw new MarketDataError('timeout', `no answer from Finnhub within ${timeoutMs} ms for ${what}`);
      if (signal?.aborted) throw new MarketDataError('timeout', `request for ${what} cancelled`);
      throw new MarketDataError('network', `Finnhub unreachable for ${what}: ${(err as Error).message}`);
    }
    if (res.status === 429) throw new MarketDataError('rate-limited', `Finnhub rate limit reached (HTTP 429) for ${what}`);
    if (!res.ok) throw new MarketDataError('http', `Finnhub answered HTTP ${res.status} for ${what}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new MarketDataError('invalid', `Finnhub sent a body that is not JSON for ${what}`);
    }
    const error = ErrorBody.safeParse(json);
    if (error.success) throw new MarketDataError('provider', `Finnhub error for ${what}: ${error.data.error.slice(0, 200)}`);
    return json;
  }

  return {
    name: 'Finnhub',
    async quote(symbol: string, signal?: AbortSignal): Promise<Quote> {
      const json = await get(`/quote?symbol=${encodeURIComponent(symbol)}`, symbol, signal);
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
    async marketHolidays(exchange: string, signal?: AbortSignal): Promise<ListedHoliday[]> {
      const what = `the ${exchange} market holidays`;
      const body = HolidayBody.safeParse(await get(`/stock/market-holiday?exchange=${encodeURIComponent(exchange)}`, what, signal));
      if (!body.success) throw new MarketDataError('invalid', `unexpected Finnhub body for ${what}: ${body.error.issues[0]?.message ?? 'invalid'}`);
      return body.data.data.map((h) => ({
        date: h.atDate,
        name: h.eventName,
        tradingHours: h.tradingHour ? h.tradingHour : null,
        source: 'Finnhub',
      }));
    },
  };
}
