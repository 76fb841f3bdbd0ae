// When a subscription posts: its times on each local date, and whether a date is a posting day
// under its calendar (an exchange's trading days, or calendar days in a chosen work week).
import type { ChannelRef, UpcomingPost } from '../core/command.ts';
import type { FactBase } from '../facts/load.ts';
import { EXCHANGES, exchangeOfTicker, isoWeekday, type TradingCalendar, type TradingDay } from './calendar.ts';
import { addDays, dueInstant, localDate } from './time.ts';

export interface Schedule {
  channel?: ChannelRef;
  times: string[];
  timezone: string;
  calendar: string;
  workDays: number[];
  closedNotice: boolean;
}

/** Calendar value for calendar days (no exchange). */
export const CALENDAR_DAYS = 'days';
export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

/** The exchange of the deal's main listed party (the first party with a ticker), if we know its calendar. */
export function defaultCalendarOf(base: FactBase): string {
  // The deal's main listed party: the first of its parties with a ticker, else the first listed party.
  const own = base.deal?.parties.map((id) => base.parties.get(id)).find((p) => p?.ticker);
  const main = own ?? [...base.parties.values()].find((p) => p.ticker && (!base.deal || base.facts.some((f) => f.parties.includes(p.id))));
  return (main?.ticker && exchangeOfTicker(main.ticker)?.mic) || CALENDAR_DAYS;
}

export type Calendars = (mic: string) => TradingCalendar | undefined;

/** What a slot does on its day. */
export type SlotPlan =
  | { kind: 'post'; day?: TradingDay }
  | { kind: 'notice'; holiday: string; day: TradingDay }
  | { kind: 'skip'; why: 'weekend' | 'holiday' | 'work-week'; holiday?: string };

export interface Slot {
  /** Ledger key: local date and time, "2026-04-01 09:00". */
  slot: string;
  date: string;
  time: string;
  due: Date;
}

export function slotsOn(schedule: Pick<Schedule, 'times' | 'timezone'>, date: string): Slot[] {
  return schedule.times.map((time) => ({ slot: `${date} ${time}`, date, time, due: dueInstant(date, time, schedule.timezone) }));
}

/**
 * The plan for one slot. With an exchange calendar, the trading day is the exchange's date at the
 * slot's instant (a 07:00 Tokyo post describes the New York session of the evening before). The
 * closed-market notice goes out once a day, at the first time.
 */
export function planSlot(schedule: Schedule, slot: Slot, calendars: Calendars): SlotPlan {
  if (schedule.calendar === CALENDAR_DAYS) {
    return schedule.workDays.includes(isoWeekday(slot.date)) ? { kind: 'post' } : { kind: 'skip', why: 'work-week' };
  }
  const calendar = calendars(schedule.calendar);
  if (!calendar) return { kind: 'post' }; // an exchange we have no calendar for: calendar days
  const day = calendar.day(calendar.dateOf(slot.due));
  if (day.open) return { kind: 'post', day };
  if (day.closed?.reason === 'weekend') return { kind: 'skip', why: 'weekend' };
  const holiday = day.closed?.reason === 'holiday' ? day.closed.name : '';
  if (schedule.closedNotice && slot.time === schedule.times[0]) return { kind: 'notice', holiday, day };
  return { kind: 'skip', why: 'holiday', holiday };
}

/** The next post of each time strictly after `after` (skipped days passed over; 30 days ahead at most). */
export function upcomingPosts(schedule: Schedule, after: Date, calendars: Calendars): UpcomingPost[] {
  const today = localDate(after, schedule.timezone);
  const out: UpcomingPost[] = [];
  for (const time of schedule.times) {
    for (let i = 0; i < 30; i++) {
      const date = addDays(today, i);
      const [slot] = slotsOn({ times: [time], timezone: schedule.timezone }, date);
      if (!slot || slot.due.getTime() <= after.getTime()) continue;
      const plan = planSlot(schedule, slot, calendars);
      if (plan.kind === 'skip') continue;
      out.push({
        time,
        at: slot.due,
        ...(plan.kind === 'notice' ? { notice: plan.holiday } : {}),
        ...(plan.kind === 'post' && plan.day?.earlyClose ? { earlyClose: plan.day.earlyClose.close } : {}),
      });
      break;
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The calendars the summary knows, read through the provider's cached holiday list. */
export function calendarsFrom(get: (mic: string) => TradingCalendar): Calendars {
  return (mic) => (EXCHANGES[mic] ? get(mic) : undefined);
}
