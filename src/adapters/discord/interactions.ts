// Interactions through public APIs only: the first response is one POST to the interaction
// callback (our kept-alive poster, callback.ts); anything after it (the edit of a deferred answer,
// a follow-up, removing a deferred reply) goes through client.rest on the interaction's webhook.
// Whether an interaction was answered is our own state here, never written into discord.js objects.
import {
  ChannelType,
  InteractionContextType,
  InteractionResponseType,
  MessageFlags,
  Routes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
} from 'discord.js';
import type { Asker } from '../../core/bot.ts';
import type { Delivery, DeliveryPolicy } from '../../core/delivery.ts';
import type { Lang } from '../../facts/schema.ts';
import { DISCORD_ADMIN_RULE, isAdminBy } from './admin.ts';
import { interactionCallbacks } from './callback.ts';
import { PUBLIC_OPTION, QUERY_OPTION } from './command-json.ts';
import { cut } from './escape.ts';
import { PLATFORM } from './messages.ts';
import { discordCapacity, renderDiscord, sharedCopy, sharedRow, type DiscordPayload } from './render.ts';
import { langOfShare, shareCustomId } from './share-ids.ts';

/** Discord refuses an interaction's first response after 3 s. */
const RESPONSE_WINDOW_MS = 3000;
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;
const NO_MENTIONS = { parse: [], replied_user: false };

export function langOfLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** A message body as Discord's API takes it: our rendered JSON as it is, mentions never parsed. */
function body(payload: DiscordPayload, ephemeral: boolean) {
  return { embeds: payload.embeds, components: payload.components, allowed_mentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** How a Delivery looks as an interaction response: ephemeral for the asker, the Share button when offered. */
function payloadOf(d: Delivery): DiscordPayload {
  return renderDiscord(d.reply, d.offerShare ? { shareId: shareCustomId(d.reply.lang) } : {});
}

export function interactionHandlers(client: Client, policy: DeliveryPolicy, opts: { deferAfterMs: number }) {
  const postCallback = interactionCallbacks(client.rest);
  /** When each interaction arrived and whether we answered it (the apology follows up then). */
  const state = new WeakMap<Interaction, { at: number; answered: boolean }>();

  function received(i: Interaction): void {
    state.set(i, { at: Date.now(), answered: false });
  }

  async function callback(i: Interaction, type: InteractionResponseType, data?: unknown): Promise<void> {
    const s = state.get(i);
    await postCallback(i.id, i.token, data === undefined ? { type } : { type, data }, s ? s.at + RESPONSE_WINDOW_MS : undefined);
    if (s) s.answered = true;
  }

  const webhook = (i: Interaction) => Routes.webhook(i.applicationId, i.token);
  const original = (i: Interaction) => Routes.webhookMessage(i.applicationId, i.token, '@original');

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const choices: { name: string; value: string }[] = [];
    if (focused.name === QUERY_OPTION) {
      const seen = new Set<string>();
      // Labels in the language typed, else in the asker's Discord language.
      for (const s of policy.bot.engine().suggest(String(focused.value), MAX_CHOICES, langOfLocale(i.locale))) {
        const name = cut(s.label.trim(), MAX_CHOICE_CHARS);
        const value = cut(s.value.trim(), MAX_CHOICE_CHARS);
        if (!name || !value || seen.has(value)) continue;
        seen.add(value);
        choices.push({ name, value });
        if (choices.length === MAX_CHOICES) break;
      }
    }
    await callback(i, InteractionResponseType.ApplicationCommandAutocompleteResult, { choices });
  }

  async function deal(i: ChatInputCommandInteraction): Promise<void> {
    const inDm = inBotDm(i);
    // In the bot's own DM only the asker can see anyway: a plain message that stays, no Share.
    const pending = policy.ask(
      {
        text: i.options.getString(QUERY_OPTION) ?? '',
        asker: askerOf(i),
        via: 'command',
        public: inDm || (i.options.getBoolean(PUBLIC_OPTION) ?? false),
        private: inDm,
        seenComesBack: true, // a Share press carries the message the asker saw
      },
      discordCapacity,
    );
    const quick = await within(pending, opts.deferAfterMs);
    if (quick !== SLOW) {
      if (quick) return callback(i, InteractionResponseType.ChannelMessageWithSource, body(payloadOf(quick), quick.audience === 'asker' && !inDm));
      // Nothing to say (limited, already told): acknowledge, then remove the placeholder.
      await callback(i, InteractionResponseType.DeferredChannelMessageWithSource, { flags: MessageFlags.Ephemeral });
      await client.rest.delete(original(i), { auth: false });
      return;
    }
    // Slow answer: acknowledge now (Discord drops interactions not answered within 3 s).
    const publicHint = i.options.getBoolean(PUBLIC_OPTION) ?? false;
    await callback(i, InteractionResponseType.DeferredChannelMessageWithSource, publicHint || inDm ? {} : { flags: MessageFlags.Ephemeral });
    const d = await pending;
    if (d && (d.audience === 'channel' || inDm || !publicHint)) {
      const { flags: _ignored, ...edit } = body(payloadOf(d), false);
      await client.rest.patch(original(i), { body: edit, auth: false });
      return;
    }
    // Nothing to say, or a notice after a public placeholder: the placeholder goes, the notice stays private.
    await client.rest.delete(original(i), { auth: false });
    if (d) await client.rest.post(webhook(i), { body: body(payloadOf(d), true), auth: false });
  }

  async function share(i: ButtonInteraction): Promise<void> {
    const lang = langOfShare(i.customId) ?? langOfLocale(i.locale);
    const embeds = i.message.embeds.map((e) => e.toJSON());
    const outcome = await policy.share({ asker: askerOf(i), lang, seenOnMessage: embeds.length > 0 });
    if (!outcome) return callback(i, InteractionResponseType.DeferredMessageUpdate); // nothing shown
    if ('notice' in outcome) return callback(i, InteractionResponseType.ChannelMessageWithSource, body(payloadOf(outcome.notice), true));
    // The private answer loses its button first (one share per answer), then the channel gets the
    // very embeds the asker saw.
    await callback(i, InteractionResponseType.UpdateMessage, { components: [sharedRow(lang)], allowed_mentions: NO_MENTIONS });
    const copy = outcome.post === 'seen' ? sharedCopy(embeds, lang, outcome.attribution.name) : renderDiscord(outcome.post, { attribution: outcome.attribution }).embeds;
    await client.rest.post(webhook(i), { body: { embeds: copy, components: [], allowed_mentions: NO_MENTIONS }, auth: false });
  }

  /** The one apology after a failure: the first response if none was sent, else a follow-up. */
  async function apologise(i: Interaction, d: Delivery): Promise<void> {
    if (i.isAutocomplete()) {
      if (!state.get(i)?.answered) await callback(i, InteractionResponseType.ApplicationCommandAutocompleteResult, { choices: [] });
      return;
    }
    if (!i.isRepliable()) return;
    const payload = body(renderDiscord(d.reply), true);
    if (state.get(i)?.answered) await client.rest.post(webhook(i), { body: payload, auth: false });
    else await callback(i, InteractionResponseType.ChannelMessageWithSource, payload);
  }

  return { received, autocomplete, deal, share, apologise };
}

function inBotDm(i: ChatInputCommandInteraction): boolean {
  if (i.context !== null) return i.context === InteractionContextType.BotDM;
  return !i.guildId && i.channel?.type === ChannelType.DM;
}

function askerOf(i: ChatInputCommandInteraction | ButtonInteraction): Asker {
  return {
    platform: PLATFORM,
    channel: {
      platform: PLATFORM,
      id: i.channelId,
      ...(i.guildId ? { workspace: i.guildId } : {}),
      ...(i.channel && 'name' in i.channel && i.channel.name ? { name: i.channel.name } : {}),
    },
    user: { id: i.user.id, name: displayNameOf(i) },
    lang: langOfLocale(i.locale),
    via: i.isButton() ? 'share' : 'command',
    adminRule: DISCORD_ADMIN_RULE,
    // From the permissions Discord sends with this very interaction: always current.
    isAdmin: async () => isAdminBy(i.memberPermissions),
  };
}

function displayNameOf(i: ChatInputCommandInteraction | ButtonInteraction): string {
  const member = i.member;
  if (member && 'displayName' in member) return member.displayName;
  return member?.nick ?? i.user.displayName;
}

const SLOW = Symbol('slow');

/** The value of `p` if it settles within `ms`, else SLOW (p keeps running). */
async function within<T>(p: Promise<T>, ms: number): Promise<T | typeof SLOW> {
  if (ms <= 0) return SLOW; // always defer
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<typeof SLOW>((resolve) => (timer = setTimeout(() => resolve(SLOW), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
