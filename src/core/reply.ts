// The platform-neutral answer every command returns. Adapters render it; nothing here
// knows about Slack, Discord or terminals.
import { z } from 'zod';
import { Lang } from '../facts/schema.ts';

/** Where an item comes from: a source of the fact base, or a live data provider. */
export const ReplyCitation = z.object({
  sourceId: z.string().optional(), // fact-base source id; absent for live data
  label: z.string(), // what a user reads, e.g. "OpenAI et Nvidia : un partenariat… — section “Et demain ?”"
  section: z.string().optional(),
  url: z.string().optional(),
  asOf: z.string().optional(), // ISO time, for live data
});
export type ReplyCitation = z.infer<typeof ReplyCitation>;

export const ReplyQuote = z.object({
  text: z.string(), // verbatim original
  lang: Lang,
  translation: z.string().optional(), // in the reply's language when it differs from the original
  speaker: z.string(),
  role: z.string().optional(),
  organisation: z.string().optional(),
});
export type ReplyQuote = z.infer<typeof ReplyQuote>;

export const ReplyItem = z.object({
  factId: z.string().optional(),
  /** The whole line a user reads, figure or quote included; renderers may lay it out richer. */
  text: z.string(),
  /** Headline figure, formatted in the reply's language ("up to $100 billion"). */
  figure: z.string().optional(),
  quote: ReplyQuote.optional(),
  /** Date or period label ("H2 2026"). */
  when: z.string().optional(),
  citation: ReplyCitation,
});
export type ReplyItem = z.infer<typeof ReplyItem>;

/** One bar: a category (a ticker) and its value, with the value as the reply shows it ("+4.4%"). */
export const ReplyChartPoint = z.object({
  label: z.string(),
  value: z.number().finite(),
  display: z.string(),
});

/**
 * A chart of figures the reply already cites (never new numbers), with its source and as-of time,
 * for platforms that can show one: Slack's data visualization block, a PNG on Discord, a text
 * table on the console. Each series may cover different categories (a ticker with no figure
 * simply has no bar).
 */
export const ReplyChart = z.object({
  kind: z.literal('bar'),
  title: z.string(),
  /** Unit of every value ("%"). */
  unit: z.string(),
  /** What the categories are ("Company"). */
  categoryLabel: z.string(),
  series: z.array(z.object({ name: z.string(), points: z.array(ReplyChartPoint).min(1) })).min(1),
  /** Where the figures come from, as a user reads it. */
  source: z.string(),
  /** When the figures were gathered: ISO time, and as the reply's reader reads it. */
  asOf: z.string(),
  asOfLabel: z.string(),
  /** The chart in words, for screen readers and image alt text. */
  altText: z.string(),
  /** A caveat about the data ("the source gives no date…"). */
  note: z.string().optional(),
});
export type ReplyChart = z.infer<typeof ReplyChart>;

export const ReplyKind = z.enum(['answer', 'no-facts', 'help', 'notice', 'error', 'summary']);
export type ReplyKind = z.infer<typeof ReplyKind>;

export const Reply = z.object({
  kind: ReplyKind,
  lang: Lang,
  /** The user's text as typed (after length capping); renderers must escape it. */
  query: z.string().optional(),
  title: z.string(),
  /** A sentence before the items (e.g. "No facts for …", a notice, typo corrections). */
  intro: z.string().optional(),
  items: z.array(ReplyItem),
  /** Sections of plain lines without citation (help text, subscription notices). */
  lines: z.array(z.string()).default([]),
  suggestions: z.array(z.string()).default([]),
  footer: z.string().optional(),
  /** Whether a platform may offer to share this reply publicly. */
  shareable: z.boolean().default(false),
  /**
   * Send nothing when the platform allows it (a rate-limited user who already got the notice).
   * The Reply still carries the notice text for platforms that must answer something
   * (a Discord interaction: reply ephemerally; a Slack slash command: ack with no text).
   */
  silent: z.boolean().optional(),
  /** A chart of figures cited in the items (the daily summary's share moves). */
  chart: ReplyChart.optional(),
});
export type Reply = z.infer<typeof Reply>;
export type ReplyInput = z.input<typeof Reply>;

/** Builds a Reply with defaults filled in. */
export function reply(input: ReplyInput): Reply {
  return Reply.parse(input);
}
