// Market data for the summary: a provider interface, and the per-run snapshot that asks the
// provider once per ticker and falls back to the last good quotes kept in the database.
import type { Logger } from '../ops/log.ts';
import { silentLogger } from '../ops/log.ts';
import { one, run, type SqlExecutor } from '../store/sql.ts';
import type { ListedHoliday } from './calendar.ts';

export interface Quote {
  symbol: string;
  price: number;
  change: number | null;
  changePercent: number | null;
  previousClose: number | null;
  /** The provider's time for this quote (last trade / close). */
  asOf: Date;
}

export type MarketErrorKind = 'timeout' | 'rate-limited' | 'http' | 'invalid' | 'no-data' | 'network' | 'provider';

export class MarketDataError extends Error {
  constructor(
    readonly kind: MarketErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'MarketDataError';
  }
}

export interface MarketDataProvider {
  /** Shown in citations ("Finnhub"). */
  readonly name: string;
  /** One request for one symbol; throws MarketDataError. */
  quote(symbol: string, signal?: AbortSignal): Promise<Quote>;
  /** The exchange's holidays and early closes as the provider lists them (one request); optional. */
  marketHolidays?(exchange: string, signal?: AbortSignal): Promise<ListedHoliday[]>;
}

export interface TickerQuote extends Quote {
  provider: string;
  /** True when it comes from the cache because the provider failed or is not configured. */
  stale: boolean;
  fetchedAt: Date;
}

export interface MarketSnapshot {
  /** Provider name, or undefined when none is configured. */
  provider: string | undefined;
  takenAt: Date;
  quotes: Map<string, TickerQuote>;
  /** Why a symbol has no live quote (it may still have a stale one). */
  failures: Map<string, MarketErrorKind | 'not-configured'>;
}

interface CacheRow {
  symbol: string;
  provider: string;
  price: number;
  change: number | null;
  change_percent: number | null;
  previous_close: number | null;
  as_of: number;
  fetched_at: number;
}

export class QuoteCache {
  constructor(private readonly db: SqlExecutor) {}

  async put(q: Quote, provider: string, fetchedAt: Date): Promise<void> {
    await run(
      this.db,
      `INSERT INTO quote_cache (symbol, provider, price, change, change_percent, previous_close, as_of, fetched_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (symbol) DO UPDATE SET provider = excluded.provider, price = excluded.price, change = excluded.change,
           change_percent = excluded.change_percent, previous_close = excluded.previous_close,
           as_of = excluded.as_of, fetched_at = excluded.fetched_at`,
      [q.symbol, provider, q.price, q.change, q.changePercent, q.previousClose, q.asOf.getTime(), fetchedAt.getTime()],
    );
  }

  async get(symbol: string): Promise<TickerQuote | undefined> {
    const r = await one<CacheRow>(this.db, 'SELECT * FROM quote_cache WHERE symbol = ?', [symbol]);
    if (!r) return undefined;
    return {
      symbol: r.symbol,
      price: r.price,
      change: r.change,
      changePercent: r.change_percent,
      previousClose: r.previous_close,
      asOf: new Date(r.as_of),
      provider: r.provider,
      stale: true,
      fetchedAt: new Date(r.fetched_at),
    };
  }
}

export interface MarketDataOptions {
  cache: QuoteCache;
  provider?: MarketDataProvider | undefined;
  now?: () => Date;
  logger?: Logger;
}

/** Failures that say the provider as a whole is unavailable, not just this symbol. */
const PROVIDER_DOWN = new Set<MarketErrorKind>(['timeout', 'rate-limited', 'http', 'network']);

export class MarketData {
  constructor(private readonly opts: MarketDataOptions) {}

  get providerName(): string | undefined {
    return this.opts.provider?.name;
  }

  /**
   * Quotes for the symbols: at most one provider request per distinct symbol, one at a time, and
   * none after the provider itself failed (timeout, unreachable, rate limit, HTTP error): the
   * remaining symbols go straight to the cache. Never throws.
   */
  async snapshot(symbols: readonly string[], signal?: AbortSignal): Promise<MarketSnapshot> {
    const now = this.opts.now ?? (() => new Date());
    const logger = this.opts.logger ?? silentLogger;
    const provider = this.opts.provider;
    const quotes = new Map<string, TickerQuote>();
    const failures = new Map<string, MarketErrorKind | 'not-configured'>();
    let down: MarketErrorKind | undefined;

    for (const symbol of new Set(symbols)) {
      if (!provider) {
        failures.set(symbol, 'not-configured');
        continue;
      }
      if (down || signal?.aborted) {
        failures.set(symbol, down ?? 'timeout');
        continue;
      }
      try {
        const q = await provider.quote(symbol, signal);
        const fetchedAt = now();
        quotes.set(symbol, { ...q, provider: provider.name, stale: false, fetchedAt });
        try {
          await this.opts.cache.put(q, provider.name, fetchedAt);
        } catch (err) {
          logger.warn({ err, symbol }, 'could not cache a quote');
        }
      } catch (err) {
        const kind = err instanceof MarketDataError ? err.kind : 'provider';
        if (PROVIDER_DOWN.has(kind)) down = kind;
        failures.set(symbol, kind);
        logger.warn({ symbol, provider: provider.name, kind, err: (err as Error).message }, 'live quote unavailable');
      }
    }

    for (const symbol of failures.keys()) {
      const cached = await this.opts.cache.get(symbol).catch(() => undefined);
      if (cached) quotes.set(symbol, cached);
    }
    return { provider: provider?.name, takenAt: now(), quotes, failures };
  }
}
