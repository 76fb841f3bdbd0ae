// Who may change a channel's summary subscription and alerts on Discord: members with Manage Server
// or Manage Channels, read from the permissions Discord sends with each event (always current).
import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

export const ADMIN_PERMISSIONS = [PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageChannels];

/** Who may change a channel's summary or alerts on Discord, as the noun phrase a refusal names. */
export const DISCORD_ADMIN_RULE = {
  en: 'members with the Manage Server or Manage Channels permission',
  fr: 'les membres ayant la permission Gérer le serveur ou Gérer les salons',
};

/** Whether these permissions allow subscription changes; unknown permissions refuse. */
export function isAdminBy(permissions: Readonly<PermissionsBitField> | null | undefined): boolean {
  try {
    return permissions?.any(ADMIN_PERMISSIONS) ?? false;
  } catch {
    return false;
  }
}
