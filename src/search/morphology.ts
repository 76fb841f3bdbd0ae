// Word forms from libraries: Snowball stemmers (nlp.js) find other forms of a word the base does not
// hold as written ("investira" → investir, investissement; "worried" → worry), and n2words spells
// figures out in English and French so "a hundred billion" and "cent milliards" meet 100e9.
import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerFr } from '@nlpjs/lang-fr';
import { toCardinal as cardinalEn, toOrdinal as ordinalEn } from 'n2words/en-US';
import { toCardinal as cardinalFr, toOrdinal as ordinalFr } from 'n2words/fr-FR';
import type { Figure } from '../facts/schema.ts';
import { normalizeText, stem, tokenize } from './normalize.ts';

const stemmerEn = new StemmerEn();
const stemmerFr = new StemmerFr();
/** Shortest Snowball stem this module trusts: shorter ones join unrelated words ("pr", "co"). */
const MIN_STEM = 4;

const stemCache = new Map<string, readonly string[]>();

/** The English and French Snowball stems of a normalised word (deduplicated, ≥ 4 letters; cached). */
export function snowballStems(word: string): readonly string[] {
  let hit = stemCache.get(word);
  if (hit) return hit;
  const out: string[] = [];
  if (/^[a-z]{4,30}$/.test(word)) {
    for (const s of [stemmerEn.stemWord(word), stemmerFr.stemWord(word)]) if (s.length >= MIN_STEM && !out.includes(s)) out.push(s);
  }
  hit = out;
  // Bounded: a flood of distinct hostile words must not grow the cache without end.
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(word, hit);
  return hit;
}

/**
 * Index terms grouped by Snowball stem, so a form the base lacks finds the forms it has. Grouped on
 * demand: stemming every term of a 100,000-fact base up front costs most of a second, and a question
 * only asks about a few stems. A Snowball stem changes at most the last two letters of its word
 * ("heureuse" → heureux, "couramment" → courant), so the terms with stem s are among the sorted
 * terms that start with s less its last two letters.
 */
export class WordForms {
  private readonly byStem = new Map<string, readonly string[]>();

  /** terms: the index's terms, sorted (only the lower-case a–z ones are grouped). */
  constructor(private readonly sortedTerms: readonly string[]) {}

  /** Terms of the index sharing a Snowball stem with `word` (not `word` itself), at most 8. */
  variants(word: string): string[] {
    const out: string[] = [];
    for (const s of snowballStems(word)) for (const t of this.termsOf(s)) if (t !== word && !out.includes(t)) out.push(t);
    return out.slice(0, 8);
  }

  /** The first 8 terms (in sorted order) whose Snowball stems include s. */
  private termsOf(s: string): readonly string[] {
    let list = this.byStem.get(s);
    if (list !== undefined) return list;
    const found: string[] = [];
    const prefix = s.slice(0, Math.max(3, s.length - 2));
    const terms = this.sortedTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < terms.length && found.length < 8; i++) {
      const t = terms[i]!;
      if (!t.startsWith(prefix)) break;
      if (LOWER_WORD.test(t) && snowballStems(t).includes(s)) found.push(t);
    }
    list = found;
    // Bounded: a flood of distinct hostile words must not grow the groups without end.
    if (this.byStem.size > 50_000) this.byStem.clear();
    this.byStem.set(s, list);
    return list;
  }
}
const LOWER_WORD = /^[a-z]+$/;

const SCALES: [number, { en: string; fr: [string, string] }][] = [
  [1e9, { en: 'billion', fr: ['milliard', 'milliards'] }],
  [1e6, { en: 'million', fr: ['million', 'millions'] }],
];

/**
 * A figure's value spelt out in English and French, as people write it in a question: 100e9 gives
 * "one hundred billion", "cent milliards"; 4.4 gives "four point four", "quatre virgule quatre".
 */
export function figureWords(f: Figure): string {
  const v = Math.abs(f.value);
  let words = spelt.get(v);
  if (words === undefined) {
    words = spellValue(v);
    // Bounded: a base has few distinct values; a huge generated one must not grow the cache without end.
    if (spelt.size < 50_000) spelt.set(v, words);
  }
  return words;
}
const spelt = new Map<number, string>();

function spellValue(v: number): string {
  const out: string[] = [];
  try {
    const scale = SCALES.find(([size]) => v >= size && Number.isInteger((v / size) * 100));
    if (scale) {
      const n = v / scale[0];
      out.push(`${cardinalEn(n)} ${scale[1].en}`, `${cardinalFr(n)} ${scale[1].fr[n >= 2 ? 1 : 0]}`);
    } else if (v < 1e6) {
      out.push(cardinalEn(v), cardinalFr(v));
    }
  } catch {
    // n2words refuses some inputs (NaN, huge exponents): the figure is then matched by its digits only.
  }
  return out.join(' ');
}

/** A date's year spelt out: "two thousand twenty-six", "twenty twenty-six", "deux mille vingt-six". */
export function yearWords(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return '';
  let words = yearsSpelt[year - 1000];
  if (words === undefined) yearsSpelt[year - 1000] = words = yearSpellings(year).join(' ');
  return words;
}
const yearsSpelt: string[] = [];

/** The ways a year is spelt out: in full in English and French, and spoken in English by hundreds ("twenty thirty"). */
function yearSpellings(year: number): string[] {
  const hi = Math.floor(year / 100);
  const lo = year % 100;
  const spoken = lo === 0 ? `${cardinalEn(hi)} hundred` : `${cardinalEn(hi)} ${lo < 10 ? `oh ${cardinalEn(lo)}` : cardinalEn(lo)}`;
  return [cardinalEn(year), spoken, cardinalFr(year)];
}

let yearPhrases: Map<string, string> | undefined;

/**
 * Years 2000–2099 spelt out, as normalised tokens joined by spaces → the year in digits: "deux mille trente",
 * "two thousand thirty", "twenty thirty", "twenty twenty six" → "2030", "2026". Built once from n2words.
 */
export function getYearPhrases(): ReadonlyMap<string, string> {
  if (yearPhrases) return yearPhrases;
  yearPhrases = new Map();
  for (let year = 2000; year <= 2099; year++) {
    // "twenty six" alone is 26, "twenty oh five" too loose: only spoken forms from 2010 count as years.
    const spellings = yearSpellings(year).filter((w) => year % 100 >= 10 || !w.startsWith('twenty '));
    for (const w of [...spellings, cardinalFr(year).replace('mille', 'mil')]) {
      const key = tokenize(normalizeText(w.replace(/-/g, ' '))).join(' ');
      if (key.includes(' ')) yearPhrases.set(key, String(year));
    }
  }
  return yearPhrases;
}

/** Number words of one language → value, for the numbers people write in questions (1–100, ordinals 1–20). */
export interface NumberWords {
  cardinals: Map<string, number>;
  ordinals: Map<string, number>;
  /** Number words of one language only ("huit", "vingt"; "eight", "twenty"): evidence of the question's language. */
  langOf: Map<string, 'en' | 'fr'>;
}

let numberWords: NumberWords | undefined;

/** Cardinals 1–100 and ordinals 1–20 in English and French, spelt by n2words (built once). */
export function getNumberWords(): NumberWords {
  if (numberWords) return numberWords;
  const cardinals = new Map<string, number>();
  const ordinals = new Map<string, number>();
  // Keyed by the normalised word and by its light stem (what the matcher compares).
  const add = (map: Map<string, number>, word: string, n: number) => {
    for (const t of tokenize(normalizeText(word))) {
      if (t.length < 2) continue;
      map.set(t, n);
      map.set(stem(t), n);
    }
  };
  for (let n = 1; n <= 100; n++) for (const w of [cardinalEn(n), cardinalFr(n)]) if (!/[ -]/.test(w)) add(cardinals, w, n);
  for (let n = 1; n <= 20; n++) for (const w of [ordinalEn(n), ordinalFr(n)]) if (!/[ -]/.test(w)) add(ordinals, w, n);
  // Forms n2words does not produce but people write.
  for (const [w, n] of [['première', 1], ['seconde', 2], ['second', 2], ['deuxième', 2]] as const) add(ordinals, w, n);
  const sides = { en: new Set<string>(), fr: new Set<string>() };
  for (let n = 1; n <= 100; n++) {
    for (const t of tokenize(normalizeText(cardinalEn(n)))) sides.en.add(t);
    for (const t of tokenize(normalizeText(cardinalFr(n)))) sides.fr.add(t);
  }
  const langOf = new Map<string, 'en' | 'fr'>();
  for (const t of sides.en) if (!sides.fr.has(t) && t.length > 2) langOf.set(t, 'en');
  for (const t of sides.fr) if (!sides.en.has(t) && t.length > 2) langOf.set(t, 'fr');
  numberWords = { cardinals, ordinals, langOf };
  return numberWords;
}
