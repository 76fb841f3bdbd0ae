// Live reload with deals: a deal folder added while the bot runs is served at once (a real
// fs.watch, the real engines); a broken edit of one deal keeps every deal as it was; /healthz
// counts every deal's facts and lists each deal.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Asker } from '../../src/core/bot.ts';
import { createBot } from '../../src/core/create-bot.ts';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { watchFacts, type ReloadResult } from '../../src/ops/fact-watcher.ts';
import { healthReport } from '../../src/ops/health-server.ts';
import { MemoryChannelDeals } from '../../src/store/channel-deals.ts';
import { NORTHWIND_DEAL, SECOND, shipped } from '../helpers/deals.ts';
import { captureLog, copyFacts } from '../ops/helpers.ts';

const asker: Asker = { platform: 'slack', channel: { platform: 'slack', id: 'C1' }, user: { id: 'U1' }, isAdmin: async () => true, lang: 'en' };

let cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

describe('live reload with several deals', () => {
  it('serves a deal folder added while running, keeps every deal on a broken edit, and reports each deal', async () => {
    const copy = copyFacts();
    const log = captureLog('debug');
    const holder = new EngineHolder(copy.dir);
    const reloads: ReloadResult[] = [];
    const watcher = watchFacts({ holder, logger: log.logger, settleMs: 50, pollMs: 50, onReload: (r) => reloads.push(r) });
    cleanups.push(copy.cleanup, () => watcher.stop());
    const bot = createBot({ engine: holder.current, deals: holder.deals, channelDeals: new MemoryChannelDeals(), commands });
    expect((await bot.answer('deals', asker)).lines).toHaveLength(1);
    const before = holder.version();

    cpSync(NORTHWIND_DEAL, join(copy.dir, SECOND), { recursive: true });
    await vi.waitFor(() => expect(holder.deals().several).toBe(true), { timeout: 5000, interval: 20 });
    expect(reloads.at(-1)?.ok).toBe(true);
    expect(holder.version()).not.toBe(before);
    const answer = await bot.answer('how much is Northwind paying for Kestrel?', asker);
    expect(answer.deal?.id).toBe(SECOND);
    expect((await bot.answer('deals', asker)).lines).toHaveLength(2);
    const s = shipped();
    expect(log.lines().find((l) => l.msg === 'fact base reloaded')).toMatchObject({ fingerprint: holder.version(), facts: s.facts.length + 10 });

    // /healthz: every deal's facts, the whole base's version, each deal.
    const health = healthReport({
      platforms: () => ({}),
      engine: () => ({ base: { facts: holder.deals().deals.flatMap((d) => d.engine.base.facts), fingerprint: holder.version(), loadedAt: holder.deals().loadedAt } }),
      deals: () => holder.deals().deals.map((d) => ({ id: d.id, facts: d.engine.base.facts.length, fingerprint: d.engine.base.fingerprint })),
    });
    expect(health).toMatchObject({ facts: s.facts.length + 10, fingerprint: holder.version(), deals: [{ id: SECOND, facts: 10 }, { id: 'openai-nvidia', facts: s.facts.length, fingerprint: s.fingerprint }] });

    // A broken edit of the new deal: nothing changes, the problem is logged at its line.
    const served = holder.version();
    const file = join(copy.dir, SECOND, 'article.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('excerpt: Kestrel Freight shares jumped 16% on Monday', 'excerpt: Kestrel Freight shares soared 16% on Monday'));
    await vi.waitFor(() => expect(reloads.at(-1)?.ok).toBe(false), { timeout: 5000, interval: 20 });
    expect(holder.version()).toBe(served);
    expect(holder.deals().deals).toHaveLength(2);
    expect(log.lines().some((l) => l.level === 50 && /northwind-kestrel\/article\.yaml:\d+ facts\[6\]\.citation\.excerpt: not found verbatim/.test(String(l.msg)))).toBe(true);

    // Removing the deal's folder drops 10 of 46 facts: held (more than FACTS_RELOAD_MAX_LOSS) until an
    // operator serves it (dealbot facts reload, SIGHUP); then one deal again.
    rmSync(join(copy.dir, SECOND), { recursive: true, force: true });
    await vi.waitFor(() => expect(watcher.health()).toMatchObject({ state: 'held' }), { timeout: 5000, interval: 20 });
    expect(holder.deals().several).toBe(true);
    expect(watcher.reloadNow({ force: true, why: 'test' })?.ok).toBe(true);
    expect(holder.deals().several).toBe(false);
    expect((await bot.answer('', asker)).deal).toBeUndefined();
  });
});
