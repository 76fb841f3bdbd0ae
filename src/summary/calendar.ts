// Exchange trading calendar: which days an exchange trades, its sessions (pre-market, regular,
// after-hours) and its early closes, in the exchange's own timezone.
//
// Sources, in order of authority:
//  1. the data provider's holiday list for the exchange (Finnhub /stock/market-holiday), cached
//     in the database: it names special closures and gives early-close hours;
//  2. the `nyse-holidays` library (the NYSE's full-day closure rules, back to 1885), for any date
//     the provider's list does not cover (no token, offline, far ahead);
//  3. the NYSE's published early-close rule (1 p.m. on the day before Independence Day, the day
//     after Thanksgiving and Christmas Eve, when those are trading days), for the same dates.
// NYSE and Nasdaq share one holiday calendar and one session schedule, so XNYS stands for both.
import { getHolidays } from 'nyse-holidays';
import { addDays, dueInstant, localDate, wallTime } from './time.ts';

export interface Exchange {
  /** ISO 10383 market identifier (MIC). */
  mic: string;
  /** What users read ("NYSE/Nasdaq"). */
  name: string;
  timezone: string;
  /** Local HH:MM times of the sessions. */
  preOpen: string;
  open: string;
  close: string;
  earlyClose: string;
  postClose: string;
  /** The exchange code Finnhub uses for its market-holiday endpoint. */
  finnhub: string;
}

export const XNYS: Exchange = {
  mic: 'XNYS',
  name: 'NYSE/Nasdaq',
  timezone: 'America/New_York',
  preOpen: '04:00',
  open: '09:30',
  close: '16:00',
  earlyClose: '13:00',
  postClose: '20:00',
  finnhub: 'US',
};

export const EXCHANGES: Record<string, Exchange> = { XNYS };

/** The exchange of a ticker as Finnhub writes it: no suffix is a US listing; others are not supported yet. */
export function exchangeOfTicker(ticker: string): Exchange | undefined {
  return /^[A-Z][A-Z0-9-]*$/.test(ticker) ? XNYS : undefined;
}

/** A holiday or early close as a provider lists it; `tradingHours` null = closed all day. */
export interface ListedHoliday {
  date: string;
  name: string;
  tradingHours: string | null;
  source: string;
}

export interface TradingDay {
  date: string; // YYYY-MM-DD, exchange local
  open: boolean;
  /** Why it does not trade. */
  closed?: { reason: 'weekend' } | { reason: 'holiday'; name: string };
  /** A shortened regular session. */
  earlyClose?: { close: string; name: string };
  /** Where the answer comes from ("Finnhub", "nyse-holidays", "NYSE early-close rule", "weekend"). */
  source: string;
}

export interface Session {
  date: string;
  preOpen: Date;
  open: Date;
  close: Date;
  postClose: Date;
  earlyClose?: { close: string; name: string };
}

export type MarketPhase = 'pre-market' | 'regular' | 'after-hours' | 'closed';

const isoWeekday = (date: string): number => {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

export { isoWeekday };

/** The NYSE's full-day closures of a year, from the library (cached: the rules never change). */
const libraryYears = new Map<number, Map<string, string>>();
function libraryHolidays(year: number): Map<string, string> {
  let m = libraryYears.get(year);
  if (!m) {
    m = new Map(getHolidays(year).map((h) => [h.dateString, h.name === 'New Years Day' ? 'New Year’s Day' : h.name]));
    libraryYears.set(year, m);
  }
  return m;
}

export class TradingCalendar {
  /**
   * @param exchange the exchange whose days and sessions this answers for
   * @param listed the provider's holiday list (by date); consulted first for each date
   */
  constructor(
    readonly exchange: Exchange,
    private readonly listed: (date: string) => ListedHoliday | undefined = () => undefined,
  ) {}

  day(date: string): TradingDay {
    const weekday = isoWeekday(date);
    if (weekday >= 6) return { date, open: false, closed: { reason: 'weekend' }, source: 'weekend' };
    const listed = this.listed(date);
    if (listed) {
      if (listed.tradingHours === null) return { date, open: false, closed: { reason: 'holiday', name: listed.name }, source: listed.source };
      const close = /-(\d{2}:\d{2})$/.exec(listed.tradingHours)?.[1];
      // A listed day with ordinary hours (some providers list bank holidays the market trades on).
      if (!close || close >= this.exchange.close) return { date, open: true, source: listed.source };
      return { date, open: true, earlyClose: { close, name: listed.name }, source: listed.source };
    }
    const holiday = this.exchange.mic === 'XNYS' ? libraryHolidays(Number(date.slice(0, 4))).get(date) : undefined;
    if (holiday) return { date, open: false, closed: { reason: 'holiday', name: holiday }, source: 'nyse-holidays' };
    const early = this.earlyCloseRule(date);
    if (early) return { date, open: true, earlyClose: { close: this.exchange.earlyClose, name: early }, source: 'NYSE early-close rule' };
    return { date, open: true, source: 'nyse-holidays' };
  }

  /** NYSE: 1 p.m. close on July 3, the day after Thanksgiving and December 24 when they trade. */
  private earlyCloseRule(date: string): string | undefined {
    if (this.exchange.mic !== 'XNYS') return undefined;
    const md = date.slice(5);
    const year = Number(date.slice(0, 4));
    if (md === '07-03') return 'Day before Independence Day';
    if (md === '12-24') return 'Christmas Eve';
    const thanksgiving = [...libraryHolidays(year)].find(([, name]) => name === 'Thanksgiving Day')?.[0];
    if (thanksgiving && addDays(thanksgiving, 1) === date) return 'Day after Thanksgiving';
    return undefined;
  }

  /** The sessions of a trading day as instants; undefined when the exchange does not trade. */
  session(date: string): Session | undefined {
    const day = this.day(date);
    if (!day.open) return undefined;
    const at = (time: string) => dueInstant(date, time, this.exchange.timezone);
    const close = day.earlyClose?.close ?? this.exchange.close;
    // After an early close the after-hours session ends earlier too (NYSE: 17:00).
    const postClose = day.earlyClose ? addMinutes(close, 240) : this.exchange.postClose;
    return {
      date,
      preOpen: at(this.exchange.preOpen),
      open: at(this.exchange.open),
      close: at(close),
      postClose: at(postClose),
      ...(day.earlyClose ? { earlyClose: day.earlyClose } : {}),
    };
  }

  /** The exchange-local date of an instant. */
  dateOf(at: Date): string {
    return localDate(at, this.exchange.timezone);
  }

  /** Which session the market is in at an instant, and that trading day's session if it has one. */
  phaseAt(at: Date): { phase: MarketPhase; date: string; session?: Session } {
    const date = this.dateOf(at);
    const session = this.session(date);
    if (!session) return { phase: 'closed', date };
    const t = at.getTime();
    const phase: MarketPhase =
      t < session.preOpen.getTime() ? 'closed'
      : t < session.open.getTime() ? 'pre-market'
      : t < session.close.getTime() ? 'regular'
      : t < session.postClose.getTime() ? 'after-hours'
      : 'closed';
    return { phase, date, session };
  }

  /** The last regular session that had opened by `at` (today's once it opened); searches 15 days back. */
  lastSession(at: Date): Session | undefined {
    let date = this.dateOf(at);
    for (let i = 0; i < 15; i++, date = addDays(date, -1)) {
      const s = this.session(date);
      if (s && s.open.getTime() <= at.getTime()) return s;
    }
    return undefined;
  }

  /** The next trading day on or after `date`. */
  nextTradingDay(date: string): string {
    let d = date;
    for (let i = 0; i < 15 && !this.day(d).open; i++) d = addDays(d, 1);
    return d;
  }
}

function addMinutes(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = Math.min(23 * 60 + 59, h * 60 + m + minutes);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Hours and minutes of an instant in the exchange's timezone ("16:00"). */
export function clockTime(at: Date, timeZone: string): string {
  const w = wallTime(at, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}
