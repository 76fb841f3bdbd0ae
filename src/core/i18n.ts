// The bot's own words in each language it answers in. Facts carry their own translations.
import type { Lang } from '../facts/schema.ts';
import type { Reply } from './reply.ts';

const strings = {
  en: {
    answerTitle: (q: string) => `dealbot: ${q}`,
    dealHeader: (name: string) => `Deal: ${name}`,
    overviewTitle: 'The deal at a glance',
    noFactsTitle: 'No facts found',
    noFacts: (q: string) => `I have no facts about “${q}” in the fact base.`,
    tryTopics: 'Try one of these topics:',
    corrected: (pairs: string) => `Showing results for ${pairs}.`,
    premiseCorrected: (names: readonly string[]) => `The sources don't say this about ${listOf('en', names)}. What they do say:`,
    truncated: (n: number) => `Your question was cut to its first ${n} characters.`,
    moreFacts: (n: number) => `… and ${n} more (try a narrower question)`,
    more: (n: number) => `… and ${n} more`,
    footer: 'Answers come only from the cited fact base.',
    error: 'Sorry, something went wrong while answering. The problem has been logged.',
    badArgs: (usage: string, problem: string) => `${problem}. Usage: ${usage}`,
    sources: 'Sources',
    busy: 'The database is busy right now, so this change was not saved. Please try again in a moment.',
    busyTitle: 'Busy, try again',
    limitedTitle: 'One moment, please',
    limitedUser: (n: number, s: number) => `You are asking faster than I can keep up: up to ${n} questions a minute per person. Please try again in ${s} s.`,
    limitedChannel: (n: number, s: number) => `This channel is asking a lot right now: up to ${n} questions a minute per channel. Please try again in ${s} s.`,
    restartingTitle: 'Restarting',
    restarting: 'dealbot is restarting. Please ask again in a minute.',
    sharesTitle: 'Share',
    nothingToShare: 'Nothing to share here: ask again with /deal.',
    shareGone: 'This answer can no longer be shared: ask again with /deal.',
    helpTitle: 'How to use dealbot',
    helpIntro: 'Ask about the deal with /deal followed by a topic or a question, or mention the bot with a question.',
    timelineTitle: 'Timeline',
    quotesTitle: 'Quotes',
    quotesBy: (who: string) => `Quotes from ${who}`,
    noQuotesBy: (who: string) => `No quotes from “${who}” in the fact base.`,
    marketTitle: 'Market moves recorded at the announcement',
    sourcesTitle: 'Sources',
    publisherUnknown: 'publisher not named in the source',
    dateUnknown: 'publication date not given',
    factCount: (n: number) => `${n} fact(s) cite it`,
    baseVersion: (fp: string, at: string, n: number) => `Fact base version ${fp}, ${n} facts, loaded ${at}.`,
    originalIn: (lang: string) => `original, ${lang}`,
    said: 'said',
  },
  fr: {
    answerTitle: (q: string) => `dealbot : ${q}`,
    dealHeader: (name: string) => `Accord : ${name}`,
    overviewTitle: 'L’accord en bref',
    noFactsTitle: 'Aucun fait trouvé',
    noFacts: (q: string) => `Je n’ai aucun fait sur « ${q} » dans la base.`,
    tryTopics: 'Essayez l’un de ces sujets :',
    corrected: (pairs: string) => `Résultats pour ${pairs}.`,
    premiseCorrected: (names: readonly string[]) => `Les sources ne disent pas cela ${listOf('fr', names.map(deOf))}. Voici ce qu’elles disent :`,
    truncated: (n: number) => `Votre question a été coupée à ses ${n} premiers caractères.`,
    moreFacts: (n: number) => `… et ${n} de plus (précisez la question)`,
    more: (n: number) => `… et ${n} de plus`,
    footer: 'Les réponses viennent uniquement de la base de faits citée.',
    error: 'Désolé, une erreur est survenue pendant la réponse. Le problème a été journalisé.',
    badArgs: (usage: string, problem: string) => `${problem}. Usage : ${usage}`,
    sources: 'Sources',
    busy: 'La base de données est occupée, ce changement n’a pas été enregistré. Réessayez dans un instant.',
    busyTitle: 'Occupé, réessayez',
    limitedTitle: 'Un instant, s’il vous plaît',
    limitedUser: (n: number, s: number) => `Vous posez des questions plus vite que je ne peux suivre : jusqu’à ${n} questions par minute et par personne. Réessayez dans ${s} s.`,
    limitedChannel: (n: number, s: number) => `Ce canal pose beaucoup de questions en ce moment : jusqu’à ${n} questions par minute et par canal. Réessayez dans ${s} s.`,
    restartingTitle: 'Redémarrage',
    restarting: 'dealbot redémarre. Reposez votre question dans une minute.',
    sharesTitle: 'Partager',
    nothingToShare: 'Rien à partager ici : reposez la question avec /deal.',
    shareGone: 'Cette réponse ne peut plus être partagée : reposez la question avec /deal.',
    helpTitle: 'Utiliser dealbot',
    helpIntro: 'Interrogez le bot avec /deal suivi d’un sujet ou d’une question, ou mentionnez-le avec une question.',
    timelineTitle: 'Calendrier',
    quotesTitle: 'Citations',
    quotesBy: (who: string) => `Citations de ${who}`,
    noQuotesBy: (who: string) => `Aucune citation de « ${who} » dans la base.`,
    marketTitle: 'Mouvements de marché relevés à l’annonce',
    sourcesTitle: 'Sources',
    publisherUnknown: 'éditeur non nommé dans la source',
    dateUnknown: 'date de publication non indiquée',
    factCount: (n: number) => `${n} fait(s) la citent`,
    baseVersion: (fp: string, at: string, n: number) => `Base de faits version ${fp}, ${n} faits, chargée le ${at}.`,
    originalIn: (lang: string) => `original, ${lang}`,
    said: 'a déclaré',
  },
} as const;

export type Strings = (typeof strings)['en'];

/** "Google or AMD", "de Google ou d’AMD": names joined the way the language lists alternatives. */
function listOf(lang: Lang, names: readonly string[]): string {
  return new Intl.ListFormat(lang, { type: 'disjunction' }).format(names);
}

/** French "de" with its elision before a vowel ("d’AMD", "de Google"). */
function deOf(name: string): string {
  return /^[aeiouyhâéèêîôû]/i.test(name) ? `d’${name}` : `de ${name}`;
}

export function t(lang: Lang): Strings {
  return strings[lang] as Strings;
}

/** The "… and N more" line for a reply's `omitted` items: an answer also suggests a narrower question. */
export function moreLine(reply: Pick<Reply, 'kind' | 'lang' | 'omitted'>): string {
  return reply.kind === 'answer' ? t(reply.lang).moreFacts(reply.omitted) : t(reply.lang).more(reply.omitted);
}

export const LANGUAGE_NAMES: Record<Lang, Record<Lang, string>> = {
  en: { en: 'English', fr: 'French' },
  fr: { en: 'anglais', fr: 'français' },
};
