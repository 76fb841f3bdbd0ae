// Holds the engine over the current fact base. A reload builds a whole new engine first and
// swaps it in one assignment, so a question in flight keeps the base it started with. Loading and
// swapping are separate steps, so the fact watcher can look at a new base before serving it.
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

  /** Loads the directory into a new engine without serving it; a broken base returns its problems. */
  load(): ReloadResult {
    try {
      return { ok: true, engine: createEngine(loadFactBase(this.dir)) };
    } catch (err) {
      if (err instanceof FactBaseError) return { ok: false, problems: err.problems };
      throw err;
    }
  }

  /** Serves `engine` from the next question on. */
  swap(engine: QuestionEngine): void {
    this.engine = engine;
  }

  /** Loads the directory again and serves it; a broken base changes nothing and returns its problems. */
  reload(): ReloadResult {
    const result = this.load();
    if (result.ok) this.swap(result.engine);
    return result;
  }
}
