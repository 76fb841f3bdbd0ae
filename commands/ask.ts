// `/deal <topic or question>` and questions in chat: whatever is not another command. Also offered
// on any message (Slack's message shortcut, Discord's message command): the message's text is asked,
// and the answer cites facts without ever echoing the message.
import { defineCommand, type CommandContext } from '../src/core/command.ts';
import { t } from '../src/core/i18n.ts';
import { dealStrings } from '../src/deals/strings.ts';
import type { Fact } from '../src/facts/schema.ts';
import { overview } from './overview.ts';
import { closestReply, factsReply, MAX_ITEMS, textArg } from './shared.ts';

/** A "more details" answer lists this many facts at a time (asking again gives the next ones). */
const MORE_AT_ONCE = 5;

/**
 * Other deals whose facts answer a question the asked deal cannot: "/deal <id> <question>" for each
 * (a quoted message is not repeated: the deal's id only).
 */
function elsewhere(ctx: CommandContext, text: string): string[] {
  if (!ctx.deals.several) return [];
  return ctx.deals.deals
    .filter((d) => d !== ctx.deal.entry && d.engine.search(text, { lang: ctx.lang, limit: 1 }).hits.length > 0)
    .map((d) => (ctx.quoted ? `${d.name[ctx.lang]} (${d.id})` : `${d.name[ctx.lang]} (/deal ${d.id} ${text})`));
}

/**
 * Facts on the topics of those already shown, not shown yet, those sharing the most topics first
 * ("more details" when the question itself gives no new fact).
 */
function moreOnTopics(ctx: CommandContext, shown: ReadonlySet<string>, asked?: string): Fact[] {
  const weight = new Map<string, number>();
  for (const id of shown) for (const topic of ctx.engine.base.byId.get(id)?.topics ?? []) weight.set(topic, (weight.get(topic) ?? 0) + 1);
  // The topic the question itself names ("energy") comes first.
  if (asked) weight.set(asked, (weight.get(asked) ?? 0) + 100);
  const score = (f: Fact) => f.topics.reduce((n, topic) => n + (weight.get(topic) ?? 0), 0);
  return ctx.engine.base.facts
    .filter((f) => !shown.has(f.id) && score(f) > 0)
    .map((f, i) => ({ f, i, n: score(f) }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map(({ f }) => f);
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
  messageAction: {
    label: { en: 'Ask dealbot about this', fr: 'Demander à dealbot' },
    description: { en: 'Answers privately, from the cited fact base, about what this message says', fr: 'Répond en privé, d’après la base de faits sourcée, sur ce que dit ce message' },
  },
  run(ctx, { text }) {
    if (!text) return overview.run(ctx, {});
    const result = ctx.engine.search(text, { lang: ctx.lang, limit: MAX_ITEMS + 1 });
    const s = t(ctx.lang);
    const title = ctx.quoted ? s.aboutMessageTitle : result.topic ? result.topic.label[ctx.lang] : s.answerTitle(text);
    let facts = result.hits.map((h) => h.fact);
    if (ctx.exclude?.size) {
      const shown = ctx.exclude;
      facts = facts.filter((f) => !shown.has(f.id));
      if (facts.length === 0) facts = moreOnTopics(ctx, shown, result.topic?.id);
      if (facts.length === 0) return factsReply(ctx, [], { title, query: text, empty: s.noMoreFacts(text) });
      const r = factsReply(ctx, facts.slice(0, MORE_AT_ONCE), { title, query: text });
      return { ...r, omitted: Math.max(0, facts.length - MORE_AT_ONCE) };
    }
    // A quoted message is never echoed: no query, no typo corrections, a premise note that names
    // nothing from it, and a "no facts" that does not repeat it.
    // A wrong company comes first; else a stated figure the sources do not give ("200 billion, right?").
    const notBacked = result.unsupported?.length
      ? s.premiseCorrected(result.unsupported)
      : result.unsupportedFigures?.length
        ? s.figuresNotGiven(result.unsupportedFigures)
        : result.figureElsewhere
          ? s.figureElsewhere(result.figureElsewhere)
          : undefined;
    const unsupported = notBacked ? [ctx.quoted ? s.premiseCorrectedMessage : notBacked] : [];
    const corrected = result.corrections.length && !ctx.quoted ? [s.corrected(result.corrections.map((c) => `“${c.to}” (${c.from})`).join(', '))] : [];
    // A premise the question opened on, checked because the question proper found nothing (not echoed from a message).
    const premise = result.premise && !ctx.quoted && !unsupported.length ? [s.premiseChecked(result.premise)] : [];
    const intro = [...unsupported, ...premise, ...corrected].join(' ') || undefined;
    const closest = facts.length === 0 && !ctx.quoted ? (result.closest ?? []).map((h) => h.fact) : [];
    const answer = ctx.quoted
      ? factsReply(ctx, facts, { title, empty: s.noFactsAboutMessage, ...(intro ? { intro } : {}) })
      : closest.length > 0
        ? closestReply(ctx, closest, { title, query: text })
        : factsReply(ctx, facts, { title, query: text, ...(intro ? { intro } : {}) });
    const others = answer.kind === 'no-facts' ? elsewhere(ctx, text) : [];
    return others.length ? { ...answer, lines: [...answer.lines, dealStrings[ctx.lang].otherDeals(others.join('; '))] } : answer;
  },
});
