// Where the store lives: SQLite at DATABASE_PATH (one machine, the default), or PostgreSQL at
// DATABASE_URL when several processes share the work.
import { z } from 'zod';
import { parseEnv } from '../core/config-error.ts';
import { registerSecret } from '../ops/log.ts';
import { DEFAULT_DATABASE_PATH } from './db.ts';

export const StoreEnv = z.object({
  DATABASE_PATH: z.string().default(DEFAULT_DATABASE_PATH),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL: postgres://user:password@host:5432/database')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number({ error: 'must be a number of connections' }).int().min(1).max(100).default(10),
});
export type StoreConfig = z.infer<typeof StoreEnv>;

export function readStoreConfig(env: NodeJS.ProcessEnv): StoreConfig {
  const config = parseEnv(StoreEnv, env);
  if (config.DATABASE_URL) {
    try {
      registerSecret(decodeURIComponent(new URL(config.DATABASE_URL).password));
    } catch {
      // not parseable as a URL: pg reports it when connecting
    }
  }
  return config;
}

/** The URL with its password masked, for logs and health. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

export const STORE_ENV_DOC = [
  { name: 'DATABASE_PATH', required: false, description: 'SQLite file for subscriptions, the post ledger, alerts, answered messages, unanswered questions and caches (created with its directory on first start); used when DATABASE_URL is unset', example: './data/dealbot.db' },
  { name: 'DATABASE_URL', required: false, description: 'PostgreSQL instead of SQLite, shared by several replicas: postgres://user:password@host:5432/dealbot', example: '' },
  { name: 'DATABASE_POOL_SIZE', required: false, description: 'PostgreSQL connections per process (default 10)', example: '10' },
] as const;
