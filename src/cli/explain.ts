// `dealbot explain "<question>"`: how the engine read a question and why it answered or refused —
// language, form, focus (known and unknown words), fillers, corrections, the candidate facts with
// their scores and coverage. For curators deciding whether a fact or a word is missing.
import { buildDealSet } from '../deals/deal-set.ts';
import { routerOf } from '../deals/router.ts';
import { FactBaseError, loadBase } from '../facts/load.ts';
import type { Lang } from '../facts/schema.ts';
import type { Explanation } from '../search/types.ts';
import type { Io } from './io.ts';

/**
 * With several deals, the question goes to the deal `--deal` names, else to the deal it names (its
 * parties, its name), else to the default deal, as a channel without a deal of its own would.
 */
export function explainQuestion(factsDir: string, question: string, io: Io, opts: { json?: boolean; lang?: Lang; deal?: string } = {}): number {
  const set = buildDealSet(loadBase(factsDir));
  const chosen = opts.deal ? set.get(opts.deal) : routerOf(set).route(question, set.fallback);
  if (!chosen) throw new FactBaseError([{ file: factsDir, line: 1, field: '(deal)', message: `no deal "${opts.deal}" in this base; its deals: ${set.deals.map((d) => d.id).join(', ')}` }]);
  const e = chosen.engine.explain(question, opts.lang ? { lang: opts.lang } : {});
  const deal = set.several ? `deal       ${chosen.id}${opts.deal ? '' : chosen === set.fallback ? ' (the default deal: the question names no other)' : ' (the question names it)'}\n` : '';
  io.stdout(opts.json ? JSON.stringify({ ...(set.several ? { deal: chosen.id } : {}), ...e }, (k, v) => (k === 'result' ? { hits: (v as Explanation['result']).hits.map((h) => h.fact.id) } : v), 2) : deal + formatExplanation(e));
  return 0;
}

export function formatExplanation(e: Explanation): string {
  const lines: string[] = [];
  lines.push(`question   ${JSON.stringify(e.query)}`);
  lines.push(`read as    ${JSON.stringify(e.normalized)}  (language ${e.lang})`);
  if (e.spellings.length) lines.push(`spellings  ${e.spellings.map(([a, b]) => `${a} → ${b}`).join(', ')}`);
  lines.push(`form       asks for ${e.form.ask} (intent ${e.form.intent})${e.form.yesNo ? ', yes/no' : ''}${e.form.summary ? ', summary' : ''}`);
  if (e.corrections.length) lines.push(`typos      ${e.corrections.map((c) => `${c.from} → ${c.to}`).join(', ')}`);
  lines.push(`focus      ${e.focus.length ? '' : '(nothing)'}`);
  for (const f of e.focus) {
    const state = f.known ? 'known' : 'UNKNOWN';
    lines.push(`  - ${f.text.padEnd(22)} ${f.kind.padEnd(8)} ${state.padEnd(8)} weight ${f.weight.toFixed(2)}${f.soft ? ' (soft)' : ''}${f.terms.length ? `  ↔ ${f.terms.slice(0, 6).join(', ')}` : ''}`);
  }
  if (e.fillers.length) lines.push(`fillers    ${e.fillers.join(', ')}`);
  if (e.markers.length) lines.push(`form words ${e.markers.join(', ')}`);
  if (e.topic) lines.push(`topic      ${e.topic}`);
  if (e.speaker) lines.push(`speaker    ${e.speaker}`);
  if (e.candidates.length) {
    lines.push('candidates (score, coverage of the focus):');
    for (const c of e.candidates.slice(0, 8)) {
      const mark = c.kept ? '✓' : ' ';
      lines.push(`  ${mark} ${c.factId.padEnd(40)} ${c.score.toFixed(2).padStart(6)}  ${Math.round(c.coverage * 100).toString().padStart(3)} %${c.missing.length ? `  missing: ${c.missing.join(', ')}` : ''}${c.note ? `  (${c.note})` : ''}`);
    }
  }
  lines.push(`decision   ${e.answered ? 'ANSWERED' : 'REFUSED'}: ${e.reason}`);
  if (e.answered) lines.push(`answer     ${e.result.hits.map((h) => h.fact.id).join(', ')}`);
  else if (e.result.closest?.length) lines.push(`closest    ${e.result.closest.map((h) => h.fact.id).join(', ')}  (shown as what the sources do say)`);
  if (e.result.unsupported?.length) lines.push(`premise    not backed: ${e.result.unsupported.join(', ')}  (a name the facts shown do not back)`);
  if (e.result.unsupportedFigures?.length) lines.push(`premise    not backed: ${e.result.unsupportedFigures.join(', ')}  (a figure the facts shown do not hold)`);
  return lines.join('\n');
}
