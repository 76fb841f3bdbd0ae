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

/**
 * "Question or topic, or: overview, timeline, quotes, …" from the named commands: whole names
 * while they fit in 100 characters (a name cut to "subscri…" would name no command).
 */
function queryDescription(commands: readonly Command<any>[], lang: 'en' | 'fr'): string {
  // Names only (their arguments are in /deal help); they work in either language.
  const names = commands.filter((c) => c.name).map((c) => c.name);
  const head = ds(lang).queryDescription;
  const listed: string[] = [];
  for (const [i, name] of names.entries()) {
    const more = i < names.length - 1 ? ', …' : '';
    if (`${head} ${[...listed, name].join(', ')}${more}`.length > MAX_DESCRIPTION) {
      return clip(`${head} ${listed.join(', ')}, …`);
    }
    listed.push(name);
  }
  return clip(`${head} ${listed.join(', ')}`);
}

/** Discord caps a command's name at 32 characters. */
const MAX_NAME = 32;

/** The message command's name for a command offered on messages ("Ask dealbot about this"). */
export function messageCommandName(command: Command<any>, lang: 'en' | 'fr' = 'en'): string | undefined {
  return command.messageAction?.label[lang].slice(0, MAX_NAME);
}

/** The command a message command runs, from the name Discord sends. */
export function messageCommandOf(commands: readonly Command<any>[], name: string): Command<any> | undefined {
  return commands.find((c) => c.messageAction && messageCommandName(c) === name);
}

export function dealCommandJson(commands: readonly Command<any>[]): RESTPutAPIApplicationCommandsJSONBody {
  // "Ask dealbot about this" in every message's Apps menu, from the commands offered on messages.
  const onMessages = commands.filter((c) => c.messageAction).map((c) => ({
    type: ApplicationCommandType.Message as const,
    name: messageCommandName(c)!,
    name_localizations: { fr: messageCommandName(c, 'fr')! },
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  }));
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
    ...onMessages,
  ];
}
