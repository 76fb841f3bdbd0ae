// The Prometheus registry and dealbot's metrics, fed by a real bot's onAnswer.
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/core/bot.ts';
import { Counter, createMetrics, Histogram, Registry } from '../../src/ops/metrics.ts';
import { createRateLimiter } from '../../src/ops/rate-limit.ts';
import { testBot, testPolicy } from '../helpers/bot.ts';

const asker = (over: Partial<Asker> = {}): Asker => ({
  platform: 'discord',
  channel: { platform: 'discord', id: 'c1' },
  user: { id: 'u1' },
  isAdmin: async () => false,
  via: 'command',
  ...over,
});

/** Parses `name{labels} value` lines into a lookup. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const i = line.lastIndexOf(' ');
    out.set(line.slice(0, i), Number(line.slice(i + 1)));
  }
  return out;
}

describe('Prometheus text format', () => {
  it('renders counters with escaped labels, HELP and TYPE lines', () => {
    const r = new Registry();
    const c = r.register(new Counter('x_total', 'Things.', ['a']));
    c.inc({ a: 'q"uo\\te\nnl' });
    c.inc({ a: 'plain' }, 2);
    const text = r.render();
    expect(text).toContain('# HELP x_total Things.\n# TYPE x_total counter\n');
    expect(text).toContain('x_total{a="q\\"uo\\\\te\\nnl"} 1\n');
    expect(text).toContain('x_total{a="plain"} 2\n');
    expect(() => c.inc({}, -1)).toThrow();
    expect(() => r.register(new Counter('x_total', 'again'))).toThrow();
  });

  it('renders histogram buckets cumulatively with +Inf, _sum and _count', () => {
    const r = new Registry();
    const h = r.register(new Histogram('lat_seconds', 'Latency.', ['p'], [0.1, 1]));
    h.observe({ p: 'x' }, 0.05);
    h.observe({ p: 'x' }, 0.5);
    h.observe({ p: 'x' }, 3);
    const s = samples(r.render());
    expect(s.get('lat_seconds_bucket{p="x",le="0.1"}')).toBe(1);
    expect(s.get('lat_seconds_bucket{p="x",le="1"}')).toBe(2);
    expect(s.get('lat_seconds_bucket{p="x",le="+Inf"}')).toBe(3);
    expect(s.get('lat_seconds_count{p="x"}')).toBe(3);
    expect(s.get('lat_seconds_sum{p="x"}')).toBeCloseTo(3.55);
  });
});

describe('dealbot metrics', () => {
  it('counts answers, no-fact answers and latency from a real bot, and rate-limited ones apart', async () => {
    const metrics = createMetrics({ facts: () => 36 });
    const limiter = createRateLimiter({
      userPerMin: 2,
      channelPerMin: 100,
      now: () => 0,
      onLimited: ({ platform, scope }) => metrics.rateLimited.inc({ platform, scope }),
    });
    const policy = testPolicy(testBot({ onAnswer: metrics.onAnswer }), { limit: (a) => limiter.check(a) });
    await policy.ask({ text: 'timeline', asker: asker(), via: 'command' });
    await policy.ask({ text: 'qwxzv plorkt', asker: asker({ via: 'mention' }), via: 'mention' }); // nothing in the base looks like this
    const limited = await policy.ask({ text: 'timeline', asker: asker(), via: 'command' });
    expect(limited?.reply.kind).toBe('notice');

    const s = samples(metrics.registry.render());
    expect(s.get('dealbot_questions_total{platform="discord",via="command",command="timeline"}')).toBe(1);
    expect(s.get('dealbot_questions_total{platform="discord",via="mention",command="ask"}')).toBe(1);
    expect(s.get('dealbot_no_fact_answers_total{platform="discord"}')).toBe(1);
    expect(s.get('dealbot_answer_latency_seconds_count{platform="discord"}')).toBe(2);
    expect(s.get('dealbot_rate_limited_total{platform="discord",scope="user"}')).toBe(1);
    expect(s.get('dealbot_facts')).toBe(36);
  });
});
