// A Reply's chart as a plain-text table: what the console shows, and every platform's fallback
// (Slack's message text, a client that cannot show the chart); and the line naming its sources.
import type { Lang } from '../facts/schema.ts';
import { t } from './i18n.ts';
import type { ReplyChart } from './reply.ts';

/** Rows of a fixed-width table: one line per category, one column per series ("—": no figure). */
export function chartTable(chart: ReplyChart): string[] {
  const categories = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.label)))];
  const header = [chart.categoryLabel, ...chart.series.map((s) => s.name)];
  const rows = categories.map((c) => [c, ...chart.series.map((s) => s.points.find((p) => p.label === c)?.display ?? '—')]);
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

/** The chart's source markers, numbered like the reply's sources list ("[1] [2]"). */
export function chartRefs(chart: ReplyChart): string {
  return chart.sources.map((s) => `[${s.ref ?? '?'}]`).join(' ');
}

/** Under the chart in a message that lists its sources: "Sources [1] [2] · as of …". */
export function chartSourceLine(chart: ReplyChart, lang: Lang): string {
  return `${t(lang).sources} ${chartRefs(chart)} · ${chart.asOfLabel}`;
}

/** Under a chart that stands alone (an image): each source named with its number, then the as-of time. */
export function chartSourcesNamed(chart: ReplyChart): string {
  return [...chart.sources.map((s) => `[${s.ref ?? '?'}] ${s.source}`), chart.asOfLabel].join(' · ');
}
