// /healthz and /metrics over real HTTP on 127.0.0.1, on their own server and mounted on another.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { healthHandler, startHealthServer, type HealthServer } from '../../src/ops/health-server.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { FACTS_DIR, testBot } from '../helpers/bot.ts';

const holder = new EngineHolder(FACTS_DIR);
let servers: HealthServer[] = [];
let raw: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(raw.map((s) => new Promise((r) => s.close(r))));
  servers = [];
  raw = [];
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

  it('mounts on another http server and leaves its other paths alone', async () => {
    const handle = healthHandler({ platforms: () => ({ slack: true }), engine: holder.current });
    const server = createServer((req, res) => {
      if (handle(req, res)) return;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('slack events');
    });
    raw.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await fetch(`${url}/healthz?verbose=1`)).status).toBe(200);
    expect(await (await fetch(`${url}/slack/events`)).text()).toBe('slack events');
  });
});
