// The blind evaluation set: its case schema, loading, and how one answer is judged.
// Cases were written from the source article only, by someone who never saw facts/ or src/search/.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Reply } from '../src/core/reply.ts';

export const KINDS = ['direct', 'paraphrase', 'yesno', 'role', 'numwords', 'informal_fr', 'chatty', 'distractor', 'broad', 'typo', 'out_of_scope'] as const;

const Answerable = z.object({
  id: z.string(),
  lang: z.enum(['en', 'fr']),
  kind: z.enum(KINDS),
  q: z.string(),
  answerable: z.literal(true),
  /** Groups that must all match; a group matches when any of its alternatives is in the first three items. */
  expect: z.array(z.array(z.coerce.string()).min(1)).min(1),
});
const Unanswerable = z.object({
  id: z.string(),
  lang: z.enum(['en', 'fr']),
  kind: z.literal('out_of_scope'),
  sub: z.string(),
  q: z.string(),
  answerable: z.literal(false),
});
export const EvalCase = z.discriminatedUnion('answerable', [Answerable, Unanswerable]);
export type EvalCase = z.infer<typeof EvalCase>;

export function loadCases(path: string): EvalCase[] {
  return z.array(EvalCase).parse(parse(readFileSync(path, 'utf8')));
}

/** Case, accents, typographic apostrophes and no-break spaces do not matter when matching. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .toLowerCase();
}

/** What a user reads of an item: its line, figure, quote (original and translation) and date. */
function itemText(item: Reply['items'][number]): string {
  return [item.text, item.figure, item.quote?.text, item.quote?.translation, item.when].filter(Boolean).join(' \n ');
}

export interface Verdict {
  pass: boolean;
  /** Why it failed, for the dev half's failure list. */
  why?: string;
}

/** Answerable: an answer whose first three items hold every expected group. Unanswerable: no facts. */
export function judge(c: EvalCase, reply: Reply): Verdict {
  const items = reply.kind === 'answer' ? reply.items : [];
  if (!c.answerable) return items.length === 0 ? { pass: true } : { pass: false, why: `answered with ${items.length} item(s)` };
  if (items.length === 0) return { pass: false, why: `no facts (${reply.kind})` };
  const text = fold(items.slice(0, 3).map(itemText).join('\n'));
  const missing = c.expect.filter((group) => !group.some((alt) => text.includes(fold(alt))));
  return missing.length === 0 ? { pass: true } : { pass: false, why: `missing ${missing.map((g) => g.join('|')).join(' & ')}` };
}
