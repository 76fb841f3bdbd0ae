// Keeps every request to the market-data provider within its plan's rate limits, whoever makes
// it (the summary, the alert poller, the holiday refresh): a sliding window per limit. A request
// that would exceed a limit waits for room, up to `maxWaitMs`; past that it fails as
// 'rate-limited' instead of being sent (the provider would refuse it anyway, and count it).
//
// Finnhub's free plan: 60 API calls a minute, and 30 a second on every plan
// (https://finnhub.io/docs/api/rate-limit).
import type { Clock } from './clock.ts';
import { MarketDataError, type MarketDataProvider } from './market.ts';

export interface RateLimit {
  calls: number;
  perMs: number;
}

export const FINNHUB_FREE_LIMITS: readonly RateLimit[] = [
  { calls: 60, perMs: 60_000 },
  { calls: 30, perMs: 1_000 },
];

export class RequestBudget {
  private readonly sent: number[] = [];

  constructor(
    readonly limits: readonly RateLimit[],
    private readonly clock: Pick<Clock, 'now' | 'setTimeout'>,
    private readonly maxWaitMs = 10_000,
  ) {}

  /** How long until one more request fits every limit (0: now). */
  waitMs(now = this.clock.now().getTime()): number {
    const longest = Math.max(...this.limits.map((l) => l.perMs));
    while (this.sent.length && this.sent[0]! <= now - longest) this.sent.shift();
    let wait = 0;
    for (const l of this.limits) {
      const inWindow = this.sent.filter((t) => t > now - l.perMs);
      if (inWindow.length >= l.calls) wait = Math.max(wait, inWindow[inWindow.length - l.calls]! + l.perMs - now);
    }
    return wait;
  }

  /** Requests sent in the last `ms` (for tests and the README's numbers). */
  sentWithin(ms: number, now = this.clock.now().getTime()): number {
    return this.sent.filter((t) => t > now - ms).length;
  }

  /** Resolves when one more request may go out, and counts it; throws 'rate-limited' past maxWaitMs. */
  async take(what: string, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.waitMs();
      if (wait === 0) {
        this.sent.push(this.clock.now().getTime());
        return;
      }
      if (wait > this.maxWaitMs || signal?.aborted) {
        throw new MarketDataError('rate-limited', `${what} not sent: the provider's rate limit would be exceeded (room in ${Math.ceil(wait / 1000)} s)`);
      }
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, wait));
    }
  }
}

/** The provider, with every request counted against the budget first. */
export function withBudget(provider: MarketDataProvider, budget: RequestBudget): MarketDataProvider {
  const limited: MarketDataProvider = {
    name: provider.name,
    async quote(symbol, signal) {
      await budget.take(`the quote request for ${symbol}`, signal);
      return provider.quote(symbol, signal);
    },
  };
  if (provider.marketHolidays) {
    const holidays = provider.marketHolidays.bind(provider);
    limited.marketHolidays = async (exchange, signal) => {
      await budget.take(`the ${exchange} holiday request`, signal);
      return holidays(exchange, signal);
    };
  }
  return limited;
}
