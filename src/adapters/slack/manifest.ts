// The Slack app manifest, generated from the command list so a newcomer creates the app with
// one paste and the usage hint never drifts from what /deal accepts.
import type { Command } from '../../core/command.ts';
import { EVENTS_PATH } from './app.ts';

/** Bot scopes, each because the adapter uses it. */
export const BOT_SCOPES = [
  'app_mentions:read', // app_mention events: "@dealbot question" in channels
  'chat:write', // chat.postMessage: thread answers, shared answers, daily summaries
  'chat:write.public', // the same in public channels the bot was not invited to (summaries, shares)
  'channels:history', // conversations.history: a replica taking over a summary finds the post an earlier attempt made
  'groups:history', // the same in private channels
  'commands', // the /deal slash command
  'im:history', // message.im events: questions in a DM to the bot
  'users:read', // users.info: is the user a workspace admin/owner (subscription commands)
] as const;

export const BOT_EVENTS = ['app_mention', 'message.im'] as const;

export interface ManifestOptions {
  /** App and bot display name (default "dealbot"). */
  name?: string;
  /** Slash command (default "/deal"). */
  command?: string;
  /** HTTP mode: the public base URL Slack calls (e.g. https://bot.example.com); Socket Mode when absent. */
  requestUrl?: string;
}

/** "[question] | timeline | quotes [speaker] | … | share …" from the commands' names and usages. */
export function usageHint(commands: readonly Command<any>[]): string {
  const parts = commands.map((c) => (c.name ? [c.name, c.usage].filter(Boolean).join(' ') : '[question]'));
  return [...new Set([...parts, 'share …'])].join(' | ');
}

export function slackManifest(commands: readonly Command<any>[], opts: ManifestOptions = {}): Record<string, unknown> {
  const name = opts.name ?? 'dealbot';
  const command = opts.command ?? '/deal';
  const url = opts.requestUrl ? `${opts.requestUrl.replace(/\/+$/, '')}${EVENTS_PATH}` : undefined;
  const ask = commands.find((c) => c.name === '');
  return {
    display_information: {
      name,
      description: 'Answers questions about the OpenAI–Nvidia deal from a curated, cited fact base.',
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command,
          ...(url ? { url } : {}),
          description: (ask?.description.en ?? 'Ask about the deal').slice(0, 100),
          usage_hint: usageHint(commands).slice(0, 1000),
          should_escape: false,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}
