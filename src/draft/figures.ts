// Figures in a sentence: a number in digits ("4,4", "1 200", "$100bn") or words ("dix", "ten"), its
// scale ("milliards", "billion"), unit ("%", "dollars", "gigawatts", else the noun it counts) and
// qualifier ("jusqu’à", "au moins", "plus de", "environ", "estimé à"; "up to", "at least"…).
import { numberWords, scales } from '../facts/number-forms.ts';
import type { Lang, Qualifier } from '../facts/schema.ts';
import type { FoundPeriod } from './periods.ts';

export interface FoundFigure {
  value: number;
  unit: string;
  currency?: string;
  qualifier: Qualifier;
  /** The words that state it, as printed ("jusqu’à 100 milliards de dollars"). */
  text: string;
  index: number;
}

const DIGITS: Record<Lang, RegExp> = {
  fr: /(?<![\p{L}\d.,])([+−-])?(\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)|\d+)(?:,(\d+))?(?!\d)/gu,
  en: /(?<![\p{L}\d.,])([+−-])?(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?(?!\d)/gu,
};

const QUALIFIERS: Record<Lang, [RegExp, Qualifier][]> = {
  fr: [
    [/jusqu['’]\s?(?:à|a|au)\s*$/iu, 'up-to'],
    [/au moins\s*$/iu, 'at-least'],
    [/(?:plus d['’]|plus de|au-delà de|supérieure? à)\s*$/iu, 'more-than'],
    [/(?:environ|près de|quelque|autour de|approximativement|estimée?s? à|de l['’]ordre de)\s*$/iu, 'about'],
  ],
  en: [
    [/up to\s*$/iu, 'up-to'],
    [/at least\s*$/iu, 'at-least'],
    [/(?:more than|over|above|in excess of)\s*$/iu, 'more-than'],
    [/(?:about|around|approximately|roughly|nearly|some|almost|estimated at)\s*$/iu, 'about'],
  ],
};

const CURRENCY_AFTER: [RegExp, string][] = [
  [/^\s?(?:de |d['’])?\s?(?:dollars?|\$|USD)(?:\s(?:américains|US))?(?!\p{L})/iu, 'USD'],
  [/^\s?(?:d['’]|de )?\s?(?:euros?|€|EUR)(?!\p{L})/iu, 'EUR'],
  [/^\s?(?:de )?(?:livres sterling|pounds?|£|GBP)(?!\p{L})/iu, 'GBP'],
];
const CURRENCY_BEFORE: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const ENERGY: [RegExp, string][] = [
  [/^\s?(?:de\s)?(?:gigawatt-?heures?|gigawattheures?|gigawatt-hours?|GWh)(?!\p{L})/iu, 'GWh'],
  [/^\s?(?:de\s)?(?:térawatt-?heures?|térawattheures?|terawatt-hours?|TWh)(?!\p{L})/iu, 'TWh'],
  [/^\s?(?:de\s)?(?:mégawatt-?heures?|mégawattheures?|megawatt-hours?|MWh)(?!\p{L})/iu, 'MWh'],
  [/^\s?(?:de\s)?(?:gigawatts?|GW)(?!\p{L})/iu, 'GW'],
  [/^\s?(?:de\s)?(?:mégawatts?|megawatts?|MW)(?!\p{L})/iu, 'MW'],
];
const PERCENT = /^\s?(?:%|pour ?cent|percent|per cent)(?!\p{L})/iu;
const NOT_UNITS = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'et', 'à', 'en', 'pour', 'sur', 'par', 'dans', 'avec', 'qui', 'que', 'the', 'and', 'of', 'to', 'in', 'on', 'for', 'with', 'ans', 'an']);
const DETERMINERS = /(?:^|\s)(?:les|des|ces|aux|ses|leurs|nos|vos|the|these|those|its|their|both)\s+$/iu;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Number words of `lang` from n2words, 2…99 and round hundreds, longest first ("vingt et un" before "vingt"). */
const wordTables = new Map<Lang, { re: RegExp; values: Map<string, number> }>();
function wordTable(lang: Lang) {
  let t = wordTables.get(lang);
  if (!t) {
    const values = new Map<string, number>();
    for (let n = 2; n <= 100; n++) values.set(numberWords(n, lang), n);
    for (let n = 200; n <= 900; n += 100) values.set(numberWords(n, lang), n);
    const alternatives = [...values.keys()].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, '[\\s-]+'));
    t = { re: new RegExp(`(?<!\\p{L})(${alternatives.join('|')})(?!\\p{L})`, 'giu'), values };
    wordTables.set(lang, t);
  }
  return t;
}

function scaleAfter(rest: string, lang: Lang): { factor: number; length: number } {
  for (const s of scales(lang)) {
    for (const w of [...s.words, ...s.abbreviations].sort((a, b) => b.length - a.length)) {
      const m = new RegExp(`^\\s?${escape(w)}(?!\\p{L})`, 'iu').exec(rest);
      if (m) return { factor: s.value, length: m[0].length };
    }
  }
  return { factor: 1, length: 0 };
}

function unitAfter(rest: string): { unit: string; currency?: string; length: number } {
  const pct = PERCENT.exec(rest);
  if (pct) return { unit: '%', length: pct[0].length };
  for (const [re, code] of CURRENCY_AFTER) {
    const m = re.exec(rest);
    if (m) return { unit: code, currency: code, length: m[0].length };
  }
  for (const [re, unit] of ENERGY) {
    const m = re.exec(rest);
    if (m) return { unit, length: m[0].length };
  }
  // Otherwise the noun it counts, as printed: "8 millions de foyers" → "foyers".
  const noun = /^\s(?:de\s|d['’]|of\s)?(\p{L}[\p{L}-]*)/u.exec(rest);
  if (noun && !NOT_UNITS.has(noun[1]!.toLowerCase())) return { unit: noun[1]!, length: noun[0].length };
  return { unit: 'TODO unit', length: 0 };
}

/** Every figure in `sentence` outside the periods already found (a year is a date, not a figure). */
export function findFigures(sentence: string, lang: Lang, periods: FoundPeriod[]): FoundFigure[] {
  const taken = periods.map((p) => [p.index, p.index + p.text.length] as const);
  const numbers: { index: number; end: number; value: number; sign: string }[] = [];
  for (const m of sentence.matchAll(DIGITS[lang])) {
    const digits = m[2]!.replace(/[\u00a0\u202f ,]/g, lang === 'fr' ? '' : '').replace(/,/g, '');
    const value = Number(`${digits}${m[3] ? `.${m[3]}` : ''}`);
    const index = m.index! + (m[1] ? 0 : 0);
    // "1. Une alliance": a list number, not a figure.
    if (/^\d+\.\s/.test(sentence.slice(index)) && index === 0) continue;
    numbers.push({ index, end: m.index! + m[0].length, value, sign: m[1] ?? '' });
  }
  const words = wordTable(lang);
  for (const m of sentence.matchAll(words.re)) {
    if (DETERMINERS.test(sentence.slice(0, m.index))) continue; // "les deux entreprises": not a count to draft
    numbers.push({ index: m.index!, end: m.index! + m[0].length, value: words.values.get(m[0].toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' '))!, sign: '' });
  }
  // "un milliard", "one billion": "un"/"one" only count before a scale word.
  for (const m of sentence.matchAll(/(?<!\p{L})(un|une|one|a)\s(?=\p{L})/giu)) {
    if (scaleAfter(sentence.slice(m.index! + m[1]!.length), lang).factor > 1) numbers.push({ index: m.index!, end: m.index! + m[1]!.length, value: 1, sign: '' });
  }
  const figures: FoundFigure[] = [];
  for (const n of numbers.sort((a, b) => a.index - b.index)) {
    if (taken.some(([a, b]) => n.index < b && n.end > a)) continue;
    const scale = scaleAfter(sentence.slice(n.end), lang);
    let end = n.end + scale.length;
    const unit = unitAfter(sentence.slice(end));
    end += unit.length;
    let start = n.index;
    let currency = unit.currency;
    const symbol = /(?:US)?([$€£])\s?$/u.exec(sentence.slice(0, start));
    if (symbol && !currency) {
      currency = CURRENCY_BEFORE[symbol[1]!];
      start -= symbol[0].length;
    }
    const beforeText = sentence.slice(0, start);
    const qual = QUALIFIERS[lang].find(([re]) => re.test(beforeText));
    if (qual) start = beforeText.search(new RegExp(`${qual[0].source}`, 'iu'));
    let value = n.value * scale.factor;
    if (n.sign === '-' || n.sign === '−') value = -value;
    figures.push({
      value,
      unit: currency && unit.unit !== '%' ? currency : unit.unit,
      ...(currency && unit.unit !== '%' ? { currency } : {}),
      qualifier: qual ? qual[1] : 'exact',
      text: sentence.slice(start, end).trim(),
      index: start,
    });
  }
  return figures;
}
