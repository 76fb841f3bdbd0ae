// The Discord adapter's own UI words, in each language the bot answers in.
import type { Lang } from '../../facts/schema.ts';

const strings = {
  en: {
    share: 'Share in channel',
    shared: 'Shared in channel',
    sharedBy: (name: string) => `Shared by ${name}`,
    askedBy: (name: string) => `Asked by ${name}`,
    sources: 'Sources',
    tryThese: 'Try:',
    commandDescription: 'Ask about the deal: answers come from a cited fact base',
    queryDescription: 'Question or topic, or:',
    publicDescription: 'Show the answer to everyone in the channel (default: only you, with a Share button)',
  },
  fr: {
    share: 'Partager dans le salon',
    shared: 'Partagé dans le salon',
    sharedBy: (name: string) => `Partagé par ${name}`,
    askedBy: (name: string) => `Demandé par ${name}`,
    sources: 'Sources',
    tryThese: 'Essayez :',
    commandDescription: 'Interroger le bot sur l’accord : réponses tirées d’une base de faits sourcée',
    queryDescription: 'Question ou sujet, ou :',
    publicDescription: 'Montrer la réponse à tout le salon (par défaut : à vous seul, avec un bouton Partager)',
  },
} as const;

export type DiscordStrings = (typeof strings)['en'];

export function ds(lang: Lang): DiscordStrings {
  return strings[lang] as DiscordStrings;
}
