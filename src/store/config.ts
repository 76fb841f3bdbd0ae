// The database's environment variables: where the SQLite file lives, and how long the main
// thread may wait for another process's write lock before giving the write up.
import { z } from 'zod';
import { parseEnv } from '../config/env.ts';

export const DEFAULT_DATABASE_PATH = './data/dealbot.db';
/** Well under a second: a lock held elsewhere must never stall acks and answers. */
export const DEFAULT_BUSY_TIMEOUT_MS = 50;

export const StoreEnv = z.object({
  DATABASE_PATH: z
    .string()
    .default(DEFAULT_DATABASE_PATH)
    .meta({ description: 'SQLite file for subscriptions, the post ledger, answered messages, shared answers and the quote cache (created with its directory on first start).', example: DEFAULT_DATABASE_PATH }),
  DATABASE_BUSY_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(0)
    .max(500, 'must stay well under a second (at most 500): the main thread waits this long for a lock')
    .default(DEFAULT_BUSY_TIMEOUT_MS)
    .meta({ description: `How long a write waits for another process's lock before it is retried later, in ms (default ${DEFAULT_BUSY_TIMEOUT_MS}, at most 500).`, example: String(DEFAULT_BUSY_TIMEOUT_MS) }),
});
export type StoreConfig = z.infer<typeof StoreEnv>;

export function readStoreConfig(env: NodeJS.ProcessEnv): StoreConfig {
  return parseEnv(StoreEnv, env);
}
