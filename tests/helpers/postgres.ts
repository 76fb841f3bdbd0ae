// PostgreSQL for a test file: a database of its own on the test server (see tests/setup/postgres.ts),
// created fresh and dropped afterwards, so test files running in parallel never meet.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The server's URL, or '' when the PostgreSQL tests are skipped (the setup said why, loudly). */
export const POSTGRES_URL = inject('postgresUrl');
export const HAS_POSTGRES = POSTGRES_URL !== '';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database; returns its URL and a drop() that removes it (closing its connections). */
export async function freshDatabase(prefix = 'dealbot_test'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(POSTGRES_URL, name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
