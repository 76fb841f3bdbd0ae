// What `dealbot` says and returns when started without what it needs, and how the console lays
// answers out: a separate process each time, as an operator or a user runs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDealbot } from './helpers/process.ts';

const tmp = mkdtempSync(join(tmpdir(), 'dealbot-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = { GAPS_LOG: join(tmp, 'gaps.jsonl'), DATABASE_PATH: join(tmp, 'dealbot.db') };

describe('dealbot start with no platform configured and no terminal', () => {
  it('says on stderr that no platform is configured and which variables to set, then exits 1 with nothing to read', async () => {
    const r = await runDealbot(['start'], { input: '', env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no platform is configured/i);
    for (const name of ['SLACK_BOT_TOKEN', 'DISCORD_TOKEN']) expect(r.stderr).toContain(name);
    expect(r.stdout).toBe('');
  });

  it('still answers piped lines in the console, after saying so on stderr', async () => {
    const r = await runDealbot(['start'], { input: 'energy\n', env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no platform is configured/i);
    expect(r.stdout).toMatch(/Energy/);
  });
});

describe('bad usage exits 1 everywhere', () => {
  it('in the Slack and Discord subcommands too', async () => {
    for (const args of [['slack', 'nope'], ['slack', 'manifest', '--http', 'not a url'], ['discord', 'frobnicate'], ['discord', 'register', '--guild', 'general'], ['discord', 'invite']]) {
      const r = await runDealbot(args, { env });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});

describe('the console', () => {
  it('wraps answers to the terminal width', async () => {
    const r = await runDealbot(['ask', '--render', 'text', 'energy'], { env: { ...env, COLUMNS: '60' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(60);
  });
});
