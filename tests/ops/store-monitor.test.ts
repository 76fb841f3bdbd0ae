// The store monitor behind /healthz's "store" check: a probe that fails turns it unhealthy (and is
// logged once), one that succeeds again turns it healthy; a store found gone calls onLost once.
import { describe, expect, it } from 'vitest';
import { monitorStore } from '../../src/ops/store-monitor.ts';
import { StoreLostError } from '../../src/store/sql.ts';
import { captureLog } from './helpers.ts';

describe('store monitor', () => {
  it('is unhealthy while the probe fails, healthy again after, and calls onLost once for a store that is gone', async () => {
    const log = captureLog('info');
    let fail: Error | undefined;
    const lost: unknown[] = [];
    const m = monitorStore({ probe: async () => void (fail && (() => { throw fail; })()), isLost: (e) => e instanceof StoreLostError, onLost: (e) => lost.push(e), where: 'data/dealbot.db', logger: log.logger, everyMs: 60_000 });
    try {
      await m.check();
      expect(m.health()).toMatchObject({ ok: true, at: 'data/dealbot.db' });
      fail = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
      await m.check();
      await m.check();
      expect(m.health()).toMatchObject({ ok: false, error: 'attempt to write a readonly database' });
      expect(log.lines().filter((l) => l.level === 50)).toHaveLength(1); // logged once, not at every probe
      fail = undefined;
      await m.check();
      expect(m.health().ok).toBe(true);
      fail = new StoreLostError('the database file data/dealbot.db was deleted while dealbot ran');
      await m.check();
      await m.check();
      expect(lost).toHaveLength(1);
      expect(m.health()).toMatchObject({ ok: false, lost: true });
    } finally {
      m.stop();
    }
  });
});
