// The core's environment variables; each platform folder reads its own (see src/start.ts).
import { z } from 'zod';
import { parseEnv } from './core/config-error.ts';

export const CoreEnv = z.object({
  FACTS_DIR: z.string().default('facts'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GAPS_LOG: z.string().default('data/gaps.jsonl'),
});
export type CoreConfig = z.infer<typeof CoreEnv>;

export function readCoreConfig(env: NodeJS.ProcessEnv): CoreConfig {
  return parseEnv(CoreEnv, env);
}
