// `/deal quotes [speaker]`: what people said, verbatim, with who they are.
import { defineCommand } from '../src/core/command.ts';
import { fold } from '../src/core/clean-text.ts';
import { t } from '../src/core/i18n.ts';
import { factsReply, textArg } from './shared.ts';

export const quotes = defineCommand({
  name: 'quotes',
  aliases: ['citations', 'quote', 'citation'],
  description: { en: 'Quotes, optionally by one speaker', fr: 'Les citations, éventuellement d’une seule personne' },
  usage: '[speaker]',
  ...textArg,
  run(ctx, { text }) {
    const s = t(ctx.lang);
    const all = ctx.engine.base.facts.filter((f) => f.kind === 'quote');
    if (!text) return factsReply(ctx, all, { title: s.quotesTitle });
    // Every word typed must appear in the speaker's name or organisation ("altman", "sam altman", "bernstein").
    const words = fold(text).split(/\s+/).filter(Boolean);
    const matching = all.filter((f) => {
      const who = fold(`${f.quote.speaker} ${f.quote.organisation}`);
      return words.every((w) => who.includes(w));
    });
    // Title with the speaker's name as the base spells it when the words pick one person.
    const speakers = new Set(matching.map((f) => f.quote.speaker));
    const who = speakers.size === 1 ? [...speakers][0]! : text;
    return factsReply(ctx, matching, { title: s.quotesBy(who), query: text, empty: s.noQuotesBy(text) });
  },
});
