// Turns Discord events into bot.answer calls and renders the Replies back:
// /deal (ephemeral with Share, or public), its autocomplete, the Share button, mentions and DMs.
import {
  ChannelType,
  Events,
  InteractionContextType,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type Message,
} from 'discord.js';
import type { Asker, Bot } from '../../core/bot.ts';
import type { ChannelRef } from '../../core/command.ts';
import type { Reply } from '../../core/reply.ts';
import type { Lang } from '../../facts/schema.ts';
import type { Logger } from '../../ops/log.ts';
import { interactionCallbacks } from './callback.ts';
import { DEAL_COMMAND, PUBLIC_OPTION, QUERY_OPTION } from './command-json.ts';
import { describeError } from './errors.ts';
import { cut } from './escape.ts';
import { renderDiscord, sharedCopy, sharedRow, type DiscordPayload } from './render.ts';
import { langOfShare, SHARE_PREFIX, shareCustomId } from './share-ids.ts';
import { ds } from './strings.ts';

export interface HandlerOptions {
  /** Reply directly when the answer is ready within this time, otherwise defer first. */
  deferAfterMs: number;
}

export interface Handlers {
  /** Waits (bounded) for the answers being sent; new events are ignored from now on. */
  drain(timeoutMs: number): Promise<void>;
}

/** Whoever may change a channel's subscriptions on Discord. */
const ADMIN_PERMISSIONS = [PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageChannels];
const MAX_CHOICES = 25;
/** Discord refuses an interaction's first response after 3 s. */
const RESPONSE_WINDOW_MS = 3000;
const MAX_CHOICE_CHARS = 100;

/** discord.js options for every message we send: the payload plus no mention parsed, no reply ping. */
function messageOptions(payload: DiscordPayload) {
  return {
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: { parse: [], repliedUser: false },
  };
}

/** The callback body of a message response: our rendered API JSON as it is, mentions never parsed. */
function callbackMessage(payload: DiscordPayload, ephemeral: boolean) {
  return {
    embeds: payload.embeds,
    components: payload.components,
    allowed_mentions: { parse: [], replied_user: false },
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

export function langOfLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function attachHandlers(client: Client, bot: Bot, logger: Logger, opts: HandlerOptions): Handlers {
  const inFlight = new Set<Promise<void>>();
  let draining = false;

  const postCallback = interactionCallbacks(client.rest);
  /**
   * Answers an interaction with one POST carrying the body as rendered. discord.js's
   * reply()/respond() would rebuild the same body through MessagePayload (lazy requires,
   * snake-casing embeds that already are API JSON): most of the adapter's per-interaction cost.
   * The caller marks the interaction answered (replied/responded) once this resolves, so a later
   * failure follows up instead of answering twice.
   */
  function callback(interaction: Interaction, type: InteractionResponseType, data: unknown): Promise<void> {
    const at = receivedAt.get(interaction);
    return postCallback(interaction.id, interaction.token, { type, data }, at === undefined ? undefined : at + RESPONSE_WINDOW_MS);
  }

  function track(kind: string, work: () => Promise<void>, apologise: () => Promise<unknown>): void {
    if (draining) return;
    const p = work()
      .catch(async (err: unknown) => {
        logger.error({ ...describeError(err), platform: 'discord', event: kind }, 'discord handler failed');
        try {
          await apologise();
        } catch (again) {
          logger.warn({ ...describeError(again), platform: 'discord', event: kind }, 'discord apology failed');
        }
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  /** When each interaction arrived: Discord takes its first response only within 3 s of that. */
  const receivedAt = new WeakMap<Interaction, number>();
  client.on(Events.InteractionCreate, (interaction) => {
    receivedAt.set(interaction, Date.now());
    const lang = langOfLocale(interaction.locale);
    track(`interaction:${interaction.type}`, () => onInteraction(interaction), () => apologiseInteraction(interaction, lang));
  });

  client.on(Events.MessageCreate, (message) => {
    // The apology speaks the language of the message (the answer would have).
    const apologise = () => message.reply(messageOptions(renderDiscord(apology(bot.engine().detectLang(message.content)))));
    track('message', () => onMessage(message), apologise);
  });

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (interaction.commandName === DEAL_COMMAND) await autocomplete(interaction);
    } else if (interaction.isChatInputCommand()) {
      if (interaction.commandName === DEAL_COMMAND) await deal(interaction);
    } else if (interaction.isButton()) {
      if (interaction.customId.startsWith(SHARE_PREFIX)) await share(interaction);
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== QUERY_OPTION) return interaction.respond([]);
    const seen = new Set<string>();
    const choices: { name: string; value: string }[] = [];
    // Labels in the language typed, else in the asker's Discord language.
    for (const s of bot.engine().suggest(String(focused.value), MAX_CHOICES, langOfLocale(interaction.locale))) {
      const name = cut(s.label.trim(), MAX_CHOICE_CHARS);
      const value = cut(s.value.trim(), MAX_CHOICE_CHARS);
      if (!name || !value || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name, value });
      if (choices.length === MAX_CHOICES) break;
    }
    await callback(interaction, InteractionResponseType.ApplicationCommandAutocompleteResult, { choices });
    interaction.responded = true;
  }

  async function deal(interaction: ChatInputCommandInteraction): Promise<void> {
    const query = interaction.options.getString(QUERY_OPTION) ?? '';
    // In the bot's own DM only the asker can see anyway: a plain message that stays, no Share.
    const isPublic = inBotDm(interaction) || (interaction.options.getBoolean(PUBLIC_OPTION) ?? false);
    const rendered = (r: Reply) => renderDiscord(r, isPublic || !r.shareable || r.silent ? {} : { shareId: shareCustomId(r.lang) });

    const pending = bot.answer(query, askerOfInteraction(interaction));
    const quick = await within(pending, opts.deferAfterMs);
    if (quick) {
      // An interaction must be answered: a "silent" reply (rate-limited repeat) goes to the asker only.
      const ephemeral = !isPublic || quick.silent === true;
      await callback(interaction, InteractionResponseType.ChannelMessageWithSource, callbackMessage(rendered(quick), ephemeral));
      interaction.replied = true;
      interaction.ephemeral = ephemeral;
      return;
    }
    // Slow answer: acknowledge now (Discord drops interactions not answered within 3 s).
    await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
    await interaction.editReply(messageOptions(rendered(await pending)));
  }

  async function share(interaction: ButtonInteraction): Promise<void> {
    const lang = langOfShare(interaction.customId) ?? langOfLocale(interaction.locale);
    const embeds = interaction.message.embeds.map((e) => e.toJSON());
    if (embeds.length === 0) {
      await interaction.reply({ content: ds(lang).nothingToShare, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    // The ephemeral answer loses its button first (one share per answer), then the channel gets
    // the very embeds the asker saw.
    await interaction.update({ components: [sharedRow(lang)], allowedMentions: { parse: [] } });
    await interaction.followUp({ embeds: sharedCopy(embeds, lang, displayNameOf(interaction)), components: [], allowedMentions: { parse: [], repliedUser: false } });
  }

  async function onMessage(message: Message): Promise<void> {
    const me = client.user;
    if (!me || message.author.bot || message.author.id === me.id || message.system || message.webhookId) return;
    const inDm = !message.guildId;
    const mention = new RegExp(`<@!?${me.id}>`, 'g');
    // In a server a question is addressed to the bot: an explicit mention, or a reply to one of its
    // answers with the mention on (Discord sends the content of both without the privileged
    // intent); @everyone and role mentions are not.
    const addressed = mention.test(message.content) || message.mentions.users.has(me.id);
    if (!inDm && !addressed) return;
    const text = message.content.replace(mention, ' ').trim();
    const channel: ChannelRef = {
      platform: 'discord',
      id: message.channelId,
      ...(message.guildId ? { workspace: message.guildId } : {}),
    };
    const asker: Asker = {
      platform: 'discord',
      channel,
      user: { id: message.author.id, name: message.member?.displayName ?? message.author.displayName },
      via: inDm ? 'dm' : 'mention',
      async isAdmin() {
        try {
          return message.member?.permissions.any(ADMIN_PERMISSIONS) ?? false;
        } catch {
          return false; // permissions unknown (member or roles not cached): refuse
        }
      },
    };
    const answer = await bot.answer(text, asker);
    if (answer.silent) return; // already told once; a flood of notices would be its own spam
    await message.reply(messageOptions(renderDiscord(answer)));
  }

  async function apologiseInteraction(interaction: Interaction, lang: Lang): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const body = { ...messageOptions(renderDiscord(apology(lang))), flags: MessageFlags.Ephemeral as const };
    if (interaction.deferred || interaction.replied) await interaction.followUp(body);
    else await interaction.reply(body);
  }

  return {
    async drain(timeoutMs) {
      draining = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
    },
  };
}

function inBotDm(interaction: ChatInputCommandInteraction): boolean {
  if (interaction.context !== null) return interaction.context === InteractionContextType.BotDM;
  return !interaction.guildId && interaction.channel?.type === ChannelType.DM;
}

function askerOfInteraction(interaction: ChatInputCommandInteraction): Asker {
  const channel: ChannelRef = {
    platform: 'discord',
    id: interaction.channelId,
    ...(interaction.guildId ? { workspace: interaction.guildId } : {}),
    ...(interaction.channel && 'name' in interaction.channel && interaction.channel.name
      ? { name: interaction.channel.name }
      : {}),
  };
  return {
    platform: 'discord',
    channel,
    user: { id: interaction.user.id, name: displayNameOf(interaction) },
    lang: langOfLocale(interaction.locale),
    via: 'command',
    // From the permissions Discord sends with this very interaction: always current.
    isAdmin: async () => interaction.memberPermissions?.any(ADMIN_PERMISSIONS) ?? false,
  };
}

function displayNameOf(interaction: ChatInputCommandInteraction | ButtonInteraction): string {
  const member = interaction.member;
  if (member && 'displayName' in member) return member.displayName;
  return member?.nick ?? interaction.user.displayName;
}

/** The apology a failed handler sends (the error itself is logged, never shown). */
function apology(lang: Lang): Reply {
  return { kind: 'error', lang, title: 'dealbot', intro: ds(lang).apology, items: [], lines: [], suggestions: [], shareable: false };
}

/** The value of `p` if it settles within `ms`, else undefined (p keeps running). */
async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined; // always defer
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
