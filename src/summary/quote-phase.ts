// What a quote is, in market terms, at the moment it is shown: from the regular session under way,
// from pre-market or after-hours trading, or the last close; and how old it is. A quote older than
// the session it would describe is stale, and is never shown as live.
import type { MarketPhase, Session, TradingCalendar } from './calendar.ts';

export type QuotePhase = 'pre-market' | 'regular' | 'after-hours' | 'last-close';

export interface QuoteStatus {
  /** Where the price comes from; meaningful only when not stale. */
  phase: QuotePhase;
  /** The market's phase now. */
  market: MarketPhase;
  /** Age of the quote at `now`, ms (never negative). */
  ageMs: number;
  /** True when the quote predates the session it would describe (or came from the cache after a failure). */
  stale: boolean;
  /** The trading day the quote belongs to, when it belongs to one. */
  sessionDate?: string;
}

/** Where an instant falls in a session: before, pre-market, regular, after-hours, after. */
function within(s: Session, t: number): 'before' | 'pre-market' | 'regular' | 'after-hours' | 'after' {
  if (t < s.preOpen.getTime()) return 'before';
  if (t < s.open.getTime()) return 'pre-market';
  // Finnhub stamps the closing print at the close itself: it belongs to the regular session.
  if (t <= s.close.getTime()) return 'regular';
  if (t <= s.postClose.getTime()) return 'after-hours';
  return 'after';
}

/**
 * Classifies a quote taken at `asOf` as seen at `now`.
 * @param fromCache the quote was kept from an earlier run because the provider failed: stale whatever its time
 */
export function quoteStatus(calendar: TradingCalendar, asOf: Date, now: Date, fromCache = false): QuoteStatus {
  const ageMs = Math.max(0, now.getTime() - asOf.getTime());
  const { phase: market, session: today } = calendar.phaseAt(now);
  const t = asOf.getTime();
  const base = { market, ageMs };

  // During today's pre-market or regular session, today's prints are current.
  if (today && (market === 'pre-market' || market === 'regular')) {
    const where = within(today, t);
    if (where === 'regular' || where === 'pre-market') return { ...base, phase: where, stale: fromCache, sessionDate: today.date };
    if (market === 'regular') {
      // Before today's first print the last close is all there is; after the open it is old news.
      const last = calendar.lastSession(new Date(today.preOpen.getTime() - 1));
      return { ...base, phase: 'last-close', stale: true, ...(last ? { sessionDate: last.date } : {}) };
    }
  }
  if (today && market === 'after-hours') {
    const where = within(today, t);
    if (where === 'after-hours') return { ...base, phase: 'after-hours', stale: fromCache, sessionDate: today.date };
    if (where === 'regular') return { ...base, phase: 'last-close', stale: fromCache, sessionDate: today.date };
    return { ...base, phase: 'last-close', stale: true, sessionDate: today.date };
  }
  // Pre-market (no print yet today), or the market is closed: the last session's close is current.
  const last = calendar.lastSession(market === 'pre-market' && today ? new Date(today.preOpen.getTime() - 1) : now);
  if (!last) return { ...base, phase: 'last-close', stale: true };
  const where = within(last, t);
  if (where === 'regular') return { ...base, phase: 'last-close', stale: fromCache, sessionDate: last.date };
  if (where === 'after-hours') return { ...base, phase: 'after-hours', stale: fromCache, sessionDate: last.date };
  return { ...base, phase: 'last-close', stale: true, sessionDate: last.date };
}

/** "4 min", "2 h 5 min", "3 days" (English) / French equivalents: how old a quote is. */
export function formatAge(ms: number, lang: 'en' | 'fr'): string {
  const min = Math.floor(ms / 60_000);
  if (min < 1) return lang === 'fr' ? 'moins d’une minute' : 'under a minute';
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return lang === 'fr' ? `${d} jours` : `${d} days`;
}
