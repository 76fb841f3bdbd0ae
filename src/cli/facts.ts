// `dealbot facts check [--facts DIR]`: every problem of a fact base, or a one-line count. The loader
// runs the faithfulness checks too; the summary says which sources could not be checked (no local copy).
import { readFileSync } from 'node:fs';
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

/**
 * `dealbot facts reload [--pid PID]`: checks the base on disk like `facts check`, then asks the
 * running bot to serve it (SIGHUP), even when it drops more facts than FACTS_RELOAD_MAX_LOSS lets a
 * live reload do. The bot's process id comes from --pid or the pid file `dealbot start` writes
 * (PID_FILE, default dealbot.pid beside DATABASE_PATH). A broken base is not sent.
 */
export function factsReload(dir: string, pidFile: string, pidArg: string | undefined, io: Io, signal: (pid: number) => void = (pid) => process.kill(pid, 'SIGHUP')): number {
  if (factsCheck(dir, io) !== 0) {
    io.stderr('dealbot facts reload: the running bot was not asked to reload (it keeps serving its base).');
    return EXIT_USAGE;
  }
  let pid: number;
  if (pidArg !== undefined) {
    pid = Number(pidArg);
  } else {
    try {
      pid = Number(readFileSync(pidFile, 'utf8').trim());
    } catch {
      io.stderr(`dealbot facts reload: no running bot found (no pid file at ${pidFile}; set PID_FILE or pass --pid, or send SIGHUP to the bot yourself)`);
      return EXIT_USAGE;
    }
  }
  if (!Number.isInteger(pid) || pid <= 0) {
    io.stderr(`dealbot facts reload: "${pidArg ?? pid}" is not a process id`);
    return EXIT_USAGE;
  }
  try {
    signal(pid);
  } catch (err) {
    io.stderr(`dealbot facts reload: could not signal process ${pid} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): is dealbot running under this user?`);
    return EXIT_USAGE;
  }
  io.stdout(`asked dealbot (pid ${pid}) to reload ${dir}; its log says "fact base reloaded" once it serves it`);
  return 0;
}
