import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { freePort, healthy, ROOT, startDealbot, startEnv } from '../helpers/process.ts';

describe('repro discord', () => {
  it('10 s outage', async () => {
    const fake = await FakeDiscord.start();
    const port = await freePort();
    const tmp = mkdtempSync(join(tmpdir(), 'dealbot-repro-'));
    const bot = startDealbot(startEnv(tmp, { ...fake.env(), HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1', FACTS_DIR: join(ROOT, 'facts'), FACTS_WATCH: 'false', PLATFORM_DOWN_EXIT_S: '60', PLATFORM_RECONNECT_MIN_MS: '100', PLATFORM_RECONNECT_MAX_MS: '400' }));
    await healthy(port);
    fake.dropGateway(10_000);
    const t0 = Date.now();
    const seen: string[] = [];
    while (Date.now() - t0 < 13_000) {
      const s = (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
      seen.push(`${Math.round((Date.now() - t0) / 100) / 10}:${s}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log(seen.join(' '));
    console.log(bot.stderr().split('\n').filter((l) => /discord/i.test(l)).map((l) => l.slice(0, 200)).slice(-12).join('\n'));
    bot.child.kill('SIGKILL'); await fake.close(); rmSync(tmp, { recursive: true, force: true });
  }, 60_000);
});
