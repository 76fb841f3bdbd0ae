// `/deal use [<deal>|reset]`: which deal this channel asks about, and (admins) setting it, kept in
// the store. Without words it says how this channel's deal was chosen.
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../src/core/command.ts';
import { reply, type Reply } from '../src/core/reply.ts';
import { dealOfChannel } from '../src/deals/channel-deal.ts';
import { routerOf } from '../src/deals/router.ts';
import { dealStrings } from '../src/deals/strings.ts';
import { formatDateTime } from '../src/summary/subscribe-input.ts';
import { ask } from './ask.ts';
import { named } from './shared.ts';

const RESET = new Set(['reset', 'default', 'défaut', 'defaut', 'none', 'aucun']);

/** How this channel's deal is chosen now (its own setting, the workspace default, the only or first deal). */
async function current(ctx: CommandContext): Promise<string[]> {
  const s = dealStrings[ctx.lang];
  const chosen = await dealOfChannel(ctx.deals, ctx.channel, { ...(ctx.channelDeals ? { store: ctx.channelDeals } : {}), ...(ctx.dealDefaults ? { defaults: ctx.dealDefaults } : {}) });
  const d = named(chosen.entry, ctx.lang);
  if (!chosen.entry.deal) return [s.implicit];
  const setting = chosen.via === 'channel' ? await ctx.channelDeals?.get(ctx.channel) : undefined;
  const line = setting ? s.via.channel(d, setting.setBy, formatDateTime(new Date(setting.setAt), ctx.lang, ctx.defaultTimezone)) : s.via[chosen.via](d);
  return [...(chosen.missing ? [s.missing(chosen.missing)] : []), line];
}

export const use = defineCommand({
  name: 'use',
  aliases: ['utiliser'],
  description: { en: 'The deal this channel asks about; set it (admins)', fr: 'L’accord sur lequel porte ce canal ; le choisir (admins)' },
  usage: '[<deal>|reset]',
  acceptsText: true,
  routing: 'channel',
  args: z.object({ word: z.string().max(100, 'give one deal id') }),
  parseArgs: (rest: string) => ({ word: rest.trim() }),
  async run(ctx, { word }): Promise<Reply> {
    const s = dealStrings[ctx.lang];
    const notice = (lines: string[], footer?: string) => reply({ kind: 'notice', lang: ctx.lang, title: s.useTitle, items: [], lines, ...(footer ? { footer } : {}) });
    if (!word) return notice(await current(ctx), s.usage);
    // "use of the proceeds?" is a question, not a deal: several words that are no deal's name go to the engine.
    if (/\s/.test(word) && !routerOf(ctx.deals).find(word)) return ask.run(ctx, { text: `use ${word}` });
    if (!ctx.channelDeals) return notice([s.noDatabase]);
    if (!(await ctx.isAdmin())) return notice([s.refused(ctx.adminRule?.[ctx.lang])]);
    const by = ctx.user.name ?? ctx.user.id;
    if (RESET.has(word.toLowerCase()) && !ctx.deals.get(word.toLowerCase())) {
      const had = await ctx.channelDeals.clear(ctx.channel);
      const now = await dealOfChannel(ctx.deals, ctx.channel, { ...(ctx.dealDefaults ? { defaults: ctx.dealDefaults } : {}) });
      return notice([(had ? s.cleared : s.notSet)(named(now.entry, ctx.lang))]);
    }
    // An id, or a word naming one deal only ("kestrel", "the openai deal").
    const entry = routerOf(ctx.deals).find(word);
    if (!entry?.deal) return notice([s.unknown(word, ctx.deals.deals.filter((d) => d.deal).map((d) => d.id).join(', ') || '—')], s.usage);
    await ctx.channelDeals.set(ctx.channel, entry.id, by);
    return reply({ kind: 'notice', lang: ctx.lang, title: s.useTitle, items: [], lines: [s.set(named(entry, ctx.lang))], deal: { id: entry.id, name: entry.name[ctx.lang] } });
  },
});
