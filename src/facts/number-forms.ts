// How a number can be written in an English or French text: digits ("4,4", "1 000", "100 milliards",
// "$100bn") or words ("dix", "ten", "cent milliards", "quatre-vingts"). The faithfulness check looks for
// these forms of a figure's value in its excerpt; `facts draft` reads numbers written in words with them.
//
// Number words come from n2words (zero dependencies, engines node >= 20, maintained, cardinals for fr-FR
// and en-US with French's irregular forms: "vingt et un", "quatre-vingts", "cent milliards"). Generating
// the spellings of a known value and looking for them is exact, so the check needs no parser. No
// maintained npm package parses French number words (words-to-numbers is English-only, last published
// in 2018 and pulls in babel-runtime), so the draft reads words against the same generated spellings.
import { toCardinal as enCardinal } from 'n2words/en-US';
import { toCardinal as frCardinal } from 'n2words/fr-FR';
import type { Lang } from './schema.ts';

const CARDINAL: Record<Lang, (n: number) => string> = { en: enCardinal, fr: frCardinal };

/** Spells `n` in words in `lang`, hyphens as spaces ("quatre vingts"), lower case. */
export function numberWords(n: number, lang: Lang): string {
  return CARDINAL[lang](n).toLowerCase().replace(/-/g, ' ');
}

/** The scale word of 10^3…10^12 in each language, from n2words ("un milliard" → "milliard"). */
function scaleWord(scale: number, lang: Lang): string {
  return numberWords(scale, lang).split(' ').at(-1)!;
}

/** Scales and the words or abbreviations a text may put after a number in digits ("100 milliards"). */
export function scales(lang: Lang): { value: number; words: string[]; abbreviations: string[] }[] {
  const abbr: Record<Lang, Record<number, string[]>> = {
    en: { 1e3: ['k'], 1e6: ['m', 'mn'], 1e9: ['bn', 'b'], 1e12: ['tn'] },
    fr: { 1e3: ['k'], 1e6: ['m'], 1e9: ['md', 'mds', 'mrd'], 1e12: [] },
  };
  return [1e3, 1e6, 1e9, 1e12].map((value) => {
    const word = scaleWord(value, lang);
    // French scale nouns take an "s" in the plural ("millions", "milliards"); "mille" never does.
    const words = lang === 'fr' && word !== 'mille' ? [word, `${word}s`] : [word];
    return { value, words, abbreviations: abbr[lang][value] ?? [] };
  });
}

/** `n` in digits: "4.4" and "4,4"; integers also grouped by thousands ("1 000 000", "1,000,000"). */
function digitForms(n: number): string[] {
  if (!Number.isFinite(n) || n >= 1e21) return [];
  const plain = String(n);
  const forms = new Set([plain, plain.replace('.', ',')]);
  if (Number.isInteger(n) && n >= 1000) {
    const grouped = plain.replace(/\B(?=(\d{3})+$)/g, '\u0000');
    for (const sep of [' ', ',', '.']) forms.add(grouped.replace(/\u0000/g, sep));
  }
  return [...forms];
}

/** A mantissa with at most three decimals (100e9 / 1e9 = 100, 1.5e9 / 1e9 = 1.5), else undefined. */
function mantissa(n: number, scale: number): number | undefined {
  const m = n / scale;
  const rounded = Math.round(m * 1000) / 1000;
  return m >= 1 && Math.abs(m - rounded) < 1e-9 ? rounded : undefined;
}

export interface NumberForm {
  text: string;
  /** Words may need a letter boundary; digits a digit boundary. */
  kind: 'digits' | 'words';
}

/**
 * Every way `value` may be written in a text of `lang`: its absolute value (a signed market move is
 * written "reculé de 0,8 %"), in digits or words, whole or as mantissa + scale ("100 milliards",
 * "100bn", "cent milliards").
 */
export function numberForms(value: number, lang: Lang): NumberForm[] {
  const n = Math.abs(value);
  const forms: NumberForm[] = digitForms(n).map((text) => ({ text, kind: 'digits' }));
  if (Number.isFinite(n) && n < 1e15) forms.push({ text: numberWords(n, lang), kind: 'words' });
  for (const scale of scales(lang)) {
    const m = mantissa(n, scale.value);
    if (m === undefined) continue;
    for (const word of [...scale.words, ...scale.abbreviations]) {
      for (const digits of digitForms(m)) forms.push({ text: `${digits} ${word}`, kind: 'digits' });
      if (m < 1000) forms.push({ text: `${numberWords(m, lang)} ${word}`, kind: 'words' });
    }
  }
  return forms;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression finding one form as a whole number: "10" is not found in "100" or "2010",
 * "dix" not in "dixième"; "100 bn" also matches "100bn", and "100 milliards" "100 milliards".
 */
export function formPattern(form: NumberForm, lang: Lang): RegExp {
  const body = escape(form.text).replace(/ /g, form.kind === 'digits' ? '\\s?' : '[\\s-]+');
  const before = form.kind === 'digits' ? '(?<![\\d.,])' : '(?<!\\p{L})';
  // Not followed by more digits or letters, nor by a scale: 100 is not in "100 milliards".
  const scaleWords = scales(lang).flatMap((s) => [...s.words, ...s.abbreviations]);
  const after = `(?![\\p{L}\\d]|[.,]\\d|\\s?(?:${scaleWords.map(escape).join('|')})(?!\\p{L}))`;
  return new RegExp(`${before}${body}${after}`, 'iu');
}

/** Whether `text` states `value` in one of its forms (in `lang`); returns the form found. */
export function findNumber(text: string, value: number, lang: Lang): NumberForm | undefined {
  return numberForms(value, lang).find((form) => formPattern(form, lang).test(text));
}
