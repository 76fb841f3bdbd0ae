// Who may change a channel's daily-summary subscription on Discord: members with Manage Server
// or Manage Channels, read from the permissions Discord sends with each event (always current).
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

export const ADMIN_PERMISSIONS = [PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageChannels];

/** Said to a user whose subscription change is refused: who may do it on Discord. */
export const DISCORD_ADMIN_RULE = {
  en: 'Only members with the Manage Server or Manage Channels permission can change this channel’s daily summary.',
  fr: 'Seuls les membres ayant la permission Gérer le serveur ou Gérer les salons peuvent modifier le résumé quotidien de ce salon.',
};

/** Whether these permissions allow subscription changes; unknown permissions refuse. */
export function isAdminBy(permissions: Readonly<PermissionsBitField> | null | undefined): boolean {
  try {
    return permissions?.any(ADMIN_PERMISSIONS) ?? false;
  } catch {
    return false;
  }
}
