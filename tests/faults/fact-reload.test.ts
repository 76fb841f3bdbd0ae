// Live fact reload under the ways files change in production (issue 12): the folder deleted and
// made again, a release symlink switched, a writer that pauses longer than the old debounce, a
// file missing for a moment. The real watcher over a real copy of facts/, the real loader and
// engine; the served base is sampled all along and must never be a partial one.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { watchFacts, type FactWatcher } from '../../src/ops/fact-watcher.ts';
import { FACTS_DIR } from '../helpers/bot.ts';
import { captureLog } from '../ops/helpers.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'dealbot-reload-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

const SHIPPED = new EngineHolder(FACTS_DIR).current().base.facts.length;
/** The shipped deal's folder: its fact files are under facts/<deal>/. */
const DEAL = 'openai-nvidia';

/** A watcher over `dir` with short timings, and every fact count the holder served meanwhile. */
function watching(dir: string, opts: { settleMs?: number; staleMs?: number } = {}) {
  const holder = new EngineHolder(dir);
  const log = captureLog('debug');
  const watcher: FactWatcher = watchFacts({ holder, logger: log.logger, settleMs: opts.settleMs ?? 300, pollMs: 50, staleMs: opts.staleMs ?? 60_000 });
  const served = new Set<number>();
  const sampler = setInterval(() => served.add(holder.current().base.facts.length), 5);
  cleanups.push(() => watcher.stop(), () => clearInterval(sampler));
  return { holder, watcher, log, served };
}

/** Marks the first fact's English statement so the test can tell which base is served. */
function mark(dir: string, word: string): void {
  const file = join(dir, DEAL, 'energy.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/at least 10 gigawatts/, `at least 10 gigawatts ${word}`));
}

const statementOf = (holder: EngineHolder) => JSON.stringify(holder.current().base.facts.map((f) => f.statement.en));

describe('live reload follows the folder however it is replaced', () => {
  it('the folder deleted and made again: the new files are served, and watched from then on', async () => {
    const root = workspace();
    const dir = join(root, 'facts');
    cpSync(FACTS_DIR, dir, { recursive: true });
    const { holder, served } = watching(dir);
    rmSync(dir, { recursive: true });
    await new Promise((r) => setTimeout(r, 400));
    cpSync(FACTS_DIR, dir, { recursive: true });
    mark(dir, 'RECREATED');
    await vi.waitFor(() => expect(statementOf(holder)).toContain('RECREATED'), { timeout: 5000, interval: 50 });
    // And an edit after that is seen too (the new folder is the one watched).
    mark(dir, 'EDITED');
    await vi.waitFor(() => expect(statementOf(holder)).toContain('EDITED'), { timeout: 5000, interval: 50 });
    expect([...served]).toEqual([SHIPPED]);
  });

  it('a release symlink switched to another release: the new release is served', async () => {
    const root = workspace();
    for (const r of ['r1', 'r2']) cpSync(FACTS_DIR, join(root, r), { recursive: true });
    mark(join(root, 'r2'), 'RELEASE-TWO');
    symlinkSync(join(root, 'r1'), join(root, 'current'));
    const { holder } = watching(join(root, 'current'));
    expect(statementOf(holder)).not.toContain('RELEASE-TWO');
    // Atomic switch, the way deploy tools do it: a new link renamed over the old one.
    symlinkSync(join(root, 'r2'), join(root, 'next'));
    renameSync(join(root, 'next'), join(root, 'current'));
    await vi.waitFor(() => expect(statementOf(holder)).toContain('RELEASE-TWO'), { timeout: 5000, interval: 50 });
  });
});

describe('a partial base is never served', () => {
  it('a writer pausing mid-file (longer than the old 200 ms debounce) gets its whole file served, never half', async () => {
    const dir = join(workspace(), 'facts');
    cpSync(FACTS_DIR, dir, { recursive: true });
    const { holder, served } = watching(dir, { settleMs: 800 });
    const file = join(dir, DEAL, 'deal.yaml');
    const whole = readFileSync(file, 'utf8');
    // The first half of the file, a pause, the rest (a slow copy, an editor saving in steps).
    const cut = whole.indexOf('\n  - id:', Math.floor(whole.length / 2));
    writeFileSync(file, whole.slice(0, cut + 1));
    await new Promise((r) => setTimeout(r, 500));
    writeFileSync(file, whole.replace(/\n$/, '\n# saved\n'));
    await vi.waitFor(() => expect(holder.current().base.fingerprint).toBeDefined(), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 1500));
    expect([...served]).toEqual([SHIPPED]);
  });

  it('a file missing for a moment, then back: never a base without it', async () => {
    const dir = join(workspace(), 'facts');
    cpSync(FACTS_DIR, dir, { recursive: true });
    const { served } = watching(dir, { settleMs: 400 });
    const file = join(dir, DEAL, 'deal.yaml');
    const content = readFileSync(file, 'utf8');
    rmSync(file);
    await new Promise((r) => setTimeout(r, 250));
    writeFileSync(file, content);
    await new Promise((r) => setTimeout(r, 1200));
    expect([...served]).toEqual([SHIPPED]);
  });

  it('a file gone for longer than the settle period: the reload is held, the log says why, /healthz turns 503 after FACTS_STALE_S', async () => {
    const dir = join(workspace(), 'facts');
    cpSync(FACTS_DIR, dir, { recursive: true });
    const { holder, watcher, log, served } = watching(dir, { settleMs: 200, staleMs: 700 });
    // Two files go: 10 of the shipped facts.
    rmSync(join(dir, DEAL, 'chips.yaml'));
    rmSync(join(dir, DEAL, 'competition.yaml'));
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ state: 'held' }), { timeout: 3000, interval: 20 });
    expect(holder.current().base.facts).toHaveLength(SHIPPED);
    const held = log.lines().find((l) => String(l.msg).startsWith('fact reload held'));
    expect(held).toMatchObject({ level: 40, why: expect.stringMatching(new RegExp(`drop 10 of the ${SHIPPED} served \\(more than FACTS_RELOAD_MAX_LOSS=10 %\\)`)) });
    expect(watcher.health().ok).toBe(true); // not yet stale
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ ok: false, state: 'held', reason: expect.stringMatching(/drop 10/) }), { timeout: 3000, interval: 50 });
    // The explicit reload serves it.
    expect(watcher.reloadNow({ force: true, why: 'test' })?.ok).toBe(true);
    expect(holder.current().base.facts).toHaveLength(SHIPPED - 10);
    expect(watcher.health()).toMatchObject({ ok: true, state: 'current' });
    await new Promise((r) => setTimeout(r, 50));
    expect([...served].sort()).toEqual([SHIPPED - 10, SHIPPED]);
  });

  it('files that never settle (a writer touching one every 100 ms): nothing is loaded mid-write, and /healthz turns 503 after FACTS_STALE_S', async () => {
    const dir = join(workspace(), 'facts');
    cpSync(FACTS_DIR, dir, { recursive: true });
    const { holder, watcher } = watching(dir, { settleMs: 300, staleMs: 700 });
    const before = holder.current().base.fingerprint;
    const file = join(dir, DEAL, 'energy.yaml');
    let n = 0;
    const writer = setInterval(() => writeFileSync(file, `${readFileSync(file, 'utf8')}# line ${n++}\n`), 100);
    cleanups.push(() => clearInterval(writer));
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ state: 'changing' }), { timeout: 3000, interval: 20 });
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ ok: false, state: 'changing', reason: 'the files keep changing' }), { timeout: 3000, interval: 50 });
    expect(holder.current().base.fingerprint).toBe(before);
    // The writer done, the files settle and are served: healthy again.
    clearInterval(writer);
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ ok: true, state: 'current' }), { timeout: 3000, interval: 50 });
    expect(watcher.lastReload()).toMatchObject({ ok: true });
  });

  it('a broken edit left in place: refused at once, /healthz 503 after FACTS_STALE_S with the reason; undoing it is healthy again', async () => {
    const dir = join(workspace(), 'facts');
    cpSync(FACTS_DIR, dir, { recursive: true });
    const { holder, watcher } = watching(dir, { settleMs: 200, staleMs: 700 });
    const before = holder.current().base.fingerprint;
    writeFileSync(join(dir, DEAL, 'broken.yaml'), 'facts:\n  - id: [broken\n');
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ ok: true, state: 'refused' }), { timeout: 3000, interval: 20 });
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ ok: false, state: 'refused', reason: expect.stringMatching(/1 problem\(s\) in the files on disk/) }), { timeout: 3000, interval: 50 });
    expect(holder.current().base.fingerprint).toBe(before);
    rmSync(join(dir, DEAL, 'broken.yaml'));
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ ok: true, state: 'current' }), { timeout: 3000, interval: 50 });
  });

  it('an edit that removes a few facts (within FACTS_RELOAD_MAX_LOSS) is served as usual', async () => {
    const dir = join(workspace(), 'facts');
    cpSync(FACTS_DIR, dir, { recursive: true });
    const { holder } = watching(dir);
    rmSync(join(dir, DEAL, 'quotes.yaml')); // 3 of the shipped facts
    await vi.waitFor(() => expect(holder.current().base.facts).toHaveLength(SHIPPED - 3), { timeout: 5000, interval: 50 });
  });
});
