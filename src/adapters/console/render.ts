// Plain-text rendering of a Reply for terminals, pipes and `dealbot ask --render text`.
import { chartText } from '../../core/chart-text.ts';
import type { Reply } from '../../core/reply.ts';

export function renderText(reply: Reply): string {
  const out: string[] = [reply.title, '='.repeat(Math.min(60, [...reply.title].length))];
  if (reply.intro) out.push(reply.intro);
  // A chart is a text table here (the same figures as the items below, with its source).
  if (reply.chart) out.push('', ...chartText(reply.chart).map((l) => `  ${l}`));
  for (const item of reply.items) {
    out.push('', `• ${item.text}`);
    const facts = [item.figure, item.when].filter(Boolean).join(' · ');
    if (facts) out.push(`  ${facts}`);
    const asOf = item.citation.asOf ? ` (${item.citation.asOf})` : '';
    out.push(`  ↳ ${item.citation.label}${asOf}`);
  }
  if (reply.suggestions.length) out.push(`  ${reply.suggestions.join(' · ')}`);
  if (reply.lines.length) out.push('', ...reply.lines.map((l) => `  ${l}`));
  if (reply.footer) out.push('', reply.footer);
  return out.join('\n');
}
