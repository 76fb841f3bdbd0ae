// Plain-text rendering of a Reply for terminals, pipes and `dealbot ask --render text`: wrapped
// to the terminal's width, each item with its source's number and section, a chart as a text
// table, the sources listed once at the end.
import { chartSourceLine, chartTable } from '../../core/chart-text.ts';
import { moreLine, t } from '../../core/i18n.ts';
import type { Reply, ReplyItem } from '../../core/reply.ts';

export interface TextOptions {
  /** Columns to wrap to (default: the terminal's, else $COLUMNS, else 80; at least 20). */
  width?: number;
}

/** The width of the terminal on stdout, or $COLUMNS when piped, or 80. */
export function terminalWidth(env: NodeJS.ProcessEnv = process.env): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : Number(env.COLUMNS);
  return Number.isFinite(columns) && columns > 0 ? columns : 80;
}

const URL = /^https?:\/\/\S+$/;

/**
 * Wraps `text` to `width` columns: the first line starts with `first`, the others with `rest`
 * (a hanging indent). Words longer than a line are cut, except links (a cut link cannot be opened).
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let indent = first;
  const room = () => width - [...line].length;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = [...word];
    const sep = [...line].length > [...indent].length ? 1 : 0;
    if (w.length + sep <= room()) {
      line += (sep ? ' ' : '') + word;
      continue;
    }
    if ([...line].length > [...indent].length) lines.push(line);
    line = indent = rest;
    if (w.length <= room() || URL.test(word)) {
      line += word;
      continue;
    }
    for (let i = 0; i < w.length; ) {
      const take = Math.max(1, room());
      line += w.slice(i, i + take).join('');
      i += take;
      if (i < w.length) {
        lines.push(line);
        line = rest;
      }
    }
  }
  if ([...line].length > [...indent].length || lines.length === 0) lines.push(line);
  return lines;
}

function where(item: ReplyItem): string {
  const c = item.citation;
  const at = (c.section ? `§ ${c.section}` : (c.detail ?? '')).replace(/\s+/g, ' ').trim();
  return `[${c.ref ?? '?'}]${at ? ` ${at}` : ''}`;
}

export function renderText(reply: Reply, opts: TextOptions = {}): string {
  const width = Math.max(20, opts.width ?? terminalWidth());
  const s = t(reply.lang);
  const out: string[] = [...wrap(reply.title, width), '='.repeat(Math.min(width, 60, Math.max(1, [...reply.title].length)))];
  if (reply.deal) out.push(...wrap(s.dealHeader(reply.deal.name), width));
  if (reply.intro) out.push(...wrap(reply.intro, width));
  // A chart is a text table here (the same figures as the items below); its rows are never wrapped.
  if (reply.chart) {
    const c = reply.chart;
    out.push('', ...wrap(c.title, width, '  '), ...chartTable(c).map((l) => `  ${l}`), ...wrap(chartSourceLine(c, reply.lang), width, '  ', '    '));
    if (c.note) out.push(...wrap(c.note, width, '  '));
  }
  for (const item of reply.items) {
    out.push('', ...wrap(item.text, width, '• ', '  '));
    const facts = [item.figure, item.when].filter(Boolean).join(' · ');
    if (facts) out.push(...wrap(facts, width, '  '));
    out.push(...wrap(where(item), width, '  ↳ ', '    '));
  }
  if (reply.omitted > 0) out.push('', ...wrap(moreLine(reply), width));
  if (reply.suggestions.length) out.push(...wrap(reply.suggestions.join(' · '), width, '  '));
  // A bulleted line wraps under its text, not under its bullet.
  if (reply.lines.length) out.push('', ...reply.lines.flatMap((l) => wrap(l, width, '  ', l.startsWith('• ') ? '    ' : '  ')));
  // Lines about channels, and the choices a button would offer ("/deal lang fr"), as text.
  for (const e of reply.entries) out.push(...wrap(`#${e.channel.name ?? e.channel.id} — ${e.text}`, width, '  • ', '    '));
  if (reply.actions.length) out.push(...wrap(reply.actions.map((a) => `${a.selected ? '[x]' : '[ ]'} ${a.label} (/deal ${a.run})`).join('  '), width, '  '));
  if (reply.sources.length) {
    out.push('', s.sources);
    for (const src of reply.sources) {
      out.push(...wrap([src.title, src.publisher].filter(Boolean).join(' — '), width, `  [${src.ref}] `, '      '));
      if (src.url) out.push(...wrap(src.url, width, '      '));
    }
  }
  if (reply.footer) out.push('', ...wrap(reply.footer, width));
  return out.join('\n');
}
