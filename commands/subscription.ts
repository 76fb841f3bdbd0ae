// `/deal subscription`: this channel's summary settings and the next post of each time (anyone may look).
import { defineCommand } from '../src/core/command.ts';
import { reply } from '../src/core/reply.ts';
import { formatDateTime, subscriptionStrings } from '../src/summary/subscribe-input.ts';
import { dealStrings } from '../src/deals/strings.ts';
import { named, noArgs } from './shared.ts';

export const subscription = defineCommand({
  name: 'subscription',
  aliases: ['abonnement', 'subscriptions'],
  description: { en: 'This channel’s summary times, calendar and next posts', fr: 'Les heures, le calendrier et les prochaines publications du résumé de ce canal' },
  usage: '',
  ...noArgs,
  async run(ctx) {
    const s = subscriptionStrings[ctx.lang];
    const notice = (lines: string[]) => reply({ kind: 'notice', lang: ctx.lang, title: s.title, items: [], lines });
    if (!ctx.subscriptions) return notice([s.noDatabase]);
    const sub = await ctx.subscriptions.get(ctx.channel);
    if (!sub) return notice([s.notSubscribed, s.howToSubscribe]);
    const next = ctx.subscriptions.nextRuns?.(sub, ctx.now()) ?? [];
    const tied = sub.deal ? ctx.deals.get(sub.deal) : undefined;
    const dealEntry = tied ?? (ctx.deal.via === 'named' || ctx.deal.via === 'explicit' ? undefined : ctx.deal.entry);
    return notice([
      s.current(sub),
      ...(ctx.deals.several && dealEntry ? [dealStrings[ctx.lang].summaryOf(named(dealEntry, ctx.lang), tied !== undefined)] : []),
      ...(next.length ? [s.nextHead, ...next.map((p) => `• ${s.next(p, sub.timezone)}`)] : [s.noNext]),
      s.since(sub.createdBy, formatDateTime(new Date(sub.createdAt), ctx.lang, sub.timezone)),
      s.howToChange,
    ]);
  },
});
