// Several deals in one base: each deal's facts get a question engine of their own, built with the
// engine's public API (createEngine over that deal's base), so src/search knows nothing of deals.
// A base without deal files is one deal, served exactly as before.
import type { FactBase, LoadedBase } from '../facts/load.ts';
import type { Deal, Localized } from '../facts/schema.ts';
import { createEngine } from '../search/engine.ts';
import type { QuestionEngine } from '../search/types.ts';

/** The id of the one deal of a base without deal files. */
export const IMPLICIT_DEAL_ID = 'deal';
const IMPLICIT_NAME: Localized = { en: 'The deal', fr: 'L’accord' };

export interface DealEntry {
  /** What `/deal use <id>` and `/deal <id> …` take; "deal" for a base without a deal file. */
  id: string;
  /** As answer headers show it. */
  name: Localized;
  /** The deal file's definition (status, parties, sources); undefined for a base without one. */
  deal?: Deal;
  /** The engine over this deal's facts (and the shared parties, topics and sources). */
  engine: QuestionEngine;
}

export interface DealSet {
  /** In folder order. Never empty. */
  readonly deals: readonly DealEntry[];
  /** More than one deal: questions are routed between them, and answers say which deal they are about. */
  readonly several: boolean;
  get(id: string): DealEntry | undefined;
  /** The deal a channel asks about when nothing else picks one: the deal file saying `default: true`, else the first. */
  readonly fallback: DealEntry;
  /** The version of everything served (the one deal's fingerprint when there is one). */
  readonly fingerprint: string;
  /** Facts of every deal together. */
  readonly factCount: number;
  readonly loadedAt: Date;
}

export function entryOf(base: FactBase, engine: QuestionEngine = createEngine(base)): DealEntry {
  return base.deal ? { id: base.deal.id, name: base.deal.name, deal: base.deal, engine } : { id: IMPLICIT_DEAL_ID, name: IMPLICIT_NAME, engine };
}

function setOf(deals: DealEntry[], fingerprint: string, loadedAt: Date): DealSet {
  const byId = new Map(deals.map((d) => [d.id, d]));
  return {
    deals,
    several: deals.length > 1,
    get: (id) => byId.get(id),
    fallback: deals.find((d) => d.deal?.default) ?? deals[0]!,
    fingerprint,
    factCount: deals.reduce((n, d) => n + d.engine.base.facts.length, 0),
    loadedAt,
  };
}

/** One engine per deal of a loaded directory (see src/facts/load.ts loadBase). */
export function buildDealSet(loaded: LoadedBase): DealSet {
  return setOf(loaded.deals.map((base) => entryOf(base)), loaded.fingerprint, loaded.loadedAt);
}

const single = new WeakMap<QuestionEngine, DealSet>();

/** A set of one deal around an engine built elsewhere (a bot given one engine, as in most tests). */
export function singleDealSet(engine: QuestionEngine): DealSet {
  let set = single.get(engine);
  if (!set) {
    set = setOf([entryOf(engine.base, engine)], engine.base.fingerprint, engine.base.loadedAt);
    single.set(engine, set);
  }
  return set;
}
