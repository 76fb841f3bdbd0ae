// Interactions over the gateway, through public APIs only: the first response is one POST to the
// interaction callback (our kept-alive poster, callback.ts); what follows it is the shared flow's
// (interaction-flow.ts, REST on the interaction's webhook). Whether an interaction was answered is
// our own state here, never written into discord.js objects.
import {
  ChannelType,
  InteractionContextType,
  InteractionResponseType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Asker } from '../../core/bot.ts';
import type { Delivery, DeliveryPolicy } from '../../core/delivery.ts';
import { DISCORD_ADMIN_RULE, isAdminBy } from './admin.ts';
import { interactionCallbacks } from './callback.ts';
import { PUBLIC_OPTION, QUERY_OPTION } from './command-json.ts';
import { interactionFlow, langOfLocale, platformLangs, type Respond } from './interaction-flow.ts';
import { PLATFORM } from './messages.ts';
import { langOfShare } from './share-ids.ts';

export { langOfLocale };

/** Discord refuses an interaction's first response after 3 s. */
const RESPONSE_WINDOW_MS = 3000;

export function interactionHandlers(client: Client, policy: DeliveryPolicy, opts: { deferAfterMs: number }) {
  const postCallback = interactionCallbacks(client.rest);
  const flow = interactionFlow(policy, client.rest, opts);
  /** When each interaction arrived and whether we answered it (the apology follows up then). */
  const state = new WeakMap<Interaction, { at: number; answered: boolean }>();

  function received(i: Interaction): void {
    state.set(i, { at: Date.now(), answered: false });
  }

  /** The first response, as a callback POST (within Discord's 3 s window). */
  const respond =
    (i: Interaction): Respond =>
    async (type, data) => {
      const s = state.get(i);
      await postCallback(i.id, i.token, data === undefined ? { type } : { type, data }, s ? s.at + RESPONSE_WINDOW_MS : undefined);
      if (s) s.answered = true;
    };

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const choices = focused.name === QUERY_OPTION ? flow.choices(String(focused.value), i.locale) : [];
    await respond(i)(InteractionResponseType.ApplicationCommandAutocompleteResult, { choices });
  }

  async function deal(i: ChatInputCommandInteraction): Promise<void> {
    const ref = { applicationId: i.applicationId, token: i.token };
    await flow.deal(
      { ...ref, text: i.options.getString(QUERY_OPTION) ?? '', asker: askerOf(i), inDm: inBotDm(i), publicHint: i.options.getBoolean(PUBLIC_OPTION) ?? false },
      respond(i),
    );
  }

  async function share(i: ButtonInteraction): Promise<void> {
    const lang = langOfShare(i.customId) ?? langOfLocale(i.locale);
    const embeds = i.message.embeds.map((e) => e.toJSON());
    const components = i.message.components.map((row) => row.toJSON()) as NonNullable<Parameters<typeof flow.share>[0]['components']>;
    await flow.share({ applicationId: i.applicationId, token: i.token, asker: askerOf(i), lang, embeds, components }, respond(i));
  }

  /** "Ask dealbot about this" on a message: the message's text asked of its command, to the asker only. */
  async function onMessage(i: MessageContextMenuCommandInteraction, command: string): Promise<void> {
    await flow.deal({ applicationId: i.applicationId, token: i.token, text: i.targetMessage.content, asker: askerOf(i), inDm: false, publicHint: false, onMessage: { command } }, respond(i));
  }

  const vote = (i: ButtonInteraction) => flow.vote({ asker: askerOf(i), customId: i.customId }, respond(i));
  const run = (i: ButtonInteraction) => flow.run({ applicationId: i.applicationId, token: i.token, asker: askerOf(i), customId: i.customId }, respond(i));
  // discord.js hands the text inputs back as { customId, value }: as Discord's JSON again.
  const submit = (i: ModalSubmitInteraction) =>
    flow.submit({ asker: askerOf(i), customId: i.customId, rows: i.components.map((row) => ({ components: 'components' in row ? row.components.map((c) => ({ custom_id: c.customId, value: c.value })) : [] })) }, respond(i));

  /** The one apology after a failure: the first response if none was sent, else a follow-up. */
  async function apologise(i: Interaction, d: Delivery): Promise<void> {
    const answered = state.get(i)?.answered ?? false;
    if (i.isAutocomplete()) {
      if (!answered) await respond(i)(InteractionResponseType.ApplicationCommandAutocompleteResult, { choices: [] });
      return;
    }
    if (!i.isRepliable()) return;
    await flow.apologise({ applicationId: i.applicationId, token: i.token }, d, answered ? undefined : respond(i));
  }

  return { received, autocomplete, deal, share, onMessage, vote, run, submit, apologise };
}

function inBotDm(i: ChatInputCommandInteraction): boolean {
  if (i.context !== null) return i.context === InteractionContextType.BotDM;
  return !i.guildId && i.channel?.type === ChannelType.DM;
}

type Asked = ChatInputCommandInteraction | ButtonInteraction | MessageContextMenuCommandInteraction | ModalSubmitInteraction;

function askerOf(i: Asked): Asker {
  return {
    platform: PLATFORM,
    channel: {
      platform: PLATFORM,
      id: i.channelId ?? '',
      ...(i.guildId ? { workspace: i.guildId } : {}),
      ...(i.channel && 'name' in i.channel && i.channel.name ? { name: i.channel.name } : {}),
    },
    user: { id: i.user.id, name: displayNameOf(i) },
    // The asker's Discord language, then the server's, when the question does not tell (src/core/language.ts).
    ...platformLangs(i.locale, i.guildLocale),
    via: i.isButton() ? 'button' : i.isMessageContextMenuCommand() ? 'shortcut' : 'command',
    adminRule: DISCORD_ADMIN_RULE,
    // From the permissions Discord sends with this very interaction: always current.
    isAdmin: async () => isAdminBy(i.memberPermissions),
  };
}

function displayNameOf(i: Asked): string {
  const member = i.member;
  if (member && 'displayName' in member) return member.displayName;
  return member?.nick ?? i.user.displayName;
}
