// Dates and periods in an English or French sentence ("second semestre 2026", "H2 2026", "mars 2027",
// "2 mars 2026", "2030 et au-delà", "2026"), as the fact schema's `when`. Labels: the source's own words in
// its language; the other language's label is generated from the parsed period (a period's name, not a
// translated sentence): month names by Intl.DateTimeFormat, halves and quarters as H1/Q1 and their French names.
import type { Lang, When } from '../facts/schema.ts';

const MONTHS: Record<Lang, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
};
const YEAR = '((?:19|20)\\d\\d)';
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export interface FoundPeriod {
  when: When;
  /** The words of the source that state it, as printed. */
  text: string;
  /** Where it starts in the sentence (to tell a year from a figure). */
  index: number;
}

function monthName(m: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m - 1, 1)));
}

function labels(source: string, other: string, lang: Lang): When['label'] {
  return lang === 'fr' ? { fr: source, en: other } : { en: source, fr: other };
}

function half(y: number, h: 1 | 2, text: string, lang: Lang): When {
  return {
    from: h === 1 ? `${y}-01-01` : `${y}-07-01`,
    to: h === 1 ? `${y}-06-30` : `${y}-12-31`,
    precision: 'half',
    label: labels(text, lang === 'fr' ? `H${h} ${y}` : `${h === 1 ? 'premier' : 'second'} semestre ${y}`, lang),
  };
}

function quarter(y: number, q: number, text: string, lang: Lang): When {
  const m = (q - 1) * 3 + 1;
  return {
    from: `${y}-${pad(m)}-01`,
    to: `${y}-${pad(m + 2)}-${lastDay(y, m + 2)}`,
    precision: 'quarter',
    label: labels(text, lang === 'fr' ? `Q${q} ${y}` : `T${q} ${y}`, lang),
  };
}

function month(y: number, m: number, text: string, lang: Lang): When {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${lastDay(y, m)}`, precision: 'month', label: labels(text, `${monthName(m, other)} ${y}`, lang) };
}

function day(y: number, m: number, d: number, text: string, lang: Lang): When {
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const otherText = new Intl.DateTimeFormat(other, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  return { from: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', label: labels(text, otherText, lang) };
}

const ORDINAL_HALF: Record<string, 1 | 2> = { premier: 1, '1er': 1, second: 2, deuxième: 2, '2e': 2, '2nd': 2, first: 1 };
const ORDINAL_QUARTER: Record<string, number> = { premier: 1, '1er': 1, deuxième: 2, second: 2, '2e': 2, troisième: 3, '3e': 3, quatrième: 4, '4e': 4, first: 1, third: 3, fourth: 4 };

type Rule = { re: RegExp; make: (m: RegExpExecArray, lang: Lang) => When | undefined };

/** Most precise first: a sentence's first match of the earliest rule wins over a bare year. */
function rules(lang: Lang): Rule[] {
  const months = MONTHS[lang].join('|');
  return [
    { re: new RegExp(`\\b(\\d{1,2})(?:er)?\\s+(${months})\\s+${YEAR}`, 'giu'), make: (m, l) => day(+m[3]!, MONTHS[l].indexOf(m[2]!.toLowerCase()) + 1, +m[1]!, m[0], l) },
    { re: new RegExp(`\\b(${months})\\s+(\\d{1,2}),\\s+${YEAR}`, 'giu'), make: (m, l) => day(+m[3]!, MONTHS[l].indexOf(m[1]!.toLowerCase()) + 1, +m[2]!, m[0], l) },
    { re: new RegExp(`\\b(premier|1er|second|deuxième|2e|first|second)\\s+(?:semestre|half)\\s+(?:(?:de\\s+|of\\s+))?${YEAR}`, 'giu'), make: (m, l) => half(+m[2]!, ORDINAL_HALF[m[1]!.toLowerCase()]!, m[0], l) },
    { re: new RegExp(`\\b(?:H|S)([12])\\s+${YEAR}`, 'gu'), make: (m, l) => half(+m[2]!, +m[1]! as 1 | 2, m[0], l) },
    { re: new RegExp(`\\b(premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|first|third|fourth)\\s+(?:trimestre|quarter)\\s+(?:(?:de\\s+|of\\s+))?${YEAR}`, 'giu'), make: (m, l) => quarter(+m[2]!, ORDINAL_QUARTER[m[1]!.toLowerCase()]!, m[0], l) },
    { re: new RegExp(`\\b(?:Q|T)([1-4])\\s+${YEAR}`, 'gu'), make: (m, l) => quarter(+m[2]!, +m[1]!, m[0], l) },
    { re: new RegExp(`\\b(${months})\\s+${YEAR}`, 'giu'), make: (m, l) => month(+m[2]!, MONTHS[l].indexOf(m[1]!.toLowerCase()) + 1, m[0], l) },
    {
      re: new RegExp(`(?:\\b(?:à partir de|dès|from)\\s+${YEAR}|${YEAR}\\s+(?:et au-delà|and beyond|onwards?))`, 'giu'),
      make: (m, l) => {
        const y = +(m[1] ?? m[2])!;
        return { from: `${y}-01-01`, precision: 'onward', label: labels(m[0], l === 'fr' ? `${y} and beyond` : `${y} et au-delà`, l) };
      },
    },
    { re: new RegExp(`(?<![\\d$€£.,]|\\d[\\s\\u00a0])${YEAR}(?![\\d]|[.,]\\d|[\\s\\u00a0]?[%€$])`, 'gu'), make: (m, l) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, precision: 'year', label: labels(m[1]!, m[1]!, l) }) },
  ];
}

/** Every period stated in `sentence`, most precise first, none overlapping another. */
export function findPeriods(sentence: string, lang: Lang): FoundPeriod[] {
  const found: FoundPeriod[] = [];
  const taken: [number, number][] = [];
  for (const rule of rules(lang)) {
    for (const m of sentence.matchAll(rule.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const when = rule.make(m as RegExpExecArray, lang);
      if (!when) continue;
      taken.push([start, end]);
      found.push({ when, text: m[0], index: start });
    }
  }
  return found;
}

/** A single calendar day ("2 mars 2026", "March 2, 2026", "2026-03-02") as an ISO date, if `text` is one. */
export function parseDay(text: string, lang: Lang): string | undefined {
  const iso = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const p = findPeriods(text, lang).find((f) => f.when.precision === 'day');
  return p?.when.from;
}
