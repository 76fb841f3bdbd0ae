// Slack's environment variables: one zod schema, read once at start. Slack is "configured"
// as soon as any of its token variables is set; then every problem is reported by name.
import { z } from 'zod';
import { ConfigError } from '../../config/env.ts';
import { registerSecret } from '../../ops/log.ts';

/** An unset variable and an empty one (`SLACK_APP_TOKEN=` in .env) mean the same. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const SlackEnv = z.object({
  SLACK_BOT_TOKEN: z
    .string({ error: 'is required (the Bot User OAuth Token, xoxb-…, from "OAuth & Permissions")' })
    .trim()
    .regex(/^xoxb-\S+$/, 'must be a bot token starting with "xoxb-" (from "OAuth & Permissions")')
    .meta({ description: 'Bot User OAuth Token (xoxb-…), from "OAuth & Permissions" after installing the app. Required for Slack.', secret: true }),
  SLACK_APP_TOKEN: optional(
    z.string().trim().regex(/^xapp-\S+$/, 'must be an app-level token starting with "xapp-" (from "Basic Information")'),
  ).meta({ description: 'App-level token (xapp-…) with connections:write, from "Basic Information". Set: Socket Mode (no public URL).', secret: true }),
  SLACK_SIGNING_SECRET: optional(z.string().trim().regex(/^\S{8,}$/, 'must be the Signing Secret from "Basic Information"')).meta({
    description: 'Signing Secret from "Basic Information". Required in HTTP mode (no SLACK_APP_TOKEN); every request is verified.',
    secret: true,
  }),
  PORT: optional(z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535)).meta({
    description: 'HTTP mode: port of /slack/events, also serving /healthz, /metrics and the other platforms’ HTTP endpoints (one port behind a load balancer). Default 3000.',
    example: '3000',
  }),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://slack.com/api/' })).meta({
    description: 'Slack Web API base URL, for a proxy (default https://slack.com/api/).',
    example: '',
  }),
  DEALBOT_ADMINS: optional(
    z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'must list Slack user ids like U012ABCDEF, comma-separated'))),
  ).meta({ description: 'Slack user ids, comma-separated, allowed to manage daily summaries besides workspace admins and owners.', fill: true }),
});
export type SlackEnv = z.infer<typeof SlackEnv>;

export interface SlackConfig {
  mode: 'socket' | 'http';
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  /** HTTP mode: where Slack sends requests (path /slack/events). */
  port: number;
  /** HTTP mode: interface to listen on (all when unset; tests use 127.0.0.1). */
  host?: string;
  /** Web API base URL (a proxy, or the local fake Slack in tests). */
  apiUrl?: string;
  /** User ids allowed to change subscriptions besides workspace admins and owners. */
  admins: string[];
  /** Web API retries on network errors (0 in tests so a failure shows at once). */
  retries: number;
}

export const SLACK_SWITCHES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const;

/** Undefined when Slack is not configured at all; throws ConfigError naming each bad variable. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  if (!SLACK_SWITCHES.some((name) => env[name]?.trim())) return undefined;
  const parsed = SlackEnv.safeParse(env);
  // Messages name the variable but never echo its value (it may be a secret).
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}`);
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push('SLACK_SIGNING_SECRET: is required in HTTP mode (set SLACK_APP_TOKEN instead to use Socket Mode, no public URL needed)');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  registerSecret(e.SLACK_BOT_TOKEN);
  registerSecret(e.SLACK_APP_TOKEN);
  registerSecret(e.SLACK_SIGNING_SECRET);
  return {
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    botToken: e.SLACK_BOT_TOKEN,
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    port: e.PORT ?? 3000,
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    admins: e.DEALBOT_ADMINS ?? [],
    retries: 3,
  };
}
