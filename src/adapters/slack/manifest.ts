// The Slack app manifest, generated from the command list so a newcomer creates the app with
// one paste and the usage hint never drifts from what /deal accepts.
import type { Command } from '../../core/command.ts';
import { shortcutCallbackId } from './inbound.ts';
import { EVENTS_PATH, REDIRECT_PATH } from './paths.ts';

/** Bot scopes, each because the adapter uses it. */
export const BOT_SCOPES = [
  'app_mentions:read', // app_mention events: "@dealbot question" in channels
  'chat:write', // chat.postMessage: thread answers, shared answers, daily summaries
  'chat:write.public', // the same in public channels the bot was not invited to (summaries, shares)
  'channels:history', // conversations.history: a replica taking over a summary finds the post an earlier attempt made
  'groups:history', // the same in private channels
  'commands', // the /deal slash command
  'im:history', // message.im events: questions in a DM to the bot
  'users:read', // users.info: is the user a workspace admin/owner (subscription commands), and their language (include_locale)
] as const;

export const BOT_EVENTS = [
  'app_mention', // "@dealbot question" in channels
  'message.im', // questions in a DM to the bot
  'message.channels', // replies in a thread the bot answered (follow-ups without a mention), public channels…
  'message.groups', // …and private ones
  'app_home_opened', // the Home tab
  'app_uninstalled', // OAuth mode: the workspace's installation is removed
  'tokens_revoked', // …and when its bot token is revoked
] as const;

export interface ManifestOptions {
  /** App and bot display name (default "dealbot"). */
  name?: string;
  /** Slash command (default "/deal"). */
  command?: string;
  /** HTTP mode: the public base URL Slack calls (e.g. https://bot.example.com); Socket Mode when absent. */
  requestUrl?: string;
  /** OAuth mode (many workspaces): the redirect URL is {requestUrl}/slack/oauth_redirect (needs requestUrl). */
  oauth?: boolean;
  /** The deals the base holds, as headers name them: the app's description names them. */
  dealNames?: readonly string[];
}

/** Slack's limit on display_information.description. */
const DESCRIPTION_MAX = 140;

/** "Answers questions about the OpenAI–Nvidia partnership…", naming every deal while they fit, else counting them. */
export function appDescription(dealNames: readonly string[] = []): string {
  const tail = ' from a curated, cited fact base.';
  const the = dealNames.map((n) => `the ${n}`);
  const about = the.length === 0 ? 'business deals' : the.length === 1 ? the[0]! : `${the.slice(0, -1).join(', ')} and ${the.at(-1)}`;
  const full = `Answers questions about ${about}${tail}`;
  return full.length <= DESCRIPTION_MAX ? full : `Answers questions about ${dealNames.length} business deals${tail}`;
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
      description: appDescription(opts.dealNames),
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      // "Ask dealbot about this" on any message's ⋮ menu, from the commands offered on messages.
      shortcuts: commands
        .filter((c) => c.messageAction)
        .map((c) => ({ name: c.messageAction!.label.en.slice(0, 24), type: 'message', callback_id: shortcutCallbackId(c.name), description: c.messageAction!.description.en.slice(0, 150) })),
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
    oauth_config: {
      ...(opts.oauth && opts.requestUrl ? { redirect_urls: [`${opts.requestUrl.replace(/\/+$/, '')}${REDIRECT_PATH}`] } : {}),
      scopes: { bot: [...BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}
