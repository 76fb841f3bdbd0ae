// Small pieces several commands share: arg parsers and Reply builders over facts.
import { z } from 'zod';
import { itemOf } from '../src/core/format.ts';
import { t } from '../src/core/i18n.ts';
import { reply, type Reply, type ReplyInput } from '../src/core/reply.ts';
import type { CommandContext } from '../src/core/command.ts';
import { dealLabel } from '../src/deals/bases.ts';
import type { DealEntry } from '../src/deals/deal-set.ts';
import type { Fact, Lang } from '../src/facts/schema.ts';

/** Commands that take no words after their name ignore any. */
export const noArgs = { acceptsText: false, args: z.object({}), parseArgs: () => ({}) };

/** Commands that take free text after their name. */
export const textArg = {
  acceptsText: true,
  args: z.object({ text: z.string() }),
  parseArgs: (rest: string) => ({ text: rest.trim() }),
};

/** The most items one reply lists; the rest is counted in `omitted` (the delivery policy may cut further, once). */
export const MAX_ITEMS = 25;

/** A long question is echoed shortened: the user knows what they typed. */
function echo(text: string): string {
  const chars = [...text];
  return chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : text;
}

/** Topic labels per base and language, made once per base (a base is never changed; a reload makes a new one). */
const suggested = new WeakMap<CommandContext['engine']['base'], Partial<Record<Lang, readonly string[]>>>();

/** A deal's topics: with deal files, those its facts use (the shared topics serve every deal). */
export function topicSuggestions(ctx: CommandContext): string[] {
  const base = ctx.engine.base;
  const byLang = suggested.get(base) ?? suggested.set(base, {}).get(base)!;
  let labels = byLang[ctx.lang];
  if (!labels) {
    const used = base.deal ? new Set(base.facts.flatMap((f) => f.topics)) : undefined;
    labels = byLang[ctx.lang] = [...base.topics.values()].filter((topic) => !used || used.has(topic.id)).map((topic) => topic.label[ctx.lang]);
  }
  return [...labels];
}

/** The reply's `deal` (named in its header) when the base holds several deals. */
export function dealHeader(ctx: CommandContext): ReturnType<typeof dealLabel> {
  return dealLabel(ctx.engine.base, ctx.deals.several, ctx.lang);
}

/** A deal as the deal strings name it. */
export function named(entry: DealEntry, lang: Lang): { id: string; name: string } {
  return { id: entry.id, name: entry.name[lang] };
}

/**
 * A question the sources cannot answer as asked (a date to the month, a figure per unit, an outcome to come),
 * with the closest facts they give: still "no facts" (the question is recorded as unanswered), but it says
 * what the sources do say, cited, instead of suggesting topics.
 */
export function closestReply(ctx: CommandContext, closest: Fact[], head: { title: string; query?: string }): Reply {
  const s = t(ctx.lang);
  return cited(ctx, closest, head.query, { kind: 'no-facts', title: s.notExactlyTitle, intro: s.notExactly(echo(head.query ?? head.title)) });
}

/** A reply citing `facts` (the first MAX_ITEMS, the rest counted), with the deal's header, the query and the footer. */
function cited(ctx: CommandContext, facts: Fact[], query: string | undefined, fields: Pick<ReplyInput, 'kind' | 'title' | 'intro' | 'shareable'>): Reply {
  return reply({
    lang: ctx.lang,
    ...dealHeader(ctx),
    ...(query !== undefined ? { query } : {}),
    ...fields,
    items: facts.slice(0, MAX_ITEMS).map((f) => itemOf(f, ctx.engine.base, ctx.lang)),
    omitted: Math.max(0, facts.length - MAX_ITEMS),
    footer: t(ctx.lang).footer,
  });
}

/** A reply listing facts, each with its citation; an empty list says so and suggests topics. */
export function factsReply(
  ctx: CommandContext,
  facts: Fact[],
  head: { title: string; query?: string; intro?: string; empty?: string },
): Reply {
  const s = t(ctx.lang);
  if (facts.length === 0) {
    return reply({
      kind: 'no-facts',
      lang: ctx.lang,
      ...(head.query !== undefined ? { query: head.query } : {}),
      title: s.noFactsTitle,
      intro: `${head.empty ?? s.noFacts(echo(head.query ?? head.title))} ${s.tryTopics}`,
      items: [],
      suggestions: topicSuggestions(ctx),
      ...dealHeader(ctx),
    });
  }
  return cited(ctx, facts, head.query, { kind: 'answer', title: head.title, ...(head.intro ? { intro: head.intro } : {}), shareable: true });
}
