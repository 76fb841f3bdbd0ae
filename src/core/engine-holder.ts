// Holds the engine over the current fact base. A reload builds a whole new engine first and
// swaps it in one assignment, so a question in flight keeps the base it started with.
import { FactBaseError, loadFactBase, type FactProblem } from '../facts/load.ts';
import { createEngine } from '../search/engine.ts';
import type { QuestionEngine } from '../search/types.ts';

export type ReloadResult = { ok: true; engine: QuestionEngine } | { ok: false; problems: FactProblem[] };

export class EngineHolder {
  private engine: QuestionEngine;

  /** Throws FactBaseError when the base is broken: the bot must not start on it. */
  constructor(readonly dir: string) {
    this.engine = createEngine(loadFactBase(dir));
  }

  current = (): QuestionEngine => this.engine;

  /** Loads the directory again; a broken base changes nothing and returns its problems. */
  reload(): ReloadResult {
    try {
      const next = createEngine(loadFactBase(this.dir));
      this.engine = next;
      return { ok: true, engine: next };
    } catch (err) {
      if (err instanceof FactBaseError) return { ok: false, problems: err.problems };
      throw err;
    }
  }
}
