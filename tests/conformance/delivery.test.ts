// The delivery conformance suite: the same scenarios against Slack, Discord and the console, each
// through its real SDK (or pipes) and its fake. What is decided once in the core (src/core/
// delivery.ts) must hold on every surface. Scenarios a surface cannot have are left out for it, by
// name: the console has no message ids (nothing is delivered twice), no message kinds other than a
// line, and no Share button.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { all } from '../../src/store/sql.ts';
import { freshDatabase, HAS_POSTGRES } from '../helpers/postgres.ts';
import { DRIVERS, type Driver, type DriverOptions, type Sent } from './drivers.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(name: keyof typeof DRIVERS, opts: DriverOptions = {}): Promise<Driver> {
  const d = await DRIVERS[name](opts);
  cleanups.push(() => d.close());
  return d;
}

/** One database, SQLite or PostgreSQL; `connect()` opens a store on it as another process would. */
async function database(kind: 'sqlite' | 'postgres'): Promise<{ connect(): Promise<Store> }> {
  if (kind === 'postgres') {
    const db = await freshDatabase('dealbot_conformance');
    cleanups.push(() => db.drop());
    return { connect: () => opened(openStore({ DATABASE_PATH: 'unused', DATABASE_URL: db.url })) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dealbot-conformance-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { connect: () => opened(openStore({ DATABASE_PATH: join(dir, 'dealbot.db'), DATABASE_BUSY_TIMEOUT_MS: 50 })) };
}

/** A store closed after the test (closing twice is harmless). */
async function opened(p: Promise<Store>): Promise<Store> {
  const store = await p;
  cleanups.push(() => store.close());
  return store;
}

const policyOn = (store: Store, holder: string) => ({ delivered: store.deliveries, holder, shared: store.sharedAnswers });

const LIMITED = /faster than I can keep up/;
const APOLOGY = /Sorry, something went wrong while answering/;
const answersTo = (d: Driver, title: RegExp) => d.sent().filter((s) => title.test(s.text) && !LIMITED.test(s.text));
async function until(d: Driver, check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`${d.name}: timed out waiting for ${what}; sent: ${JSON.stringify(d.sent().map((s) => [s.audience, s.text.slice(0, 60)]))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ALL = ['slack', 'discord', 'console'] as const;
const CHAT = ['slack', 'discord'] as const;

describe.each(ALL)('%s', (name) => {
  it('a handler failure gives exactly one apology, to the asker, and the surface keeps answering', async () => {
    const d = await start(name, { failing: true });
    await d.mention('explode now');
    await until(d, () => d.sent().some((s) => APOLOGY.test(s.text)), 'the apology');
    await d.mention('timeline');
    await until(d, () => answersTo(d, /Timeline/).length === 1, 'the next answer');
    await d.settle();
    const apologies = d.sent().filter((s) => APOLOGY.test(s.text));
    expect(apologies).toHaveLength(1);
    expect(apologies[0]!.audience).toBe('private');
  });

  it('a limited user gets one private notice, then nothing', async () => {
    const d = await start(name, { policy: { limits: { userPerMin: 2 } } });
    for (const q of ['energy', 'timeline', 'market', 'quotes', 'sources']) await d.mention(q);
    await until(d, () => d.sent().some((s) => LIMITED.test(s.text)), 'the notice');
    await d.settle();
    const notices = d.sent().filter((s) => LIMITED.test(s.text));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.audience).toBe('private');
    expect(d.sent()).toHaveLength(3); // two answers and the notice, nothing for the rest
  });

  it('user text never formats or pings', async () => {
    const d = await start(name);
    const hostile = 'zorglub *now* `x` ~gone~ <!channel> <!here> @everyone @here <@U123> <@&1> **bold** ||spoiler|| \u001b[31mred\u001b[0m \u202eevil';
    await d.mention(hostile);
    await d.command(hostile);
    await until(d, () => d.sent().length >= 2, 'both answers');
    for (const s of d.sent()) d.expectInert(s);
  });
});

describe.each(CHAT)('%s', (name) => {
  it('answers a message once, however often and by whatever route it is delivered', async () => {
    const d = await start(name);
    const once = await d.mention('energy');
    await d.redeliver(once);
    await d.redeliver(once);
    const dm = await d.mention('timeline', { kind: 'dm-mention' });
    await d.redeliver(dm);
    await until(d, () => answersTo(d, /Energy/).length >= 1 && answersTo(d, /Timeline/).length >= 1, 'both answers');
    await d.settle();
    expect(answersTo(d, /Energy/)).toHaveLength(1);
    expect(answersTo(d, /Timeline/)).toHaveLength(1);
  });

  it('answers what a person writes (with a file, a thread reply sent to the channel, a reply) and ignores edits, joins and bots', async () => {
    const d = await start(name);
    await d.mention('energy', { kind: 'with-file' });
    await d.mention('timeline', { kind: 'thread-broadcast' });
    await d.mention('market', { kind: 'reply' });
    await d.notPersonMessages('quotes');
    await until(d, () => [/Energy/, /Timeline/, /Market/].every((t) => answersTo(d, t).length === 1), 'three answers');
    await d.settle();
    expect(answersTo(d, /Quotes/)).toHaveLength(0);
    expect(d.sent()).toHaveLength(3);
  });

  it('limited: a public command and a Share press each get at most the one private notice; nothing reaches the channel', async () => {
    const d = await start(name, { policy: { limits: { userPerMin: 1 } } });
    const asked = await d.command('energy');
    await until(d, () => answersTo(d, /Energy/).length === 1, 'the private answer');
    await d.command('timeline', { public: true });
    await d.share(asked);
    await d.share(asked);
    await d.mention('market');
    await until(d, () => d.sent().some((s) => LIMITED.test(s.text)), 'the notice');
    await d.settle();
    expect(d.sent().filter((s) => s.audience === 'public')).toEqual([]);
    expect(d.sent().filter((s) => LIMITED.test(s.text))).toHaveLength(1);
    expect(d.sent().filter((s) => LIMITED.test(s.text))[0]!.audience).toBe('private');
  });

  it('Share posts what the asker saw, once, attributed; a notice is never shareable', async () => {
    const d = await start(name);
    const asked = await d.command('energy');
    await until(d, () => answersTo(d, /Energy/).length === 1, 'the private answer');
    const seen = answersTo(d, /Energy/)[0]!;
    await d.share(asked, { user: 'other' });
    await until(d, () => d.sent().some((s) => s.audience === 'public'), 'the shared copy');
    await d.settle();
    const shared = d.sent().filter((s) => s.audience === 'public');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.text).toMatch(/Shared by/);
    // Every item the asker saw is in the shared copy.
    expect(itemLines(seen).length).toBeGreaterThan(1);
    for (const line of itemLines(seen)) expect(shared[0]!.text).toContain(line);
  });
});

/** The first words of each fact the asker saw (what must reach the channel unchanged). */
function itemLines(s: Sent): string[] {
  return [...s.text.matchAll(/The deal[^\n*]{10,40}/g)].map((m) => m[0]);
}

const STORES = [
  ['SQLite', 'sqlite'],
  ['PostgreSQL', 'postgres'],
] as const;

describe.each(CHAT.flatMap((name) => STORES.map(([label, kind]) => [name, label, kind] as const)))('%s with two processes on one %s database', (name, label, kind) => {
  if (kind === 'postgres' && !HAS_POSTGRES) return it.skip(`${label}: no server (see tests/setup/postgres.ts)`);

  it('answers a message once, whichever process gets it first, and the record outlives both', async () => {
    const db = await database(kind);
    const store = await db.connect();
    const a = await start(name, { policy: policyOn(store, 'A') });
    // A second process: its own client and its own connection to the same database.
    const other = await db.connect();
    const b = await start(name, { policy: policyOn(other, 'B'), sharedWith: a });
    const id = await a.mention('energy');
    await b.redeliver(id); // Slack retries to the other app; Discord's gateway gives every client the message
    await until(a, () => answersTo(a, /Energy/).length >= 1, 'the answer');
    await a.settle();
    expect(answersTo(a, /Energy/)).toHaveLength(1);
    const row = await all<{ expires_at: number }>(store.driver, 'SELECT expires_at FROM delivered_messages');
    expect(row.length).toBeGreaterThan(0);
    expect(row.every((r) => r.expires_at > Date.now())).toBe(true);
  });

  it('does not answer again after a restart, when the platform delivers the message once more', async () => {
    const db = await database(kind);
    const store = await db.connect();
    const before = await start(name, { policy: policyOn(store, 'before') });
    const id = await before.mention('energy');
    await until(before, () => answersTo(before, /Energy/).length === 1, 'the answer');
    // The process exits: its bot and its database connection go; the platform stays.
    await before.stopBot();
    await store.close();
    const reopened = await db.connect();
    const after = await start(name, { policy: policyOn(reopened, 'after'), sharedWith: before });
    await after.redeliver(id);
    await after.mention('timeline'); // the new process does answer new messages
    await until(after, () => answersTo(after, /Timeline/).length === 1, 'a new answer');
    await after.settle();
    expect(answersTo(after, /Energy/)).toHaveLength(1); // still only the first process's
  });
});
