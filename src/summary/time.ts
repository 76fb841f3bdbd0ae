// Wall-clock arithmetic in IANA timezones, DST included, with nothing but Intl.
//
// Why not croner's nextRun for the due time: the ledger needs "the due instant of local date D"
// (for catch-up and exactly-once per local date), and on a spring-forward day croner moves a
// 02:30 run to 03:30 while we promise "the next valid time", 03:00. Tests check that both agree
// on every ordinary day.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTime(at: Date | number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(typeof at === 'number' ? at : at.getTime())) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The wall time read as if it were UTC, in ms: lets us compare and subtract wall times. */
function naiveMs(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** UTC offset of the timezone at an instant, in ms (Paris in summer: +7_200_000). */
export function offsetMs(at: number, timeZone: string): number {
  const t = Math.floor(at / 1000) * 1000;
  return naiveMs(wallTime(t, timeZone)) - t;
}

/** Local calendar date (YYYY-MM-DD) of an instant in a timezone. */
export function localDate(at: Date | number, timeZone: string): string {
  const w = wallTime(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The first instant whose local wall time on `date` is at or after `time` (HH:MM).
 * Ordinary day: that exact time. Spring-forward gap (02:30 does not exist): the end of the gap,
 * e.g. 03:00. Fall-back overlap (01:30 happens twice): the first occurrence.
 */
export function dueInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const target = Date.UTC(y, m - 1, d, hh, mm);
  const day = 86_400_000;
  // A day holds at most one transition: the offsets a day either side bound every candidate.
  const offsets = [...new Set([offsetMs(target - day, timeZone), offsetMs(target, timeZone), offsetMs(target + day, timeZone)])];
  const exact = offsets
    .map((o) => target - o)
    .filter((t) => offsetMs(t, timeZone) === target - t)
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]!);

  // In a gap: the wall time is skipped; the answer is the transition instant itself.
  let lo = target - Math.max(...offsets); // wall time before target (old offset still applies)
  let hi = target - Math.min(...offsets); // wall time past the gap (new offset applies)
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (naiveMs(wallTime(mid, timeZone)) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Whether a string names a timezone this runtime knows; returns its canonical spelling. */
export function canonicalTimezone(name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(?:\/[A-Za-z0-9_+\-]+){0,2}$/.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Parses "9:00", "09:00", "9h", "21h30" into "HH:MM"; undefined when it is not a time of day. */
export function parseTimeOfDay(text: string): string | undefined {
  const m = /^(\d{1,2})(?::(\d{2})|[hH](\d{2})?)$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? m[3] ?? 0);
  if (h > 23 || min > 59) return undefined;
  return `${pad(h)}:${pad(min)}`;
}

/** Whether a word looks like a time attempt (so "25:00" is reported as a bad time, not an unknown word). */
export function looksLikeTime(text: string): boolean {
  return /^\d{1,2}(?:[:hH]\d{0,2})?$/.test(text.trim()) || /^\d{1,2}:\d+$/.test(text.trim());
}
