// Environment variables of the daily summary: default timezone, market data, the lease of a
// summary claim. Where the store lives is src/store/config.ts.
import { z } from 'zod';
import { parseEnv } from '../core/config-error.ts';
import { registerSecret } from '../ops/log.ts';
import { canonicalTimezone } from './time.ts';

export const DEFAULT_FINNHUB_API_URL = 'https://finnhub.io/api/v1';

export const SummaryEnv = z.object({
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
  /** Requests a minute the provider's plan allows (Finnhub's free plan: 60); every request counts. */
  FINNHUB_CALLS_PER_MINUTE: z.coerce.number().int().min(1).max(6000).default(60),
  /** How often price alerts poll quotes while the market is open (one request per ticker with a rule). */
  ALERT_POLL_SECONDS: z.coerce.number().int().min(15, 'must be at least 15 (seconds)').max(3600).default(60),
  /** A summary claim not closed within this time is taken over by another replica (its holder died). */
  SUMMARY_LEASE_S: z.coerce.number({ error: 'must be a number of seconds' }).int().min(10, 'must be at least 10 (seconds)').max(86_400).default(600),
  /** How often a replica looks for due posts and claims abandoned by a replica that died. */
  SUMMARY_POLL_S: z.coerce.number({ error: 'must be a number of seconds' }).int().min(1).max(3600).default(60),
  /** Summaries a process posts at once (each a platform round trip); replicas add theirs up. */
  SUMMARY_CONCURRENCY: z.coerce.number({ error: 'must be a number' }).int().min(1).max(64).default(4),
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
  { name: 'DEFAULT_TIMEZONE', required: false, description: 'IANA timezone for `/deal subscribe` without one (default UTC)', example: 'Europe/Paris' },
  { name: 'FINNHUB_TOKEN', required: false, description: 'Finnhub API key for live quotes in the daily summary; without it the summary says live quotes are unavailable', example: '' },
  { name: 'FINNHUB_API_URL', required: false, description: 'Finnhub API base URL (override for tests or a proxy)', example: DEFAULT_FINNHUB_API_URL },
  { name: 'FINNHUB_TIMEOUT_MS', required: false, description: 'Timeout of one quote request, in ms (default 5000)', example: '5000' },
  { name: 'FINNHUB_CALLS_PER_MINUTE', required: false, description: 'Requests a minute your Finnhub plan allows (free plan: 60); the bot never sends more', example: '60' },
  { name: 'SUMMARY_LEASE_S', required: false, description: 'Seconds a replica holds a summary post it claimed; past it, another replica takes it over (default 600)', example: '600' },
  { name: 'SUMMARY_POLL_S', required: false, description: 'Seconds between a replica’s checks for due posts and abandoned claims (default 60)', example: '60' },
  { name: 'SUMMARY_CONCURRENCY', required: false, description: 'Summaries one process posts at once when many channels are due together (default 4)', example: '4' },
  { name: 'ALERT_POLL_SECONDS', required: false, description: 'How often price alerts poll quotes during the regular session (default 60, at least 15)', example: '60' },
] as const;
