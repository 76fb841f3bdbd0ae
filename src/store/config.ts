// Where the store lives and how long it may make us wait: SQLite at DATABASE_PATH (one machine,
// the default), or PostgreSQL at DATABASE_URL when several processes (replicas) share the work.
import { z } from 'zod';
import { parseEnv } from '../config/env.ts';
import { registerSecret } from '../config/secrets.ts';

export const DEFAULT_DATABASE_PATH = './data/dealbot.db';
/** Well under a second: a lock held elsewhere must never stall acks and answers. */
export const DEFAULT_BUSY_TIMEOUT_MS = 50;

export const StoreEnv = z.object({
  DATABASE_PATH: z
    .string()
    .default(DEFAULT_DATABASE_PATH)
    .meta({
      description:
        'SQLite file for subscriptions, the post ledger, alerts, answered messages, shared answers, unanswered questions and caches (created with its directory on first start); used when DATABASE_URL is unset.',
      example: DEFAULT_DATABASE_PATH,
    }),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL: postgres://user:password@host:5432/database')
    .optional()
    .meta({ description: 'PostgreSQL instead of SQLite, shared by several replicas: postgres://user:password@host:5432/dealbot (its password is never logged).', example: '' }),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a number of connections' })
    .int()
    .min(1)
    .max(100)
    .default(10)
    .meta({ description: 'PostgreSQL connections per process (default 10).', example: '10' }),
  DATABASE_BUSY_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(0)
    .max(500, 'must stay well under a second (at most 500): the main thread waits this long for a lock')
    .default(DEFAULT_BUSY_TIMEOUT_MS)
    .meta({ description: `SQLite: how long a write waits for another process's lock before it is retried later, in ms (default ${DEFAULT_BUSY_TIMEOUT_MS}, at most 500).`, example: String(DEFAULT_BUSY_TIMEOUT_MS) }),
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
