// Ranking: BM25 over the inverted index for every focus item (the best of its terms per fact),
// summed per fact, then boosted by what the question's form asks for, the speaker and topic it
// names, and the status of the fact (opinions below what was signed or reported).
import type { FocusItem } from './concepts.ts';
import type { QuestionForm } from './form.ts';
import type { SearchableBase } from './searchable-base.ts';

/** A concept with more postings than this (and this share of the facts) only scores the candidates found so far. */
const LARGE_POSTINGS = 1000;
const LARGE_SHARE = 0.02;
/** What a question form asks for counts this much more (dated facts for "when", figures for "how much"…). */
const FORM_BOOST = 1.5;
const WHEN_BOOST = 1.3;
const SPEAKER_BOOST = 2;
const TOPIC_BOOST = 1.5;

/** Scratch arrays of one engine: the engine is synchronous, so a search never shares them mid-way. */
export interface Scratch {
  total: Float64Array;
  acc: Float64Array;
}

/**
 * Adds each known item's BM25 score into scratch.total and returns the facts touched. Rarest items
 * first: once rare words have found candidates, a very common word only scores those candidates.
 */
export function scoreItems(sb: SearchableBase, items: readonly FocusItem[], scratch: Scratch): number[] {
  const { index } = sb;
  const { total, acc } = scratch;
  const touched: number[] = [];
  const postings = (it: FocusItem) => it.terms.reduce((a, [t]) => a + index.df(t), 0);
  const ordered = items
    .filter((it) => it.known && !it.excluded)
    .map((it) => ({ it, size: postings(it) }))
    .sort((a, b) => a.size - b.size);
  const large = Math.max(LARGE_POSTINGS, LARGE_SHARE * sb.n);
  for (const { it, size } of ordered) {
    const seen: number[] = [];
    const candidates = size > large && touched.length > 0 && touched.length < size / 8 ? touched.slice() : undefined;
    for (const [t, w] of it.terms) {
      if (candidates) index.maxIntoDocs(t, w, acc, candidates, seen);
      else index.maxInto(t, w, acc, seen);
    }
    for (const d of seen) {
      if (total[d] === 0) touched.push(d);
      total[d]! += acc[d]!;
      acc[d] = 0;
    }
  }
  return touched;
}

export interface BoostContext {
  form: QuestionForm;
  speaker?: string;
  topicId?: string;
}

/** Multiplies scratch.total for the touched facts by what the question favours. */
export function applyBoosts(sb: SearchableBase, touched: readonly number[], total: Float64Array, ctx: BoostContext): void {
  const { form } = ctx;
  const kind = form.ask === 'amount' || form.ask === 'count' ? sb.hasFigures : form.ask === 'quote' ? sb.isQuote : form.ask === 'date' ? sb.isDated : undefined;
  const kindFactor = form.ask === 'date' ? WHEN_BOOST : FORM_BOOST;
  const sp = ctx.speaker !== undefined ? sb.speakerIds.get(ctx.speaker)! : -2;
  const mask = ctx.topicId ? sb.topicMask(ctx.topicId) : undefined;
  // Quotes are opinions by nature: asking for them is asking for opinions.
  const usePrior = form.ask !== 'quote' && ctx.speaker === undefined;
  for (const d of touched) {
    let v = total[d]!;
    if (kind && kind[d]) v *= kindFactor;
    if (form.money && sb.hasMoney[d]) v *= FORM_BOOST;
    if (form.direction && sb.moveSign[d] === (form.direction === 'up' ? 1 : -1)) v *= FORM_BOOST;
    if (sb.speakerOf[d] === sp) v *= SPEAKER_BOOST;
    if (mask && mask[d]) v *= TOPIC_BOOST;
    if (usePrior) v *= sb.prior[d]!;
    total[d] = v;
  }
}

/**
 * Whether an item is one most headline facts share ("deal", "nvidia", "partners"): a question
 * naming only such items asks about the deal as a whole, not about one of its facts.
 */
export function sharedByOverview(sb: SearchableBase, it: FocusItem): boolean {
  if (sb.headlines.length === 0 || !it.known) return false;
  const strong = it.terms.filter(([, w]) => w >= 0.5).map(([t]) => t);
  // A phrase of the lexicon ("se passer de Nvidia") is judged by its concept, not by the words inside it.
  const concepts = strong.filter((t) => t.startsWith('~'));
  const near = concepts.length > 0 ? concepts : strong;
  let held = 0;
  for (const h of sb.headlines) if (near.some((t) => sb.index.holds(t, h))) held++;
  return held * 2 >= sb.headlines.length;
}
