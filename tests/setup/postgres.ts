// vitest globalSetup: a PostgreSQL server for the tests that need one. TEST_DATABASE_URL wins
// (.ci/run and `npm run pg:start` set it); otherwise a throwaway cluster is started with
// scripts/pg.sh for this run and stopped after it. Tests read the URL with inject('postgresUrl')
// (tests/helpers/postgres.ts). When no server can be had: in CI (CI=true) the run fails here;
// elsewhere the PostgreSQL tests skip, and say so loudly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/pg.sh');

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL (maintenance database), or '' when none could be started. */
    postgresUrl: string;
    /** Why there is none. */
    postgresMissing: string;
  }
}

export default function setup(project: TestProject): () => void {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresMissing', '');
    return () => {};
  }
  let parent: string | undefined;
  try {
    parent = mkdtempSync(join(tmpdir(), 'dealbot-test-pg-'));
    chmodSync(parent, 0o755); // as root the cluster runs as the postgres user, who must enter it
    const dir = join(parent, 'cluster');
    const url = execFileSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').at(-1)!;
    project.provide('postgresUrl', url);
    project.provide('postgresMissing', '');
    const made = parent;
    return () => {
      execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
      rmSync(made, { recursive: true, force: true });
    };
  } catch (err) {
    if (parent) rmSync(parent, { recursive: true, force: true });
    const why = ((err as { stderr?: string }).stderr || (err as Error).message).trim();
    if (process.env.CI === 'true') throw new Error(`CI=true and no PostgreSQL server could be started for the tests: ${why}`);
    const banner = '!'.repeat(100);
    process.stderr.write(`\n${banner}\n!!! PostgreSQL TESTS SKIPPED: no server could be started (${why}).\n!!! Install PostgreSQL (scripts/pg.sh install) or set TEST_DATABASE_URL; in CI they run and fail instead.\n${banner}\n\n`);
    project.provide('postgresUrl', '');
    project.provide('postgresMissing', why);
    return () => {};
  }
}
