// `/deal subscribe [HH:MM[,HH:MM…]] [timezone] [en|fr] [calendar] [closed-notice]`: this channel
// gets the deal summary at those times, on the days of its calendar (admins only).
import { z } from 'zod';
import { defineCommand } from '../src/core/command.ts';
import { reply } from '../src/core/reply.ts';
import { CALENDAR_DAYS, defaultCalendarOf } from '../src/summary/schedule.ts';
import { dealStrings } from '../src/deals/strings.ts';
import { parseSubscribeWords, subscriptionStrings } from '../src/summary/subscribe-input.ts';
import { named } from './shared.ts';

export const subscribe = defineCommand({
  name: 'subscribe',
  aliases: ['abonner', 'sabonner'],
  description: { en: 'Post the market summary in this channel, at one or more times a day (admins)', fr: 'Publier le résumé du marché dans ce canal, à une ou plusieurs heures par jour (admins)' },
  usage: '[HH:MM[,HH:MM]] [timezone] [en|fr] [market|every-day|sun-thu] [closed-notice] [deal]',
  acceptsText: true,
  routing: 'channel', // the channel's deal, or the one its words or /deal <deal> subscribe … tie it to
  args: z.object({ words: z.array(z.string()).max(16, 'give at most times, a timezone, a language and a calendar') }),
  parseArgs: (rest: string) => ({ words: rest.split(/\s+/).filter(Boolean) }),
  async run(ctx, { words }) {
    // A deal id among the words (or `/deal <deal> subscribe …`) ties the summary to that deal;
    // otherwise it follows the channel's deal.
    const tiedWord = words.find((w) => ctx.deals.several && ctx.deals.get(w.toLowerCase()));
    const tied = tiedWord ? ctx.deals.get(tiedWord.toLowerCase())! : ctx.deal.via === 'explicit' ? ctx.deal.entry : undefined;
    const input = parseSubscribeWords(words.filter((w) => w !== tiedWord));
    // The answer's language: an explicit en/fr word wins over the command's language.
    const lang = input.ok && input.lang ? input.lang : ctx.lang;
    const s = subscriptionStrings[lang];
    const notice = (lines: string[]) => reply({ kind: 'notice', lang, title: s.title, items: [], lines });
    if (!ctx.subscriptions) return notice([s.noDatabase]);
    if (!(await ctx.isAdmin())) return notice([s.refused(ctx.adminRule?.[lang])]);
    if (!input.ok) return notice([s.bad(input.problem), s.accepted(ctx.defaultTimezone)]);

    // Default: the trading calendar of the deal's main listed party (NYSE/Nasdaq for Nvidia).
    const dealEntry = tied ?? ctx.deal.entry;
    const calendar = input.calendar?.kind === 'days' ? CALENDAR_DAYS : defaultCalendarOf(dealEntry.engine.base);
    const sub = await ctx.subscriptions.subscribe({
      channel: ctx.channel,
      times: input.times ?? ['09:00'],
      timezone: input.timezone ?? ctx.defaultTimezone,
      lang,
      by: ctx.user.name ?? ctx.user.id,
      calendar,
      ...(input.calendar?.kind === 'days' ? { workDays: input.calendar.workDays } : {}),
      closedNotice: Boolean(input.closedNotice) && calendar !== CALENDAR_DAYS,
      ...(tied ? { deal: tied.id } : {}),
    });
    const next = ctx.subscriptions.nextRuns?.(sub, ctx.now()) ?? [];
    return notice([
      s.subscribed(sub),
      ...(ctx.deals.several ? [dealStrings[lang].summaryOf(named(dealEntry, lang), tied !== undefined)] : []),
      ...(next.length ? [s.nextHead, ...next.map((p) => `• ${s.next(p, sub.timezone)}`)] : [s.noNext]),
      s.howToChange,
    ]);
  },
});
