// Discord's Interactions Endpoint: POST /discord/interactions, on the same port as Slack's HTTP
// mode and /healthz. Any replica answers /deal, its autocomplete and the Share button: Discord
// sends each interaction once, as JSON, signed with Ed25519 (X-Signature-Ed25519 over
// X-Signature-Timestamp + body) by the application's key (DISCORD_PUBLIC_KEY). A missing or bad
// signature gets 401 before anything else is read; PING gets PONG (Discord checks both when the
// URL is saved). The first response is the HTTP answer itself; a slow answer is deferred (type 5)
// and its message edited through the interaction's webhook, which the interaction token
// authenticates (no bot token needed).
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandInteractionDataOption,
  type APIEmbed,
  type APIInteraction,
  type APIUser,
  type REST,
} from 'discord.js';
import type { Asker, Bot } from '../../core/bot.ts';
import type { Reply } from '../../core/reply.ts';
import type { Lang } from '../../facts/schema.ts';
import type { Logger } from '../../ops/log.ts';
import { DEAL_COMMAND, PUBLIC_OPTION, QUERY_OPTION } from './command-json.ts';
import { describeError } from './errors.ts';
import { cut } from './escape.ts';
import { langOfLocale } from './handlers.ts';
import { renderDiscord, sharedCopy, sharedRow, type DiscordPayload } from './render.ts';
import { langOfShare, SHARE_PREFIX, shareCustomId } from './share-ids.ts';
import { ds } from './strings.ts';

export { INTERACTIONS_PATH } from './paths.ts';
/** Interactions are small JSON; anything bigger is not Discord. */
const MAX_BODY_BYTES = 256 * 1024;
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;
const NO_MENTIONS = { parse: [], replied_user: false };
const ADMIN = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageChannels;

/** The application's public key (64 hex characters) as a key Node's crypto verifies Ed25519 with. */
export function ed25519PublicKey(hex: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

/** Discord's check: the Ed25519 signature (hex) of timestamp + raw body. Never throws. */
export function verifyInteraction(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signature || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signature)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}

export interface InteractionsEndpointOptions {
  publicKey: string;
  applicationId: string;
  bot: Bot;
  /** Discord's REST API (webhook edits and follow-ups; the interaction token authenticates them). */
  rest: REST;
  logger: Logger;
  /** Answer in the HTTP response when ready within this time, else defer (default 1,000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
}

export interface InteractionsEndpoint {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Waits (bounded) for deferred answers still being edited in; new requests get 503 from now on. */
  drain(timeoutMs: number): Promise<void>;
}

type Json = Record<string, unknown>;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A message body as an interaction response or webhook edit takes it: our rendered JSON, mentions never parsed. */
function messageBody(payload: DiscordPayload, ephemeral: boolean) {
  return { embeds: payload.embeds, components: payload.components, allowed_mentions: NO_MENTIONS, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

function apology(lang: Lang): Reply {
  return { kind: 'error', lang, title: 'dealbot', intro: ds(lang).apology, items: [], lines: [], suggestions: [], shareable: false };
}

/** The asker's Discord language (a PING has none). */
function localeOf(i: APIInteraction): string | undefined {
  return 'locale' in i ? i.locale : undefined;
}

function optionValue(options: readonly APIApplicationCommandInteractionDataOption[] | undefined, name: string): unknown {
  const o = options?.find((x) => x.name === name);
  return o && 'value' in o ? o.value : undefined;
}

function userOf(i: APIInteraction): APIUser | undefined {
  return i.member?.user ?? i.user;
}

function displayName(i: APIInteraction): string {
  const u = userOf(i);
  return i.member?.nick ?? u?.global_name ?? u?.username ?? 'someone';
}

function askerOf(i: APIInteraction, via: string): Asker {
  const channelId = i.channel?.id ?? i.channel_id ?? '';
  const name = i.channel && 'name' in i.channel && i.channel.name ? i.channel.name : undefined;
  const permissions = BigInt(i.member?.permissions ?? '0');
  return {
    platform: 'discord',
    channel: { platform: 'discord', id: channelId, ...(i.guild_id ? { workspace: i.guild_id } : {}), ...(name ? { name } : {}) },
    user: { id: userOf(i)?.id ?? 'unknown', name: displayName(i) },
    lang: langOfLocale(localeOf(i)),
    via,
    // From the permissions Discord sends with this very interaction: always current.
    isAdmin: async () => (permissions & ADMIN) !== 0n,
  };
}

/** The value of `p` if it settles within `ms`, else undefined (p keeps running). */
async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export function interactionsEndpoint(opts: InteractionsEndpointOptions): InteractionsEndpoint {
  const key = ed25519PublicKey(opts.publicKey);
  const log = opts.logger.child({ platform: 'discord' });
  const deferAfterMs = opts.deferAfterMs ?? 1000;
  const later = new Set<Promise<void>>();
  let draining = false;
  const original = (token: string) => Routes.webhookMessage(opts.applicationId, token, '@original');
  const followUp = (token: string) => Routes.webhook(opts.applicationId, token);

  /** Work after the HTTP response (edits, follow-ups), tracked for shutdown. */
  function afterwards(what: string, lang: Lang, token: string, work: () => Promise<void>): void {
    const p = work()
      .catch(async (err: unknown) => {
        log.error({ ...describeError(err), event: what }, 'discord: interaction follow-up failed');
        await opts.rest
          .post(followUp(token), { body: messageBody(renderDiscord(apology(lang)), true), auth: false })
          .catch((again: unknown) => log.warn({ ...describeError(again), event: what }, 'discord: apology failed'));
      })
      .finally(() => later.delete(p));
    later.add(p);
  }

  function autocomplete(i: APIInteraction): Json {
    const data = (i as { data?: { options?: (APIApplicationCommandInteractionDataOption & { focused?: boolean })[] } }).data;
    const focused = data?.options?.find((o) => o.focused);
    const choices: { name: string; value: string }[] = [];
    if (focused?.name === QUERY_OPTION && focused.type === ApplicationCommandOptionType.String) {
      const seen = new Set<string>();
      // Labels in the language typed, else in the asker's Discord language.
      for (const s of opts.bot.engine().suggest(String(focused.value ?? ''), MAX_CHOICES, langOfLocale(localeOf(i)))) {
        const name = cut(s.label.trim(), MAX_CHOICE_CHARS);
        const value = cut(s.value.trim(), MAX_CHOICE_CHARS);
        if (!name || !value || seen.has(value)) continue;
        seen.add(value);
        choices.push({ name, value });
        if (choices.length === MAX_CHOICES) break;
      }
    }
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } };
  }

  async function deal(i: APIInteraction, res: ServerResponse): Promise<void> {
    const options = (i as { data?: { options?: APIApplicationCommandInteractionDataOption[] } }).data?.options;
    const inDm = i.context === InteractionContextType.BotDM;
    // In the bot's own DM only the asker can see anyway: a plain message, no Share.
    const isPublic = inDm || optionValue(options, PUBLIC_OPTION) === true;
    const rendered = (r: Reply) => renderDiscord(r, isPublic || !r.shareable || r.silent ? {} : { shareId: shareCustomId(r.lang) });
    const pending = opts.bot.answer(String(optionValue(options, QUERY_OPTION) ?? ''), askerOf(i, 'command'));
    const quick = await within(pending, deferAfterMs);
    if (quick) {
      // An interaction must be answered: a "silent" reply (rate-limited repeat) goes to the asker only.
      send(res, 200, { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(rendered(quick), !isPublic || quick.silent === true) });
      return;
    }
    // Slow answer: acknowledge now (Discord drops interactions not answered within 3 s), edit it in later.
    send(res, 200, { type: InteractionResponseType.DeferredChannelMessageWithSource, data: isPublic ? {} : { flags: MessageFlags.Ephemeral } });
    afterwards('deal', langOfLocale(localeOf(i)), i.token, async () => {
      const { flags: _none, ...edit } = messageBody(rendered(await pending), false);
      await opts.rest.patch(original(i.token), { body: edit, auth: false });
    });
  }

  function share(i: APIInteraction, res: ServerResponse): void {
    const data = (i as { data?: { custom_id?: string } }).data;
    const lang = langOfShare(data?.custom_id ?? '') ?? langOfLocale(localeOf(i));
    const embeds = ((i as { message?: { embeds?: APIEmbed[] } }).message?.embeds ?? []) as APIEmbed[];
    if (embeds.length === 0) {
      send(res, 200, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: ds(lang).nothingToShare, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS } });
      return;
    }
    // The private answer loses its button first (one share per answer), then the channel gets the very embeds the asker saw.
    send(res, 200, { type: InteractionResponseType.UpdateMessage, data: { components: [sharedRow(lang)], allowed_mentions: NO_MENTIONS } });
    afterwards('share', lang, i.token, async () => {
      await opts.rest.post(followUp(i.token), { body: { embeds: sharedCopy(embeds, lang, displayName(i)), components: [], allowed_mentions: NO_MENTIONS }, auth: false });
    });
  }

  async function route(i: APIInteraction, res: ServerResponse): Promise<void> {
    switch (i.type) {
      case InteractionType.Ping:
        return send(res, 200, { type: InteractionResponseType.Pong });
      case InteractionType.ApplicationCommandAutocomplete:
        return send(res, 200, autocomplete(i));
      case InteractionType.ApplicationCommand:
        if (i.data.name === DEAL_COMMAND) return deal(i, res);
        break;
      case InteractionType.MessageComponent:
        if (i.data.custom_id.startsWith(SHARE_PREFIX)) return share(i, res);
        break;
    }
    send(res, 400, { error: 'unknown interaction' });
  }

  return {
    handle(req, res) {
      void (async () => {
        if (req.method !== 'POST') {
          res.writeHead(405, { allow: 'POST' }).end();
          return;
        }
        const body = await readBody(req);
        if (!body) return send(res, 413, { error: 'request too large' });
        // Nothing is parsed, let alone run, before the signature holds.
        const sig = req.headers['x-signature-ed25519'];
        const ts = req.headers['x-signature-timestamp'];
        if (!verifyInteraction(key, typeof sig === 'string' ? sig : undefined, typeof ts === 'string' ? ts : undefined, body)) {
          return send(res, 401, { error: 'invalid request signature' });
        }
        let interaction: APIInteraction;
        try {
          interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
        } catch {
          return send(res, 400, { error: 'not JSON' });
        }
        if (draining && interaction.type !== InteractionType.Ping) return send(res, 503, { error: 'shutting down' });
        try {
          await route(interaction, res);
        } catch (err) {
          log.error({ ...describeError(err), type: interaction.type }, 'discord: interaction failed');
          if (!res.headersSent) send(res, 200, { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(renderDiscord(apology(langOfLocale(localeOf(interaction)))), true) });
        }
      })().catch((err: unknown) => {
        log.error({ err }, 'discord: interactions endpoint failed');
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
      });
    },
    async drain(timeoutMs) {
      draining = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.allSettled([...later]), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}
