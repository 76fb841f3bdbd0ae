// Rate limits as the bot's gate, with an injected clock: burst, refill, one notice per window.
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/core/bot.ts';
import type { Platform } from '../../src/core/command.ts';
import { createRateLimiter } from '../../src/ops/rate-limit.ts';
import { testBot } from '../helpers/bot.ts';

function asker(user: string, channel = 'C1', platform: Platform = 'slack'): Asker {
  return { platform, channel: { platform, id: channel, workspace: 'T1' }, user: { id: user }, isAdmin: async () => false, lang: 'en' };
}

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limit gate', () => {
  it('lets a burst through, then one notice, then silent replies until the window ends', () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMin: 3, channelPerMin: 100, now: c.now });
    const a = asker('U1');
    expect([1, 2, 3].map(() => limiter.gate(a, 'en'))).toEqual([undefined, undefined, undefined]);

    const notice = limiter.gate(a, 'en');
    expect(notice).toMatchObject({ kind: 'notice', lang: 'en', items: [] });
    expect(notice?.silent).toBeUndefined();
    expect(notice?.intro).toMatch(/3 questions a minute per person.*try again in 20 s/);

    const again = limiter.gate(a, 'en');
    expect(again).toMatchObject({ kind: 'notice', silent: true });
    expect(limiter.gate(a, 'en')?.silent).toBe(true);

    // One token back after 20 s (3 per minute): the user may ask again.
    c.advance(20_000);
    expect(limiter.gate(a, 'en')).toBeUndefined();
    // And the next limit gets a fresh notice, not silence.
    expect(limiter.gate(a, 'en')?.silent).toBeUndefined();
  });

  it('limits each user separately and speaks French to a French asker', () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMin: 1, channelPerMin: 100, now: c.now });
    expect(limiter.gate(asker('U1'), 'fr')).toBeUndefined();
    expect(limiter.gate(asker('U2'), 'fr')).toBeUndefined();
    const notice = limiter.gate(asker('U1'), 'fr');
    expect(notice?.lang).toBe('fr');
    expect(notice?.intro).toMatch(/par minute et par personne/);
  });

  it('limits a busy channel, telling each asker once', () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMin: 100, channelPerMin: 2, now: c.now });
    expect(limiter.gate(asker('U1'), 'en')).toBeUndefined();
    expect(limiter.gate(asker('U2'), 'en')).toBeUndefined();
    const u3 = limiter.gate(asker('U3'), 'en');
    expect(u3?.intro).toMatch(/per channel/);
    expect(u3?.silent).toBeUndefined();
    expect(limiter.gate(asker('U3'), 'en')?.silent).toBe(true);
    expect(limiter.gate(asker('U4'), 'en')?.silent).toBeUndefined(); // U4 has not been told yet
    // Another channel is not affected.
    expect(limiter.gate(asker('U3', 'C2'), 'en')).toBeUndefined();
  });

  it('0 turns a limit off and the console is never limited', () => {
    const limiter = createRateLimiter({ userPerMin: 0, channelPerMin: 0, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(limiter.gate(asker('U1'), 'en')).toBeUndefined();
    const strict = createRateLimiter({ userPerMin: 1, channelPerMin: 1, now: () => 0 });
    for (let i = 0; i < 5; i++) expect(strict.gate(asker('me', 'console', 'console'), 'en')).toBeUndefined();
  });

  it('keeps memory bounded by dropping idle buckets first', () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMin: 2, channelPerMin: 100, now: c.now, maxKeys: 100 });
    // A limited user whose bucket must survive the churn below.
    const busy = asker('busy', 'C-busy');
    limiter.gate(busy, 'en');
    limiter.gate(busy, 'en');
    expect(limiter.gate(busy, 'en')).toBeDefined();
    for (let i = 0; i < 5000; i++) {
      c.advance(1);
      limiter.gate(asker(`U${i}`, `C${i}`), 'en');
      expect(limiter.size()).toBeLessThanOrEqual(102);
    }
    // 5 s later the busy user still has no token back (needs 30 s), and was already told.
    expect(limiter.gate(busy, 'en')?.silent).toBe(true);
  });

  it('works as the bot gate: the limited question is not run, and the log says gated', async () => {
    const events: { gated: boolean; kind: string }[] = [];
    const limiter = createRateLimiter({ userPerMin: 1, channelPerMin: 100, now: () => 0 });
    const bot = testBot({ gate: limiter.gate, onAnswer: (e) => events.push(e) });
    const first = await bot.answer('timeline', asker('U1'));
    expect(first.items.length).toBeGreaterThan(0);
    const second = await bot.answer('timeline', asker('U1'));
    expect(second).toMatchObject({ kind: 'notice', items: [] });
    expect(events.map((e) => e.gated)).toEqual([false, true]);
  });
});

describe('rate limits shared through the store (several replicas)', () => {
  it('two processes count one user together: one notice, then silence; a store that fails falls back to memory', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { SqliteDriver } = await import('../../src/store/sqlite.ts');
    const { SqlRateBuckets } = await import('../../src/store/rate-buckets.ts');
    const { createSharedRateLimiter } = await import('../../src/ops/rate-limit.ts');
    const dir = mkdtempSync(join(tmpdir(), 'dealbot-shared-limit-'));
    const [one, two] = [SqliteDriver.open(join(dir, 'db')), SqliteDriver.open(join(dir, 'db'))];
    try {
      const limited: string[] = [];
      const gates = [one, two].map((d) => createSharedRateLimiter({ userPerMin: 2, channelPerMin: 100, buckets: new SqlRateBuckets(d), onLimited: (i) => limited.push(`${i.scope}:${i.notified}`) }));
      const a = asker('U9');
      expect(await gates[0]!.gate(a, 'en')).toBeUndefined();
      expect(await gates[1]!.gate(a, 'en')).toBeUndefined();
      const notice = await gates[0]!.gate(a, 'en');
      expect(notice).toMatchObject({ kind: 'notice' });
      expect(notice?.silent).toBeUndefined();
      expect(await gates[1]!.gate(a, 'en')).toMatchObject({ silent: true });
      expect(limited).toEqual(['user:true', 'user:false']);
      expect(await gates[0]!.gate(asker('U9', 'C1', 'console'), 'en')).toBeUndefined(); // the console is never limited

      const broken = createSharedRateLimiter({
        userPerMin: 1,
        channelPerMin: 100,
        buckets: { take: async () => Promise.reject(new Error('database down')), sweep: async () => 0 },
        fallback: createRateLimiter({ userPerMin: 1, channelPerMin: 100 }),
      });
      expect(await broken.gate(asker('U8'), 'en')).toBeUndefined();
      expect(await broken.gate(asker('U8'), 'en')).toMatchObject({ kind: 'notice' }); // limited in memory instead
    } finally {
      await one.close();
      await two.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
