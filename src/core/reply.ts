// The platform-neutral answer every command returns. Adapters render it; nothing here
// knows about Slack, Discord or terminals.
import { z } from 'zod';
import { Lang } from '../facts/schema.ts';

/**
 * Where an item comes from: a source of the fact base, or a live data provider. Renderers show
 * `ref` and `section` (or `detail`) beside the item, and the source itself once per reply in
 * `Reply.sources`, under the same number.
 */
export const ReplyCitation = z.object({
  sourceId: z.string().optional(), // fact-base source id; absent for live data
  /** The source as listed once per reply: « article title », or a data provider's name. */
  source: z.string(),
  publisher: z.string().optional(),
  url: z.string().optional(),
  /** Where in the source, per item: the heading of the part it comes from. */
  section: z.string().optional(),
  /** Per item, for live data: "as of 14:02", "kept from 31 Mar, 22:00 (stale)". */
  detail: z.string().optional(),
  asOf: z.string().optional(), // ISO time, for live data
  /** 1-based number of the source in `Reply.sources` (set by reply()). */
  ref: z.number().int().min(1).optional(),
});
export type ReplyCitation = z.infer<typeof ReplyCitation>;

/** A source as listed once under a reply, numbered like the markers on its items. */
export const ReplySource = z.object({
  ref: z.number().int().min(1),
  title: z.string(),
  publisher: z.string().optional(),
  url: z.string().optional(),
});
export type ReplySource = z.infer<typeof ReplySource>;

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

/** A source a chart's figures come from: the same source (and so the same number) as the items citing them. */
export const ReplyChartSource = ReplyCitation.pick({ sourceId: true, source: true, publisher: true, url: true, ref: true });
export type ReplyChartSource = z.infer<typeof ReplyChartSource>;

/**
 * A chart of figures the reply already cites (never new numbers), with its sources and as-of time,
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
  /** Where the figures come from: numbered like the reply's sources (by reply()), listed there once. */
  sources: z.array(ReplyChartSource).min(1),
  /** When the figures were gathered: ISO time, and as the reply's reader reads it. */
  asOf: z.string(),
  asOfLabel: z.string(),
  /** The chart in words, its sources named, for screen readers and image alt text. */
  altText: z.string(),
  /** A caveat about the data ("the source gives no date…"). */
  note: z.string().optional(),
});
export type ReplyChart = z.infer<typeof ReplyChart>;

/**
 * A button that runs /deal words as whoever presses it (like typing them), in `channel` when
 * given, else where the reply is: choosing a language, an admin unsubscribing a channel from the
 * Home. The command itself checks who may do what; the button only saves typing.
 */
export const ReplyAction = z.object({
  label: z.string().min(1).max(75),
  /** The /deal words it runs ("lang fr", "unsubscribe"). */
  run: z.string().min(1).max(60),
  /** The channel the words run in (a subscription's), when not the reply's own. */
  channel: z.object({ id: z.string().min(1).max(40), name: z.string().max(80).optional() }).optional(),
  style: z.enum(['primary', 'danger']).optional(),
  /** Asked before running it ("Stop the daily summary in #general?"). */
  confirm: z.string().max(300).optional(),
  /** Shown as already chosen (the current language). */
  selected: z.boolean().optional(),
});
export type ReplyAction = z.infer<typeof ReplyAction>;

/** A line about one channel (a subscription), with the actions that manage it. */
export const ReplyEntry = z.object({
  /** The channel the line is about: platforms show it as a channel link (never a ping). */
  channel: z.object({ id: z.string().min(1), name: z.string().optional() }),
  text: z.string(),
  actions: z.array(ReplyAction).default([]),
});
export type ReplyEntry = z.infer<typeof ReplyEntry>;

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
  /** Lines about channels (a workspace's subscriptions), each with its actions. */
  entries: z.array(ReplyEntry).default([]),
  /** Buttons under the reply (each runs /deal words as its presser). */
  actions: z.array(ReplyAction).default([]),
  suggestions: z.array(z.string()).default([]),
  footer: z.string().optional(),
  /** Whether a platform may offer to share this reply publicly. Never true for a notice. */
  shareable: z.boolean().default(false),
  /**
   * Items that matched but are not listed ("… and N more"), counted once: by the command, and by
   * the delivery policy when a platform's message holds fewer (see fitReply). Renderers only print it.
   */
  omitted: z.number().int().min(0).default(0),
  /** The sources cited by the items, each once, numbered in order of first citation (set by reply()). */
  sources: z.array(ReplySource).default([]),
  /** A chart of figures cited in the items (the daily summary's share moves). */
  chart: ReplyChart.optional(),
  /**
   * The deal the reply is about, named in its header, when the base holds several (a base with
   * one deal leaves it out, and its replies look as they always did).
   */
  deal: z.object({ id: z.string(), name: z.string() }).optional(),
  /** The fact base version (fingerprint) the items come from; set on answers. */
  version: z.string().optional(),
  /**
   * 👍 / 👎 under this reply (set by the delivery policy on answers it recorded): every platform
   * renders them its own way, and a vote names `answerId` (src/core/feedback.ts).
   */
  feedback: z.object({ answerId: z.string().min(1).max(40) }).optional(),
});
export type Reply = z.infer<typeof Reply>;
export type ReplyInput = z.input<typeof Reply>;

/** Builds a Reply with defaults filled in and its sources numbered. */
export function reply(input: ReplyInput): Reply {
  // The parse made every item and citation anew (zod copies objects): numbered where they are.
  return numberSources(Reply.parse(input), { own: true });
}

/**
 * Numbers the sources the items cite, in order of first citation, and lists each once; then the
 * chart's (the same numbers, and listed even when the items citing them were cut). A source is the
 * same when it has the same fact-base id, or (live data) the same name and link.
 */
export function numberSources(r: Reply, opts: { own?: boolean } = {}): Reply {
  const refs = new Map<string, number>();
  const sources: ReplySource[] = [];
  const refOf = (c: ReplyChartSource): number => {
    const key = c.sourceId !== undefined ? `id:${c.sourceId}` : `live:${c.source}|${c.url ?? ''}`;
    let ref = refs.get(key);
    if (ref === undefined) {
      ref = sources.length + 1;
      refs.set(key, ref);
      sources.push({ ref, title: c.source, ...(c.publisher ? { publisher: c.publisher } : {}), ...(c.url ? { url: c.url } : {}) });
    }
    return ref;
  };
  // `own`: the items are this reply's alone, so their citations take their numbers in place (a
  // spread copy of each item cost more than numbering them); otherwise an item whose number
  // changes is copied, the reply it came from keeping its own.
  const items = r.items.map((item) => {
    const ref = refOf(item.citation);
    if (item.citation.ref === ref) return item;
    if (!opts.own) return { ...item, citation: { ...item.citation, ref } };
    item.citation.ref = ref;
    return item;
  });
  const chart = r.chart && { ...r.chart, sources: r.chart.sources.map((c) => ({ ...c, ref: refOf(c) })) };
  return { ...r, items, sources, ...(chart ? { chart } : {}) };
}

/**
 * Keeps the first `capacity` items (what one platform message holds, from its renderer) and adds
 * the rest to `omitted`: the one place a reply is cut, so "… and N more" is said once, right.
 */
export function fitReply(r: Reply, capacity: number): Reply {
  const keep = Math.max(0, Math.min(r.items.length, Math.floor(capacity)));
  if (keep === r.items.length) return r;
  return numberSources({ ...r, items: r.items.slice(0, keep), omitted: r.omitted + (r.items.length - keep) });
}
