// The Discord adapter's own UI words, in each language the bot answers in.
import type { Lang } from '../../facts/schema.ts';

const strings = {
  en: {
    share: 'Share in channel',
    shared: 'Shared in channel',
    sharedBy: (name: string) => `Shared by ${name}`,
    tryThese: 'Try:',
    more: (n: number) => `… and ${n} more (try a narrower question)`,
    apology: 'Sorry, something went wrong while answering. The problem has been logged.',
    nothingToShare: 'Nothing to share here: ask again with /deal.',
    commandDescription: 'Ask about the deal: answers come from a cited fact base',
    queryDescription: 'Question or topic, or:',
    publicDescription: 'Show the answer to everyone in the channel (default: only you, with a Share button)',
  },
  fr: {
    share: 'Partager dans le salon',
    shared: 'Partagé dans le salon',
    sharedBy: (name: string) => `Partagé par ${name}`,
    tryThese: 'Essayez :',
    more: (n: number) => `… et ${n} de plus (précisez la question)`,
    apology: 'Désolé, une erreur est survenue pendant la réponse. Le problème a été journalisé.',
    nothingToShare: 'Rien à partager ici : reposez la question avec /deal.',
    commandDescription: 'Interroger le bot sur l’accord : réponses tirées d’une base de faits sourcée',
    queryDescription: 'Question ou sujet, ou :',
    publicDescription: 'Montrer la réponse à tout le salon (par défaut : à vous seul, avec un bouton Partager)',
  },
} as const;

export type DiscordStrings = (typeof strings)['en'];

export function ds(lang: Lang): DiscordStrings {
  return strings[lang] as DiscordStrings;
}
