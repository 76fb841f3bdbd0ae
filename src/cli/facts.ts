// `dealbot facts check [--facts DIR]`: every problem of a fact base, or a one-line count. The loader
// runs the faithfulness checks too; the summary says which sources could not be checked (no local copy).
import { FactBaseError, formatProblem, loadBase, type FactBase } from '../facts/load.ts';
import { EXIT_USAGE, type Io } from './io.ts';

/** "excerpts not checked for 1 source without a local file: src (3 facts)", or "" when all were. */
function unchecked(base: FactBase): string {
  const without = [...base.sources.values()].filter((s) => s.file === undefined);
  if (without.length === 0) return '';
  const cited = (id: string) => base.facts.filter((f) => f.citation.source === id).length;
  return `; excerpts and quotes not checked for ${without.length} source(s) without a local file: ${without.map((s) => `${s.id} (${cited(s.id)} facts)`).join(', ')}`;
}

/** "36 facts, 1 source(s), 12 topics, 17 parties" */
function counts(base: FactBase): string {
  return `${base.facts.length} facts, ${base.sources.size} source(s), ${base.topics.size} topics, ${base.parties.size} parties`;
}

export function factsCheck(dir: string, io: Io): number {
  try {
    const loaded = loadBase(dir);
    if (loaded.deals.length === 1) {
      const base = loaded.deals[0]!;
      io.stdout(`${dir}: ${counts(base)} — OK (version ${base.fingerprint})${unchecked(base)}`);
      return 0;
    }
    // Several deals: the whole base, then each deal with what it can name (its own and the shared elements).
    const facts = loaded.deals.reduce((n, b) => n + b.facts.length, 0);
    io.stdout(`${dir}: ${loaded.deals.length} deals, ${facts} facts — OK (version ${loaded.fingerprint})`);
    for (const base of loaded.deals) io.stdout(`  ${base.deal!.id}: ${counts(base)} (version ${base.fingerprint})${unchecked(base)}`);
    return 0;
  } catch (err) {
    if (!(err instanceof FactBaseError)) throw err;
    for (const p of err.problems) io.stderr(formatProblem(p));
    io.stderr(`${err.problems.length} problem(s) in ${dir}; nothing was loaded.`);
    return EXIT_USAGE;
  }
}
