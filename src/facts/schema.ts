// The one schema of the fact base. Every type the code uses for facts comes from here.
import { z } from 'zod';

export const LANGS = ['en', 'fr'] as const;
export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-" (e.g. energy-10gw)');
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.iso.date();

/** What `dealbot facts draft` writes where only a person can write the text (it never translates). */
export const DRAFT_PLACEHOLDER = 'TODO translate';
/** A text a curator writes: never the draft's placeholder, so an unfinished draft cannot be served. */
const curated = text.refine((s) => !s.startsWith('TODO'), {
  message: `placeholder left by \`dealbot facts draft\`: write this text (never guess a translation)`,
});

/** A text in both languages the bot answers in. */
export const Localized = z.object({ en: curated, fr: curated }).strict();
export type Localized = z.infer<typeof Localized>;

export const Source = z
  .object({
    id,
    title: text,
    publisher: text.nullable(), // null: the source does not name its publisher
    lang: Lang,
    url: z.url().optional(),
    file: text.optional(), // local copy of the source, relative to the project root
    published: isoDate.nullable(), // null: the source gives no publication date
    note: text.optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** A company, person's organisation, authority or named product that facts name; tickers feed the market summary. */
export const Party = z
  .object({
    id,
    name: text,
    kind: z.enum(['company', 'authority', 'firm', 'product']), // product: a named product or platform (e.g. Vera Rubin)
    ticker: z.string().regex(/^[A-Z.]{1,6}$/, 'must be an upper-case ticker symbol').optional(),
    aliases: z.array(text).default([]),
  })
  .strict();
export type Party = z.infer<typeof Party>;

/** A topic users can ask for with `/deal <topic>`; its words also feed the search vocabulary. */
export const Topic = z
  .object({
    id,
    label: Localized,
    words: z.object({ en: z.array(text).default([]), fr: z.array(text).default([]) }).strict(),
  })
  .strict();
export type Topic = z.infer<typeof Topic>;

export const Qualifier = z.enum(['exact', 'up-to', 'at-least', 'more-than', 'about']);
export type Qualifier = z.infer<typeof Qualifier>;

/** A number as the source states it: 100e9 USD "up to", 10 GW "at least", 4.4 % … */
export const Figure = z
  .object({
    value: z.number().finite(),
    unit: curated, // "USD" (with currency), "GW", "%", "households", …
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD').optional(),
    qualifier: Qualifier.default('exact'),
    label: Localized.optional(), // what the number measures, e.g. "Nvidia share price move"
  })
  .strict()
  .refine((f) => f.unit !== 'USD' && f.unit !== 'EUR' ? true : f.currency === f.unit, {
    message: 'a money figure needs currency equal to its unit',
    path: ['currency'],
  });
export type Figure = z.infer<typeof Figure>;

/** A date (precision day) or a period such as H2 2026 or "2030 and beyond". */
export const When = z
  .object({
    from: isoDate,
    to: isoDate.optional(), // omitted with precision "onward" or "day"
    precision: z.enum(['day', 'month', 'quarter', 'half', 'year', 'onward']),
    label: Localized,
  })
  .strict();
export type When = z.infer<typeof When>;

export const Citation = z
  .object({
    source: id,
    section: text, // heading of the part of the source the fact comes from
    excerpt: text.optional(), // verbatim words of the source backing the fact
  })
  .strict();
export type Citation = z.infer<typeof Citation>;

export const Status = z.enum(['letter-of-intent', 'planned', 'reported', 'projection', 'opinion', 'done']);
export type Status = z.infer<typeof Status>;

export const Quote = z
  .object({
    original: text, // verbatim, as the source prints it
    lang: Lang,
    translation: z.object({ en: curated }).strict().optional(), // required when the original is not English
    speaker: text,
    role: Localized,
    organisation: text,
  })
  .strict()
  .refine((q) => q.lang === 'en' || q.translation !== undefined, {
    message: 'a quote not in English needs translation.en',
    path: ['translation'],
  });
export type Quote = z.infer<typeof Quote>;

const factBase = {
  id,
  topics: z.array(id).min(1, 'list at least one topic'),
  statement: Localized,
  figures: z.array(Figure).default([]),
  when: When.optional(),
  parties: z.array(id).default([]),
  status: Status.optional(),
  /** Shown in the `/deal` overview (the deal's headline figures). */
  headline: z.boolean().default(false),
  citation: Citation,
  /**
   * Questions this fact answers, as users would write them: the engine indexes them like the
   * fact's own text, so a curator can teach it a wording without touching code.
   */
  questions: z.object({ en: z.array(text).default([]), fr: z.array(text).default([]) }).strict().optional(),
  /**
   * The source's sentence has a word missing ("visant à terme la ."): the statement says only what is
   * printed and never completes it. Set by `dealbot facts draft`; a curator may keep it. A question asking
   * for that wording ("les risques de quoi ?", "what's the exact word?") is refused, this fact shown as the closest.
   */
  gap: z.boolean().optional(),
  /**
   * Set by `dealbot facts draft` on every candidate fact. The loader refuses a fact that carries
   * `review: true`, so a draft is never served before a curator has checked it against its source.
   */
  review: z
    .boolean()
    .optional()
    .refine((v) => v !== true, { message: 'draft fact awaiting review: remove `review: true` once checked' }),
};

export const FACT_KINDS = ['figure', 'quote', 'milestone', 'claim', 'market-move'] as const;

export const Fact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('figure'), ...factBase, figures: z.array(Figure).min(1, 'a figure fact needs figures') }).strict(),
  z.object({ kind: z.literal('quote'), ...factBase, quote: Quote }).strict(),
  z.object({ kind: z.literal('milestone'), ...factBase, when: When }).strict(),
  z.object({ kind: z.literal('claim'), ...factBase }).strict(),
  z
    .object({
      kind: z.literal('market-move'),
      ...factBase,
      figures: z.array(Figure).min(1, 'a market move needs its figure'),
      parties: z.array(id).min(1, 'a market move names the company that moved'),
    })
    .strict(),
]);
export type Fact = z.infer<typeof Fact>;
export type FactKind = Fact['kind'];

/** Where a deal stands, in the terms deal trackers use. */
export const DealStatus = z.enum(['rumoured', 'announced', 'letter-of-intent', 'signed', 'pending-approval', 'completed', 'terminated']);
export type DealStatus = z.infer<typeof DealStatus>;

/**
 * A deal the base follows. Its file (`facts/<id>/deal.yaml`) makes its folder the deal's: every
 * fact in that folder belongs to it. Parties and sources may be the deal's own (in its folder) or
 * shared (in files outside every deal's folder).
 */
export const Deal = z
  .object({
    id,
    name: Localized, // as a header shows it: "OpenAI–Nvidia partnership"
    /** Other ways people name the deal ("the Lumen takeover"); with its parties, they route a question to it. */
    aliases: z.array(text).default([]),
    /** The parties to the deal (party ids), main listed party first: a question naming one is about this deal. */
    parties: z.array(id).min(1, 'name the parties to the deal (party ids)'),
    status: DealStatus,
    /** The sources its facts cite (source ids). */
    sources: z.array(id).min(1, 'list the sources the deal’s facts cite (source ids)'),
    /**
     * The deal a channel asks about when nothing else picks one (no `/deal use` there, no DEFAULT_DEAL):
     * at most one deal says so; without it, the first deal in folder order. Adding a deal then never
     * moves existing channels to it.
     */
    default: z.boolean().default(false),
  })
  .strict();
export type Deal = z.infer<typeof Deal>;

/** One YAML file of the fact base; any file may hold any of the four lists, and a deal's file its `deal`. */
export const FactFile = z
  .object({
    deal: Deal.optional(),
    sources: z.array(Source).default([]),
    parties: z.array(Party).default([]),
    topics: z.array(Topic).default([]),
    facts: z.array(Fact).default([]),
  })
  .strict();
export type FactFile = z.infer<typeof FactFile>;
