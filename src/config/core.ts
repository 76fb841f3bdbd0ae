// The core's environment variables; each platform folder reads its own (see src/adapters/index.ts).
import { z } from 'zod';
import { parseEnv } from './env.ts';

export const CoreEnv = z.object({
  FACTS_DIR: z.string().default('facts').meta({ description: 'Fact base directory (default: facts). `--facts DIR` overrides it per command.', example: 'facts' }),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .meta({ description: 'Log level: fatal, error, warn, info, debug, trace, silent (default info; the console chat shows warnings only unless set).', example: 'info' }),
  GAPS_LOG: z
    .string()
    .default('data/gaps.jsonl')
    .meta({
      description: 'The JSON-lines log of unanswered questions of earlier versions: moved into the store once at start (renamed <file>.imported); `dealbot gaps` reads them from the store.',
      example: 'data/gaps.jsonl',
    }),
  FOLLOW_UP_HOURS: z.coerce
    .number({ error: 'must be a number of hours (0 turns follow-ups off)' })
    .min(0)
    .max(24 * 30)
    .default(24)
    .meta({
      description: 'How long a thread remembers what it was about, so a reply in it ("and in French?", "what about Oracle?") is read as a follow-up (hours, default 24; 0 turns follow-ups off).',
      example: '24',
    }),
});
export type CoreConfig = z.infer<typeof CoreEnv>;

export function readCoreConfig(env: NodeJS.ProcessEnv): CoreConfig {
  return parseEnv(CoreEnv, env);
}
