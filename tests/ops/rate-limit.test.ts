// Rate limits with an injected clock: burst, refill, one notice per window (`first`), and the
// delivery policy turning them into one private notice, then nothing.
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/core/bot.ts';
import type { Platform } from '../../src/core/command.ts';
import { createRateLimiter } from '../../src/ops/rate-limit.ts';
import { testBot, testPolicy } from '../helpers/bot.ts';

function asker(user: string, channel = 'C1', platform: Platform = 'slack'): Asker {
  return { platform, channel: { platform, id: channel, workspace: 'T1' }, user: { id: user }, isAdmin: async () => false, lang: 'en' };
}

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limiter', () => {
  it('lets a burst through, then says "first" once, then not until the window ends', () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMin: 3, channelPerMin: 100, now: c.now });
    const a = asker('U1');
    expect([1, 2, 3].map(() => limiter.check(a))).toEqual([undefined, undefined, undefined]);
    expect(limiter.check(a)).toEqual({ scope: 'user', perMin: 3, retryInS: 20, first: true });
    expect(limiter.check(a)).toMatchObject({ first: false });
    expect(limiter.check(a)).toMatchObject({ first: false });
    // One token back after 20 s (3 per minute): the user may ask again.
    c.advance(20_000);
    expect(limiter.check(a)).toBeUndefined();
    // And the next limit is told again, not silenced.
    expect(limiter.check(a)).toMatchObject({ first: true });
  });

  it('limits each user separately', () => {
    const limiter = createRateLimiter({ userPerMin: 1, channelPerMin: 100, now: clock().now });
    expect(limiter.check(asker('U1'))).toBeUndefined();
    expect(limiter.check(asker('U2'))).toBeUndefined();
    expect(limiter.check(asker('U1'))).toMatchObject({ scope: 'user', first: true });
  });

  it('limits a busy channel, telling each asker once', () => {
    const limiter = createRateLimiter({ userPerMin: 100, channelPerMin: 2, now: clock().now });
    expect(limiter.check(asker('U1'))).toBeUndefined();
    expect(limiter.check(asker('U2'))).toBeUndefined();
    expect(limiter.check(asker('U3'))).toMatchObject({ scope: 'channel', first: true });
    expect(limiter.check(asker('U3'))).toMatchObject({ first: false });
    expect(limiter.check(asker('U4'))).toMatchObject({ first: true }); // U4 has not been told yet
    // Another channel is not affected.
    expect(limiter.check(asker('U3', 'C2'))).toBeUndefined();
  });

  it('0 turns a limit off and the console is never limited', () => {
    const limiter = createRateLimiter({ userPerMin: 0, channelPerMin: 0, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(limiter.check(asker('U1'))).toBeUndefined();
    const strict = createRateLimiter({ userPerMin: 1, channelPerMin: 1, now: () => 0 });
    for (let i = 0; i < 5; i++) expect(strict.check(asker('me', 'console', 'console'))).toBeUndefined();
  });

  it('keeps memory bounded by dropping idle buckets first', () => {
    const c = clock();
    const limiter = createRateLimiter({ userPerMin: 2, channelPerMin: 100, now: c.now, maxKeys: 100 });
    // A limited user whose bucket must survive the churn below.
    const busy = asker('busy', 'C-busy');
    limiter.check(busy);
    limiter.check(busy);
    expect(limiter.check(busy)).toBeDefined();
    for (let i = 0; i < 5000; i++) {
      c.advance(1);
      limiter.check(asker(`U${i}`, `C${i}`));
      expect(limiter.size()).toBeLessThanOrEqual(102);
    }
    // 5 s later the busy user still has no token back (needs 30 s), and was already told.
    expect(limiter.check(busy)).toMatchObject({ first: false });
  });
});

describe('rate limits through the delivery policy', () => {
  it('one private notice in the asker’s language, then nothing; the limited question is not run', async () => {
    const answered: string[] = [];
    const policy = testPolicy(testBot({ onAnswer: (e) => answered.push(e.command) }), { limits: { userPerMin: 1, now: () => 0 } });
    const first = await policy.ask({ text: 'timeline', asker: asker('U1'), via: 'mention' });
    expect(first?.reply.items.length).toBeGreaterThan(0);
    const notice = await policy.ask({ text: 'quand commence la première phase ?', asker: asker('U1'), via: 'mention' });
    expect(notice).toMatchObject({ audience: 'asker', reply: { kind: 'notice', lang: 'fr', shareable: false } });
    expect(notice?.reply.intro).toMatch(/par minute et par personne/);
    expect(await policy.ask({ text: 'timeline', asker: asker('U1'), via: 'command', public: true })).toBeUndefined();
    expect(answered).toEqual(['timeline']);
  });

  it('a Share press counts too: one private notice, never a post', async () => {
    const policy = testPolicy(testBot(), { limits: { userPerMin: 1, now: () => 0 } });
    const d = await policy.ask({ text: 'energy', asker: asker('U1'), via: 'command' });
    expect(d?.shareId).toBeDefined();
    const limited = await policy.share({ asker: asker('U1'), lang: 'en', shareId: d!.shareId! });
    expect(limited).toMatchObject({ notice: { audience: 'asker', reply: { kind: 'notice' } } });
    expect(await policy.share({ asker: asker('U1'), lang: 'en', shareId: d!.shareId! })).toBeUndefined();
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
      expect(await gates[0]!.check(a)).toBeUndefined();
      expect(await gates[1]!.check(a)).toBeUndefined();
      expect(await gates[0]!.check(a)).toMatchObject({ scope: 'user', perMin: 2, first: true });
      expect(await gates[1]!.check(a)).toMatchObject({ scope: 'user', first: false });
      expect(limited).toEqual(['user:true', 'user:false']);
      expect(await gates[0]!.check(asker('U9', 'C1', 'console'))).toBeUndefined(); // the console is never limited

      const broken = createSharedRateLimiter({
        userPerMin: 1,
        channelPerMin: 100,
        buckets: { take: async () => Promise.reject(new Error('database down')) },
        fallback: createRateLimiter({ userPerMin: 1, channelPerMin: 100 }),
      });
      expect(await broken.check(asker('U8'))).toBeUndefined();
      expect(await broken.check(asker('U8'))).toMatchObject({ scope: 'user', first: true }); // limited in memory instead
    } finally {
      await one.close();
      await two.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
