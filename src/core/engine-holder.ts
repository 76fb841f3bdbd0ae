// Holds the engines over the current fact base: one per deal. A reload builds every engine first
// and swaps the whole set in one assignment, so a question in flight keeps the base it started with.
// Loading and swapping are separate steps, so the fact watcher can look at a new base before serving it.
import { buildDealSet, type DealSet } from '../deals/deal-set.ts';
import { FactBaseError, loadBase, type FactProblem } from '../facts/load.ts';
import type { Fact } from '../facts/schema.ts';
import type { QuestionEngine } from '../search/types.ts';

/** A loaded base: every deal with its engine, and what the whole base is (its version and facts). */
export interface LoadedDeals {
  deals: DealSet;
  base: { fingerprint: string; facts: Fact[] };
}

/** A load: the new deals, or why the base cannot be served. */
export type ReloadResult = { ok: true; engine: LoadedDeals } | { ok: false; problems: FactProblem[] };

function loaded(deals: DealSet): LoadedDeals {
  return { deals, base: { fingerprint: deals.fingerprint, facts: deals.deals.flatMap((d) => d.engine.base.facts) } };
}

export class EngineHolder {
  private set: LoadedDeals;

  /** Throws FactBaseError when the base is broken: the bot must not start on it. */
  constructor(readonly dir: string) {
    this.set = loaded(buildDealSet(loadBase(dir)));
  }

  /** The engine of the default deal: the only one of a base with one deal. */
  current = (): QuestionEngine => this.set.deals.fallback.engine;

  /** Every deal with its engine, as of now. */
  deals = (): DealSet => this.set.deals;

  /** The version of everything served (what a reload compares). */
  version = (): string => this.set.base.fingerprint;

  /** The whole base served now (the fact watcher compares a new load with it). */
  served = (): LoadedDeals => this.set;

  /** Loads the directory into new engines without serving them; a broken base returns its problems. */
  load(): ReloadResult {
    try {
      return { ok: true, engine: loaded(buildDealSet(loadBase(this.dir))) };
    } catch (err) {
      if (err instanceof FactBaseError) return { ok: false, problems: err.problems };
      throw err;
    }
  }

  /** Serves `next` from the next question on. */
  swap(next: LoadedDeals): void {
    this.set = next;
  }

  /** Loads the directory again and serves it; a broken base changes nothing and returns its problems. */
  reload(): ReloadResult {
    const result = this.load();
    if (result.ok) this.swap(result.engine);
    return result;
  }
}
