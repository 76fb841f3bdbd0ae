// The core's environment variables; each platform folder reads its own (see src/adapters/index.ts).
import { z } from 'zod';
import { parseDealDefaults } from '../deals/channel-deal.ts';
import { parseEnv } from './env.ts';

export const CoreEnv = z.object({
  FACTS_DIR: z.string().default('facts').meta({ description: 'Fact base directory (default: facts). `--facts DIR` overrides it per command.', example: 'facts' }),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .meta({ description: 'Log level: fatal, error, warn, info, debug, trace, silent (default info; the console chat shows warnings only unless set).', example: 'info' }),
  DEFAULT_DEAL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseDealDefaults(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    })
    .meta({
      description:
        'With several deals (facts/<deal>/): the deal a channel asks about until an admin runs /deal use there. One id for every workspace, or exceptions per Slack team / Discord guild id: "openai-nvidia,T0123ABCD=aurora-lumen". Default: the deal whose deal file says default: true, else the first in folder order.',
      example: 'openai-nvidia',
    }),
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
