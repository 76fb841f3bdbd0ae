// What /deal, its autocomplete and the Share button do, whichever way the interaction came: over
// the gateway (interactions.ts: the first response is a POST to the interaction callback) or to
// the Interactions Endpoint (http-interactions.ts: the first response is the HTTP answer itself).
// The first response goes through `respond`; anything after it (the edit of a deferred answer, a
// follow-up, removing a deferred reply) goes through REST on the interaction's webhook, which the
// interaction token authenticates. The delivery policy decides; this only sequences responses.
import { InteractionResponseType, MessageFlags, Routes, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed, type REST } from 'discord.js';
import type { Asker } from '../../core/bot.ts';
import type { Delivery, DeliveryPolicy, Question } from '../../core/delivery.ts';
import { langOfLocale as coreLangOf } from '../../core/language.ts';
import type { Lang } from '../../facts/schema.ts';
import { afterShare, modalOf, readModal, readRun, readVote, votesOnly } from './components.ts';
import { cut } from './escape.ts';
import { discordCapacity, renderDiscord, sharedButton, sharedCopy, sharedRow, type DiscordPayload } from './render.ts';
import { shareCustomId } from './share-ids.ts';

const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;
export const NO_MENTIONS = { parse: [], replied_user: false };

/** The interaction's first response (type and data), sent once. */
export type Respond = (type: InteractionResponseType, data?: unknown) => Promise<void>;

/** What addresses an interaction's webhook. */
export interface InteractionRef {
  applicationId: string;
  token: string;
}

export interface DealInteraction extends InteractionRef {
  text: string;
  asker: Asker;
  /** In the bot's own DM: only the asker can see anyway (a plain message that stays, no Share). */
  inDm: boolean;
  /** The asker set public:True. */
  publicHint: boolean;
  /** A message command ("Ask dealbot about this"): this command on the message's text, to the asker only, never echoed. */
  onMessage?: { command: string };
}

export interface ShareInteraction extends InteractionRef {
  asker: Asker;
  lang: Lang;
  /** The embeds of the message the button sits on: what the asker saw. */
  embeds: APIEmbed[];
  /** Its buttons (the votes stay; Share turns into "Shared in channel"). */
  components?: Row[];
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Mentions in someone else's message are who it was for, not what it says: left out of what is asked. */
export function withoutMentions(text: string): string {
  return text.replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The interaction's language for the bot's own words (a press, an apology): French or English. */
export function langOfLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** What an interaction tells of languages: its user's (locale) and its server's (guild_locale). */
export function platformLangs(locale: string | null | undefined, guildLocale: string | null | undefined): Pick<Asker, 'platformLang' | 'workspaceLang'> {
  const user = coreLangOf(locale);
  const guild = coreLangOf(guildLocale);
  return { platformLang: () => user, ...(guild ? { workspaceLang: guild } : {}) };
}

/** A message body as Discord's API takes it: our rendered JSON as it is, mentions never parsed. */
export function messageBody(payload: DiscordPayload, ephemeral: boolean) {
  return { embeds: payload.embeds, components: payload.components, allowed_mentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** How a Delivery looks as an interaction response: the Share button when the policy offers it. */
function payloadOf(d: Delivery): DiscordPayload {
  return renderDiscord(d.reply, d.offerShare ? { shareId: shareCustomId(d.reply.lang) } : {});
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

export function interactionFlow(policy: DeliveryPolicy, rest: REST, opts: { deferAfterMs: number }) {
  const webhook = (i: InteractionRef) => Routes.webhook(i.applicationId, i.token);
  const original = (i: InteractionRef) => Routes.webhookMessage(i.applicationId, i.token, '@original');

  /** Autocomplete choices for what is typed: labels in its language, else the asker's Discord language. */
  function choices(typed: string, locale: string | null | undefined): { name: string; value: string }[] {
    const out: { name: string; value: string }[] = [];
    const seen = new Set<string>();
    const lang = langOfLocale(locale);
    for (const s of policy.bot.suggest?.(typed, MAX_CHOICES, lang) ?? policy.bot.engine().suggest(typed, MAX_CHOICES, lang)) {
      const name = cut(s.label.trim(), MAX_CHOICE_CHARS);
      const value = cut(s.value.trim(), MAX_CHOICE_CHARS);
      if (!name || !value || seen.has(value)) continue;
      seen.add(value);
      out.push({ name, value });
      if (out.length === MAX_CHOICES) break;
    }
    return out;
  }

  async function deal(i: DealInteraction, respond: Respond): Promise<void> {
    const question: Question = i.onMessage
      ? { text: withoutMentions(i.text), asker: i.asker, via: 'shortcut', command: i.onMessage.command, quoted: true, private: true }
      : { text: i.text, asker: i.asker, via: 'command', public: i.inDm || i.publicHint, private: i.inDm, seenComesBack: true }; // a Share press carries the message seen
    const pending = policy.ask(question, discordCapacity);
    const quick = await within(pending, opts.deferAfterMs);
    if (quick !== SLOW) {
      if (quick) return respond(InteractionResponseType.ChannelMessageWithSource, messageBody(payloadOf(quick), quick.audience === 'asker' && !i.inDm));
      // Nothing to say (limited, already told): acknowledge, then remove the placeholder.
      await respond(InteractionResponseType.DeferredChannelMessageWithSource, { flags: MessageFlags.Ephemeral });
      await rest.delete(original(i), { auth: false });
      return;
    }
    // Slow answer: acknowledge now (Discord drops interactions not answered within 3 s).
    await respond(InteractionResponseType.DeferredChannelMessageWithSource, i.publicHint || i.inDm ? {} : { flags: MessageFlags.Ephemeral });
    const d = await pending;
    if (d && (d.audience === 'channel' || i.inDm || !i.publicHint)) {
      const { flags: _ignored, ...edit } = messageBody(payloadOf(d), false);
      await rest.patch(original(i), { body: edit, auth: false });
      return;
    }
    // Nothing to say, or a notice after a public placeholder: the placeholder goes, the notice stays private.
    await rest.delete(original(i), { auth: false });
    if (d) await rest.post(webhook(i), { body: messageBody(payloadOf(d), true), auth: false });
  }

  async function share(i: ShareInteraction, respond: Respond): Promise<void> {
    const outcome = await policy.share({ asker: i.asker, lang: i.lang, seenOnMessage: i.embeds.length > 0 });
    if (!outcome) return respond(InteractionResponseType.DeferredMessageUpdate); // nothing shown
    if ('notice' in outcome) return respond(InteractionResponseType.ChannelMessageWithSource, messageBody(payloadOf(outcome.notice), true));
    // The private answer loses its Share button first (one share per answer; its votes stay), then
    // the channel gets the very embeds the asker saw, with the votes of the same answer.
    const rows = i.components ?? [];
    await respond(InteractionResponseType.UpdateMessage, { components: rows.length ? afterShare(rows, sharedButton(i.lang)) : [sharedRow(i.lang)], allowed_mentions: NO_MENTIONS });
    const copy = outcome.post === 'seen' ? sharedCopy(i.embeds, i.lang, outcome.attribution.name) : renderDiscord(outcome.post, { attribution: outcome.attribution }).embeds;
    await rest.post(webhook(i), { body: { embeds: copy, components: votesOnly(rows), allowed_mentions: NO_MENTIONS }, auth: false });
  }

  /** 👍 / 👎: a thank-you (or why not) to the presser only; a 👎 opens the "what was missing?" modal. */
  async function vote(i: { asker: Asker; customId: string }, respond: Respond): Promise<void> {
    const pressed = readVote(i.customId);
    if (!pressed) return respond(InteractionResponseType.DeferredMessageUpdate);
    const outcome = await policy.vote({ asker: i.asker, answerId: pressed.answerId, vote: pressed.vote, lang: pressed.lang });
    if (outcome.form) return respond(InteractionResponseType.Modal, modalOf(outcome.form));
    if (outcome.notice) return respond(InteractionResponseType.ChannelMessageWithSource, messageBody(renderDiscord(outcome.notice.reply), true));
    return respond(InteractionResponseType.DeferredMessageUpdate);
  }

  /** A modal sent back (what was missing): kept with the 👎; the sender is thanked privately. */
  async function submit(i: { asker: Asker; customId: string; rows: readonly { components?: readonly { custom_id?: string; value?: string }[] }[] }, respond: Respond): Promise<void> {
    const form = readModal(i.customId, i.rows);
    if (!form) return respond(InteractionResponseType.DeferredMessageUpdate);
    const d = await policy.submit({ asker: i.asker, kind: form.kind, subject: form.subject, lang: form.lang, values: form.values });
    return respond(InteractionResponseType.ChannelMessageWithSource, messageBody(renderDiscord(d.reply), true));
  }

  /** A button running /deal words as its presser (in the channel it names, else here): the result to the presser only. */
  async function run(i: InteractionRef & { asker: Asker; customId: string }, respond: Respond): Promise<void> {
    const pressed = readRun(i.customId);
    if (!pressed) return respond(InteractionResponseType.DeferredMessageUpdate);
    const asker = pressed.channel ? { ...i.asker, channel: { ...i.asker.channel, id: pressed.channel } } : i.asker;
    const d = await policy.ask({ text: pressed.run, asker, via: 'command', private: true }, discordCapacity);
    if (!d) {
      await respond(InteractionResponseType.DeferredChannelMessageWithSource, { flags: MessageFlags.Ephemeral });
      await rest.delete(original(i), { auth: false });
      return;
    }
    await respond(InteractionResponseType.ChannelMessageWithSource, messageBody(payloadOf(d), true));
  }

  /** The one apology after a failure: the first response if none was sent (`respond`), else a follow-up. */
  async function apologise(i: InteractionRef, d: Delivery, respond: Respond | undefined): Promise<void> {
    const payload = messageBody(renderDiscord(d.reply), true);
    if (respond) await respond(InteractionResponseType.ChannelMessageWithSource, payload);
    else await rest.post(webhook(i), { body: payload, auth: false });
  }

  return { choices, deal, share, vote, submit, run, apologise };
}

export type InteractionFlow = ReturnType<typeof interactionFlow>;
