// Holds the engines over the current fact base: one per deal. A reload builds every engine first
// and swaps the whole set in one assignment, so a question in flight keeps the base it started with.
import { buildDealSet, type DealSet } from '../deals/deal-set.ts';
import { FactBaseError, loadBase, type FactProblem } from '../facts/load.ts';
import type { Fact } from '../facts/schema.ts';
import type { QuestionEngine } from '../search/types.ts';

/** A reload: the new deals and what the whole base now is (its version and facts), or why nothing changed. */
export type ReloadResult = { ok: true; deals: DealSet; engine: { base: { fingerprint: string; facts: Fact[] } } } | { ok: false; problems: FactProblem[] };

export class EngineHolder {
  private set: DealSet;

  /** Throws FactBaseError when the base is broken: the bot must not start on it. */
  constructor(readonly dir: string) {
    this.set = buildDealSet(loadBase(dir));
  }

  /** The engine of the default deal: the only one of a base with one deal. */
  current = (): QuestionEngine => this.set.fallback.engine;

  /** Every deal with its engine, as of now. */
  deals = (): DealSet => this.set;

  /** The version of everything served (what a reload compares). */
  version = (): string => this.set.fingerprint;

  /** Loads the directory again; a broken base changes nothing and returns its problems. */
  reload(): ReloadResult {
    try {
      const next = buildDealSet(loadBase(this.dir));
      this.set = next;
      return { ok: true, deals: next, engine: { base: { fingerprint: next.fingerprint, facts: next.deals.flatMap((d) => d.engine.base.facts) } } };
    } catch (err) {
      if (err instanceof FactBaseError) return { ok: false, problems: err.problems };
      throw err;
    }
  }
}
