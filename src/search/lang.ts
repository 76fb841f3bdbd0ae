// Tells French from English questions: French stop words, accents and elisions, and words the
// base (or the built-in vocabulary) only uses on its French side. Neutral text (e.g. "AGI",
// "Broadcom") gives undefined so the caller can fall back to the asker's language, then English.
import type { Lang } from '../facts/schema.ts';
import { normalizeText, stem, tokenize, MAX_QUERY_CHARS } from './normalize.ts';
import { getNumberWords } from './morphology.ts';
import { EN_MARKERS, FR_MARKERS } from './stopwords.ts';
import type { Vocabulary } from './vocabulary.ts';

const FR_LETTERS = /[éèêëàâîïôûùüçœÉÈÊËÀÂÎÏÔÛÙÜÇŒ]/g;
const FR_ELISION = /\b(?:l|d|qu|j|n|c|s)['’](?=\p{L})/giu;

export function langScore(text: string, vocab?: Vocabulary): { fr: number; en: number } {
  const raw = typeof text === 'string' ? text.slice(0, MAX_QUERY_CHARS) : '';
  let fr = Math.min((raw.match(FR_LETTERS) ?? []).length, 3) * 1.5;
  fr += Math.min((raw.match(FR_ELISION) ?? []).length, 3) * 1.5;
  let en = 0;
  const numbers = getNumberWords().langOf;
  for (const tok of tokenize(normalizeText(raw)).slice(0, 40)) {
    if (FR_MARKERS.has(tok)) fr += 1;
    if (EN_MARKERS.has(tok)) en += 1;
    // "huit millions", "eight million": a number word of one language only.
    const side = numbers.get(tok);
    if (side === 'fr') fr += 1;
    else if (side === 'en') en += 1;
    if (vocab) {
      const s = stem(tok);
      if (vocab.frOnly.has(s)) fr += 1;
      else if (vocab.enOnly.has(s)) en += 1;
      // A stem both sides share, spelt as only one side writes it ("energy", "énergie").
      else if (vocab.enOnlyWords.has(tok)) en += 1;
      else if (vocab.frOnlyWords.has(tok)) fr += 1;
    }
  }
  return { fr, en };
}

/** "fr" or "en" when the text tells, undefined when it does not. */
export function guessLang(text: string, vocab?: Vocabulary): Lang | undefined {
  const { fr, en } = langScore(text, vocab);
  if (fr > en) return 'fr';
  if (en > fr) return 'en';
  return undefined;
}

export function detectLang(text: string, vocab?: Vocabulary): Lang {
  return guessLang(text, vocab) ?? 'en';
}
