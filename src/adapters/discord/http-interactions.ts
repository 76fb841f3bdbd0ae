// Discord's Interactions Endpoint: POST /discord/interactions, on the shared HTTP port (Slack's
// HTTP mode, or one of its own with /healthz). Any replica answers /deal, its autocomplete and the
// Share button: Discord sends each interaction once, as JSON, signed with Ed25519
// (X-Signature-Ed25519 over X-Signature-Timestamp + body) by the application's key
// (DISCORD_PUBLIC_KEY). A missing or bad signature gets 401 before anything else is read, and so
// do a timestamp more than 5 minutes off and a signature already seen (a replay, refused through
// the store so every replica agrees); PING gets PONG (Discord checks both when the URL is saved).
// The body is read up to 128 KB (413 past it) and must fit the interaction schema (payloads.ts) or
// it gets 400. The first response is the HTTP answer itself; what follows it is the same flow as
// over the gateway (interaction-flow.ts).
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  PermissionsBitField,
  type APIApplicationCommandInteractionDataOption,
  type APIEmbed,
  type APIInteraction,
  type APIUser,
  type REST,
} from 'discord.js';
import type { Asker } from '../../core/bot.ts';
import type { DeliveryPolicy } from '../../core/delivery.ts';
import { BodyTooLargeError, readBody, refuseTooLarge } from '../../ops/http-server.ts';
import type { Logger } from '../../ops/log.ts';
import type { ReplayGuard } from '../contract.ts';
import { isRateLimited } from '../transport/rate-limit.ts';
import { DISCORD_ADMIN_RULE, isAdminBy } from './admin.ts';
import { DEAL_COMMAND, messageCommandOf, PUBLIC_OPTION, QUERY_OPTION } from './command-json.ts';
import { describeError } from './errors.ts';
import { FORM_PREFIX, RUN_PREFIX, VOTE_PREFIX } from './components.ts';
import { interactionFlow, langOfLocale, platformLangs, type InteractionRef, type Respond } from './interaction-flow.ts';
import { PLATFORM } from './messages.ts';
import { InteractionPayload, misfit } from './payloads.ts';
import { langOfShare, SHARE_PREFIX } from './share-ids.ts';

export { INTERACTIONS_PATH } from './paths.ts';

/** A request's timestamp may be this far from our clock, either way (s); a signature is remembered twice as long. */
export const DISCORD_TIMESTAMP_WINDOW_S = 5 * 60;

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
  policy: DeliveryPolicy;
  /** Discord's REST API (webhook edits and follow-ups; the interaction token authenticates them). */
  rest: REST;
  /** Signatures already seen (the store's, shared by replicas). */
  replays: ReplayGuard;
  logger: Logger;
  /** Answer in the HTTP response when ready within this time, else defer (default 1,000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
}

export interface InteractionsEndpoint {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Waits (bounded) for answers still being edited in; new requests get 503 from now on. */
  drain(timeoutMs: number): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** A timestamp (seconds, as Discord sends it) within the window around now. */
function fresh(timestamp: string, nowMs: number): boolean {
  const t = Number(timestamp);
  return Number.isInteger(t) && Math.abs(Math.floor(nowMs / 1000) - t) <= DISCORD_TIMESTAMP_WINDOW_S;
}

/** The `data` of the interactions we handle, as Discord sends it. */
interface InteractionData {
  name?: string;
  type?: number;
  custom_id?: string;
  options?: (APIApplicationCommandInteractionDataOption & { focused?: boolean })[];
  target_id?: string;
  resolved?: { messages?: Record<string, { content?: string }> };
  components?: { components?: { custom_id?: string; value?: string }[] }[];
}

type Rows = NonNullable<Parameters<ReturnType<typeof interactionFlow>['share']>[0]['components']>;

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

function askerOf(i: APIInteraction, via: string): Asker {
  const channelId = i.channel?.id ?? i.channel_id ?? '';
  const name = i.channel && 'name' in i.channel && i.channel.name ? i.channel.name : undefined;
  const u = userOf(i);
  const permissions = new PermissionsBitField(BigInt(i.member?.permissions ?? '0'));
  return {
    platform: PLATFORM,
    channel: { platform: PLATFORM, id: channelId, ...(i.guild_id ? { workspace: i.guild_id } : {}), ...(name ? { name } : {}) },
    user: { id: u?.id ?? 'unknown', name: i.member?.nick ?? u?.global_name ?? u?.username ?? 'someone' },
    // The asker's Discord language, then the server's, when the question does not tell (src/core/language.ts).
    ...platformLangs(localeOf(i), 'guild_locale' in i ? i.guild_locale : undefined),
    via,
    adminRule: DISCORD_ADMIN_RULE,
    // From the permissions Discord sends with this very interaction: always current.
    isAdmin: async () => isAdminBy(permissions),
  };
}

/** The first response as the HTTP answer, sent once; `sent` says whether it went. */
function httpRespond(res: ServerResponse): Respond & { sent(): boolean } {
  const respond = async (type: InteractionResponseType, data?: unknown) => send(res, 200, data === undefined ? { type } : { type, data });
  return Object.assign(respond, { sent: () => res.headersSent });
}

export function interactionsEndpoint(opts: InteractionsEndpointOptions): InteractionsEndpoint {
  const key = ed25519PublicKey(opts.publicKey);
  const log = opts.logger.child({ platform: PLATFORM });
  const flow = interactionFlow(opts.policy, opts.rest, { deferAfterMs: opts.deferAfterMs ?? 1000 });
  const inFlight = new Set<Promise<void>>();
  let draining = false;

  /** Runs an interaction's flow, tracked for shutdown; a failure gets the policy's one apology. */
  function track(i: APIInteraction, res: ServerResponse, work: (respond: Respond) => Promise<void>): void {
    const respond = httpRespond(res);
    const ref: InteractionRef = { applicationId: opts.applicationId, token: i.token };
    const p = work(respond)
      .catch(async (err: unknown) => {
        log.error({ ...describeError(err), type: i.type }, 'discord: interaction failed');
        if (isRateLimited(err) && respond.sent()) return; // Discord is refusing us: an apology would be refused too
        await flow
          .apologise(ref, opts.policy.apology(langOfLocale(localeOf(i))), respond.sent() ? undefined : respond)
          .catch((again: unknown) => log.warn({ ...describeError(again), type: i.type }, 'discord: apology failed'));
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  function route(i: APIInteraction, res: ServerResponse): void {
    const data = (i as { data?: InteractionData }).data;
    switch (i.type) {
      case InteractionType.Ping:
        return send(res, 200, { type: InteractionResponseType.Pong });
      case InteractionType.ApplicationCommandAutocomplete: {
        const focused = data?.options?.find((o) => o.focused);
        const typed = focused?.name === QUERY_OPTION && focused.type === ApplicationCommandOptionType.String ? String(focused.value ?? '') : undefined;
        return send(res, 200, { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: typed === undefined ? [] : flow.choices(typed, localeOf(i)) } });
      }
      case InteractionType.ApplicationCommand: {
        // "Ask dealbot about this" on a message: its text (in `resolved`) asked of its command, to the asker only.
        const onMessage = data?.type === ApplicationCommandType.Message ? messageCommandOf(opts.policy.bot.commands, data.name ?? '') : undefined;
        if (onMessage) {
          const text = data?.resolved?.messages?.[data.target_id ?? '']?.content ?? '';
          return track(i, res, (respond) =>
            flow.deal({ applicationId: opts.applicationId, token: i.token, text, asker: askerOf(i, 'shortcut'), inDm: false, publicHint: false, onMessage: { command: onMessage.name } }, respond),
          );
        }
        if (data?.name !== DEAL_COMMAND) break;
        return track(i, res, (respond) =>
          flow.deal(
            {
              applicationId: opts.applicationId,
              token: i.token,
              text: String(optionValue(data.options, QUERY_OPTION) ?? ''),
              asker: askerOf(i, 'command'),
              inDm: i.context === InteractionContextType.BotDM,
              publicHint: optionValue(data.options, PUBLIC_OPTION) === true,
            },
            respond,
          ),
        );
      }
      case InteractionType.MessageComponent: {
        const customId = data?.custom_id ?? '';
        const ref = { applicationId: opts.applicationId, token: i.token };
        if (customId.startsWith(VOTE_PREFIX)) return track(i, res, (respond) => flow.vote({ asker: askerOf(i, 'button'), customId }, respond));
        if (customId.startsWith(RUN_PREFIX)) return track(i, res, (respond) => flow.run({ ...ref, asker: askerOf(i, 'button'), customId }, respond));
        if (!customId.startsWith(SHARE_PREFIX)) break;
        const message = (i as { message?: { embeds?: APIEmbed[]; components?: Rows } }).message;
        const lang = langOfShare(customId) ?? langOfLocale(localeOf(i));
        return track(i, res, (respond) => flow.share({ ...ref, asker: askerOf(i, 'share'), lang, embeds: message?.embeds ?? [], components: message?.components ?? [] }, respond));
      }
      case InteractionType.ModalSubmit: {
        const customId = data?.custom_id ?? '';
        if (!customId.startsWith(FORM_PREFIX)) break;
        return track(i, res, (respond) => flow.submit({ asker: askerOf(i, 'form'), customId, rows: data?.components ?? [] }, respond));
      }
    }
    send(res, 400, { error: 'unknown interaction' });
  }

  /** Why a signed request is refused (401), or undefined when it may go on. */
  async function refusal(req: IncomingMessage, body: Buffer): Promise<string | undefined> {
    const sig = req.headers['x-signature-ed25519'];
    const ts = req.headers['x-signature-timestamp'];
    if (typeof sig !== 'string' || typeof ts !== 'string' || !verifyInteraction(key, sig, ts, body)) return 'invalid request signature';
    if (!fresh(ts, Date.now())) return 'timestamp too old or in the future';
    if (!(await opts.replays.firstSeen(`${PLATFORM}:${sig.toLowerCase()}`, 2 * DISCORD_TIMESTAMP_WINDOW_S * 1000))) return 'replayed request';
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return refuseTooLarge(req, res, err.limit);
      throw err;
    }
    // Nothing is parsed, let alone run, before the signature holds.
    const refused = await refusal(req, body);
    if (refused) {
      if (refused !== 'invalid request signature') log.warn({ why: refused }, 'discord: interaction refused (401)');
      return send(res, 401, { error: refused });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, 400, { error: 'not JSON' });
    }
    const why = misfit(InteractionPayload, parsed);
    if (why) {
      log.warn({ why }, 'discord: interaction that does not fit its schema dropped (400)');
      return send(res, 400, { error: 'unexpected interaction' });
    }
    const interaction = parsed as APIInteraction;
    if (draining && interaction.type !== InteractionType.Ping) return send(res, 503, { error: 'shutting down' });
    route(interaction, res);
  }

  return {
    handle(req, res) {
      handle(req, res).catch((err: unknown) => {
        log.error({ err }, 'discord: interactions endpoint failed');
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
      });
    },
    async drain(timeoutMs) {
      draining = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}
