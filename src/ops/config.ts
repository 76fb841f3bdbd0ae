// Environment variables of the operations pieces: health port, rate limits, shutdown bound,
// live fact reload, connection supervision, this replica's name. LOG_LEVEL lives in src/config/core.ts with the core's.
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../config/env.ts';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'must be 1/0, true/false, yes/no or on/off' })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const ms = (what: string) => z.coerce.number({ message: `must be a number of ${what}` }).int();

export const OpsEnv = z.object({
  HEALTH_PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int()
    .min(0)
    .max(65535)
    .optional()
    .meta({ description: 'Serve GET /healthz and GET /metrics on this port (unset: only on PORT, in Slack’s HTTP mode or with Discord’s interactions endpoint).', example: '' }),
  HEALTH_HOST: z.string().default('0.0.0.0').meta({ description: 'Address the health server listens on (default 0.0.0.0).', example: '' }),
  RATE_LIMIT_USER_PER_MIN: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(0)
    .default(10)
    .meta({ description: 'Questions per minute one user may ask (burst of the same size); 0 = no limit (default 10).', example: '10' }),
  RATE_LIMIT_CHANNEL_PER_MIN: z.coerce
    .number({ message: 'must be a number' })
    .int()
    .min(0)
    .default(30)
    .meta({ description: 'Questions per minute per channel, all users together; 0 = no limit (default 30).', example: '30' }),
  SHUTDOWN_TIMEOUT_MS: ms('milliseconds')
    .min(0)
    .default(10_000)
    .meta({ description: 'Bound on a graceful shutdown, in ms (default 10000).', example: '10000' }),
  FACTS_WATCH: flag.default(true).meta({ description: 'Reload the fact base when a fact file changes (default true).', example: 'true' }),
  FACTS_SETTLE_MS: ms('milliseconds')
    .min(0)
    .max(600_000)
    .default(2000)
    .meta({ description: 'Live reload: the fact files must stay unchanged this long (ms) before a change is loaded, so a write in several steps is never served half done (default 2000).', example: '2000' }),
  FACTS_RELOAD_MAX_LOSS: z.coerce
    .number({ message: 'must be a share between 0 and 1, e.g. 0.1' })
    .min(0)
    .max(1)
    .default(0.1)
    .meta({ description: 'Live reload: a new base dropping more than this share of the facts served is held until `dealbot facts reload` or SIGHUP (default 0.1, i.e. 10 %).', example: '0.1' }),
  FACTS_STALE_S: z.coerce
    .number({ message: 'must be a number of seconds' })
    .positive()
    .default(60)
    .meta({ description: '/healthz answers 503 when the fact files on disk have differed from the base served this long (a reload held, refused or never settling), in s (default 60).', example: '60' }),
  STORE_PROBE_S: z.coerce
    .number({ message: 'must be a number of seconds' })
    .positive()
    .default(5)
    .meta({ description: 'How often the store is test-written (s): /healthz answers 503 while it cannot be, and a SQLite file deleted or replaced under the bot stops it (default 5).', example: '5' }),
  PID_FILE: z
    .string()
    .optional()
    .meta({ description: 'Where `dealbot start` writes its process id, for `dealbot facts reload` (default: dealbot.pid beside DATABASE_PATH).', example: '' }),
  PLATFORM_DOWN_EXIT_S: z.coerce
    .number({ message: 'must be a number of seconds' })
    .positive()
    .default(120)
    .meta({ description: 'A configured platform down this long (s) makes dealbot exit non-zero, so systemd or Docker restarts it (default 120).', example: '120' }),
  PLATFORM_RECONNECT_MIN_MS: ms('milliseconds')
    .min(10)
    .default(1000)
    .meta({ description: 'First wait before reconnecting a platform whose library gave up, doubled per failed attempt (default 1000).', example: '1000' }),
  PLATFORM_RECONNECT_MAX_MS: ms('milliseconds')
    .min(10)
    .default(60_000)
    .meta({ description: 'Longest wait between reconnection attempts (default 60000).', example: '60000' }),
  REPLICA_ID: z
    .string()
    .trim()
    .regex(/^[\w.:@-]{1,100}$/, 'must be a short name: letters, digits and . : @ _ - (at most 100)')
    .optional()
    .meta({ description: 'This process’s name in the store (answers it holds, summary claims, the gateway lease), unique per replica; default host:pid:random. Shown in /healthz.', example: '' }),
});
export type OpsConfig = z.infer<typeof OpsEnv>;

export function readOpsConfig(env: NodeJS.ProcessEnv): OpsConfig {
  return parseEnv(OpsEnv, env);
}

/** Where `dealbot start` writes its process id (for `dealbot facts reload`): PID_FILE, else dealbot.pid beside the SQLite file. */
export function pidFilePath(config: Pick<OpsConfig, 'PID_FILE'>, databasePath: string): string {
  return config.PID_FILE ?? join(dirname(databasePath), 'dealbot.pid');
}
