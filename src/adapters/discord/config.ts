// Discord's environment variables. Unset DISCORD_TOKEN means "Discord not configured";
// anything set but wrong is a ConfigError naming the variable.
import { z } from 'zod';
import { parseEnv } from '../../config/env.ts';
import { registerSecret } from '../../ops/log.ts';

export const DiscordEnv = z.object({
  DISCORD_TOKEN: z
    .string()
    .regex(/^\S{20,}$/, 'must be the bot token from the Developer Portal (Bot → Reset Token), without spaces or a "Bot " prefix')
    .meta({ description: 'Bot token: Developer Portal → your application → Bot → Reset Token. Setting it turns Discord on.', secret: true }),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{17,20}$/, 'must be the numeric Application ID (General Information page)')
    .meta({ description: 'Application ID (General Information page); registers /deal and builds the invite URL. Required with the token.', fill: true }),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' })
    .optional()
    .meta({ description: 'REST base URL override (tests, proxies); the gateway URL is then read from its /gateway/bot.', example: '' }),
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the application’s Public Key (64 hexadecimal characters, General Information page)')
    .optional()
    .meta({
      description:
        'Public Key (General Information). Set: /deal, autocomplete and Share are served over HTTP at POST /discord/interactions on PORT (the Interactions Endpoint URL), every request’s Ed25519 signature checked with it, by any replica. Unset: everything goes over the gateway.',
      example: '',
    }),
  DISCORD_SHARDS: z
    .string()
    .trim()
    .regex(/^(auto|[1-9]\d{0,3})$/, 'must be "auto" or a number of shards (1–9999)')
    .optional()
    .meta({ description: 'Gateway shards for a large bot: "auto" (Discord’s recommendation) or a number (discord.js internal sharding). Unset: one shard.', example: '' }),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int()
    .min(0)
    .max(65535)
    .optional()
    .meta({ description: 'With DISCORD_PUBLIC_KEY: port of POST /discord/interactions (and /healthz), shared with Slack’s HTTP mode when both run. Default 3000.', example: '3000' }),
});

export const DISCORD_SWITCHES = ['DISCORD_TOKEN'] as const;

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** REST base without the version, e.g. https://discord.com/api; the gateway URL comes from its /gateway/bot. */
  apiUrl?: string;
  /**
   * The application's Ed25519 public key (hex): set, the bot serves POST /discord/interactions
   * (the Interactions Endpoint URL) and the gateway only carries mentions and DMs.
   */
  publicKey?: string;
  /** The gateway's shards: discord.js's own sharding ("auto" asks Discord; a number fixes it). */
  shards?: 'auto' | number;
  /** Where the interactions endpoint listens when no other platform's HTTP server shares it (default 3000). */
  port: number;
}

export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig | undefined {
  if (!env.DISCORD_TOKEN) return undefined;
  const parsed = parseEnv(DiscordEnv, env);
  registerSecret(parsed.DISCORD_TOKEN);
  return {
    token: parsed.DISCORD_TOKEN,
    applicationId: parsed.DISCORD_APPLICATION_ID,
    ...(parsed.DISCORD_API_URL ? { apiUrl: parsed.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
    ...(parsed.DISCORD_PUBLIC_KEY ? { publicKey: parsed.DISCORD_PUBLIC_KEY.toLowerCase() } : {}),
    ...(parsed.DISCORD_SHARDS ? { shards: parsed.DISCORD_SHARDS === 'auto' ? ('auto' as const) : Number(parsed.DISCORD_SHARDS) } : {}),
    port: parsed.PORT ?? 3000,
  };
}
