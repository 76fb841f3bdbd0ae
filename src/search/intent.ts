// What a question form asks for. Read on the normalised tokens before stop words are removed,
// because the telling words ("when", "quand", "combien", "who said") are stop words.
import type { Intent } from './types.ts';

const WHEN_WORDS = new Set(['when', 'quand', 'date', 'dates', 'calendrier', 'calendar', 'timeline', 'chronologie', 'schedule', 'echeance', 'echeances', 'echeancier', 'deadline']);
const QUOTE_WORDS = new Set(['quote', 'quotes', 'quoted', 'citation', 'citations', 'cite', 'said', 'says', 'dit', 'declare', 'declared', 'declaration', 'declarations', 'propos']);
const FIGURE_WORDS = new Set(['combien', 'montant', 'amount', 'figure', 'figures', 'chiffre', 'chiffres', 'percentage', 'pourcentage']);

/** Words that only signal an intent: dropped from the search when the base does not use them. */
export const INTENT_MARKERS: ReadonlySet<string> = new Set([...WHEN_WORDS, ...QUOTE_WORDS, ...FIGURE_WORDS, 'say', 'year', 'annee']);

export function detectIntent(tokens: readonly string[]): Intent {
  const has = (w: string) => tokens.includes(w);
  const pair = (a: string, b: string) => tokens.some((t, i) => t === a && tokens[i + 1] === b);
  // "who said", "what did Altman say", "qui a dit", "quotes"
  if (tokens.some((t) => QUOTE_WORDS.has(t)) || pair('who', 'said') || (has('did') && has('say')) || (has('qui') && has('dit'))) return 'quote';
  if (tokens.some((t) => WHEN_WORDS.has(t)) || pair('what', 'year') || pair('which', 'year') || pair('quelle', 'annee') || pair('how', 'soon')) return 'when';
  if (pair('how', 'much') || pair('how', 'many') || pair('how', 'big') || pair('how', 'large') || tokens.some((t) => FIGURE_WORDS.has(t))) return 'figure';
  return 'general';
}
