// `/deal deals`: every deal of the fact base, with its status, parties and facts; this channel's marked.
import { defineCommand } from '../src/core/command.ts';
import { reply } from '../src/core/reply.ts';
import type { DealEntry } from '../src/deals/deal-set.ts';
import { dealStrings } from '../src/deals/strings.ts';
import type { Lang } from '../src/facts/schema.ts';
import { noArgs } from './shared.ts';

/** One line per deal: "openai-nvidia — OpenAI–Nvidia partnership · letter of intent · OpenAI, Nvidia · 36 facts · 1 source". */
export function dealLine(entry: DealEntry, lang: Lang): string {
  const s = dealStrings[lang];
  const base = entry.engine.base;
  const parties = (entry.deal?.parties ?? []).map((id) => base.parties.get(id)?.name ?? id).join(', ');
  return [`${entry.id} — ${entry.name[lang]}`, entry.deal ? s.status[entry.deal.status] : '', parties, s.facts(base.facts.length), s.sources(base.sources.size)].filter(Boolean).join(' · ');
}

export const deals = defineCommand({
  name: 'deals',
  aliases: ['accords'],
  description: { en: 'The deals the fact base follows', fr: 'Les accords que suit la base de faits' },
  usage: '',
  ...noArgs,
  run(ctx) {
    const s = dealStrings[ctx.lang];
    // This channel's deal, whatever this one question named.
    const here = ctx.deal.via === 'named' || ctx.deal.via === 'explicit' ? undefined : ctx.deal.entry;
    return reply({
      kind: 'notice',
      lang: ctx.lang,
      title: s.dealsTitle,
      intro: ctx.deals.deals.some((d) => d.deal) ? s.dealsIntro(ctx.deals.deals.length) : s.implicit,
      items: [],
      lines: ctx.deals.deals.map((d) => `• ${dealLine(d, ctx.lang)}${d === here && ctx.deals.several ? `  ${s.here}` : ''}`),
      ...(ctx.deals.several ? { footer: s.dealsHow } : {}),
    });
  },
});
