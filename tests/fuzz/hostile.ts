// Hostile inputs for the fuzz suite: what a user (or a fact curator's typo) could put in a text
// field, mixed from mention syntaxes of both platforms, markup of both, invisible and bidi
// characters, arbitrary Unicode and very long strings.
import fc from 'fast-check';
import { reply, type Reply, type ReplyInput, type ReplyItem } from '../../src/core/reply.ts';

/** Fixed seed so `npm test` is reproducible; FUZZ_RUNS raises the run count (`npm run fuzz`: 20,000). */
export const FUZZ = {
  seed: Number(process.env.FUZZ_SEED ?? 42),
  numRuns: Number(process.env.FUZZ_RUNS ?? 200),
};

/**
 * Runs of the properties over 100 KB inputs: FUZZ_BIG_RUNS (`npm run fuzz`: 2,000), else 5 in
 * `npm test`. One such run costs 1–47 ms on average (the Slack renderer over 100 KB texts the most) against
 * well under a millisecond for the others: 20,000 of them would take half an hour.
 */
export const BIG_RUNS = Number(process.env.FUZZ_BIG_RUNS ?? 5);

/**
 * Checks a property with exactly `params.numRuns` runs and fails otherwise: a counterexample, or
 * fewer runs than declared (a filter skipping inputs, a cap), so the counts the README states are
 * the counts that ran. Prints the count per property.
 */
export async function holds<Ts>(name: string, property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts>): Promise<void> {
  const details = await fc.check(property as fc.IAsyncProperty<Ts>, params);
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
  if (details.numRuns !== params.numRuns) throw new Error(`${name}: ${details.numRuns} runs, ${params.numRuns} declared (${details.numSkips} skipped)`);
  console.log(`fuzz: ${name}: ${details.numRuns} runs, seed ${params.seed}`);
}

/** Per-test timeout: generous, since `npm run fuzz` multiplies the runs by 100. */
export const FUZZ_TIMEOUT_MS = 15 * 60_000;

export const MENTIONS = [
  // Slack
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S1>',
  '<!subteam^S0123|@team>',
  '<@U1>',
  '<@U012AB3CD|bob>',
  '<#C1>',
  '<#C012|general>',
  '<!date^1392734382^{date}|Feb 18>',
  '<https://evil.example|click>',
  '<mailto:a@b.c|mail>',
  // Discord
  '@everyone',
  '@here',
  '@EVERYONE',
  '<@123>',
  '<@!123>',
  '<@&123>',
  '<#123>',
  '</deal:123>',
  '<t:1700000000:R>',
  '<:emoji:123>',
  '<a:emoji:123>',
  '<id:customize>',
  // Escaped forms that a careless decoder would turn back into mentions
  '&lt;!channel&gt;',
  '&lt;@U1&gt;',
  '&amp;lt;!here&amp;gt;',
];

export const MARKUP = [
  '*', '_', '~', '`', '```', '|', '||', '>', '>>>', '#', '-', '+', '1.', '[', ']', '(', ')', '\\',
  '&', '<', '>', '&amp;', '&lt;', '&gt;', '*bold*', '_it_', '~strike~', '`code`', '```block```',
  '[link](https://x.example)', '<https://x.example>', '||spoiler||', '# heading', '> quote', '-# subtext',
  ':smile:', '{"type":"section"}', '"', "'", '\u2028', '\u2029',
];

export const INVISIBLE = [
  '\u0000', '\u0007', '\u0008', '\t', '\n', '\r', '\u001b[31m', '\u007f', '\u0085', '\u009b',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
  '\u2066', '\u2067', '\u2068', '\u2069', '\u2060', '\ufeff', '\ufffd', '\ud800', '\udfff',
  '👨‍👩‍👧‍👦', '🏳️‍🌈', 'e\u0301', 'ﷺ', 'مرحبا', 'שלום', '𝕏', '\u{10ffff}',
];

export const WORDS = [
  'deal', 'nvidia', 'openai', 'combien', 'when', 'quand', 'timeline', 'chronologie', 'quotes', 'citations',
  'market', 'marché', 'sources', 'help', 'aide', 'subscribe', 'abonner', 'unsubscribe', 'subscription',
  '/deal', 'Altman', 'Huang', '100', 'milliards', 'billion', 'GW', ' ', '  ', '?',
];

/** One piece of hostile text. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MENTIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** A hostile text of ordinary size. */
export const hostileText: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));

/** A hostile text of 50–100 KB: a pattern repeated, so generation stays cheap. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.array(fragment, { minLength: 1, maxLength: 8 }), fc.integer({ min: 50_000, max: 100_000 }))
  .map(([parts, n]) => {
    const unit = parts.join('') || '<!channel>';
    return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  });

/** Ordinary most of the time, sometimes huge. */
export const anyText: fc.Arbitrary<string> = fc.oneof({ weight: 9, arbitrary: hostileText }, { weight: 1, arbitrary: hugeText });

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function itemArb(text: fc.Arbitrary<string>): fc.Arbitrary<ReplyItem> {
  return fc
    .record({
      factId: optional(text),
      text,
      figure: optional(text),
      quote: optional(
        fc.record({
          text,
          lang: fc.constantFrom('en' as const, 'fr' as const),
          translation: optional(text),
          speaker: text,
          role: optional(text),
          organisation: optional(text),
        }),
      ),
      when: optional(text),
      citation: fc.record({
        sourceId: optional(text),
        source: text,
        publisher: optional(text),
        section: optional(text),
        detail: optional(text),
        url: optional(fc.oneof(fc.webUrl(), text, fc.constantFrom('javascript:alert(1)', 'https://x.example/a|b>c<d', 'https://x.example/<!channel>'))),
        asOf: optional(text),
      }),
    })
    .map((i) => {
      const item = stripUndefined(i);
      if (item.quote) item.quote = stripUndefined(item.quote);
      item.citation = stripUndefined(item.citation);
      return item as ReplyItem;
    });
}

/** Any Reply the model allows, every text field hostile; `big` makes texts and lists huge. */
export function replyArb(big = false): fc.Arbitrary<Reply> {
  const text = big ? anyText : hostileText;
  return fc
    .record({
      kind: fc.constantFrom('answer', 'no-facts', 'help', 'notice', 'error', 'summary'),
      lang: fc.constantFrom('en' as const, 'fr' as const),
      query: optional(text),
      title: text,
      intro: optional(text),
      items: fc.array(itemArb(text), { maxLength: big ? 40 : 12 }),
      lines: fc.array(text, { maxLength: big ? 30 : 8 }),
      suggestions: fc.array(text, { maxLength: big ? 20 : 6 }),
      footer: optional(text),
      shareable: fc.boolean(),
      omitted: fc.nat({ max: 500 }),
    })
    .map((r) => reply(stripUndefined(r) as ReplyInput));
}
