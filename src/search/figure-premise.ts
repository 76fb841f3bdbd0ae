// A yes/no question that states a figure the sources do not give ("Nvidia is investing 200 billion, right?")
// is answered with the figure they do give; the reply first says the stated figure is not theirs.
import type { FocusItem } from './concepts.ts';
import type { Reading } from './read.ts';

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
  const { tokens } = reading;
  const out: string[] = [];
  for (const it of items) {
    if (it.kind !== 'number' || it.context || !/^\d/.test(it.text) || it.terms.some(([t]) => shown(t))) continue;
    const i = tokens.indexOf(it.text);
    if (i < 0) continue;
    const before = [tokens[i - 1], tokens[i - 2]].filter((t): t is string => t !== undefined);
    if (before.some((t) => BOUNDS.has(t))) continue;
    const unit = tokens[i + 1];
    if (unit === 'percent' || unit === 'pourcent' || unit === 'pourcents') out.push(reading.lang === 'fr' ? `${it.text} %` : `${it.text}%`);
    else if (unit !== undefined && FIGURE_WORDS.has(unit)) out.push(`${it.text} ${unit}`);
    else if (YEAR.test(it.text)) out.push(it.text);
  }
  return out;
}
