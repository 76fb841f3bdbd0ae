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
});

export const DISCORD_SWITCHES = ['DISCORD_TOKEN'] as const;

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** REST base without the version, e.g. https://discord.com/api; the gateway URL comes from its /gateway/bot. */
  apiUrl?: string;
}

export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig | undefined {
  if (!env.DISCORD_TOKEN) return undefined;
  const parsed = parseEnv(DiscordEnv, env);
  registerSecret(parsed.DISCORD_TOKEN);
  return {
    token: parsed.DISCORD_TOKEN,
    applicationId: parsed.DISCORD_APPLICATION_ID,
    ...(parsed.DISCORD_API_URL ? { apiUrl: parsed.DISCORD_API_URL.replace(/\/+$/, '') } : {}),
  };
}
