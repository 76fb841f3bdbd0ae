// `/deal subscribe [HH:MM] [timezone] [en|fr]`: this channel gets the daily summary (admins only).
import { z } from 'zod';
import { defineCommand } from '../src/core/command.ts';
import { reply } from '../src/core/reply.ts';
import { formatDateTime, parseSubscribeWords, subscriptionStrings } from '../src/summary/subscribe-input.ts';

export const subscribe = defineCommand({
  name: 'subscribe',
  aliases: ['abonner', 'sabonner'],
  description: { en: 'Post the daily market summary in this channel (admins)', fr: 'Publier le résumé quotidien du marché dans ce canal (admins)' },
  usage: '[HH:MM] [timezone] [en|fr]',
  acceptsText: true,
  args: z.object({ words: z.array(z.string()).max(10, 'give at most a time, a timezone and a language') }),
  parseArgs: (rest: string) => ({ words: rest.split(/\s+/).filter(Boolean) }),
  async run(ctx, { words }) {
    const input = parseSubscribeWords(words);
    // The answer's language: an explicit en/fr word wins over the command's language.
    const lang = input.ok && input.lang ? input.lang : ctx.lang;
    const s = subscriptionStrings[lang];
    const notice = (lines: string[]) => reply({ kind: 'notice', lang, title: s.title, items: [], lines });
    if (!ctx.subscriptions) return notice([s.noDatabase]);
    if (!(await ctx.isAdmin())) return notice([s.refused(ctx.adminRule?.[lang])]);
    if (!input.ok) return notice([s.bad(input.problem), s.accepted(ctx.defaultTimezone)]);

    const sub = ctx.subscriptions.subscribe({
      channel: ctx.channel,
      time: input.time ?? '09:00',
      timezone: input.timezone ?? ctx.defaultTimezone,
      lang,
      by: ctx.user.name ?? ctx.user.id,
    });
    const next = ctx.subscriptions.nextRun(sub, ctx.now());
    return notice([
      s.subscribed(sub),
      ...(next ? [s.next(formatDateTime(next, lang, sub.timezone))] : []),
      s.howToChange,
    ]);
  },
});
