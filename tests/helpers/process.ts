// `dealbot` as a child process, for the tests that run it whole: the CLI, `npm start` and
// `dealbot start` against the local fakes. Children get the loopback-only guard, and no platform
// token leaks in from the developer's shell or a .env file.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnv } from '../setup/loopback-only.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A TCP port free on loopback right now (for HEALTH_PORT / PORT). */
export function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Polls `probe` until it gives a value (a thrown probe counts as not yet). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where `dealbot` runs keep their store when the test names none (never the repository's data/). */
let runDir: string | undefined;
function defaultDatabasePath(): string {
  if (!runDir) {
    const dir = mkdtempSync(join(tmpdir(), 'dealbot-run-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    runDir = dir;
  }
  return join(runDir, 'dealbot.db');
}

/** The test's environment without SLACK_* / DISCORD_* / DATABASE_URL (and vitest's marker), plus `extra`. */
export function tokenFreeEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: defaultDatabasePath(), ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  for (const k of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(k) || k === 'VITEST') delete env[k];
  return env;
}

/**
 * Runs `dealbot <args>` (or `npm run <script> -- <args>`) to its end, `input` on stdin. `platformEnv`
 * sets platform variables on purpose (the rest of the environment never brings any).
 */
export function runDealbot(args: string[], opts: { input?: string; env?: Record<string, string>; script?: string; platformEnv?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const env = { ...tokenFreeEnv(opts.env), ...opts.platformEnv };
    const child = opts.script
      ? spawn('npm', ['run', '--silent', opts.script, '--', ...args], { cwd: ROOT, env })
      : spawn(process.execPath, ['bin/dealbot.js', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

export interface Started {
  child: ChildProcess;
  /** Everything written so far, stdout then stderr. */
  output(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

/**
 * The environment of a `dealbot start` under test: nothing from the developer's shell (no stray
 * SLACK_* or DISCORD_*), its database and gaps log in `dir`, debug logs; then `extra`.
 */
export function startEnv(dir: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_PATH: join(dir, 'dealbot.db'),
    GAPS_LOG: join(dir, 'gaps.jsonl'),
    LOG_LEVEL: 'debug',
    ...extra,
  };
}

/** Starts `dealbot start` with exactly `env` (see startEnv); `args` runs another entry point (a fixture) instead. */
export function startDealbot(env: NodeJS.ProcessEnv, args: string[] = ['bin/dealbot.js', 'start'], opts: { uid?: number; gid?: number } = {}): Started {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  // 'close', not 'exit': by then everything the process wrote has been read.
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, output: () => stdout + stderr, stderr: () => stderr, exited };
}

/** Resolves once GET /healthz on `port` answers 200. */
export function healthy(port: number): Promise<true> {
  return until('a healthy bot', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200 ? true : undefined));
}
