// The daily summary as a platform-neutral Reply: live (or stale) quotes of the deal's listed
// companies beside the moves recorded at the announcement, the next milestones, and what changed
// in the fact base since this channel's previous summary. Every item is cited; no number is made up.
import { citationOf, formatFigure, itemOf } from '../core/format.ts';
import { reply, type Reply, type ReplyItem } from '../core/reply.ts';
import type { FactBase } from '../facts/load.ts';
import type { Fact, Lang, Party, When } from '../facts/schema.ts';
import { exchangeOfTicker, type TradingCalendar } from './calendar.ts';
import { summaryChart } from './chart.ts';
import type { FactSnapshot } from './ledger.ts';
import type { MarketErrorKind, MarketSnapshot, TickerQuote } from './market.ts';
import { formatAge, quoteStatus, type QuoteStatus } from './quote-phase.ts';
import { defaultCalendarOf, type Calendars } from './schedule.ts';
import { formatDateTime, formatLongDate, percentSuffix, signed, formatNumber, summaryStrings } from './strings.ts';
import { localDate } from './time.ts';

/** At most this many items in a summary; the rest are counted in `omitted` (a platform holding fewer cuts again, counted once). */
export const MAX_SUMMARY_ITEMS = 25;
const MAX_UPCOMING = 5;
const MAX_CHANGES = 8;

export interface SummaryInput {
  base: FactBase;
  lang: Lang;
  now: Date;
  /** Timezone in which dates are shown (the subscription's). */
  timezone: string;
  market: MarketSnapshot;
  /**
   * For a channel: the fact base at its previous summary (undefined for its first one). Omit the
   * whole field when there is no channel (the CLI preview): no "what changed" section then.
   */
  changes?: { previous: FactSnapshot | undefined };
  /**
   * Exchange calendars: each quote then says its market phase (pre-market, regular, after-hours,
   * last close) and age, and the summary says when the deal's exchange is closed or closes early.
   */
  calendars?: Calendars;
  /** Why this summary went out on a day its calendar skips (`dealbot summary --post --force`). */
  forced?: string;
}

/**
 * Listed parties in fact-base order: the companies the summary covers. A deal's base holds the
 * shared parties of every deal, so only those the deal names (its parties, or one of its facts) count.
 */
export function tickerParties(base: FactBase): (Party & { ticker: string })[] {
  const listed = [...base.parties.values()].filter((p): p is Party & { ticker: string } => Boolean(p.ticker));
  if (!base.deal) return listed;
  const named = new Set([...base.deal.parties, ...base.facts.flatMap((f) => f.parties)]);
  return listed.filter((p) => named.has(p.id));
}

/** Last day a dated fact covers (YYYY-MM-DD); "onward" never ends. */
export function periodEnd(when: When): string {
  if (when.to) return when.to;
  const [y, m] = when.from.split('-').map(Number) as [number, number];
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  switch (when.precision) {
    case 'day':
      return when.from;
    case 'month':
      return lastDay(y, m);
    case 'quarter':
      return lastDay(y, Math.ceil(m / 3) * 3);
    case 'half':
      return lastDay(y, m <= 6 ? 6 : 12);
    case 'year':
      return `${y}-12-31`;
    case 'onward':
      return '9999-12-31';
  }
}

/** Dated facts whose period is not over by `today`, first to last (market moves are history). */
export function upcomingFacts(base: FactBase, today: string): Fact[] {
  return base.facts
    .map((f, i) => ({ f, i }))
    .filter((x) => x.f.when && x.f.kind !== 'market-move' && periodEnd(x.f.when) >= today)
    .sort((a, b) => a.f.when!.from.localeCompare(b.f.when!.from) || periodEnd(a.f.when!).localeCompare(periodEnd(b.f.when!)) || a.i - b.i)
    .map((x) => x.f);
}

/** The quote's market phase and age, when its exchange's calendar is known. */
function statusOf(ticker: string, q: TickerQuote, input: SummaryInput): QuoteStatus | undefined {
  const mic = exchangeOfTicker(ticker)?.mic;
  const calendar = mic ? input.calendars?.(mic) : undefined;
  return calendar ? quoteStatus(calendar, q.asOf, input.now, q.stale) : undefined;
}

function quoteItem(party: Party & { ticker: string }, q: TickerQuote, input: SummaryInput): ReplyItem {
  const { lang, timezone } = input;
  const s = summaryStrings[lang];
  const price = formatNumber(q.price, lang);
  const change = [
    q.change !== null ? signed(q.change, lang) : '',
    q.changePercent !== null ? `(${signed(q.changePercent, lang, percentSuffix(lang))})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const asOf = formatDateTime(q.asOf, lang, timezone);
  const status = statusOf(party.ticker, q, input);
  const stale = status ? status.stale : q.stale;
  let text: string;
  if (!status) text = q.stale ? s.stale(party.name, party.ticker, price, change, asOf) : s.live(party.name, party.ticker, price, change);
  else if (stale) text = s.staleQuote(party.name, party.ticker, price, change, asOf, formatAge(status.ageMs, lang));
  else text = s.phasedQuote(party.name, party.ticker, price, change, s.phase[status.phase], asOf, formatAge(status.ageMs, lang));
  return {
    text,
    figure: q.changePercent !== null ? signed(q.changePercent, lang, percentSuffix(lang)) : price,
    citation: {
      source: s.quoteSource(q.provider),
      detail: q.stale ? s.cachedQuote(formatDateTime(q.fetchedAt, lang, timezone)) : s.quoteAsOf(asOf),
      asOf: q.asOf.toISOString(),
    },
  };
}

function moveItem(party: Party & { ticker: string }, fact: Fact, base: FactBase, lang: Lang): ReplyItem {
  const s = summaryStrings[lang];
  const source = base.sources.get(fact.citation.source);
  // The move's date: the fact's own, else its source's publication date, else say it is not given.
  const when = fact.when?.label[lang] ?? source?.published ?? s.undated;
  return {
    factId: fact.id,
    text: s.atAnnouncement(party.name, party.ticker, fact.statement[lang]),
    ...(fact.figures[0] ? { figure: fact.figures.map((f) => formatFigure(f, lang)).join(' · ') } : {}),
    when,
    citation: citationOf(fact, base, lang),
  };
}

function joinNames(names: string[], lang: Lang): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${names.at(-1)}`;
}

function marketSection(input: SummaryInput): { intro: string; items: ReplyItem[]; lines: string[]; live: Set<string> } {
  const { base, lang, market } = input;
  const s = summaryStrings[lang];
  const items: ReplyItem[] = [];
  const noQuote: { name: string; reason: MarketErrorKind | 'not-configured' }[] = [];
  const noMove: string[] = [];
  const parties = tickerParties(base);
  let live = 0;
  let stale = 0;
  const liveTickers = new Set<string>();

  for (const party of parties) {
    const label = `${party.name} (${party.ticker})`;
    const q = market.quotes.get(party.ticker);
    if (q) {
      items.push(quoteItem(party, q, input));
      // A quote older than the session it would describe counts as stale, whatever its source.
      if (q.stale || statusOf(party.ticker, q, input)?.stale) stale++;
      else {
        live++;
        liveTickers.add(party.ticker);
      }
    }
    if (!q || q.stale) noQuote.push({ name: label, reason: market.failures.get(party.ticker) ?? 'not-configured' });
    const moves = base.facts.filter((f) => f.kind === 'market-move' && f.parties.includes(party.id));
    for (const move of moves) items.push(moveItem(party, move, base, lang));
    if (moves.length === 0) noMove.push(label);
  }

  const reasons = [...new Set(noQuote.map((n) => n.reason))];
  const why = reasons.map((r) => s.reason[r]).join('; ');
  let intro: string;
  if (parties.length > 0 && live === parties.length) intro = s.allLive(market.provider ?? '');
  else if (live > 0) intro = s.someLive(market.provider ?? '');
  else intro = s.noneLive(why || s.reason['not-configured']);
  if (stale > 0) intro += ` ${s.staleShown}`;

  const lines: string[] = [];
  // Only when some quotes came through: otherwise the intro already says why none did.
  if (live > 0 && noQuote.length > 0) {
    for (const reason of reasons) {
      lines.push(s.noQuote(joinNames(noQuote.filter((n) => n.reason === reason).map((n) => n.name), lang), s.reason[reason]));
    }
  }
  if (noMove.length > 0) lines.push(s.noMove(joinNames(noMove, lang)));
  return { intro, items, lines, live: liveTickers };
}

function changesSection(input: SummaryInput): { items: ReplyItem[]; lines: string[] } {
  if (!input.changes) return { items: [], lines: [] };
  const { base, lang, timezone } = input;
  const s = summaryStrings[lang];
  const previous = input.changes.previous;
  if (!previous) return { items: [], lines: [s.firstSummary] };
  if (previous.fingerprint === base.fingerprint) {
    return { items: [], lines: [s.noChange(formatDateTime(previous.postedAt, lang, timezone))] };
  }
  const changed: { fact: Fact; isNew: boolean }[] = [];
  for (const fact of base.facts) {
    const before = previous.factHashes[fact.id];
    if (before === undefined) changed.push({ fact, isNew: true });
    else if (before !== base.factHashes.get(fact.id)) changed.push({ fact, isNew: false });
  }
  const removed = Object.keys(previous.factHashes).filter((id) => !base.byId.has(id)).length;
  const items = changed.slice(0, MAX_CHANGES).map(({ fact, isNew }) => {
    const item = itemOf(fact, base, lang);
    return { ...item, text: isNew ? s.added(item.text) : s.changed(item.text) };
  });
  const lines: string[] = [];
  if (changed.length > MAX_CHANGES) lines.push(s.moreChanges(changed.length - MAX_CHANGES));
  if (removed > 0) lines.push(s.removed(removed));
  if (changed.length === 0 && removed === 0) lines.push(s.otherChange);
  return { items, lines };
}

/** A sentence about the deal's exchange today: closed (and why) or closing early; undefined on an ordinary day. */
function marketDay(input: SummaryInput): string | undefined {
  const calendar = input.calendars?.(defaultCalendarOf(input.base));
  if (!calendar) return undefined;
  const s = summaryStrings[input.lang];
  const day = calendar.day(calendar.dateOf(input.now));
  const name = calendar.exchange.name;
  if (day.closed?.reason === 'holiday') return s.closedHoliday(day.closed.name, name);
  if (day.closed?.reason === 'weekend') return s.closedWeekend(name);
  if (day.earlyClose) {
    const close = calendar.session(day.date)!.close;
    return s.earlyClose(name, formatDateTime(close, input.lang, input.timezone), day.earlyClose.name);
  }
  return undefined;
}

export function buildSummary(input: SummaryInput): Reply {
  const { base, lang, now, timezone } = input;
  const s = summaryStrings[lang];
  const market = marketSection(input);
  const upcoming = upcomingFacts(base, localDate(now, timezone)).slice(0, MAX_UPCOMING);
  const upcomingItems = upcoming.map((f) => {
    const item = itemOf(f, base, lang);
    return { ...item, text: s.upcoming(item.text) };
  });
  const changes = changesSection(input);
  const day = marketDay(input);
  const chart = summaryChart({ base, lang, now, timezone, market: input.market, live: market.live });

  const all = [...market.items, ...upcomingItems, ...changes.items];
  const items = all.slice(0, MAX_SUMMARY_ITEMS);
  return reply({
    kind: 'summary',
    lang,
    title: s.title(formatLongDate(now, lang, timezone)),
    intro: [day, market.intro].filter(Boolean).join(' '),
    items,
    omitted: all.length - items.length,
    lines: [
      ...(input.forced ? [s.forced(input.forced)] : []),
      ...market.lines,
      ...(upcoming.length === 0 ? [s.noUpcoming] : []),
      ...changes.lines,
    ],
    footer: s.footer,
    shareable: false,
    ...(chart ? { chart } : {}),
  });
}

/** The one-line post on an exchange holiday, for channels that asked for it. */
export function closedNotice(input: { lang: Lang; holiday: string; calendar: TradingCalendar; date: string; timezone: string }): Reply {
  const s = summaryStrings[input.lang];
  const next = input.calendar.nextTradingDay(input.date);
  const open = input.calendar.session(next)?.open;
  return reply({
    kind: 'notice',
    lang: input.lang,
    title: s.closedTitle,
    items: [],
    lines: [s.closedNotice(input.holiday, input.calendar.exchange.name, open ? formatDateTime(open, input.lang, input.timezone) : next)],
    shareable: false,
  });
}
