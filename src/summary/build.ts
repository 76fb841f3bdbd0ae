// The daily summary as a platform-neutral Reply: live (or stale) quotes of the deal's listed
// companies beside the moves recorded at the announcement, the next milestones, and what changed
// in the fact base since this channel's previous summary. Every item is cited; no number is made up.
import { citationOf, formatFigure, itemOf } from '../core/format.ts';
import { reply, type Reply, type ReplyItem } from '../core/reply.ts';
import type { FactBase } from '../facts/load.ts';
import type { Fact, Lang, Party, When } from '../facts/schema.ts';
import type { FactSnapshot } from './ledger.ts';
import type { MarketErrorKind, MarketSnapshot, TickerQuote } from './market.ts';
import { formatDateTime, formatLongDate, percentSuffix, signed, formatNumber, summaryStrings } from './strings.ts';
import { localDate } from './time.ts';

/** Keeps the summary within what every renderer shows (Discord: 25 fields). */
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
}

/** Listed parties in fact-base order: the companies the summary covers. */
export function tickerParties(base: FactBase): (Party & { ticker: string })[] {
  return [...base.parties.values()].filter((p): p is Party & { ticker: string } => Boolean(p.ticker));
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

function quoteItem(party: Party & { ticker: string }, q: TickerQuote, lang: Lang, timezone: string): ReplyItem {
  const s = summaryStrings[lang];
  const price = formatNumber(q.price, lang);
  const change = [
    q.change !== null ? signed(q.change, lang) : '',
    q.changePercent !== null ? `(${signed(q.changePercent, lang, percentSuffix(lang))})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const asOf = formatDateTime(q.asOf, lang, timezone);
  return {
    text: q.stale ? s.stale(party.name, party.ticker, price, change, asOf) : s.live(party.name, party.ticker, price, change),
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

function marketSection(input: SummaryInput): { intro: string; items: ReplyItem[]; lines: string[] } {
  const { base, lang, market, timezone } = input;
  const s = summaryStrings[lang];
  const items: ReplyItem[] = [];
  const noQuote: { name: string; reason: MarketErrorKind | 'not-configured' }[] = [];
  const noMove: string[] = [];
  const parties = tickerParties(base);
  let live = 0;
  let stale = 0;

  for (const party of parties) {
    const label = `${party.name} (${party.ticker})`;
    const q = market.quotes.get(party.ticker);
    if (q) {
      items.push(quoteItem(party, q, lang, timezone));
      if (q.stale) stale++;
      else live++;
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
  return { intro, items, lines };
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

  const items = [...market.items, ...upcomingItems, ...changes.items].slice(0, MAX_SUMMARY_ITEMS);
  return reply({
    kind: 'summary',
    lang,
    title: s.title(formatLongDate(now, lang, timezone)),
    intro: market.intro,
    items,
    lines: [...market.lines, ...(upcoming.length === 0 ? [s.noUpcoming] : []), ...changes.lines],
    footer: s.footer,
    shareable: false,
  });
}
