// Environment variables of the daily summary: default timezone, market data, the lease of a
// summary claim and how replicas share the posting. Where the store lives is src/store/config.ts.
import { z } from 'zod';
import { parseEnv } from '../config/env.ts';
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
    })
    .meta({ description: 'IANA timezone for `/deal subscribe` without one (default UTC).', example: 'UTC' }),
  FINNHUB_TOKEN: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Finnhub API key for live quotes; without it the summary says live quotes are unavailable.', secret: true }),
  FINNHUB_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default(DEFAULT_FINNHUB_API_URL)
    .meta({ description: `Finnhub API base URL (tests, proxy). Default ${DEFAULT_FINNHUB_API_URL}`, example: '' }),
  FINNHUB_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(5000)
    .meta({ description: 'Timeout of one quote request, in ms (default 5000).', example: '5000' }),
  FINNHUB_CALLS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(6000)
    .default(60)
    .meta({ description: 'Requests a minute your Finnhub plan allows (free plan: 60, and 30 a second); the bot never sends more.', example: '60' }),
  ALERT_POLL_SECONDS: z.coerce
    .number()
    .int()
    .min(15, 'must be at least 15 (seconds)')
    .max(3600)
    .default(60)
    .meta({ description: 'How often price alerts poll quotes during the regular session, in seconds (default 60, at least 15).', example: '60' }),
  SUMMARY_LEASE_S: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int()
    .min(10, 'must be at least 10 (seconds)')
    .max(86_400)
    .default(600)
    .meta({ description: 'Seconds a replica holds a summary post it claimed; past it, another replica takes it over (default 600).', example: '600' }),
  SUMMARY_POLL_S: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int()
    .min(1)
    .max(3600)
    .default(60)
    .meta({ description: 'Seconds between a replica’s checks for due posts and claims abandoned by a replica that died (default 60).', example: '60' }),
  SUMMARY_RETRY_S: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int()
    .min(1)
    .max(3600)
    .default(60)
    .meta({ description: 'Seconds before a failed summary post is tried again, doubled per attempt, up to 5 attempts; a post whose outcome was unknown is looked for in the channel first (default 60).', example: '60' }),
  SUMMARY_CONCURRENCY: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(1)
    .max(64)
    .default(4)
    .meta({ description: 'Summaries one process posts at once when many channels are due together (default 4; replicas add theirs up).', example: '4' }),
});
export type SummaryConfig = z.infer<typeof SummaryEnv>;

/** Always returns a config (every variable has a default); throws ConfigError naming a bad one. */
export function readSummaryConfig(env: NodeJS.ProcessEnv): SummaryConfig {
  const config = parseEnv(SummaryEnv, env);
  registerSecret(config.FINNHUB_TOKEN);
  return config;
}
