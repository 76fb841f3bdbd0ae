// Graceful shutdown: in-process with an injected exit and signal source, and in a real child
// process receiving SIGTERM while an answer is in flight.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { InFlight, installShutdown, type Shutdown } from '../../src/ops/shutdown.ts';
import { testBot, testPolicy } from '../helpers/bot.ts';
import { captureLog } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let disposers: Shutdown[] = [];
afterEach(() => {
  for (const d of disposers) d.dispose();
  disposers = [];
});

function setup(steps: Parameters<typeof installShutdown>[0]['steps'], timeoutMs = 5000, graceMs?: number) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  const log = captureLog('debug');
  let exited!: (code: number) => void;
  const done = new Promise<number>((r) => (exited = r));
  const s = installShutdown({
    steps,
    timeoutMs,
    ...(graceMs !== undefined ? { graceMs } : {}),
    logger: log.logger,
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
    target: signals as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
  });
  disposers.push(s);
  return { signals, exits, log, done, s };
}

describe('installShutdown', () => {
  it('runs the steps in order on SIGTERM and exits 0', async () => {
    const order: string[] = [];
    const { signals, done, s, log } = setup([
      { name: 'a', stop: async () => void order.push('a') },
      { name: 'b', stop: () => void order.push('b') },
    ]);
    expect(s.stopping()).toBe(false);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(s.stopping()).toBe(true);
    expect(await done).toBe(0);
    expect(order).toEqual(['a', 'b']);
    expect(log.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'shut down cleanly']));
  });

  it('a failing step is logged, the next steps still run, and the exit code says so', async () => {
    const order: string[] = [];
    const { signals, done, log } = setup([
      {
        name: 'broken',
        stop: () => {
          throw new Error('boom');
        },
      },
      { name: 'database', stop: () => void order.push('database') },
    ]);
    signals.emit('SIGINT', 'SIGINT');
    expect(await done).toBe(1);
    expect(order).toEqual(['database']);
    expect(log.lines().find((l) => l.msg === 'shutdown step failed')).toMatchObject({ step: 'broken' });
  });

  it('a step that hangs is abandoned at the bound and later steps still get their grace', async () => {
    const order: string[] = [];
    const { signals, done, log } = setup(
      [
        { name: 'stuck', stop: () => new Promise<void>(() => {}) },
        { name: 'database', stop: () => void order.push('database') },
      ],
      50,
      50,
    );
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await done).toBe(1);
    expect(order).toEqual(['database']);
    expect(log.lines().some((l) => l.step === 'stuck' && String(l.msg).includes('timed out'))).toBe(true);
  });

  it('a second signal exits at once', async () => {
    const { signals, exits, done } = setup([{ name: 'stuck', stop: () => new Promise<void>(() => {}) }], 60_000);
    signals.emit('SIGTERM', 'SIGTERM');
    signals.emit('SIGINT', 'SIGINT');
    expect(await done).toBe(1);
    expect(exits).toEqual([1]);
  });
});

describe('in-flight answers', () => {
  it('drain waits for answers in flight; after close new questions get a private restarting notice', async () => {
    const inflight = new InFlight();
    const policy = testPolicy(testBot(), { admission: inflight });
    const asker = { platform: 'discord', channel: { platform: 'discord', id: 'c' }, user: { id: 'u' }, isAdmin: async () => false };
    const pending = policy.ask({ text: 'timeline', asker, via: 'mention' });
    expect(inflight.size).toBe(1);
    inflight.close();
    const late = await policy.ask({ text: 'quand la première phase sera-t-elle déployée', asker, via: 'mention' });
    expect(late).toMatchObject({ audience: 'asker', reply: { kind: 'notice', lang: 'fr', title: 'Redémarrage' } });
    let drained = false;
    const draining = inflight.drain().then(() => (drained = true));
    const answer = await pending;
    await draining;
    expect(drained).toBe(true);
    expect(answer?.reply.items.length).toBeGreaterThan(0);
    expect(inflight.size).toBe(0);
  });

  it('a failure shutdown (a platform stayed down) exits 1 even when every step finished', async () => {
    const { done, s } = setup([{ name: 'a', stop: () => {} }]);
    void s.shutdown('slack down', { failed: true });
    expect(await done).toBe(1);
  });
});

describe('SIGTERM in a real process', () => {
  function run(mode?: string) {
    const dir = mkdtempSync(join(tmpdir(), 'dealbot-shutdown-'));
    const dbPath = join(dir, 'bot.db');
    const child = spawn(process.execPath, ['bin/run-ts.js', 'tests/ops/fixtures/shutdown-child.ts', dbPath, ...(mode ? [mode] : [])], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VITEST: '' },
    });
    let stdout = '';
    let stderr = '';
    const waiters: { text: string; resolve: () => void }[] = [];
    child.stdout.on('data', (d) => {
      stdout += String(d);
      for (const w of waiters.filter((w) => stdout.includes(w.text))) w.resolve();
    });
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    const waitFor = (text: string) =>
      new Promise<void>((resolve, reject) => {
        if (stdout.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exit.then(() => (stdout.includes(text) ? resolve() : reject(new Error(`child exited before "${text}":\n${stdout}\n${stderr}`))));
      });
    return { child, exit, waitFor, dbPath, out: () => stdout, err: () => stderr, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }

  it('finishes the answer in flight, refuses new work, closes the database and exits 0', async () => {
    const p = run();
    try {
      await p.waitFor('answering');
      p.child.kill('SIGTERM');
      const { code } = await p.exit;
      expect(code, p.err()).toBe(0);
      const lines = p.out().trim().split('\n');
      expect(lines[0]).toBe('answering');
      expect(lines).toContain('late question: notice Restarting');
      const answered = lines.findIndex((l) => l.startsWith('answered '));
      expect(answered).toBeGreaterThan(0);
      expect(lines.indexOf('answers drained')).toBeGreaterThan(answered);
      expect(lines.at(-1)).toBe('database closed');
      // The answer was delivered (stored) and the database was closed cleanly: no WAL left behind.
      expect(existsSync(`${p.dbPath}-wal`)).toBe(false);
      const db = new Database(p.dbPath, { readonly: true });
      const rows = db.prepare('SELECT query, kind FROM answers').all() as { query: string; kind: string }[];
      db.close();
      expect(rows).toEqual([{ query: 'nvidia investment', kind: lines[answered]!.split(' ')[1] }]);
      expect(p.err()).toContain('"msg":"shut down cleanly"');
    } finally {
      p.cleanup();
    }
  });

  it('a second SIGTERM while a step hangs exits at once with code 1', async () => {
    const p = run('hang');
    try {
      await p.waitFor('answering');
      p.child.kill('SIGTERM');
      await p.waitFor('stuck step running');
      p.child.kill('SIGTERM');
      const { code } = await p.exit;
      expect(code).toBe(1);
      expect(p.out()).not.toContain('database closed');
      expect(p.err()).toContain('second signal');
    } finally {
      p.cleanup();
    }
  });
});
