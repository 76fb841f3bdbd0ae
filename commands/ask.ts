// `/deal <topic or question>` and questions in chat: whatever is not another command.
import { defineCommand, type CommandContext } from '../src/core/command.ts';
import { t } from '../src/core/i18n.ts';
import { dealStrings } from '../src/deals/strings.ts';
import { overview } from './overview.ts';
import { factsReply, MAX_ITEMS, textArg } from './shared.ts';

/** Other deals whose facts answer a question the asked deal cannot: "/deal <id> <question>" for each. */
function elsewhere(ctx: CommandContext, text: string): string[] {
  if (!ctx.deals.several) return [];
  return ctx.deals.deals
    .filter((d) => d !== ctx.deal.entry && d.engine.search(text, { lang: ctx.lang, limit: 1 }).hits.length > 0)
    .map((d) => `${d.name[ctx.lang]} (/deal ${d.id} ${text})`);
}

export const ask = defineCommand({
  name: '',
  aliases: [],
  description: {
    en: 'A topic (energy, timeline, market…) or a question in English or French',
    fr: 'Un sujet (énergie, calendrier, marché…) ou une question en français ou en anglais',
  },
  usage: '<topic or question>',
  ...textArg,
  run(ctx, { text }) {
    if (!text) return overview.run(ctx, {});
    const result = ctx.engine.search(text, { lang: ctx.lang, limit: MAX_ITEMS + 1 });
    const s = t(ctx.lang);
    const title = result.topic ? result.topic.label[ctx.lang] : s.answerTitle(text);
    const notes = [
      ...(result.unsupported?.length ? [s.premiseCorrected(result.unsupported)] : []),
      ...(result.corrections.length ? [s.corrected(result.corrections.map((c) => `“${c.to}” (${c.from})`).join(', '))] : []),
    ];
    const intro = notes.length ? notes.join(' ') : undefined;
    const answer = factsReply(ctx, result.hits.map((h) => h.fact), { title, query: text, ...(intro ? { intro } : {}) });
    const others = answer.kind === 'no-facts' ? elsewhere(ctx, text) : [];
    return others.length ? { ...answer, lines: [...answer.lines, dealStrings[ctx.lang].otherDeals(others.join('; '))] } : answer;
  },
});
