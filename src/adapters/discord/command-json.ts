// The /deal application command as Discord's JSON, generated from the command list so that
// a new command shows up in the option's description without touching this file.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUERY_CHARS } from '../../core/clean-text.ts';
import type { Command } from '../../core/command.ts';
import { ds } from './strings.ts';

export const DEAL_COMMAND = 'deal';
export const QUERY_OPTION = 'query';
export const PUBLIC_OPTION = 'public';

/** Discord caps command and option descriptions at 100 characters. */
const MAX_DESCRIPTION = 100;

function clip(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/** "Question or topic, or: overview, timeline, quotes, …" from the named commands. */
function queryDescription(commands: readonly Command<any>[], lang: 'en' | 'fr'): string {
  const words = commands
    .filter((c) => c.name)
    // Names only (their arguments are in /deal help): more of them fit in 100 characters.
    // Command names work in either language, so both descriptions list them as they are.
    .map((c) => c.name);
  return clip(`${ds(lang).queryDescription} ${words.join(', ')}`);
}

export function dealCommandJson(commands: readonly Command<any>[]): RESTPutAPIApplicationCommandsJSONBody {
  return [
    {
      type: ApplicationCommandType.ChatInput,
      name: DEAL_COMMAND,
      description: clip(ds('en').commandDescription),
      description_localizations: { fr: clip(ds('fr').commandDescription) },
      // Installed in servers; usable in server channels and in the bot's DMs.
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: QUERY_OPTION,
          description: queryDescription(commands, 'en'),
          description_localizations: { fr: queryDescription(commands, 'fr') },
          required: false,
          autocomplete: true,
          max_length: MAX_QUERY_CHARS,
        },
        {
          type: ApplicationCommandOptionType.Boolean,
          name: PUBLIC_OPTION,
          description: clip(ds('en').publicDescription),
          description_localizations: { fr: clip(ds('fr').publicDescription) },
          required: false,
        },
      ],
    },
  ];
}
