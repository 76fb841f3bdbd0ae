// The operations env variables: defaults, coercion, and one ConfigError naming each bad variable.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/env.ts';
import { envDocs } from '../../src/config/env.ts';
import { OpsEnv, readOpsConfig } from '../../src/ops/config.ts';

describe('ops config', () => {
  it('has working defaults', () => {
    expect(readOpsConfig({})).toEqual({
      HEALTH_HOST: '0.0.0.0',
      RATE_LIMIT_USER_PER_MIN: 10,
      RATE_LIMIT_CHANNEL_PER_MIN: 30,
      SHUTDOWN_TIMEOUT_MS: 10_000,
      FACTS_WATCH: true,
      FACTS_SETTLE_MS: 2000,
      FACTS_RELOAD_MAX_LOSS: 0.1,
      FACTS_STALE_S: 60,
      STORE_PROBE_S: 5,
      PLATFORM_DOWN_EXIT_S: 120,
      PLATFORM_RECONNECT_MIN_MS: 1000,
      PLATFORM_RECONNECT_MAX_MS: 60_000,
    });
  });

  it('reads numbers and flags from strings; empty means unset', () => {
    const c = readOpsConfig({ HEALTH_PORT: '9090', RATE_LIMIT_USER_PER_MIN: '0', SHUTDOWN_TIMEOUT_MS: '2500', FACTS_WATCH: 'off', RATE_LIMIT_CHANNEL_PER_MIN: '' });
    expect(c).toMatchObject({ HEALTH_PORT: 9090, RATE_LIMIT_USER_PER_MIN: 0, RATE_LIMIT_CHANNEL_PER_MIN: 30, SHUTDOWN_TIMEOUT_MS: 2500, FACTS_WATCH: false });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      readOpsConfig({ HEALTH_PORT: 'http', RATE_LIMIT_USER_PER_MIN: '-1', FACTS_WATCH: 'maybe' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => p.startsWith('HEALTH_PORT:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('RATE_LIMIT_USER_PER_MIN:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('FACTS_WATCH:'))).toBe(true);
  });

  it('documents every variable it reads, in its schema', () => {
    const docs = envDocs(OpsEnv);
    expect(docs.map((d) => d.name).sort()).toEqual(Object.keys(OpsEnv.shape).sort());
    for (const d of docs) expect(d.description.length, d.name).toBeGreaterThan(20);
  });
});
