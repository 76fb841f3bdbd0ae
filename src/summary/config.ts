// Environment variables of the daily summary: database, default timezone, market data.
import { z } from 'zod';
import { parseEnv } from '../core/config-error.ts';
import { registerSecret } from '../ops/log.ts';
import { DEFAULT_DATABASE_PATH } from '../store/db.ts';
import { canonicalTimezone } from './time.ts';

export const DEFAULT_FINNHUB_API_URL = 'https://finnhub.io/api/v1';

export const SummaryEnv = z.object({
  DATABASE_PATH: z.string().default(DEFAULT_DATABASE_PATH),
  DEFAULT_TIMEZONE: z
    .string()
    .default('UTC')
    .transform((tz, ctx) => {
      const canonical = canonicalTimezone(tz);
      if (canonical) return canonical;
      ctx.addIssue({ code: 'custom', message: `"${tz}" is not an IANA timezone (e.g. Europe/Paris, America/New_York, UTC)` });
      return z.NEVER;
    }),
  FINNHUB_TOKEN: z.string().min(1).optional(),
  FINNHUB_API_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default(DEFAULT_FINNHUB_API_URL),
  FINNHUB_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
});
export type SummaryConfig = z.infer<typeof SummaryEnv>;

/** Always returns a config (every variable has a default); throws ConfigError naming a bad one. */
export function readSummaryConfig(env: NodeJS.ProcessEnv): SummaryConfig {
  const config = parseEnv(SummaryEnv, env);
  registerSecret(config.FINNHUB_TOKEN);
  return config;
}

/** For .env.example. */
export const SUMMARY_ENV_DOC = [
  { name: 'DATABASE_PATH', required: false, description: 'SQLite file for subscriptions, the post ledger and the quote cache (created with its directory on first start)', example: './data/dealbot.db' },
  { name: 'DEFAULT_TIMEZONE', required: false, description: 'IANA timezone for `/deal subscribe` without one (default UTC)', example: 'Europe/Paris' },
  { name: 'FINNHUB_TOKEN', required: false, description: 'Finnhub API key for live quotes in the daily summary; without it the summary says live quotes are unavailable', example: '' },
  { name: 'FINNHUB_API_URL', required: false, description: 'Finnhub API base URL (override for tests or a proxy)', example: DEFAULT_FINNHUB_API_URL },
  { name: 'FINNHUB_TIMEOUT_MS', required: false, description: 'Timeout of one quote request, in ms (default 5000)', example: '5000' },
] as const;
