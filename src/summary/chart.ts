// The summary's chart: the parties' share moves at the announcement (market-move facts of the
// base) and in the latest session (live quotes' day change), as one bar chart. Only figures the
// summary already cites go in, under the same sources (so the same numbers) as the items showing
// them; a stale quote is never charted as the latest session.
import { citationOf, formatFigure } from '../core/format.ts';
import type { ReplyChart, ReplyChartSource } from '../core/reply.ts';
import type { FactBase } from '../facts/load.ts';
import type { Lang } from '../facts/schema.ts';
import type { MarketSnapshot } from './market.ts';
import { formatDateTime, percentSuffix, signed, summaryStrings } from './strings.ts';

export interface ChartInput {
  base: FactBase;
  lang: Lang;
  now: Date;
  timezone: string;
  market: MarketSnapshot;
  /** Tickers whose quote is live for its session (not stale). */
  live: ReadonlySet<string>;
}

/** The chart, or undefined when there is no figure to draw. */
export function summaryChart(input: ChartInput): ReplyChart | undefined {
  const { base, lang, market } = input;
  const s = summaryStrings[lang];
  const parties = [...base.parties.values()].filter((p) => p.ticker);
  const announcement: ReplyChart['series'][number]['points'] = [];
  const latest: ReplyChart['series'][number]['points'] = [];
  const sourceTitles = new Set<string>();
  const sources = new Map<string, ReplyChartSource>();
  let latestAsOf = 0;
  let undated = false;

  for (const party of parties) {
    const ticker = party.ticker!;
    // The first percent figure of the party's first market-move fact: what its item shows first.
    const move = base.facts.find((f) => f.kind === 'market-move' && f.parties.includes(party.id) && f.figures.some((x) => x.unit === '%'));
    const figure = move?.figures.find((x) => x.unit === '%');
    if (move && figure) {
      announcement.push({ label: ticker, value: figure.value, display: formatFigure(figure, lang) }); // as the item shows it
      const source = base.sources.get(move.citation.source);
      sourceTitles.add(source?.title ?? move.citation.source);
      const c = citationOf(move, base, lang); // the move item's own citation
      sources.set(`id:${move.citation.source}`, { sourceId: move.citation.source, source: c.source, ...(c.publisher ? { publisher: c.publisher } : {}), ...(c.url ? { url: c.url } : {}) });
      if (!move.when && !source?.published) undated = true;
    }
    const q = market.quotes.get(ticker);
    if (q && input.live.has(ticker) && q.changePercent !== null) {
      latest.push({ label: ticker, value: q.changePercent, display: signed(q.changePercent, lang, percentSuffix(lang)) });
      latestAsOf = Math.max(latestAsOf, q.asOf.getTime());
      sources.set(`live:${q.provider}`, { source: s.quoteSource(q.provider) }); // as the quote item cites it
    }
  }

  const series = [
    ...(announcement.length ? [{ name: s.chart.atAnnouncement, points: announcement }] : []),
    ...(latest.length ? [{ name: s.chart.latest, points: latest }] : []),
  ];
  if (series.length === 0) return undefined;
  const named = [...[...sourceTitles].map((t) => s.chart.factBase(t)), ...(latest.length && market.provider ? [market.provider] : [])];
  const asOf = new Date(latestAsOf || market.takenAt.getTime());
  const asOfLabel = lang === 'fr' ? `au ${formatDateTime(asOf, lang, input.timezone)}` : `as of ${formatDateTime(asOf, lang, input.timezone)}`;
  const source = s.chart.source(named.join(' · '));
  const described = series.map((x) => `${x.name}: ${x.points.map((p) => `${p.label} ${p.display}`).join(', ')}`).join('. ');
  return {
    kind: 'bar',
    title: s.chart.title,
    unit: '%',
    categoryLabel: s.chart.category,
    series,
    sources: [...sources.values()],
    asOf: asOf.toISOString(),
    asOfLabel,
    altText: s.chart.alt(described, source, asOfLabel.replace(/^(as of|au) /, '')),
    ...(undated ? { note: s.chart.undated } : {}),
  };
}
