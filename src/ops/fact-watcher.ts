// Live fact reload: a change under the fact directory reloads the base after a short quiet
// period (editors write in several steps). The holder swaps engines atomically; a broken edit
// is logged with the same `file:line field: problem` lines as `dealbot facts check` and the
// old base keeps serving.
import { watch, type FSWatcher } from 'node:fs';
import { formatProblem, type FactBase, type FactProblem } from '../facts/load.ts';
import type { Logger } from './log.ts';

/** What a reload gave: the new base is served, or the old one still is and these are the problems. */
export type ReloadResult = { ok: true; engine: { base: Pick<FactBase, 'fingerprint' | 'facts'> } } | { ok: false; problems: FactProblem[] };

/** What holds the served base (the core's EngineHolder): its directory, a reload, and the version served (every deal's). */
export interface ReloadableBase {
  readonly dir: string;
  reload(): ReloadResult;
  version(): string;
}

export interface FactWatcherOptions {
  holder: ReloadableBase;
  logger: Logger;
  /** Quiet period after the last change before reloading. */
  debounceMs?: number;
  /** Called after every reload attempt (metrics, health, tests). */
  onReload?: (result: ReloadResult, info: { at: Date; changed: boolean }) => void;
}

export interface FactWatcher {
  /** Reloads right now (also what a change triggers). */
  reloadNow(): ReloadResult | undefined;
  /** The last reload attempt, for /healthz. */
  lastReload(): { at: string; ok: boolean; problems: number } | undefined;
  stop(): Promise<void>;
}

// Editors' swap and backup files (vim .swp/~, emacs #…#, JetBrains ___jb_tmp___) are noise.
const IGNORED = /(^|\/)(\.[^/]*\.sw[a-p]x?|[^/]*~|#[^/]*#|[^/]*___jb_\w+___|4913)$/;

export function watchFacts(opts: FactWatcherOptions): FactWatcher {
  const { holder, logger } = opts;
  const debounceMs = opts.debounceMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  let last: { at: string; ok: boolean; problems: number } | undefined;
  let stopped = false;

  function reloadNow(): ReloadResult | undefined {
    if (stopped) return undefined;
    const before = holder.version();
    let result: ReloadResult;
    try {
      result = holder.reload();
    } catch (err) {
      // Not a validation problem (e.g. the directory vanished mid-read): keep serving, say why.
      logger.error({ err, dir: holder.dir }, 'fact reload failed; still serving the previous base');
      result = { ok: false, problems: [] };
      last = { at: new Date().toISOString(), ok: false, problems: 0 };
      opts.onReload?.(result, { at: new Date(), changed: false });
      return result;
    }
    const at = new Date();
    if (result.ok) {
      const base = result.engine.base;
      const changed = base.fingerprint !== before;
      logger.info(
        { dir: holder.dir, fingerprint: base.fingerprint, previous: before, facts: base.facts.length, changed },
        changed ? 'fact base reloaded' : 'fact base reloaded (content unchanged)',
      );
      last = { at: at.toISOString(), ok: true, problems: 0 };
      opts.onReload?.(result, { at, changed });
    } else {
      for (const p of result.problems) logger.error({ dir: holder.dir, problem: formatProblem(p) }, formatProblem(p));
      logger.error(
        { dir: holder.dir, problems: result.problems.length, fingerprint: before },
        `fact base edit refused: ${result.problems.length} problem(s); still serving version ${before}`,
      );
      last = { at: at.toISOString(), ok: false, problems: result.problems.length };
      opts.onReload?.(result, { at, changed: false });
    }
    return result;
  }

  function schedule(file: string | null): void {
    if (stopped) return;
    if (file && IGNORED.test(file.replace(/\\/g, '/'))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      reloadNow();
    }, debounceMs);
  }

  // Recursive fs.watch works on Linux since Node 20 (and on macOS/Windows natively); it also
  // sees files replaced by rename, which is how most editors save.
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(holder.dir, { recursive: true }, (_event, file) => schedule(file ? String(file) : null));
    watcher.on('error', (err) => logger.error({ err, dir: holder.dir }, 'fact directory watch failed; live reload is off'));
    logger.debug({ dir: holder.dir }, 'watching the fact directory for changes');
  } catch (err) {
    logger.error({ err, dir: holder.dir }, 'cannot watch the fact directory; live reload is off');
  }

  return {
    reloadNow,
    lastReload: () => last,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      watcher?.close();
    },
  };
}
