// The OAuth2 invite: exactly the scopes and permissions the bot uses, each with why.
import { PermissionFlagsBits } from 'discord.js';

export const INVITE_SCOPES = ['bot', 'applications.commands'] as const;

/** Every permission the bot needs, and what for. Nothing else is asked. */
export const INVITE_PERMISSIONS = [
  { name: 'View Channel', bit: PermissionFlagsBits.ViewChannel, why: 'see the messages that mention it and the channels it posts to' },
  { name: 'Send Messages', bit: PermissionFlagsBits.SendMessages, why: 'answer mentions and post daily summaries' },
  { name: 'Send Messages in Threads', bit: PermissionFlagsBits.SendMessagesInThreads, why: 'answer mentions inside threads' },
  { name: 'Embed Links', bit: PermissionFlagsBits.EmbedLinks, why: 'answers are embeds (a plain message without it loses them)' },
  { name: 'Read Message History', bit: PermissionFlagsBits.ReadMessageHistory, why: 'answer a mention as a reply to it' },
] as const;

export function invitePermissions(): bigint {
  return INVITE_PERMISSIONS.reduce((all, p) => all | p.bit, 0n);
}

export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: INVITE_SCOPES.join(' '),
    permissions: String(invitePermissions()),
    integration_type: '0', // installed in a server (not a user install)
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
