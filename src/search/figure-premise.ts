// A yes/no question that states a figure the sources do not give ("Nvidia is investing 200 billion, right?")
// is answered with the figure they do give; the reply first says the stated figure is not theirs.
import type { FocusItem } from './concepts.ts';
import type { Reading } from './read.ts';
import type { SearchableBase } from './searchable-base.ts';

/** Words that make a stated number a figure (a scale, a unit, a currency), kept in what the reply quotes. */
const FIGURE_WORDS = new Set([
  'billion', 'billions', 'bn', 'trillion', 'million', 'millions', 'milliard', 'milliards', 'mds', 'gw', 'gigawatt', 'gigawatts', 'mw', 'megawatts',
  'percent', 'pourcent', 'pourcents', 'points', 'dollars', 'euros', 'households', 'homes', 'foyers', 'menages',
]);
/** A bound rather than a figure: "more than 50 billion" is true of 100 billion. */
const BOUNDS = new Set(['over', 'above', 'under', 'below', 'than', 'least', 'most', 'exceeding', 'beyond', 'upto', 'plus', 'moins', 'dela', 'depasse', 'jusqu']);
const YEAR = /^20\d\d$/;

/**
 * The figures a yes/no question states that the facts answering it do not hold, as the asker wrote them
 * with their unit ("200 billion", "10%" for Oracle's 6 %, "2025"). `shown(term)` tells whether an
 * answering fact holds an index term. Empty for any other question, and for a bound ("over 50 billion").
 */
export function statedFigures(reading: Reading, items: readonly FocusItem[], shown: (term: string) => boolean): string[] {
  if (!reading.form.yesNo) return [];
  const out: string[] = [];
  for (const it of items) {
    if (it.kind !== 'number' || it.context || it.terms.some(([t]) => shown(t))) continue;
    const written = figureAsWritten(reading, it);
    if (written !== undefined) out.push(written);
  }
  return out;
}

/**
 * A number item as the asker wrote it with its unit ("200 billion", "10%", "2025"); undefined for a bare
 * number, a number written in words, or a bound ("over 50 billion").
 */
export function figureAsWritten(reading: Reading, it: FocusItem): string | undefined {
  const { tokens } = reading;
  const i = tokens.indexOf(it.text);
  if (it.kind !== 'number' || !/^\d/.test(it.text) || i < 0) return undefined;
  const before = [tokens[i - 1], tokens[i - 2]].filter((t): t is string => t !== undefined);
  if (before.some((t) => BOUNDS.has(t))) return undefined;
  const unit = tokens[i + 1];
  if (unit === 'percent' || unit === 'pourcent' || unit === 'pourcents') return reading.lang === 'fr' ? `${it.text} %` : `${it.text}%`;
  if (unit !== undefined && FIGURE_WORDS.has(unit)) return `${it.text} ${unit}`;
  return YEAR.test(it.text) ? it.text : undefined;
}

/**
 * "Le +4,4 %, c'est la hausse d'Oracle ?": a yes/no stating a figure (a number and its unit) that the facts
 * shown do not hold, where another candidate fact holds that very figure: that fact, the best scored, settles
 * the premise (it is Nvidia's). Undefined when no candidate holds the number with its unit.
 */
export function holderOfFigure(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], shown: readonly number[], candidates: Iterable<number>, score: (d: number) => number): number | undefined {
  if (!reading.form.yesNo) return undefined;
  const holds = (it: FocusItem, d: number) => says(sb, it, d);
  let best: number | undefined;
  const numbers = items.filter((it) => it.kind === 'number' && !it.context && it.span !== undefined);
  const unitAfter = (num: FocusItem) => items.find((it) => it.span?.[0] === num.span![1] && it.known);
  for (const num of numbers) {
    // "1 gigawatt pour commencer puis dix au total": a second number takes the unit of the one before it.
    const unit = unitAfter(num) ?? numbers.filter((o) => o.span![0] < num.span![0]).map(unitAfter).filter((u) => u !== undefined).at(-1);
    if (!unit || shown.some((d) => holds(num, d))) continue;
    for (const d of candidates) if (holds(num, d) && holds(unit, d) && (best === undefined || score(d) > score(best))) best = d;
  }
  return best;
}

/**
 * "Nvidia a reculé de 0,8 %, non ?": a yes/no stating a figure that another company's fact holds, of a company the
 * facts shown do not name. That company's own fact on the same subject (its move, its figure), the best scored
 * candidate naming it and every concept asked, shows what it really did. Undefined when there is none.
 */
export function ownFactOfNamed(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], shown: readonly number[], candidates: Iterable<number>, score: (d: number) => number): number | undefined {
  if (!reading.form.yesNo || !items.some((it) => it.kind === 'number' && !it.context && /^\d/.test(it.text))) return undefined;
  const holds = (it: FocusItem, d: number) => says(sb, it, d);
  const concepts = items.filter((it) => it.kind === 'concept' && it.known && !it.soft && !it.context);
  let best: number | undefined;
  for (const e of items) {
    if (e.kind !== 'entity' || e.context || shown.some((d) => holds(e, d))) continue;
    for (const d of candidates) if (holds(e, d) && concepts.every((c) => holds(c, d)) && (best === undefined || score(d) > score(best))) best = d;
  }
  return best;
}

/** Whether fact d says an item in its own text (not only through its topic words). */
function says(sb: SearchableBase, it: FocusItem, d: number): boolean {
  return it.terms.some(([t]) => sb.index.holding(t, d) === 2);
}

const COPULAS = new Set(['is', 'are', 'was', 'were', 'c', 'est', 'sont', 'etait', 'ce']);

/**
 * The figure a question identifies ("Is 8 million the…", "Les 8 millions, c'est…"): a number written with its
 * unit and a copula within two words before it or five after it (past its unit: "Les 8 millions de foyers, c'est…"). A figure mentioned beside what is asked
 * ("Should I buy Oracle after its 6 % gain?") is none. Undefined when there is no such figure.
 */
export function identifiedFigure(reading: Reading, items: readonly FocusItem[]): FocusItem | undefined {
  const near = ([start, end]: readonly [number, number]) =>
    [...reading.tokens.slice(Math.max(0, start - 2), start), ...reading.tokens.slice(end + 1, end + 6)].some((t) => COPULAS.has(t));
  return items.find((it) => it.kind === 'number' && it.span && near(it.span) && figureAsWritten(reading, it) !== undefined);
}
