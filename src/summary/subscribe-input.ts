// What `/deal subscribe` accepts, and the subscription commands' words in each language.
import { fold } from '../core/clean-text.ts';
import type { Subscription } from '../core/command.ts';
import type { Lang } from '../facts/schema.ts';
import { formatDateTime } from './strings.ts';
import { canonicalTimezone, looksLikeTime, parseTimeOfDay } from './time.ts';

export type SubscribeInput =
  | { ok: true; time?: string; timezone?: string; lang?: Lang }
  | { ok: false; problem: { kind: 'time' | 'timezone' | 'word' | 'twice'; word: string } };

const LANG_WORDS: Record<string, Lang> = {
  en: 'en',
  english: 'en',
  anglais: 'en',
  fr: 'fr',
  french: 'fr',
  francais: 'fr',
};

/** Reads "[HH:MM] [IANA timezone] [en|fr]" in any order. */
export function parseSubscribeWords(words: readonly string[]): SubscribeInput {
  let time: string | undefined;
  let timezone: string | undefined;
  let lang: Lang | undefined;
  for (const word of words) {
    const langWord = LANG_WORDS[fold(word)];
    if (langWord) {
      if (lang) return { ok: false, problem: { kind: 'twice', word } };
      lang = langWord;
    } else if (looksLikeTime(word)) {
      const t = parseTimeOfDay(word);
      if (!t) return { ok: false, problem: { kind: 'time', word } };
      if (time) return { ok: false, problem: { kind: 'twice', word } };
      time = t;
    } else if (word.includes('/') || /^(utc|gmt|z)$/i.test(word) || /^[A-Z][a-z]+_?[A-Za-z]*$/.test(word)) {
      const tz = canonicalTimezone(word);
      if (!tz) return { ok: false, problem: { kind: 'timezone', word } };
      if (timezone) return { ok: false, problem: { kind: 'twice', word } };
      timezone = tz;
    } else {
      return { ok: false, problem: { kind: 'word', word } };
    }
  }
  return { ok: true, ...(time ? { time } : {}), ...(timezone ? { timezone } : {}), ...(lang ? { lang } : {}) };
}

const USAGE = '/deal subscribe [HH:MM] [IANA timezone] [en|fr]';

const LANG_NAME: Record<Lang, Record<Lang, string>> = {
  en: { en: 'English', fr: 'French' },
  fr: { en: 'anglais', fr: 'français' },
};

const en = {
  title: 'Daily summary',
  noDatabase: 'Daily summaries are not available here: the bot runs without its database.',
  /** The platform's own rule when it has one (a sentence from its adapter). */
  refused: (rule?: string): string => rule ?? 'Only administrators can change this channel’s daily summary.',
  bad: (problem: Extract<SubscribeInput, { ok: false }>['problem']): string => {
    const w = `“${problem.word}”`;
    switch (problem.kind) {
      case 'time':
        return `${w} is not a time of day: use HH:MM from 00:00 to 23:59 (e.g. 09:00 or 17:30).`;
      case 'timezone':
        return `${w} is not an IANA timezone: use a name such as Europe/Paris, America/New_York, Asia/Tokyo or UTC.`;
      case 'twice':
        return `${w}: give the time, the timezone and the language at most once each.`;
      case 'word':
        return `${w} is not understood.`;
    }
  },
  accepted: (defaultTz: string) =>
    `Accepted: ${USAGE} — e.g. /deal subscribe 09:00 Europe/Paris, or /deal subscribe 17:30 America/New_York fr. Defaults: 09:00, ${defaultTz}, the language of your command.`,
  subscribed: (s: Subscription) => `This channel will get the daily deal summary every day at ${s.time} (${s.timezone}), in ${LANG_NAME.en[s.lang]}.`,
  next: (when: string) => `Next summary: ${when}.`,
  howToChange: 'Change it with /deal subscribe HH:MM Area/City; stop it with /deal unsubscribe.',
  unsubscribed: 'This channel will no longer get the daily summary.',
  notSubscribed: 'This channel has no daily summary.',
  howToSubscribe: `An administrator can start one with ${USAGE}.`,
  current: (s: Subscription) => `This channel gets the daily deal summary every day at ${s.time} (${s.timezone}), in ${LANG_NAME.en[s.lang]}.`,
  since: (by: string, at: string) => `Set by ${by} on ${at}.`,
};

const fr: typeof en = {
  title: 'Résumé quotidien',
  noDatabase: 'Les résumés quotidiens ne sont pas disponibles ici : le bot tourne sans sa base de données.',
  refused: (rule) => rule ?? 'Seuls les administrateurs peuvent modifier le résumé quotidien de ce canal.',
  bad: (problem) => {
    const w = `« ${problem.word} »`;
    switch (problem.kind) {
      case 'time':
        return `${w} n’est pas une heure : utilisez HH:MM de 00:00 à 23:59 (par ex. 09:00 ou 17:30).`;
      case 'timezone':
        return `${w} n’est pas un fuseau horaire IANA : utilisez un nom comme Europe/Paris, America/New_York, Asia/Tokyo ou UTC.`;
      case 'twice':
        return `${w} : donnez l’heure, le fuseau et la langue au plus une fois chacun.`;
      case 'word':
        return `${w} n’est pas compris.`;
    }
  },
  accepted: (defaultTz) =>
    `Accepté : ${USAGE} — par ex. /deal subscribe 09:00 Europe/Paris, ou /deal subscribe 17:30 America/New_York fr. Par défaut : 09:00, ${defaultTz}, la langue de votre commande.`,
  subscribed: (s) => `Ce canal recevra le résumé quotidien de l’accord chaque jour à ${s.time} (${s.timezone}), en ${LANG_NAME.fr[s.lang]}.`,
  next: (when) => `Prochain résumé : ${when}.`,
  howToChange: 'Modifiez-le avec /deal subscribe HH:MM Zone/Ville ; arrêtez-le avec /deal unsubscribe.',
  unsubscribed: 'Ce canal ne recevra plus le résumé quotidien.',
  notSubscribed: 'Ce canal n’a pas de résumé quotidien.',
  howToSubscribe: `Un administrateur peut en démarrer un avec ${USAGE}.`,
  current: (s) => `Ce canal reçoit le résumé quotidien de l’accord chaque jour à ${s.time} (${s.timezone}), en ${LANG_NAME.fr[s.lang]}.`,
  since: (by, at) => `Réglé par ${by} le ${at}.`,
};

export const subscriptionStrings: Record<Lang, typeof en> = { en, fr };

export { formatDateTime };
