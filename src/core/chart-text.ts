// A Reply's chart as a plain-text table: what the console shows, and every platform's fallback
// (Slack's message text, a client that cannot show the chart).
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

/** The title, the table and the source line under it. */
export function chartText(chart: ReplyChart): string[] {
  return [chart.title, ...chartTable(chart), `${chart.source} · ${chart.asOfLabel}`, ...(chart.note ? [chart.note] : [])];
}
