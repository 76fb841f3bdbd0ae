// Logs: secrets never reach a line, whatever shape they hide in; one line per question with
// the fields operators need and no more than 200 characters of user text.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, registerSecret, scrubSecrets } from '../../src/ops/log.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { testBot } from '../helpers/bot.ts';
import { captureLog } from './helpers.ts';
import { fake, FAKE_DISCORD_TOKEN, FAKE_SLACK_APP_TOKEN, FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-tokens.ts';

const BOT_TOKEN = FAKE_SLACK_BOT_TOKEN;
const APP_TOKEN = FAKE_SLACK_APP_TOKEN;
const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const DISCORD_TOKEN = FAKE_DISCORD_TOKEN;
const ODD_SECRET = 'pa"ss\\word-with-quote';

describe('secrets in logs', () => {
  it('never writes a registered secret or a token, whatever field, message or error carries it', () => {
    for (const s of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, DISCORD_TOKEN, ODD_SECRET]) registerSecret(s);
    const { logger, raw, lines } = captureLog('trace');

    logger.info({ token: BOT_TOKEN, signingSecret: SIGNING_SECRET }, 'top-level keys');
    logger.info({ config: { botToken: BOT_TOKEN, appToken: APP_TOKEN, signingSecret: SIGNING_SECRET } }, 'nested config');
    logger.info({ a: { b: { c: { d: { deep: BOT_TOKEN, other: DISCORD_TOKEN } } } } }, 'deep unnamed fields');
    logger.info({ headers: { authorization: `Bearer ${BOT_TOKEN}` } }, 'an http request');
    logger.error({ err: new Error(`invalid_auth for token ${BOT_TOKEN}`) }, 'api call failed');
    const withCause = new Error('login failed', { cause: new Error(`401 with ${DISCORD_TOKEN}`) });
    logger.error({ err: withCause }, 'discord login');
    logger.warn(`message text with ${APP_TOKEN} and ${SIGNING_SECRET}`);
    logger.debug({ list: [BOT_TOKEN, { x: SIGNING_SECRET }] }, 'arrays');
    logger.info({ odd: ODD_SECRET }, 'a secret that JSON escapes');
    const child = logger.child({ token: BOT_TOKEN, platform: 'slack' });
    child.info({ user: 'U1' }, 'child logger bindings');

    const out = raw();
    expect(lines()).toHaveLength(10);
    for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, DISCORD_TOKEN, ODD_SECRET, JSON.stringify(ODD_SECRET).slice(1, -1)]) {
      expect(out).not.toContain(secret);
    }
    // Partial leaks (the distinctive middle of a token) are not there either.
    expect(out).not.toContain('2222222222222-AbCd');
    expect(out).not.toContain('GaBcDe.abcdefghij');
    expect(out).toContain('[redacted]');
    // Non-secret context survives.
    expect(out).toContain('"platform":"slack"');
    expect(out).toContain('login failed');
  });

  it('masks token shapes nobody registered (a token pasted into a question)', () => {
    const stray = fake('xoxp-', '9999999999-8888888888-7777777777777-0123456789abcdef0123456789abcdef');
    expect(scrubSecrets(`user asked: ${stray} ok`)).toBe('user asked: [redacted] ok');
    expect(scrubSecrets('fingerprint 1a2b3c4d5e6f7a8b, 36 facts')).toBe('fingerprint 1a2b3c4d5e6f7a8b, 36 facts');
  });

  it('masks credentials carried in URL paths (interaction and webhook tokens, Slack response URLs)', () => {
    const token = fake('aW50ZXJhY3Rpb24', `.${'Zz9_'.repeat(12)}`);
    const interaction = `POST https://discord.com/api/v10/interactions/1234567890/${token}/callback failed`;
    expect(scrubSecrets(interaction)).toBe('POST https://discord.com/api/v10/interactions/1234567890/[redacted]/callback failed');
    const webhook = `PATCH /api/v10/webhooks/42/${token}/messages/@original`;
    expect(scrubSecrets(webhook)).toBe('PATCH /api/v10/webhooks/42/[redacted]/messages/@original');
    const responseUrl = `https://hooks.slack.com/commands/T0001/${'1'.repeat(13)}/${'a1B2'.repeat(6)}`;
    expect(scrubSecrets(`respond to ${responseUrl} failed`)).toBe('respond to https://hooks.slack.com/commands/[redacted] failed');
    // Short ids in such paths are not secrets and stay.
    expect(scrubSecrets('/webhooks/42/short')).toBe('/webhooks/42/short');
  });
});

describe('question log line', () => {
  it('has platform, via, command, latency and fact count, and at most 200 characters of user text', async () => {
    const { logger, lines } = captureLog('info');
    const bot = testBot({ logger });
    const long = `nvidia investment ${'a'.repeat(1000)}`;
    await bot.answer(long, { platform: 'discord', channel: { platform: 'discord', id: 'c' }, user: { id: 'u', name: 'Ana' }, isAdmin: async () => false, via: 'mention' });
    await bot.answer('timeline', { platform: 'slack', channel: { platform: 'slack', id: 'C' }, user: { id: 'U' }, isAdmin: async () => false, via: 'command' });
    const answered = lines().filter((l) => l.msg === 'question answered');
    expect(answered).toHaveLength(2);
    for (const l of answered) {
      expect(l).toEqual(
        expect.objectContaining({
          platform: expect.any(String),
          via: expect.any(String),
          command: expect.any(String),
          latencyMs: expect.any(Number),
          facts: expect.any(Number),
        }),
      );
      expect(String(l.query ?? '').length).toBeLessThanOrEqual(200);
    }
    expect(answered[0]).toMatchObject({ platform: 'discord', via: 'mention', command: 'ask' });
    expect(answered[1]).toMatchObject({ platform: 'slack', via: 'command', command: 'timeline' });
    expect(answered[1]!.facts).toBeGreaterThan(0);
    // No user names or ids in the line: who asked is not an operator's business.
    expect(JSON.stringify(answered)).not.toContain('Ana');
  });
});

describe('platform errors from logs', () => {
  it('counts error lines of a platform child logger as platform errors, nothing else', () => {
    const metrics = createMetrics();
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const logger = createLogger({
      level: 'info',
      destination: sink,
      onError: ({ platform }) => {
        if (platform) metrics.platformErrors.inc({ platform });
      },
    });
    const discord = logger.child({ platform: 'discord' });
    discord.error({ err: new Error('gateway closed') }, 'discord client error');
    discord.fatal('login failed');
    discord.warn('a warning is not an error');
    logger.child({ platform: 'slack' }).error('api call failed');
    logger.error('an error with no platform');
    expect(metrics.platformErrors.get({ platform: 'discord' })).toBe(2);
    expect(metrics.platformErrors.get({ platform: 'slack' })).toBe(1);
  });
});
