// Live fact reload that cannot serve a partial base. The fact directory is looked at every
// `pollMs` (and at once when fs.watch reports a change) through a cheap snapshot of its files
// (fact-snapshot.ts), so a folder deleted and made again, or a release symlink switched, is seen
// like any edit, and watched again. A change is loaded only once the files have stayed the same
// for `settleMs` (an editor or a deploy writing in steps, a file missing for a moment), and then:
//  - a broken base is refused, logged with the same `file:line field: problem` lines as
//    `dealbot facts check`; the old base keeps serving;
//  - a base that loses more than `maxLoss` of the facts served is held, and the log says why;
//    `dealbot facts reload` (SIGHUP) serves it anyway;
//  - anything else is swapped in at once (the holder swaps engines atomically).
// health() says whether the base on disk has differed from the one served for longer than
// `staleMs` (a reload held, refused or never settling): /healthz turns 503 then.
import { watch, type FSWatcher } from 'node:fs';
import { formatProblem, type FactBase, type FactProblem } from '../facts/load.ts';
import { sameSnapshot, snapshotOf, type DirSnapshot } from './fact-snapshot.ts';
import type { Logger } from './log.ts';

type Engine = { base: Pick<FactBase, 'fingerprint' | 'facts'> };

/** What a reload gave: the new base is served, or the old one still is and these are the problems (or why it was held). */
export type ReloadResult = { ok: true; engine: Engine } | { ok: false; problems: FactProblem[]; held?: string };

/** What holds the served base (the core's EngineHolder): its directory, loading, swapping and the current base. */
export interface ReloadableBase<E extends Engine = Engine> {
  readonly dir: string;
  load(): { ok: true; engine: E } | { ok: false; problems: FactProblem[] };
  swap(engine: E): void;
  served(): E;
}

export interface FactWatcherOptions<E extends Engine = Engine> {
  holder: ReloadableBase<E>;
  logger: Logger;
  /** How long the files must stay unchanged before a change is loaded (default 2 s). */
  settleMs?: number;
  /** How often the directory is looked at besides fs.watch events (default 1 s). */
  pollMs?: number;
  /** Largest share of the served facts a reload may drop without an explicit reload (default 0.1). */
  maxLoss?: number;
  /** /healthz turns 503 when the base on disk has differed from the served one this long (default 60 s). */
  staleMs?: number;
  /** Called after every reload attempt (metrics, tests). */
  onReload?: (result: ReloadResult, info: { at: Date; changed: boolean }) => void;
  now?: () => number;
}

export interface FactWatcher {
  /** Loads the directory now. `force` (dealbot facts reload, SIGHUP) serves a valid base whatever it drops. */
  reloadNow(opts?: { force?: boolean; why?: string }): ReloadResult | undefined;
  /** The last reload attempt, for /healthz. */
  lastReload(): { at: string; ok: boolean; problems: number } | undefined;
  /** /healthz's "facts" check. */
  health(): { ok: boolean; state: FactsState; served: string; since?: string; reason?: string };
  stop(): Promise<void>;
}

/** current: disk = served; changing: waiting for the files to settle; held/refused/missing: not served, and why. */
export type FactsState = 'current' | 'changing' | 'held' | 'refused' | 'missing';

export function watchFacts<E extends Engine>(opts: FactWatcherOptions<E>): FactWatcher {
  const { holder, logger } = opts;
  const settleMs = opts.settleMs ?? 2000;
  const pollMs = opts.pollMs ?? 1000;
  const maxLoss = opts.maxLoss ?? 0.1;
  const staleMs = opts.staleMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const log = logger.child({ dir: holder.dir });

  let served: DirSnapshot = snapshotOf(holder.dir); // the files the served base was loaded from
  let seen: DirSnapshot = served; // the latest look at the directory
  let seenSince = now(); // since when the directory looks like `seen`
  let differsSince: number | undefined; // since when disk ≠ served
  let tried: string | undefined; // the snapshot last loaded and not served (held or refused): not tried again
  let state: FactsState = 'current';
  let reason: string | undefined;
  let last: { at: string; ok: boolean; problems: number } | undefined;
  let stopped = false;
  let watcher: FSWatcher | undefined;
  let watching: string | undefined;
  let soon: NodeJS.Timeout | undefined;
  let settled: NodeJS.Timeout | undefined; // a look once the files have been quiet for settleMs

  function report(result: ReloadResult, changed: boolean): ReloadResult {
    const at = new Date(now());
    last = { at: at.toISOString(), ok: result.ok, problems: result.ok ? 0 : result.problems.length };
    opts.onReload?.(result, { at, changed });
    return result;
  }

  /** Serves `engine` loaded from `snap`. */
  function serve(engine: E, snap: DirSnapshot, why: string): ReloadResult {
    const before = holder.served().base.fingerprint;
    holder.swap(engine);
    served = snap;
    differsSince = undefined;
    tried = undefined;
    state = 'current';
    reason = undefined;
    const changed = engine.base.fingerprint !== before;
    log.info(
      { fingerprint: engine.base.fingerprint, previous: before, facts: engine.base.facts.length, changed, why },
      changed ? 'fact base reloaded' : 'fact base reloaded (content unchanged)',
    );
    return report({ ok: true, engine }, changed);
  }

  function refuse(problems: FactProblem[], snap: DirSnapshot): ReloadResult {
    const fingerprint = holder.served().base.fingerprint;
    for (const p of problems) log.error({ problem: formatProblem(p) }, formatProblem(p));
    log.error({ problems: problems.length, fingerprint }, `fact base edit refused: ${problems.length} problem(s); still serving version ${fingerprint}`);
    tried = snap.key;
    state = 'refused';
    reason = `${problems.length} problem(s) in the files on disk (see the log or run dealbot facts check)`;
    return report({ ok: false, problems }, false);
  }

  /** Facts served now that the new base drops, when more than `maxLoss` of them: why it is held. */
  function lossOf(engine: Engine): string | undefined {
    const current = holder.served().base.facts;
    const kept = new Set(engine.base.facts.map((f) => f.id));
    const lost = current.filter((f) => !kept.has(f.id)).length;
    if (current.length === 0 || lost / current.length <= maxLoss) return undefined;
    return `the files on disk hold ${engine.base.facts.length} facts and drop ${lost} of the ${current.length} served (more than FACTS_RELOAD_MAX_LOSS=${Math.round(maxLoss * 100)} %)`;
  }

  function hold(why: string, snap: DirSnapshot): ReloadResult {
    const fingerprint = holder.served().base.fingerprint;
    tried = snap.key;
    state = 'held';
    reason = why;
    log.warn({ fingerprint, why }, `fact reload held: ${why}; still serving version ${fingerprint}. Run \`dealbot facts reload\` (or send SIGHUP) to serve it anyway`);
    return report({ ok: false, problems: [], held: why }, false);
  }

  /** Loads the directory as it is now; `force` skips the loss guard. */
  function load(force: boolean, why: string): ReloadResult {
    const before = snapshotOf(holder.dir);
    let result: ReturnType<ReloadableBase<E>['load']>;
    try {
      result = holder.load();
    } catch (err) {
      // Not a validation problem (the directory vanished mid-read): keep serving, say why.
      log.error({ err }, 'fact reload failed; still serving the previous base');
      tried = before.key;
      state = before.real ? 'refused' : 'missing';
      reason = (err as Error).message;
      return report({ ok: false, problems: [] }, false);
    }
    // Files written while loading: what was read may mix old and new; look again once settled.
    if (!force && !sameSnapshot(before, snapshotOf(holder.dir))) return { ok: false, problems: [], held: 'files changed while loading' };
    if (!result.ok) return refuse(result.problems, before);
    const loss = force ? undefined : lossOf(result.engine);
    if (loss) return hold(loss, before);
    return serve(result.engine, before, why);
  }

  /** Looks at the directory; loads a change once it has settled. */
  function tick(): void {
    if (stopped) return;
    const snap = snapshotOf(holder.dir);
    const t = now();
    if (!sameSnapshot(snap, seen)) {
      seen = snap;
      seenSince = t;
    }
    rewatch(snap);
    if (sameSnapshot(snap, served)) {
      differsSince = undefined;
      if (state !== 'current') log.info('the fact files are back to the version served');
      state = 'current';
      reason = undefined;
      tried = undefined;
      return;
    }
    differsSince ??= t;
    if (!snap.real) return missing();
    if (snap.key === tried) return; // held or refused already: waits for the next change
    if (t - seenSince < settleMs) {
      state = 'changing';
      // Looked at again the moment the settle period ends, not at the next poll.
      if (settled) clearTimeout(settled);
      settled = setTimeout(() => {
        settled = undefined;
        tick();
      }, seenSince + settleMs - t);
      settled.unref();
      return;
    }
    load(false, 'files changed');
  }

  function missing(): void {
    if (state === 'missing') return;
    state = 'missing';
    reason = `${holder.dir} does not exist`;
    log.warn({ fingerprint: holder.served().base.fingerprint }, `the fact directory ${holder.dir} is gone; still serving version ${holder.served().base.fingerprint} until it is back`);
  }

  /** (Re)watches the directory the path resolves to now: a replaced folder or switched symlink gets a new watch. */
  function rewatch(snap: DirSnapshot): void {
    const target = snap.real ? `${snap.real}@${snap.ino}` : undefined;
    if (target === watching) return;
    watcher?.close();
    watcher = undefined;
    watching = target;
    if (!snap.real) return;
    try {
      // Recursive fs.watch works on Linux since Node 20 (and natively on macOS/Windows); it only
      // makes changes seen sooner: the poll sees every change anyway.
      watcher = watch(snap.real, { recursive: true }, () => {
        if (stopped || soon) return;
        soon = setTimeout(() => {
          soon = undefined;
          tick();
        }, 50);
      });
      watcher.on('error', (err) => {
        log.warn({ err }, 'fact directory watch failed; watching it again at the next look');
        watcher?.close();
        watching = undefined;
      });
      log.debug({ real: snap.real }, 'watching the fact directory for changes');
    } catch (err) {
      log.warn({ err }, 'cannot watch the fact directory; changes are seen by polling');
    }
  }

  rewatch(served);
  const poll = setInterval(tick, pollMs);
  poll.unref();

  return {
    reloadNow(o = {}) {
      if (stopped) return undefined;
      return load(o.force ?? false, o.why ?? 'reload requested');
    },
    lastReload: () => last,
    health() {
      const stale = differsSince !== undefined && now() - differsSince > staleMs;
      return {
        ok: !stale,
        state,
        served: holder.served().base.fingerprint,
        ...(differsSince !== undefined ? { since: new Date(differsSince).toISOString() } : {}),
        ...(reason ? { reason } : stale ? { reason: 'the files keep changing' } : {}),
      };
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      if (soon) clearTimeout(soon);
      if (settled) clearTimeout(settled);
      watcher?.close();
    },
  };
}
