// `dealbot facts check [--facts DIR]`: every problem of a fact base, or a one-line count.
import { FactBaseError, formatProblem, loadFactBase } from '../facts/load.ts';
import { EXIT_USAGE, type Io } from './io.ts';

export function factsCheck(dir: string, io: Io): number {
  try {
    const base = loadFactBase(dir);
    io.stdout(
      `${dir}: ${base.facts.length} facts, ${base.sources.size} source(s), ${base.topics.size} topics, ${base.parties.size} parties — OK (version ${base.fingerprint})`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof FactBaseError)) throw err;
    for (const p of err.problems) io.stderr(formatProblem(p));
    io.stderr(`${err.problems.length} problem(s) in ${dir}; nothing was loaded.`);
    return EXIT_USAGE;
  }
}
