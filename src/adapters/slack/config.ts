// Slack's environment variables: one zod schema, read once at start. Slack is "configured"
// as soon as any of its token variables is set; then every problem is reported by name.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { ConfigError } from '../../config/env.ts';
import { registerSecret } from '../../ops/log.ts';

/** An unset variable and an empty one (`SLACK_APP_TOKEN=` in .env) mean the same. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const SlackEnv = z.object({
  SLACK_BOT_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^xoxb-\S+$/, 'must be a bot token starting with "xoxb-" (from "OAuth & Permissions")'),
  ).meta({ description: 'Bot User OAuth Token (xoxb-…), from "OAuth & Permissions" after installing the app: one workspace. Leave it empty in OAuth mode (SLACK_CLIENT_ID: many workspaces).', secret: true }),
  SLACK_CLIENT_ID: optional(z.string().trim().regex(/^\d+\.\d+$/, 'must be the Client ID from "Basic Information" (digits.digits)')).meta({
    description: 'OAuth mode (many workspaces): the Client ID from "Basic Information". Set: the bot serves /slack/install and /slack/oauth_redirect, keeps each workspace’s installation (its bot token encrypted) in the store, and uses each workspace’s own token. HTTP mode only.',
    example: '',
  }),
  SLACK_CLIENT_SECRET: optional(z.string().trim().regex(/^\S{16,}$/, 'must be the Client Secret from "Basic Information"')).meta({
    description: 'OAuth mode: the Client Secret from "Basic Information".',
    secret: true,
  }),
  SLACK_TOKEN_ENCRYPTION_KEY: optional(z.string().trim()).meta({
    description: 'OAuth mode: 32 random bytes, base64 or hex (openssl rand -base64 32). Every workspace’s installation (bot token included) is encrypted with it (AES-256-GCM) before it reaches the store; the bot refuses to start in OAuth mode without it. Keep it with your other secrets: a lost key means installing again.',
    secret: true,
  }),
  SLACK_STATE_SECRET: optional(z.string().trim().regex(/^\S{16,}$/, 'must be at least 16 characters')).meta({
    description: 'OAuth mode: signs the install flow’s state parameter (CSRF protection). Default: derived from SLACK_TOKEN_ENCRYPTION_KEY.',
    secret: true,
  }),
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

/** OAuth mode: installations in many workspaces, each request with its own workspace's token. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** AES-256-GCM key sealing installations in the store. */
  tokenKey: Buffer;
}

export interface SlackConfig {
  mode: 'socket' | 'http';
  /** One workspace's bot token (token mode); absent in OAuth mode. */
  botToken?: string;
  /** Many workspaces (SLACK_CLIENT_ID…); absent in token mode. */
  oauth?: SlackOAuthConfig;
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

export const SLACK_SWITCHES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_CLIENT_ID'] as const;

/** 32 bytes from base64 or hex, or undefined when it is not that. */
export function decodeKey(text: string): Buffer | undefined {
  const raw = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(text) ? Buffer.from(text, 'base64') : undefined;
  return raw?.length === 32 ? raw : undefined;
}

/** What OAuth mode needs besides the shared variables; problems are pushed, never thrown one by one. */
function readOAuth(e: SlackEnv, problems: string[]): SlackOAuthConfig | undefined {
  if (!e.SLACK_CLIENT_ID) return undefined;
  if (e.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: leave it empty in OAuth mode (SLACK_CLIENT_ID is set): each workspace’s token comes from its installation');
  if (e.SLACK_APP_TOKEN) problems.push('SLACK_APP_TOKEN: OAuth mode runs in HTTP mode only (Slack must reach /slack/oauth_redirect): leave SLACK_APP_TOKEN empty');
  if (!e.SLACK_CLIENT_SECRET) problems.push('SLACK_CLIENT_SECRET: is required in OAuth mode (the Client Secret from "Basic Information")');
  const key = e.SLACK_TOKEN_ENCRYPTION_KEY ? decodeKey(e.SLACK_TOKEN_ENCRYPTION_KEY) : undefined;
  if (!e.SLACK_TOKEN_ENCRYPTION_KEY) problems.push('SLACK_TOKEN_ENCRYPTION_KEY: is required in OAuth mode: 32 random bytes, base64 (openssl rand -base64 32); workspaces’ bot tokens are stored encrypted with it');
  else if (!key) problems.push('SLACK_TOKEN_ENCRYPTION_KEY: must be 32 bytes, base64 (openssl rand -base64 32) or 64 hexadecimal characters');
  if (!key || !e.SLACK_CLIENT_SECRET) return undefined;
  const stateSecret = e.SLACK_STATE_SECRET ?? createHmac('sha256', key).update('dealbot slack oauth state').digest('base64url');
  return { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret, tokenKey: key };
}

/** Undefined when Slack is not configured at all; throws ConfigError naming each bad variable. */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  if (!SLACK_SWITCHES.some((name) => env[name]?.trim())) return undefined;
  const parsed = SlackEnv.safeParse(env);
  // Messages name the variable but never echo its value (it may be a secret).
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}`);
  if (!env.SLACK_APP_TOKEN?.trim() && !env.SLACK_SIGNING_SECRET?.trim()) {
    problems.push('SLACK_SIGNING_SECRET: is required in HTTP mode (set SLACK_APP_TOKEN instead to use Socket Mode, no public URL needed)');
  }
  if (!env.SLACK_CLIENT_ID?.trim() && !env.SLACK_BOT_TOKEN?.trim()) {
    problems.push('SLACK_BOT_TOKEN: is required (the Bot User OAuth Token, xoxb-…, from "OAuth & Permissions"), or set SLACK_CLIENT_ID… for OAuth mode (many workspaces)');
  }
  const oauth = parsed.success ? readOAuth(parsed.data, problems) : undefined;
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  for (const secret of [e.SLACK_BOT_TOKEN, e.SLACK_APP_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_CLIENT_SECRET, e.SLACK_TOKEN_ENCRYPTION_KEY, e.SLACK_STATE_SECRET]) registerSecret(secret);
  return {
    mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
    ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
    ...(oauth ? { oauth } : {}),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    port: e.PORT ?? 3000,
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    admins: e.DEALBOT_ADMINS ?? [],
    retries: 3,
  };
}
