// The trading calendar (holiday library, the provider's cached list, the early-close rule), the
// market phase at an instant, and each quote's phase and staleness.
import { describe, expect, it } from 'vitest';
import { TradingCalendar, XNYS, exchangeOfTicker, type ListedHoliday } from '../../src/summary/calendar.ts';
import { MarketHolidayStore, refreshHolidays } from '../../src/summary/market-holidays.ts';
import { MarketDataError, type MarketDataProvider } from '../../src/summary/market.ts';
import { formatAge, quoteStatus } from '../../src/summary/quote-phase.ts';
import { useTempDatabase } from './helpers.ts';

const nyse = new TradingCalendar(XNYS);
const at = (iso: string) => new Date(iso);

describe('TradingCalendar (NYSE/Nasdaq)', () => {
  it('skips weekends and the exchange’s holidays, by name, from the holiday library', () => {
    expect(nyse.day('2026-12-26')).toMatchObject({ open: false, closed: { reason: 'weekend' } });
    expect(nyse.day('2026-12-25')).toMatchObject({ open: false, closed: { reason: 'holiday', name: 'Christmas Day' }, source: 'nyse-holidays' });
    expect(nyse.day('2026-04-03')).toMatchObject({ open: false, closed: { reason: 'holiday', name: 'Good Friday' } });
    expect(nyse.day('2026-06-19')).toMatchObject({ open: false, closed: { reason: 'holiday', name: 'Juneteenth National Independence Day' } });
    // July 4th 2026 is a Saturday: observed on Friday the 3rd.
    expect(nyse.day('2026-07-03')).toMatchObject({ open: false, closed: { reason: 'holiday', name: 'Independence Day' } });
    // Columbus Day is a federal holiday the exchange trades on.
    expect(nyse.day('2026-10-12')).toMatchObject({ open: true });
    expect(nyse.day('2026-04-01')).toEqual({ date: '2026-04-01', open: true, source: 'nyse-holidays' });
  });

  it('knows early closes: 13:00 on the day after Thanksgiving, July 3 and Christmas Eve when they trade', () => {
    expect(nyse.day('2026-11-27')).toMatchObject({ open: true, earlyClose: { close: '13:00', name: 'Day after Thanksgiving' } });
    expect(nyse.day('2025-07-03')).toMatchObject({ open: true, earlyClose: { close: '13:00', name: 'Day before Independence Day' } });
    expect(nyse.day('2026-12-24')).toMatchObject({ open: true, earlyClose: { close: '13:00', name: 'Christmas Eve' } });
    expect(nyse.day('2027-12-24')).toMatchObject({ open: false, closed: { reason: 'holiday', name: 'Christmas Day' } }); // observed
    const s = nyse.session('2026-11-27')!;
    expect([s.open, s.close, s.postClose].map((d) => d.toISOString())).toEqual(['2026-11-27T14:30:00.000Z', '2026-11-27T18:00:00.000Z', '2026-11-27T22:00:00.000Z']);
  });

  it('reads the provider’s list first: a special closure and an early close with its own hours', () => {
    const listed: Record<string, ListedHoliday> = {
      '2025-01-09': { date: '2025-01-09', name: 'National Day of Mourning', tradingHours: null, source: 'Finnhub' },
      '2026-12-24': { date: '2026-12-24', name: 'Christmas Eve', tradingHours: '09:30-13:30', source: 'Finnhub' },
    };
    const cal = new TradingCalendar(XNYS, (d) => listed[d]);
    expect(nyse.day('2025-01-09').open).toBe(true); // no rule knows it
    expect(cal.day('2025-01-09')).toMatchObject({ open: false, closed: { reason: 'holiday', name: 'National Day of Mourning' }, source: 'Finnhub' });
    expect(cal.day('2026-12-24')).toMatchObject({ open: true, earlyClose: { close: '13:30' }, source: 'Finnhub' });
  });

  it('tells the market phase, DST included, and the last session', () => {
    expect(nyse.phaseAt(at('2026-04-01T12:00:00Z')).phase).toBe('pre-market'); // 08:00 EDT
    expect(nyse.phaseAt(at('2026-04-01T13:30:00Z')).phase).toBe('regular'); // 09:30 EDT
    expect(nyse.phaseAt(at('2026-04-01T20:00:00Z')).phase).toBe('after-hours'); // 16:00 EDT
    expect(nyse.phaseAt(at('2026-04-02T00:00:00Z')).phase).toBe('closed'); // 20:00 EDT
    expect(nyse.phaseAt(at('2026-01-05T14:30:00Z')).phase).toBe('regular'); // 09:30 EST
    expect(nyse.phaseAt(at('2026-11-27T18:30:00Z')).phase).toBe('after-hours'); // 13:30 after the early close
    expect(nyse.phaseAt(at('2026-12-25T15:00:00Z')).phase).toBe('closed');
    expect(nyse.lastSession(at('2026-12-28T12:00:00Z'))!.date).toBe('2026-12-24'); // Monday pre-market: Thursday's session
    expect(nyse.nextTradingDay('2026-12-25')).toBe('2026-12-28');
  });

  it('maps Finnhub-style tickers to their exchange', () => {
    expect(exchangeOfTicker('NVDA')).toBe(XNYS);
    expect(exchangeOfTicker('BRK-B')).toBe(XNYS);
    expect(exchangeOfTicker('MC.PA')).toBeUndefined();
  });
});

describe('quoteStatus', () => {
  const status = (asOf: string, now: string, cached = false) => quoteStatus(nyse, at(asOf), at(now), cached);

  it('labels a quote from the session under way, with its age', () => {
    expect(status('2026-04-01T14:28:00Z', '2026-04-01T14:32:00Z')).toMatchObject({ phase: 'regular', market: 'regular', stale: false, ageMs: 240_000, sessionDate: '2026-04-01' });
    expect(status('2026-04-01T12:15:00Z', '2026-04-01T12:20:00Z')).toMatchObject({ phase: 'pre-market', stale: false });
    expect(status('2026-04-01T21:00:00Z', '2026-04-01T21:05:00Z')).toMatchObject({ phase: 'after-hours', stale: false });
    expect(formatAge(240_000, 'en')).toBe('4 min');
    expect(formatAge(2 * 86_400_000 + 5, 'fr')).toBe('2 jours');
  });

  it('calls the last close what it is outside the session, over weekends and holidays', () => {
    expect(status('2026-04-01T20:00:00Z', '2026-04-01T20:30:00Z')).toMatchObject({ phase: 'last-close', market: 'after-hours', stale: false });
    expect(status('2026-04-02T20:00:00Z', '2026-04-04T15:00:00Z')).toMatchObject({ phase: 'last-close', market: 'closed', stale: false, sessionDate: '2026-04-02' }); // Easter Saturday: Thursday's close (Good Friday shut)
    expect(status('2026-12-24T18:00:00Z', '2026-12-25T15:00:00Z')).toMatchObject({ phase: 'last-close', stale: false, sessionDate: '2026-12-24' }); // early close
    expect(status('2026-03-31T20:00:00Z', '2026-04-01T12:00:00Z')).toMatchObject({ phase: 'last-close', market: 'pre-market', stale: false });
  });

  it('never shows as live a quote older than the session it would describe', () => {
    // Yesterday's close during today's session: stale.
    expect(status('2026-03-31T20:00:00Z', '2026-04-01T15:00:00Z')).toMatchObject({ stale: true, market: 'regular' });
    // Two sessions old on a closed day: stale.
    expect(status('2026-12-22T21:00:00Z', '2026-12-25T15:00:00Z')).toMatchObject({ stale: true });
    // Kept from the cache after a provider failure: stale whatever its time.
    expect(status('2026-04-01T14:28:00Z', '2026-04-01T14:32:00Z', true)).toMatchObject({ phase: 'regular', stale: true });
  });
});

describe('the provider’s holiday list, cached', () => {
  const temp = useTempDatabase();

  it('is fetched once a day, read by the calendar, and the library answers when the provider fails', async () => {
    let calls = 0;
    let down = false;
    const provider: MarketDataProvider = {
      name: 'Fake',
      quote: async () => {
        throw new MarketDataError('no-data', 'x');
      },
      marketHolidays: async (exchange) => {
        calls++;
        expect(exchange).toBe('US');
        if (down) throw new MarketDataError('timeout', 'slow');
        return [{ date: '2026-04-02', name: 'Special closure', tradingHours: null, source: 'Fake' }];
      },
    };
    const store = new MarketHolidayStore(temp.db);
    expect(await refreshHolidays(store, provider, XNYS, at('2026-04-01T10:00:00Z'))).toBe('fetched');
    expect(await refreshHolidays(store, provider, XNYS, at('2026-04-01T22:00:00Z'))).toBe('fresh');
    expect(calls).toBe(1);
    expect(store.calendar(XNYS).day('2026-04-02')).toMatchObject({ open: false, closed: { name: 'Special closure' } });
    down = true;
    expect(await refreshHolidays(store, provider, XNYS, at('2026-04-03T10:00:00Z'))).toBe('unavailable');
    expect(store.calendar(XNYS).day('2026-04-02').open).toBe(false); // the cached list still answers
    expect(store.calendar(XNYS).day('2026-12-25')).toMatchObject({ open: false, source: 'nyse-holidays' });
    expect(await refreshHolidays(store, undefined, XNYS, at('2026-04-03T10:00:00Z'))).toBe('unavailable');
  });
});
