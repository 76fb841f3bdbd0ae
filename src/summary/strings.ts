// The summary's own words in each language; facts bring their own translations.
import type { Lang } from '../facts/schema.ts';
import type { MarketErrorKind } from './market.ts';
import type { QuotePhase } from './quote-phase.ts';

type Reason = MarketErrorKind | 'not-configured';

const en = {
  title: (date: string) => `Daily deal summary — ${date}`,
  allLive: (provider: string) => `Share prices from ${provider}, beside the moves recorded at the announcement (fact base, with their source).`,
  someLive: (provider: string) => `Share prices from ${provider} where available, beside the moves recorded at the announcement (fact base, with their source).`,
  noneLive: (why: string) => `Live quotes are unavailable (${why}). The moves recorded at the announcement come from the fact base, with their source.`,
  staleShown: 'Quotes marked stale are the last ones received, with their time.',
  reason: {
    'not-configured': 'no market-data provider configured',
    timeout: 'the provider did not answer in time',
    'rate-limited': 'the provider’s rate limit was reached',
    http: 'the provider answered with an error',
    network: 'the provider is unreachable',
    invalid: 'the provider’s answer was not understood',
    'no-data': 'the provider has no data for it',
    provider: 'the provider reported an error',
  } satisfies Record<Reason, string>,
  live: (name: string, ticker: string, price: string, change: string) => `${name} (${ticker}): ${price}${change ? `, ${change} on the day` : ''}`,
  stale: (name: string, ticker: string, price: string, change: string, asOf: string) =>
    `${name} (${ticker}): ${price}${change ? `, ${change} on the day` : ''} — stale, last quote received (as of ${asOf})`,
  phase: { 'pre-market': 'pre-market', regular: 'regular session', 'after-hours': 'after-hours', 'last-close': 'last close' } satisfies Record<QuotePhase, string>,
  phasedQuote: (name: string, ticker: string, price: string, change: string, phase: string, asOf: string, age: string) =>
    `${name} (${ticker}): ${price}${change ? `, ${change} on the day` : ''} — ${phase}, as of ${asOf} (${age} ago)`,
  staleQuote: (name: string, ticker: string, price: string, change: string, asOf: string, age: string) =>
    `${name} (${ticker}): ${price}${change ? `, ${change} on the day` : ''} — stale: last quote received as of ${asOf} (${age} old), older than the session it would describe`,
  closedHoliday: (holiday: string, exchange: string) => `Markets closed today (${holiday}): no ${exchange} session.`,
  closedWeekend: (exchange: string) => `Markets closed today (weekend): no ${exchange} session.`,
  earlyClose: (exchange: string, close: string, why: string) => `Early close today: the ${exchange} regular session ends at ${close} (${why}).`,
  forced: (why: string) => `Posted on a day this channel’s calendar skips: ${why}.`,
  closedTitle: 'Markets closed today',
  closedNotice: (holiday: string, exchange: string, next: string) => `Markets closed today (${holiday}): no ${exchange} session. Next session: ${next}.`,
  chart: {
    title: 'Share moves (%)',
    atAnnouncement: 'At announcement',
    latest: 'Latest session',
    category: 'Company',
    source: (sources: string) => `Source: ${sources}`,
    factBase: (title: string) => `fact base (${title})`,
    undated: 'the source gives no date for the announcement moves',
    alt: (series: string, source: string, asOf: string) => `Bar chart of share price moves in percent. ${series}. ${source}. As of ${asOf}.`,
  },
  quoteSource: (provider: string) => `${provider} quotes`,
  quoteAsOf: (asOf: string) => `as of ${asOf}`,
  cachedQuote: (fetched: string) => `kept from ${fetched} (stale)`,
  noQuote: (names: string, why: string) => `No live quote for ${names} (${why}).`,
  noMove: (names: string) => `No move recorded at the announcement in the fact base for ${names}.`,
  atAnnouncement: (name: string, ticker: string, statement: string) => `${name} (${ticker}) at the announcement: ${statement}`,
  undated: 'date not given by the source',
  upcoming: (statement: string) => `Next: ${statement}`,
  noUpcoming: 'No upcoming milestone in the fact base.',
  added: (statement: string) => `New since the previous summary: ${statement}`,
  changed: (statement: string) => `Updated since the previous summary: ${statement}`,
  removed: (n: number) => `${n} fact(s) removed from the fact base since the previous summary.`,
  moreChanges: (n: number) => `… and ${n} more change(s) in the fact base (try /deal sources).`,
  noChange: (when: string) => `No change in the fact base since the previous summary (${when}).`,
  otherChange: 'The fact base’s sources, companies or topics changed since the previous summary; no fact did.',
  firstSummary: 'First summary for this channel: the next ones will list the facts added or changed since the previous one.',
  footer: 'Not investment advice. Live quotes may be delayed; recorded moves are as reported by their source.',
};

const fr: typeof en = {
  title: (date) => `Résumé quotidien de l’accord — ${date}`,
  allLive: (provider) => `Cours de ${provider}, à côté des mouvements relevés à l’annonce (base de faits, avec leur source).`,
  someLive: (provider) => `Cours de ${provider} quand ils sont disponibles, à côté des mouvements relevés à l’annonce (base de faits, avec leur source).`,
  noneLive: (why) => `Les cours en direct sont indisponibles (${why}). Les mouvements relevés à l’annonce viennent de la base de faits, avec leur source.`,
  staleShown: 'Les cours marqués « périmé » sont les derniers reçus, avec leur heure.',
  reason: {
    'not-configured': 'aucun fournisseur de données de marché configuré',
    timeout: 'le fournisseur n’a pas répondu à temps',
    'rate-limited': 'la limite de requêtes du fournisseur est atteinte',
    http: 'le fournisseur a répondu par une erreur',
    network: 'le fournisseur est injoignable',
    invalid: 'la réponse du fournisseur est incompréhensible',
    'no-data': 'le fournisseur n’a pas de données pour ce titre',
    provider: 'le fournisseur a signalé une erreur',
  },
  live: (name, ticker, price, change) => `${name} (${ticker}) : ${price}${change ? `, ${change} sur la séance` : ''}`,
  stale: (name, ticker, price, change, asOf) =>
    `${name} (${ticker}) : ${price}${change ? `, ${change} sur la séance` : ''} — périmé, dernier cours reçu (au ${asOf})`,
  phase: { 'pre-market': 'pré-ouverture', regular: 'séance régulière', 'after-hours': 'après-bourse', 'last-close': 'dernière clôture' },
  phasedQuote: (name, ticker, price, change, phase, asOf, age) =>
    `${name} (${ticker}) : ${price}${change ? `, ${change} sur la séance` : ''} — ${phase}, au ${asOf} (il y a ${age})`,
  staleQuote: (name, ticker, price, change, asOf, age) =>
    `${name} (${ticker}) : ${price}${change ? `, ${change} sur la séance` : ''} — périmé : dernier cours reçu au ${asOf} (vieux de ${age}), antérieur à la séance qu’il décrirait`,
  closedHoliday: (holiday, exchange) => `Marchés fermés aujourd’hui (${holiday}) : pas de séance ${exchange}.`,
  closedWeekend: (exchange) => `Marchés fermés aujourd’hui (week-end) : pas de séance ${exchange}.`,
  earlyClose: (exchange, close, why) => `Clôture anticipée aujourd’hui : la séance régulière ${exchange} se termine à ${close} (${why}).`,
  forced: (why) => `Publié un jour que le calendrier de ce canal saute : ${why}.`,
  closedTitle: 'Marchés fermés aujourd’hui',
  closedNotice: (holiday, exchange, next) => `Marchés fermés aujourd’hui (${holiday}) : pas de séance ${exchange}. Prochaine séance : ${next}.`,
  chart: {
    title: 'Variations des actions (%)',
    atAnnouncement: 'À l’annonce',
    latest: 'Dernière séance',
    category: 'Entreprise',
    source: (sources) => `Source : ${sources}`,
    factBase: (title) => `base de faits (${title})`,
    undated: 'la source ne date pas les mouvements à l’annonce',
    alt: (series, source, asOf) => `Graphique en barres des variations des cours en pourcentage. ${series}. ${source}. Au ${asOf}.`,
  },
  quoteSource: (provider) => `Cours ${provider}`,
  quoteAsOf: (asOf) => `au ${asOf}`,
  cachedQuote: (fetched) => `conservé depuis le ${fetched} (périmé)`,
  noQuote: (names, why) => `Pas de cours en direct pour ${names} (${why}).`,
  noMove: (names) => `Aucun mouvement relevé à l’annonce dans la base de faits pour ${names}.`,
  atAnnouncement: (name, ticker, statement) => `${name} (${ticker}) à l’annonce : ${statement}`,
  undated: 'date non indiquée par la source',
  upcoming: (statement) => `À venir : ${statement}`,
  noUpcoming: 'Aucune étape à venir dans la base de faits.',
  added: (statement) => `Nouveau depuis le résumé précédent : ${statement}`,
  changed: (statement) => `Modifié depuis le résumé précédent : ${statement}`,
  removed: (n) => `${n} fait(s) retiré(s) de la base depuis le résumé précédent.`,
  moreChanges: (n) => `… et ${n} autre(s) changement(s) dans la base (voir /deal sources).`,
  noChange: (when) => `Aucun changement dans la base de faits depuis le résumé précédent (${when}).`,
  otherChange: 'Les sources, entreprises ou sujets de la base ont changé depuis le résumé précédent ; aucun fait.',
  firstSummary: 'Premier résumé pour ce canal : les suivants listeront les faits ajoutés ou modifiés depuis le précédent.',
  footer: 'Ceci n’est pas un conseil en investissement. Les cours peuvent être différés ; les mouvements relevés sont ceux rapportés par leur source.',
};

export const summaryStrings: Record<Lang, typeof en> = { en, fr };

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

export function formatDateTime(at: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

export function formatLongDate(at: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(at);
}

export function formatNumber(value: number, lang: Lang, digits = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** "+1.23" / "−0.80": an explicit sign, a real minus. */
export function signed(value: number, lang: Lang, suffix = ''): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(value), lang)}${suffix}`;
}

export const percentSuffix = (lang: Lang) => (lang === 'fr' ? ' %' : '%');
