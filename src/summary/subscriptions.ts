// Daily-summary subscriptions, one per channel, kept in the database.
import type { ChannelRef, Subscription, SubscriptionService } from '../core/command.ts';
import { Lang } from '../facts/schema.ts';
import type { Db } from '../store/db.ts';
import { addDays, canonicalTimezone, dueInstant, localDate, parseTimeOfDay } from './time.ts';

interface Row {
  platform: string;
  channel_id: string;
  workspace: string | null;
  channel_name: string | null;
  time: string;
  timezone: string;
  lang: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A subscription with when it last changed: a post is only due for times after that. */
export interface StoredSubscription extends Subscription {
  updatedAt: string;
}

function fromRow(r: Row): StoredSubscription {
  return {
    channel: {
      platform: r.platform as ChannelRef['platform'],
      id: r.channel_id,
      ...(r.workspace !== null ? { workspace: r.workspace } : {}),
      ...(r.channel_name !== null ? { name: r.channel_name } : {}),
    },
    time: r.time,
    timezone: r.timezone,
    lang: Lang.catch('en').parse(r.lang),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The due instant of a subscription on a local date (DST-correct, see time.ts). */
export function dueOn(sub: Pick<Subscription, 'time' | 'timezone'>, date: string): Date {
  return dueInstant(date, sub.time, sub.timezone);
}

/** The next post time strictly after `after`. */
export function nextRunOf(sub: Pick<Subscription, 'time' | 'timezone'>, after: Date): Date {
  const today = localDate(after, sub.timezone);
  for (let i = 0; i < 3; i++) {
    const due = dueOn(sub, addDays(today, i));
    if (due.getTime() > after.getTime()) return due;
  }
  return dueOn(sub, addDays(today, 3)); // unreachable: some day within three is ahead
}

export class SubscriptionStore implements SubscriptionService {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  subscribe(input: { channel: ChannelRef; time: string; timezone: string; lang: Lang; by: string }): StoredSubscription {
    const time = parseTimeOfDay(input.time);
    const timezone = canonicalTimezone(input.timezone);
    if (!time) throw new RangeError(`not a time of day: ${input.time}`);
    if (!timezone) throw new RangeError(`not an IANA timezone: ${input.timezone}`);
    const at = this.now().getTime();
    const c = input.channel;
    this.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel_id, workspace, channel_name, time, timezone, lang, created_by, created_at, updated_at)
         VALUES (@platform, @id, @workspace, @name, @time, @timezone, @lang, @by, @at, @at)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           workspace = excluded.workspace, channel_name = COALESCE(excluded.channel_name, channel_name),
           time = excluded.time, timezone = excluded.timezone, lang = excluded.lang,
           created_by = excluded.created_by, updated_at = excluded.updated_at`,
      )
      .run({ platform: c.platform, id: c.id, workspace: c.workspace ?? null, name: c.name ?? null, time, timezone, lang: input.lang, by: input.by, at });
    return this.get(c)!;
  }

  unsubscribe(channel: ChannelRef): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(channel.platform, channel.id).changes > 0;
  }

  get(channel: ChannelRef): StoredSubscription | undefined {
    const row = this.db
      .prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?')
      .get(channel.platform, channel.id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  list(): StoredSubscription[] {
    return (this.db.prepare('SELECT * FROM subscriptions ORDER BY created_at, platform, channel_id').all() as Row[]).map(fromRow);
  }

  nextRun(sub: Subscription, after: Date): Date {
    return nextRunOf(sub, after);
  }
}
