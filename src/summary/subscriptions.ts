// Summary subscriptions, one per channel, kept in the database: the channel's times of day, its
// timezone and language, and the calendar it follows (an exchange's trading days, or calendar
// days in a work week).
import type { ChannelRef, SubscribeInput, Subscription, SubscriptionService, UpcomingPost } from '../core/command.ts';
import { Lang } from '../facts/schema.ts';
import { all, one, run, type SqlExecutor } from '../store/sql.ts';
import { ALL_DAYS, CALENDAR_DAYS, upcomingPosts, type Calendars } from './schedule.ts';
import { addDays, canonicalTimezone, dueInstant, localDate, parseTimeOfDay } from './time.ts';

interface Row {
  platform: string;
  channel_id: string;
  workspace: string | null;
  channel_name: string | null;
  times: string;
  timezone: string;
  lang: string;
  calendar: string;
  work_days: string;
  closed_notice: number;
  deal: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A subscription with when it last changed: a post is only due for times after that. */
export interface StoredSubscription extends Subscription {
  updatedAt: string;
}

/** At most this many times a day (one every 2 h 40 min on average): a summary is not a ticker. */
export const MAX_TIMES_A_DAY = 9;

function fromRow(r: Row): StoredSubscription {
  const times = r.times.split(',').filter(Boolean);
  return {
    channel: {
      platform: r.platform as ChannelRef['platform'],
      id: r.channel_id,
      ...(r.workspace !== null ? { workspace: r.workspace } : {}),
      ...(r.channel_name !== null ? { name: r.channel_name } : {}),
    },
    time: times[0] ?? '09:00',
    times,
    timezone: r.timezone,
    lang: Lang.catch('en').parse(r.lang),
    calendar: r.calendar,
    workDays: [...r.work_days].map(Number).filter((d) => d >= 1 && d <= 7),
    closedNotice: r.closed_notice === 1,
    ...(r.deal !== null && r.deal !== undefined ? { deal: r.deal } : {}),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The due instant of a time of day on a local date (DST-correct, see time.ts). */
export function dueOn(sub: Pick<Subscription, 'time' | 'timezone'>, date: string): Date {
  return dueInstant(date, sub.time, sub.timezone);
}

/** The next instant strictly after `after` at which any of the times comes round (calendar ignored). */
export function nextRunOf(sub: Pick<Subscription, 'timezone'> & { time: string; times?: string[] }, after: Date): Date {
  const today = localDate(after, sub.timezone);
  let best = Infinity;
  for (const time of sub.times ?? [sub.time]) {
    for (let i = 0; i < 3; i++) {
      const due = dueInstant(addDays(today, i), time, sub.timezone).getTime();
      if (due > after.getTime()) {
        best = Math.min(best, due);
        break;
      }
    }
  }
  return new Date(best);
}

/** Sorted, distinct, valid HH:MM times; throws RangeError naming a bad one. */
export function normalizeTimes(times: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of times) {
    const parsed = parseTimeOfDay(t);
    if (!parsed) throw new RangeError(`not a time of day: ${t}`);
    out.add(parsed);
  }
  if (out.size === 0) throw new RangeError('no time of day given');
  if (out.size > MAX_TIMES_A_DAY) throw new RangeError(`at most ${MAX_TIMES_A_DAY} times a day`);
  return [...out].sort();
}

export class SubscriptionStore implements SubscriptionService {
  constructor(
    private readonly db: SqlExecutor,
    private readonly now: () => Date = () => new Date(),
    /** Exchange calendars for next-post times (none: every calendar counts as calendar days). */
    private readonly calendars: Calendars = () => undefined,
  ) {}

  /**
   * Creates or replaces the channel's subscription. Without `calendar` it posts on calendar days
   * (`workDays`, default every day); `/deal subscribe` passes the deal's exchange.
   */
  async subscribe(input: SubscribeInput): Promise<StoredSubscription> {
    const times = normalizeTimes(input.times ?? [input.time ?? '09:00']);
    const timezone = canonicalTimezone(input.timezone);
    if (!timezone) throw new RangeError(`not an IANA timezone: ${input.timezone}`);
    const workDays = [...new Set(input.workDays ?? ALL_DAYS)].filter((d) => d >= 1 && d <= 7).sort();
    if (workDays.length === 0) throw new RangeError('a work week needs at least one day');
    const at = this.now().getTime();
    const c = input.channel;
    await run(
      this.db,
      `INSERT INTO subscriptions (platform, channel_id, workspace, channel_name, times, timezone, lang, calendar, work_days, closed_notice, deal, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET
         workspace = excluded.workspace, channel_name = COALESCE(excluded.channel_name, subscriptions.channel_name),
         times = excluded.times, timezone = excluded.timezone, lang = excluded.lang, calendar = excluded.calendar,
         work_days = excluded.work_days, closed_notice = excluded.closed_notice, deal = excluded.deal,
         created_by = excluded.created_by, updated_at = excluded.updated_at`,
      [
        c.platform,
        c.id,
        c.workspace ?? null,
        c.name ?? null,
        times.join(','),
        timezone,
        input.lang,
        input.calendar ?? CALENDAR_DAYS,
        workDays.join(''),
        input.closedNotice ? 1 : 0,
        input.deal ?? null,
        input.by,
        at,
        at,
      ],
    );
    return (await this.get(c))!;
  }

  async unsubscribe(channel: ChannelRef): Promise<boolean> {
    return (await run(this.db, 'DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?', [channel.platform, channel.id])) > 0;
  }

  async get(channel: ChannelRef): Promise<StoredSubscription | undefined> {
    const row = await one<Row>(this.db, 'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?', [channel.platform, channel.id]);
    return row ? fromRow(row) : undefined;
  }

  async list(): Promise<StoredSubscription[]> {
    return (await all<Row>(this.db, 'SELECT * FROM subscriptions ORDER BY created_at, platform, channel_id')).map(fromRow);
  }

  nextRun(sub: Subscription, after: Date): Date | undefined {
    return this.nextRuns(sub, after)[0]?.at;
  }

  nextRuns(sub: Subscription, after: Date): UpcomingPost[] {
    return upcomingPosts(sub, after, this.calendars);
  }
}
