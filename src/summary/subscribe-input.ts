// What `/deal subscribe` accepts, and the subscription commands' words in each language.
import { fold } from '../core/clean-text.ts';
import type { Subscription, UpcomingPost } from '../core/command.ts';
import type { Lang } from '../facts/schema.ts';
import { EXCHANGES } from './calendar.ts';
import { ALL_DAYS, CALENDAR_DAYS } from './schedule.ts';
import { formatDateTime } from './strings.ts';
import { MAX_TIMES_A_DAY } from './subscriptions.ts';
import { canonicalTimezone, looksLikeTime, parseTimeOfDay } from './time.ts';

/** The calendar a subscription asks for: the deal's exchange (default), or calendar days in a work week. */
export type CalendarChoice = { kind: 'market' } | { kind: 'days'; workDays: number[] };

export type SubscribeInput =
  | { ok: true; times?: string[]; timezone?: string; lang?: Lang; calendar?: CalendarChoice; closedNotice?: boolean }
  | { ok: false; problem: { kind: 'time' | 'timezone' | 'word' | 'twice' | 'too-many' | 'notice-needs-market'; word: string } };

const LANG_WORDS: Record<string, Lang> = {
  en: 'en',
  english: 'en',
  anglais: 'en',
  fr: 'fr',
  french: 'fr',
  francais: 'fr',
};

const MARKET_WORDS = new Set(['market', 'trading-days', 'tradingdays', 'bourse', 'marche', 'seances', 'jours-de-bourse']);
const EVERY_DAY_WORDS = new Set(['every-day', 'everyday', 'daily', 'calendar-days', 'tous-les-jours', 'quotidien']);
const NOTICE_WORDS = new Set(['closed-notice', 'notify-closed', 'avis-fermeture', 'notice']);
/** English and French day names, to ISO weekday. */
const DAY_NAMES: Record<string, number> = {
  mon: 1, monday: 1, lun: 1, lundi: 1,
  tue: 2, tuesday: 2, mar: 2, mardi: 2,
  wed: 3, wednesday: 3, mer: 3, mercredi: 3,
  thu: 4, thursday: 4, jeu: 4, jeudi: 4,
  fri: 5, friday: 5, ven: 5, vendredi: 5,
  sat: 6, saturday: 6, sam: 6, samedi: 6,
  sun: 7, sunday: 7, dim: 7, dimanche: 7,
};

/** "sun-thu" → [7, 1, 2, 3, 4] (wrapping round the week); "weekdays" → Monday–Friday. */
function workWeek(word: string): number[] | undefined {
  if (word === 'weekdays' || word === 'semaine') return [1, 2, 3, 4, 5];
  const m = /^([a-z]+)-([a-z]+)$/.exec(word);
  if (!m) return undefined;
  const from = DAY_NAMES[m[1]!];
  const to = DAY_NAMES[m[2]!];
  if (!from || !to) return undefined;
  const days: number[] = [];
  for (let d = from; ; d = (d % 7) + 1) {
    days.push(d);
    if (d === to) break;
  }
  return days;
}

/** Reads "[HH:MM[,HH:MM…]] [IANA timezone] [en|fr] [market|every-day|sun-thu…] [closed-notice]" in any order. */
export function parseSubscribeWords(words: readonly string[]): SubscribeInput {
  const times: string[] = [];
  let timezone: string | undefined;
  let lang: Lang | undefined;
  let calendar: CalendarChoice | undefined;
  let closedNotice = false;
  const bad = (kind: Extract<SubscribeInput, { ok: false }>['problem']['kind'], word: string): SubscribeInput => ({ ok: false, problem: { kind, word } });
  for (const word of words) {
    const w = fold(word);
    const langWord = LANG_WORDS[w];
    const week = workWeek(w);
    if (langWord) {
      if (lang) return bad('twice', word);
      lang = langWord;
    } else if (word.split(',').every((part) => part === '' || looksLikeTime(part)) && /\d/.test(word)) {
      for (const part of word.split(',').filter(Boolean)) {
        const t = parseTimeOfDay(part);
        if (!t) return bad('time', part);
        times.push(t);
      }
    } else if (MARKET_WORDS.has(w) || EVERY_DAY_WORDS.has(w) || week || EXCHANGES[word.toUpperCase()]) {
      if (calendar) return bad('twice', word);
      calendar = EVERY_DAY_WORDS.has(w) ? { kind: 'days', workDays: ALL_DAYS } : week ? { kind: 'days', workDays: week } : { kind: 'market' };
    } else if (NOTICE_WORDS.has(w)) {
      closedNotice = true;
    } else if (word.includes('/') || /^(utc|gmt|z)$/i.test(word) || /^[A-Z][a-z]+_?[A-Za-z]*$/.test(word)) {
      const tz = canonicalTimezone(word);
      if (!tz) return bad('timezone', word);
      if (timezone) return bad('twice', word);
      timezone = tz;
    } else {
      return bad('word', word);
    }
  }
  const distinct = [...new Set(times)].sort();
  if (distinct.length > MAX_TIMES_A_DAY) return bad('too-many', distinct.join(','));
  if (closedNotice && calendar?.kind === 'days') return bad('notice-needs-market', 'closed-notice');
  return {
    ok: true,
    ...(distinct.length ? { times: distinct } : {}),
    ...(timezone ? { timezone } : {}),
    ...(lang ? { lang } : {}),
    ...(calendar ? { calendar } : {}),
    ...(closedNotice ? { closedNotice } : {}),
  };
}

const USAGE = '/deal subscribe [HH:MM[,HH:MM…]] [IANA timezone] [en|fr] [market|every-day|sun-thu…] [closed-notice]';

const LANG_NAME: Record<Lang, Record<Lang, string>> = {
  en: { en: 'English', fr: 'French' },
  fr: { en: 'anglais', fr: 'français' },
};

const DAY_ABBR: Record<Lang, string[]> = {
  en: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  fr: ['', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim'],
};

/** "09:00 and 16:30" / "09:00 et 16:30". */
function timesList(times: string[], lang: Lang): string {
  if (times.length <= 1) return times.join('');
  return `${times.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${times.at(-1)}`;
}

/** How the calendar reads: "on NYSE/Nasdaq trading days", "every day", "Sun–Thu". */
function calendarText(s: Pick<Subscription, 'calendar' | 'workDays' | 'closedNotice'>, lang: Lang): string {
  if (s.calendar !== CALENDAR_DAYS) {
    const name = EXCHANGES[s.calendar]?.name ?? s.calendar;
    const notice = s.closedNotice ? (lang === 'fr' ? ', avec un avis d’une ligne les jours fériés de la bourse' : ', with a one-line notice on exchange holidays') : '';
    return lang === 'fr' ? `les jours de séance ${name} (week-ends et jours fériés de la bourse sautés${notice})` : `on ${name} trading days (weekends and exchange holidays skipped${notice})`;
  }
  if (s.workDays.length === 7) return lang === 'fr' ? 'tous les jours' : 'every day';
  const first = s.workDays.includes(7) && s.workDays.includes(1) && !s.workDays.includes(6) ? 7 : s.workDays[0]!;
  const ordered = [...s.workDays].sort((a, b) => ((a - first + 7) % 7) - ((b - first + 7) % 7));
  const contiguous = ordered.every((d, i) => i === 0 || d === (ordered[i - 1]! % 7) + 1);
  const days = contiguous && ordered.length > 2 ? `${DAY_ABBR[lang][ordered[0]!]}–${DAY_ABBR[lang][ordered.at(-1)!]}` : ordered.map((d) => DAY_ABBR[lang][d]).join(', ');
  return lang === 'fr' ? `du ${days} (jours calendaires)` : `${days} (calendar days)`;
}

function nextLine(p: UpcomingPost, lang: Lang, timezone: string): string {
  const when = formatDateTime(p.at, lang, timezone);
  if (p.notice) return lang === 'fr' ? `${p.time} — prochain : ${when} (avis de fermeture : ${p.notice})` : `${p.time} — next: ${when} (closed-market notice: ${p.notice})`;
  const early = p.earlyClose ? (lang === 'fr' ? ` (clôture anticipée à ${p.earlyClose} ce jour-là)` : ` (early close at ${p.earlyClose} that day)`) : '';
  return lang === 'fr' ? `${p.time} — prochain : ${when}${early}` : `${p.time} — next: ${when}${early}`;
}

const en = {
  title: 'Deal summary',
  noDatabase: 'Daily summaries are not available here: the bot runs without its database.',
  /** `who`: the platform's own rule when it has one (a noun phrase from its adapter). */
  refused: (who?: string): string => `Only ${who ?? 'administrators'} can change this channel’s daily summary.`,
  bad: (problem: Extract<SubscribeInput, { ok: false }>['problem']): string => {
    const w = `“${problem.word}”`;
    switch (problem.kind) {
      case 'time':
        return `${w} is not a time of day: use HH:MM from 00:00 to 23:59 (e.g. 09:00 or 17:30), several separated by commas (09:00,16:30).`;
      case 'timezone':
        return `${w} is not an IANA timezone: use a name such as Europe/Paris, America/New_York, Asia/Tokyo or UTC.`;
      case 'twice':
        return `${w}: give the timezone, the language and the calendar at most once each.`;
      case 'too-many':
        return `${w}: at most ${MAX_TIMES_A_DAY} times a day.`;
      case 'notice-needs-market':
        return 'closed-notice goes with the market calendar (it reports exchange holidays), not with calendar days.';
      case 'word':
        return `${w} is not understood.`;
    }
  },
  accepted: (defaultTz: string) =>
    `Accepted: ${USAGE} — e.g. /deal subscribe 09:00,16:30 America/New_York, or /deal subscribe 08:30 Asia/Jerusalem sun-thu. Defaults: 09:00, ${defaultTz}, the language of your command, the trading days of the deal’s exchange.`,
  subscribed: (s: Subscription) => `This channel will get the deal summary at ${timesList(s.times, 'en')} (${s.timezone}), in ${LANG_NAME.en[s.lang]}, ${calendarText(s, 'en')}.`,
  nextHead: 'Next posts:',
  next: (p: UpcomingPost, timezone: string) => nextLine(p, 'en', timezone),
  noNext: 'No post is planned in the next 30 days.',
  howToChange: 'Change it with /deal subscribe HH:MM[,HH:MM] Area/City; stop it with /deal unsubscribe.',
  unsubscribed: 'This channel will no longer get the daily summary.',
  notSubscribed: 'This channel has no daily summary.',
  howToSubscribe: `An administrator can start one with ${USAGE}.`,
  current: (s: Subscription) => `This channel gets the deal summary at ${timesList(s.times, 'en')} (${s.timezone}), in ${LANG_NAME.en[s.lang]}, ${calendarText(s, 'en')}.`,
  since: (by: string, at: string) => `Set by ${by} on ${at}.`,
};

const fr: typeof en = {
  title: 'Résumé de l’accord',
  noDatabase: 'Les résumés quotidiens ne sont pas disponibles ici : le bot tourne sans sa base de données.',
  refused: (who) => `Seuls ${who ?? 'les administrateurs'} peuvent modifier le résumé quotidien de ce canal.`,
  bad: (problem) => {
    const w = `« ${problem.word} »`;
    switch (problem.kind) {
      case 'time':
        return `${w} n’est pas une heure : utilisez HH:MM de 00:00 à 23:59 (par ex. 09:00 ou 17:30), plusieurs séparées par des virgules (09:00,16:30).`;
      case 'timezone':
        return `${w} n’est pas un fuseau horaire IANA : utilisez un nom comme Europe/Paris, America/New_York, Asia/Tokyo ou UTC.`;
      case 'twice':
        return `${w} : donnez le fuseau, la langue et le calendrier au plus une fois chacun.`;
      case 'too-many':
        return `${w} : au plus ${MAX_TIMES_A_DAY} heures par jour.`;
      case 'notice-needs-market':
        return 'closed-notice va avec le calendrier de la bourse (il signale ses jours fériés), pas avec les jours calendaires.';
      case 'word':
        return `${w} n’est pas compris.`;
    }
  },
  accepted: (defaultTz) =>
    `Accepté : ${USAGE} — par ex. /deal subscribe 09:00,16:30 America/New_York, ou /deal subscribe 08:30 Asia/Jerusalem dim-jeu. Par défaut : 09:00, ${defaultTz}, la langue de votre commande, les jours de séance de la bourse de l’accord.`,
  subscribed: (s) => `Ce canal recevra le résumé de l’accord à ${timesList(s.times, 'fr')} (${s.timezone}), en ${LANG_NAME.fr[s.lang]}, ${calendarText(s, 'fr')}.`,
  nextHead: 'Prochaines publications :',
  next: (p, timezone) => nextLine(p, 'fr', timezone),
  noNext: 'Aucune publication prévue dans les 30 prochains jours.',
  howToChange: 'Modifiez-le avec /deal subscribe HH:MM[,HH:MM] Zone/Ville ; arrêtez-le avec /deal unsubscribe.',
  unsubscribed: 'Ce canal ne recevra plus le résumé quotidien.',
  notSubscribed: 'Ce canal n’a pas de résumé quotidien.',
  howToSubscribe: `Un administrateur peut en démarrer un avec ${USAGE}.`,
  current: (s) => `Ce canal reçoit le résumé de l’accord à ${timesList(s.times, 'fr')} (${s.timezone}), en ${LANG_NAME.fr[s.lang]}, ${calendarText(s, 'fr')}.`,
  since: (by, at) => `Réglé par ${by} le ${at}.`,
};

export const subscriptionStrings: Record<Lang, typeof en> = { en, fr };

export { formatDateTime };
