// Test doubles and fixtures for the summary tests: a clock the test moves by hand, a recording
// ChannelPublisher (stands in for a chat platform), temp database files, the fixture fact base.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChannelPublisher, ChannelRef, Platform } from '../../src/core/command.ts';
import type { Reply } from '../../src/core/reply.ts';
import { loadFactBase, type FactBase } from '../../src/facts/load.ts';
import type { Clock } from '../../src/summary/clock.ts';
import { SqliteDriver } from '../../src/store/sqlite.ts';
import { afterEach, beforeEach } from 'vitest';

export const FIXTURE_BASE_DIR = resolve(import.meta.dirname, 'fixtures/base');
export const SHIPPED_FACTS_DIR = resolve(import.meta.dirname, '../../facts');

export function fixtureBase(): FactBase {
  return loadFactBase(FIXTURE_BASE_DIR);
}

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(prefix = 'dealbot-summary-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh SQLite file in a temp directory for each test of the calling describe block, closed and removed after it. */
export function useTempDatabase(): { readonly db: SqliteDriver; readonly dir: string } {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let db: SqliteDriver | undefined;
  beforeEach(() => {
    tmp = tempDir();
    db = SqliteDriver.open(join(tmp.dir, 'dealbot.db'));
  });
  afterEach(async () => {
    await db?.close();
    tmp?.cleanup();
  });
  return {
    get db() {
      return db!;
    },
    get dir() {
      return tmp!.dir;
    },
  };
}

interface PendingTimer {
  id: number;
  at: number;
  fn: () => void;
}

/** A clock whose time only moves when the test says so; timers fire as it passes them. */
export class ManualClock implements Clock {
  private timers: PendingTimer[] = [];
  private nextId = 1;

  constructor(private t: number) {}

  static at(iso: string): ManualClock {
    return new ManualClock(Date.parse(iso));
  }

  now = (): Date => new Date(this.t);

  setTimeout = (fn: () => void, ms: number): unknown => {
    const timer = { id: this.nextId++, at: this.t + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  set(iso: string | number): void {
    this.t = typeof iso === 'number' ? iso : Date.parse(iso);
  }

  pending(): number {
    return this.timers.length;
  }

  /**
   * Moves time to `iso`, firing every timer on the way in order; after each one, `settle` lets
   * the work it started finish before time moves on.
   */
  async advanceTo(iso: string | number, settle: () => Promise<void>): Promise<void> {
    const target = typeof iso === 'number' ? iso : Date.parse(iso);
    for (;;) {
      await settle(); // work already started may plan new timers
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = target;
  }
}

export interface Posted {
  channel: ChannelRef;
  reply: Reply;
  at: Date;
  messageId: string;
}

/** Records what would have been posted; `gate` lets a test hold or fail a post. */
export class RecordingPublisher implements ChannelPublisher {
  readonly posts: Posted[] = [];
  gate: ((channel: ChannelRef) => Promise<void>) | undefined;
  private n = 0;

  constructor(
    readonly platform: Platform,
    private readonly clock: { now(): Date },
  ) {}

  async post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }> {
    if (this.gate) await this.gate(channel);
    const messageId = `${this.platform}-msg-${++this.n}`;
    this.posts.push({ channel, reply, at: this.clock.now(), messageId });
    return { messageId };
  }
}

/** A promise the test resolves or rejects by hand. */
export function deferred<T = void>(): { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
