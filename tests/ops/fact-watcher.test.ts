// Live fact reload over a temporary copy of facts/: a real file edit, a real fs.watch, the real engine.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDocument, isMap, isSeq } from 'yaml';
import { commands as defaultCommands } from '../../commands/index.ts';
import type { Asker } from '../../src/core/bot.ts';
import type { Command } from '../../src/core/command.ts';
import { createBot } from '../../src/core/create-bot.ts';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { formatProblem, loadFactBase, yamlFiles } from '../../src/facts/load.ts';
import { watchFacts, type FactWatcher, type ReloadResult } from '../../src/ops/fact-watcher.ts';
import { captureLog, copyFacts } from './helpers.ts';

const asker: Asker = {
  platform: 'slack',
  channel: { platform: 'slack', id: 'C1' },
  user: { id: 'U1' },
  isAdmin: async () => false,
  lang: 'en',
};

/** Made-up words no fact uses, so only the edited fact can match them. */
const MARKER = 'zorblax quintessential marmalade';

/** The first fact file of the copy (in its deal's folder), and its first fact's id. */
function firstFact(dir: string): { file: string; id: string } {
  for (const file of yamlFiles(dir)) {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const facts = doc.get('facts');
    if (isSeq(facts) && facts.items.length > 0) {
      const first = facts.items[0];
      if (isMap(first)) return { file, id: String(first.get('id')) };
    }
  }
  throw new Error('no fact file in the copy');
}

/** Rewrites the first fact's English statement through the YAML document API (comments kept). */
function editStatement(file: string, text: string): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['facts', 0, 'statement', 'en'], text);
  writeFileSync(file, doc.toString());
}

let cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

function setup() {
  const copy = copyFacts();
  const log = captureLog('debug');
  const holder = new EngineHolder(copy.dir);
  const reloads: ReloadResult[] = [];
  const watcher: FactWatcher = watchFacts({ holder, logger: log.logger, settleMs: 50, pollMs: 50, onReload: (r) => reloads.push(r) });
  cleanups.push(copy.cleanup, () => watcher.stop());
  return { copy, log, holder, watcher, reloads };
}

describe('fact watcher', () => {
  it('an edited fact file changes the next answer without a restart', async () => {
    const { copy, holder, log, reloads } = setup();
    const bot = createBot({ engine: holder.current, commands: defaultCommands });
    const { file, id } = firstFact(copy.dir);
    const before = await bot.answer(MARKER, asker);
    expect(before.items.map((i) => i.factId)).not.toContain(id);
    const oldFingerprint = holder.current().base.fingerprint;

    editStatement(file, `The deal mentions ${MARKER}.`);
    await vi.waitFor(() => expect(reloads.some((r) => r.ok)).toBe(true), { timeout: 5000, interval: 20 });

    const after = await bot.answer(MARKER, asker);
    expect(after.kind).toBe('answer');
    expect(after.items.map((i) => i.factId)).toContain(id);
    const newFingerprint = holder.current().base.fingerprint;
    expect(newFingerprint).not.toBe(oldFingerprint);

    // /deal sources shows the version being served.
    const sources = await bot.answer('sources', asker);
    expect(sources.footer).toContain(newFingerprint);

    const info = log.lines().find((l) => l.msg === 'fact base reloaded');
    expect(info).toMatchObject({ level: 30, fingerprint: newFingerprint, previous: oldFingerprint, facts: holder.current().base.facts.length });
  });

  it('a broken edit changes nothing and is logged like `dealbot facts check`', async () => {
    const { copy, holder, log, reloads } = setup();
    const bot = createBot({ engine: holder.current, commands: defaultCommands });
    const { file } = firstFact(copy.dir);
    const fingerprint = holder.current().base.fingerprint;
    const sourcesBefore = await bot.answer('sources', asker);

    const original = readFileSync(file, 'utf8');
    const doc = parseDocument(original);
    doc.setIn(['facts', 0, 'citation', 'source'], 'no-such-source');
    doc.deleteIn(['facts', 0, 'statement']);
    writeFileSync(file, doc.toString());
    await vi.waitFor(() => expect(reloads.length).toBeGreaterThan(0), { timeout: 5000, interval: 20 });

    const refused = reloads.at(-1)!;
    expect(refused.ok).toBe(false);
    expect(holder.current().base.fingerprint).toBe(fingerprint);
    expect((await bot.answer('sources', asker)).footer).toBe(sourcesBefore.footer);

    // The same lines `dealbot facts check` prints, one error line each.
    let expected: string[] = [];
    try {
      loadFactBase(copy.dir);
    } catch (err) {
      expected = (err as { problems: Parameters<typeof formatProblem>[0][] }).problems.map(formatProblem);
    }
    expect(expected.length).toBeGreaterThan(0);
    const errorLines = log.lines().filter((l) => l.level === 50).map((l) => l.msg);
    for (const line of expected) expect(errorLines).toContain(line);
    expect(errorLines.some((m) => String(m).includes(`still serving version ${fingerprint}`))).toBe(true);

    // Putting the file back brings the same version back.
    writeFileSync(file, original);
    await vi.waitFor(() => expect(reloads.at(-1)?.ok).toBe(true), { timeout: 5000, interval: 20 });
    expect(holder.current().base.fingerprint).toBe(fingerprint);
  });

  it('a question in flight finishes on the base it started with', async () => {
    const { copy, holder, watcher } = setup();
    // The real ask command, held at its start until the test lets it go.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const hasStarted = new Promise<void>((r) => (started = r));
    const slow: Command<any>[] = defaultCommands.map((c) =>
      c.name === ''
        ? {
            ...c,
            run: async (ctx, args) => {
              started();
              await held;
              return c.run(ctx, args);
            },
          }
        : c,
    );
    const bot = createBot({ engine: holder.current, commands: slow });
    const { file, id } = firstFact(copy.dir);

    const inFlight = bot.answer(MARKER, asker);
    await hasStarted;
    editStatement(file, `The deal mentions ${MARKER}.`);
    const result = watcher.reloadNow(); // no need to wait for the watch event here
    expect(result?.ok).toBe(true);

    const fresh = bot.answer(MARKER, asker);
    release();
    const [old, next] = await Promise.all([inFlight, fresh]);
    expect(old.items.map((i) => i.factId)).not.toContain(id);
    expect(next.items.map((i) => i.factId)).toContain(id);
  });

  it('stop() ends watching: later edits are not loaded', async () => {
    const { copy, holder, watcher, reloads } = setup();
    await watcher.stop();
    const fingerprint = holder.current().base.fingerprint;
    editStatement(firstFact(copy.dir).file, `The deal mentions ${MARKER}.`);
    // Give a watch event every chance to arrive, then check nothing reloaded.
    await new Promise((r) => setTimeout(r, 300));
    expect(reloads).toHaveLength(0);
    expect(holder.current().base.fingerprint).toBe(fingerprint);
    expect(watcher.reloadNow()).toBeUndefined();
  });
});
