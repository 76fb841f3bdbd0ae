// `/deal alert NVDA 5%` (price move since the last close), `/deal alert facts` (fact-base
// changes), `… off`, `… dry-run`: this channel's alerts (admins change them; a dry run is for anyone).
import { z } from 'zod';
import { defineCommand } from '../src/core/command.ts';
import { reply } from '../src/core/reply.ts';
import { alertInputStrings, parseAlertWords } from '../src/summary/alert-input.ts';
import { tickerParties } from '../src/summary/build.ts';
import { listAlerts } from './alerts.ts';

export const alert = defineCommand({
  name: 'alert',
  aliases: ['alerte'],
  description: { en: 'Price-move or fact-change alerts for this channel (admins; dry-run for anyone)', fr: 'Alertes de cours ou de changement de la base pour ce canal (admins ; essai pour tous)' },
  usage: '<TICKER> <N%>|off [cooldown 2h] [dry-run] | facts [off]',
  acceptsText: true,
  args: z.object({ words: z.array(z.string()).max(8, 'give a ticker (or facts), a percentage, a cooldown and dry-run at most') }),
  parseArgs: (rest: string) => ({ words: rest.split(/\s+/).filter(Boolean) }),
  async run(ctx, { words }) {
    const s = alertInputStrings[ctx.lang];
    const notice = (lines: string[]) => reply({ kind: 'notice', lang: ctx.lang, title: s.title, items: [], lines });
    if (!ctx.alerts) return notice([s.noDatabase]);
    const tickers = tickerParties(ctx.engine.base).map((p) => p.ticker);
    const input = parseAlertWords(words, tickers);
    if (!input.ok) return notice([s.bad(input, tickers), s.usage]);
    if (input.action === 'list') return listAlerts(ctx, ctx.alerts);
    const timezone = (await ctx.subscriptions?.get(ctx.channel))?.timezone ?? ctx.defaultTimezone;
    if (input.action === 'dry-run') {
      return ctx.alerts.dryRun(
        input.kind === 'price'
          ? { kind: 'price', channel: ctx.channel, lang: ctx.lang, timezone, ticker: input.ticker, thresholdPct: input.thresholdPct, direction: input.direction }
          : { kind: 'facts', channel: ctx.channel, lang: ctx.lang, timezone },
      );
    }
    if (!(await ctx.isAdmin())) return notice([s.refused(ctx.adminRule?.[ctx.lang])]);
    const by = ctx.user.name ?? ctx.user.id;
    if (input.action === 'remove') {
      const what = input.kind === 'facts' ? 'facts' : input.ticker!;
      return notice([(await ctx.alerts.remove(ctx.channel, input.kind, input.kind === 'facts' ? '*' : input.ticker!)) ? s.removed(what) : s.notFound(what)]);
    }
    const base = { channel: ctx.channel, lang: ctx.lang, timezone, by, cooldownMs: input.cooldownMs };
    if (input.kind === 'facts') return notice([s.setFacts(await ctx.alerts.setFacts(base)), s.dryHint]);
    const rule = await ctx.alerts.setPrice({ ...base, ticker: input.ticker, thresholdPct: input.thresholdPct, direction: input.direction });
    return notice([s.setPrice(rule), s.dryHint]);
  },
});
