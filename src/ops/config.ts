// Environment variables of the operations pieces: health port, rate limits, shutdown bound,
// live fact reload. LOG_LEVEL lives in src/config.ts with the core's.
import { z } from 'zod';
import { parseEnv } from '../core/config-error.ts';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'must be 1/0, true/false, yes/no or on/off' })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

export const OpsEnv = z.object({
  /** Serve /healthz and /metrics on this port (0 picks a free one). Unset: no health server of its own. */
  HEALTH_PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).optional(),
  HEALTH_HOST: z.string().default('0.0.0.0'),
  /** Questions per minute one user may ask (burst of the same size). 0 turns the limit off. */
  RATE_LIMIT_USER_PER_MIN: z.coerce.number({ message: 'must be a number' }).int().min(0).default(10),
  /** Questions per minute one channel may ask, all users together. 0 turns the limit off. */
  RATE_LIMIT_CHANNEL_PER_MIN: z.coerce.number({ message: 'must be a number' }).int().min(0).default(30),
  /** How long a shutdown may take to finish in-flight work before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'must be a number of milliseconds' }).int().min(0).default(10_000),
  /** Reload the fact base when a file under FACTS_DIR changes. */
  FACTS_WATCH: flag.default(true),
});
export type OpsConfig = z.infer<typeof OpsEnv>;

export function readOpsConfig(env: NodeJS.ProcessEnv): OpsConfig {
  return parseEnv(OpsEnv, env);
}

/** For .env.example and the README. */
export const OPS_ENV_DOC: { name: keyof OpsConfig; required: boolean; description: string; example: string }[] = [
  { name: 'HEALTH_PORT', required: false, description: 'Serve GET /healthz and GET /metrics on this port (unset: off)', example: '9090' },
  { name: 'HEALTH_HOST', required: false, description: 'Address the health server listens on (default 0.0.0.0)', example: '127.0.0.1' },
  { name: 'RATE_LIMIT_USER_PER_MIN', required: false, description: 'Questions per minute per user, 0 = no limit (default 10)', example: '10' },
  { name: 'RATE_LIMIT_CHANNEL_PER_MIN', required: false, description: 'Questions per minute per channel, 0 = no limit (default 30)', example: '30' },
  { name: 'SHUTDOWN_TIMEOUT_MS', required: false, description: 'Bound on a graceful shutdown, in ms (default 10000)', example: '10000' },
  { name: 'FACTS_WATCH', required: false, description: 'Reload the fact base when a fact file changes (default true)', example: 'true' },
];
