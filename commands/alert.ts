// `/deal alert NVDA 5%` (price move since the last close), `/deal alert facts` (fact-base
// changes), `… off`, `… dry-run`: this channel's alerts (admins change them; a dry run is for anyone).
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/core/command.ts';
import { reply } from '../src/core/reply.ts';
import { alertInputStrings, parseAlertWords } from '../src/summary/alert-input.ts';
import { dealStrings } from '../src/deals/strings.ts';
import { tickerParties } from '../src/summary/build.ts';
import { listAlerts } from './alerts.ts';
import { named } from './shared.ts';

export const alert = defineCommand({
  name: 'alert',
  aliases: ['alerte'],
  description: { en: 'Price-move or fact-change alerts for this channel (admins; dry-run for anyone)', fr: 'Alertes de cours ou de changement de la base pour ce canal (admins ; essai pour tous)' },
  usage: '<TICKER> <N%>|off [cooldown 2h] [dry-run] | facts [off]',
  acceptsText: true,
  routing: 'channel', // a setting of this channel's deal (or of /deal <deal> alert …)
  args: z.object({ words: z.array(z.string()).max(8, 'give a ticker (or facts), a percentage, a cooldown and dry-run at most') }),
  parseArgs: (rest: string) => ({ words: rest.split(/\s+/).filter(Boolean) }),
  async run(ctx, { words }) {
    const s = alertInputStrings[ctx.lang];
    const notice = (lines: string[]) => reply({ kind: 'notice', lang: ctx.lang, title: s.title, items: [], lines });
    if (!ctx.alerts) return notice([s.noDatabase]);
    const tickers = tickerParties(ctx.engine.base).map((p) => p.ticker);
    const input = parseAlertWords(words, tickers);
    if (!input.ok) return notice([s.bad(input, tickers), ...elsewhere(ctx, words), s.usage]);
    if (input.action === 'list') return listAlerts(ctx, ctx.alerts);
    const timezone = (await ctx.subscriptions?.get(ctx.channel))?.timezone ?? ctx.defaultTimezone;
    // The rule watches the deal it is set in (the channel's, or the one named with /deal <deal> alert …).
    const deal = ctx.deal.entry.deal ? { deal: ctx.deal.entry.id } : {};
    if (input.action === 'dry-run') {
      return ctx.alerts.dryRun(
        input.kind === 'price'
          ? { kind: 'price', channel: ctx.channel, lang: ctx.lang, timezone, ticker: input.ticker, thresholdPct: input.thresholdPct, direction: input.direction, ...deal }
          : { kind: 'facts', channel: ctx.channel, lang: ctx.lang, timezone, ...deal },
      );
    }
    if (!(await ctx.isAdmin())) return notice([s.refused(ctx.adminRule?.[ctx.lang])]);
    const by = ctx.user.name ?? ctx.user.id;
    if (input.action === 'remove') {
      const what = input.kind === 'facts' ? 'facts' : input.ticker!;
      return notice([(await ctx.alerts.remove(ctx.channel, input.kind, input.kind === 'facts' ? '*' : input.ticker!)) ? s.removed(what) : s.notFound(what)]);
    }
    const base = { channel: ctx.channel, lang: ctx.lang, timezone, by, cooldownMs: input.cooldownMs, ...deal };
    const where = ctx.deals.several ? [dealStrings[ctx.lang].alertsOf(named(ctx.deal.entry, ctx.lang))] : [];
    if (input.kind === 'facts') return notice([s.setFacts(await ctx.alerts.setFacts(base)), ...where, s.dryHint]);
    const rule = await ctx.alerts.setPrice({ ...base, ticker: input.ticker, thresholdPct: input.thresholdPct, direction: input.direction });
    return notice([s.setPrice(rule), ...where, s.dryHint]);
  },
});

/** A ticker of another deal, typed in this one: say where it belongs. */
function elsewhere(ctx: CommandContext, words: string[]): string[] {
  if (!ctx.deals.several) return [];
  const word = words.map((w) => w.toUpperCase()).find((w) => !tickerParties(ctx.engine.base).some((p) => p.ticker === w) && ctx.deals.deals.some((d) => tickerParties(d.engine.base).some((p) => p.ticker === w)));
  if (!word) return [];
  const others = ctx.deals.deals.filter((d) => tickerParties(d.engine.base).some((p) => p.ticker === word)).map((d) => `${d.name[ctx.lang]} (${d.id})`);
  return [dealStrings[ctx.lang].notTicker(word, named(ctx.deal.entry, ctx.lang), others.join(', '))];
}
