// Turns facts into Reply items in a language: figures formatted, quotes with speaker, citation attached.
import type { FactBase } from '../facts/load.ts';
import type { Fact, Figure, Lang } from '../facts/schema.ts';
import { LANGUAGE_NAMES, t } from './i18n.ts';
import type { ReplyCitation, ReplyItem } from './reply.ts';

const QUALIFIER: Record<Lang, Record<Figure['qualifier'], string>> = {
  en: { exact: '', 'up-to': 'up to ', 'at-least': 'at least ', 'more-than': 'more than ', about: 'about ' },
  fr: { exact: '', 'up-to': 'jusqu’à ', 'at-least': 'au moins ', 'more-than': 'plus de ', about: 'environ ' },
};

const UNIT_NAMES: Record<string, Record<Lang, string>> = {
  households: { en: 'households', fr: 'foyers' },
  homes: { en: 'homes', fr: 'foyers' },
};

const CURRENCY_NAMES: Record<string, Record<Lang, string>> = {
  USD: { en: '$', fr: 'dollars' },
  EUR: { en: '€', fr: 'euros' },
};

// Building an Intl.NumberFormat costs far more than formatting with one: keep one per language.
const NUMBER_FORMATS: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }),
};

function number(value: number, lang: Lang): string {
  return NUMBER_FORMATS[lang].format(value);
}

/** 100e9 → "100 billion" / "100 milliards"; 8e6 → "8 million" / "8 millions". */
function scaled(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  const scales: [number, Record<Lang, [string, string]>][] = [
    [1e9, { en: ['billion', 'billion'], fr: ['milliard', 'milliards'] }],
    [1e6, { en: ['million', 'million'], fr: ['million', 'millions'] }],
  ];
  for (const [size, words] of scales) {
    if (abs >= size) {
      const n = value / size;
      const [one, many] = words[lang];
      return `${number(n, lang)} ${Math.abs(n) >= 2 ? many : one}`;
    }
  }
  return number(value, lang);
}

export function formatFigure(f: Figure, lang: Lang): string {
  const q = QUALIFIER[lang][f.qualifier];
  if (f.unit === '%') {
    const sign = f.value > 0 ? '+' : f.value < 0 ? '−' : '';
    return `${q}${sign}${number(Math.abs(f.value), lang)}${lang === 'fr' ? ' %' : '%'}`;
  }
  const currency = f.currency ? CURRENCY_NAMES[f.currency] : undefined;
  if (currency) {
    const amount = scaled(f.value, lang);
    if (lang === 'en') return `${q}${currency.en === '$' || currency.en === '€' ? currency.en + amount : `${amount} ${f.currency}`}`;
    // "100 milliards de dollars", but "12 dollars".
    return `${q}${amount}${/millions?|milliards?/.test(amount) ? ' de ' : ' '}${currency.fr}`;
  }
  const unit = UNIT_NAMES[f.unit]?.[lang] ?? f.unit;
  const amount = scaled(f.value, lang);
  const join = lang === 'fr' && /millions?|milliards?/.test(amount) ? ' de ' : ' ';
  return `${q}${amount}${join}${unit}`;
}

export function citationOf(fact: Fact, base: FactBase, _lang: Lang): ReplyCitation {
  const source = base.sources.get(fact.citation.source);
  return {
    sourceId: fact.citation.source,
    source: source ? `« ${source.title} »` : fact.citation.source,
    ...(source?.publisher ? { publisher: source.publisher } : {}),
    ...(source?.url ? { url: source.url } : {}),
    section: fact.citation.section,
  };
}

/** The whole line a user reads for a fact; quotes keep their verbatim original. */
export function factText(fact: Fact, lang: Lang): string {
  if (fact.kind === 'quote') {
    const q = fact.quote;
    const who = `${q.speaker}, ${q.role[lang]}, ${q.organisation}`;
    // Only an English translation is curated; other readers get the verbatim original.
    if (lang !== 'en' || q.lang === 'en' || !q.translation) return `« ${q.original} » — ${who}`;
    // The translation is the fact base's, never made up here; the original stays beside it.
    return `“${q.translation.en}” — ${who} (${t(lang).originalIn(LANGUAGE_NAMES[lang][q.lang])}: « ${q.original} »)`;
  }
  return fact.statement[lang];
}

export function itemOf(fact: Fact, base: FactBase, lang: Lang): ReplyItem {
  const item: ReplyItem = { factId: fact.id, text: factText(fact, lang), citation: citationOf(fact, base, lang) };
  if (fact.figures.length > 0) item.figure = fact.figures.map((f) => formatFigure(f, lang)).join(' · ');
  if (fact.when) item.when = fact.when.label[lang];
  if (fact.kind === 'quote') {
    const q = fact.quote;
    item.quote = {
      text: q.original,
      lang: q.lang,
      ...(lang === 'en' && q.lang !== 'en' && q.translation ? { translation: q.translation.en } : {}),
      speaker: q.speaker,
      role: q.role[lang],
      organisation: q.organisation,
    };
  }
  return item;
}

/** Dated facts first to last; ties keep base order. */
export function chronological(facts: Fact[]): Fact[] {
  return facts
    .map((f, i) => ({ f, i }))
    .filter((x) => x.f.when)
    .sort((a, b) => a.f.when!.from.localeCompare(b.f.when!.from) || a.i - b.i)
    .map((x) => x.f);
}
