// /healthz and /metrics over real HTTP on 127.0.0.1, on their own server and mounted on another.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { startHealthServer, type HealthServer } from '../../src/ops/health-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { FACTS_DIR, testBot } from '../helpers/bot.ts';

const holder = new EngineHolder(FACTS_DIR);
let servers: HealthServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function serve(deps: Parameters<typeof startHealthServer>[0]): Promise<string> {
  const s = await startHealthServer(deps, { port: 0, host: '127.0.0.1' });
  servers.push(s);
  return `http://127.0.0.1:${s.port}`;
}

describe('health server', () => {
  it('answers 200 with the fact base and platforms while every platform is connected', async () => {
    const state = { slack: true, discord: true };
    const url = await serve({ platforms: () => state, engine: holder.current, lastSummaryPost: () => '2025-01-02T08:00:00.000Z' });
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const base = holder.current().base;
    expect(await res.json()).toEqual({
      status: 'ok',
      platforms: { slack: true, discord: true },
      facts: base.facts.length,
      fingerprint: base.fingerprint,
      loadedAt: base.loadedAt.toISOString(),
      lastSummaryPost: '2025-01-02T08:00:00.000Z',
    });

    // A platform drops: 503 with the same body shape, and it tells which one.
    state.discord = false;
    const down = await fetch(`${url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', platforms: { slack: true, discord: false } });

    state.discord = true;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('is unavailable without a loaded fact base', async () => {
    const url = await serve({
      platforms: () => ({}),
      engine: () => {
        throw new Error('not loaded');
      },
    });
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', facts: 0, fingerprint: null, lastSummaryPost: null });
  });

  it('serves /metrics in Prometheus text format with what the bot counted', async () => {
    const metrics = createMetrics({ facts: () => holder.current().base.facts.length });
    const bot = testBot({ onAnswer: metrics.onAnswer });
    await bot.answer('timeline', { platform: 'slack', channel: { platform: 'slack', id: 'C1' }, user: { id: 'U1' }, isAdmin: async () => false, via: 'command' });
    metrics.summariesPosted.inc({ platform: 'slack' });
    metrics.platformErrors.inc({ platform: 'discord' });
    const url = await serve({ platforms: () => ({ slack: true }), engine: holder.current, metrics: () => metrics.registry.render() });
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('dealbot_questions_total{platform="slack",via="command",command="timeline"} 1\n');
    expect(text).toContain('dealbot_summaries_posted_total{platform="slack"} 1\n');
    expect(text).toContain('dealbot_platform_errors_total{platform="discord"} 1\n');
    expect(text).toContain(`dealbot_facts ${holder.current().base.facts.length}\n`);
    expect(text).toMatch(/dealbot_answer_latency_seconds_bucket\{platform="slack",le="\+Inf"\} 1\n/);
  });

  it('answers 404 elsewhere and 405 to other methods', async () => {
    const url = await serve({ platforms: () => ({}), engine: holder.current });
    expect((await fetch(`${url}/nope`)).status).toBe(404);
    expect((await fetch(`${url}/metrics`)).status).toBe(404); // no registry given
    const post = await fetch(`${url}/healthz`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers every path it is asked, however it is spelt (no request is left hanging)', async () => {
    const url = await serve({ platforms: () => ({ slack: true }), engine: holder.current });
    const port = Number(new URL(url).port);
    /** The raw path as sent (fetch would normalise it first), with a timeout standing for "never answered". */
    const status = (path: string) =>
      new Promise<number | 'no answer'>((resolve) => {
        const req = request({ host: '127.0.0.1', port, path }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.setTimeout(2000, () => {
          req.destroy();
          resolve('no answer');
        });
        req.on('error', () => resolve('no answer'));
        req.end();
      });
    expect(await status('/healthz?verbose=1')).toBe(200);
    expect(await status('/metrics/../healthz')).toBe(200);
    expect(await status('/healthz/')).toBe(404);
    expect(await status('/HEALTHZ')).toBe(404);
    expect(await status('/%zz')).toBe(404);
  });

  it('is 503 while a check fails (the store cannot be written, the fact files differ from the base served)', async () => {
    const store = { ok: true as boolean };
    const url = await serve({ platforms: () => ({ slack: true }), engine: holder.current, checks: { store: () => ({ ok: store.ok, at: 'data/dealbot.db' }) } });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    store.ok = false;
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', checks: { store: { ok: false, at: 'data/dealbot.db' } } });
  });
});
