// `/deal unsubscribe`: this channel stops getting the daily summary (admins only).
import { defineCommand } from '../src/core/command.ts';
import { reply } from '../src/core/reply.ts';
import { subscriptionStrings } from '../src/summary/subscribe-input.ts';
import { noArgs } from './shared.ts';

export const unsubscribe = defineCommand({
  name: 'unsubscribe',
  aliases: ['desabonner', 'sedesabonner'],
  description: { en: 'Stop the daily summary in this channel (admins)', fr: 'Arrêter le résumé quotidien dans ce canal (admins)' },
  usage: '',
  ...noArgs,
  async run(ctx) {
    const s = subscriptionStrings[ctx.lang];
    const notice = (lines: string[]) => reply({ kind: 'notice', lang: ctx.lang, title: s.title, items: [], lines });
    if (!ctx.subscriptions) return notice([s.noDatabase]);
    if (!(await ctx.isAdmin())) return notice([s.refused(ctx.adminRule?.[ctx.lang])]);
    return (await ctx.subscriptions.unsubscribe(ctx.channel)) ? notice([s.unsubscribed]) : notice([s.notSubscribed, s.howToSubscribe]);
  },
});
