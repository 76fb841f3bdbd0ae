// The Discord payloads dealbot acts on, checked at the boundary before anything reads them:
// interactions (/deal, its autocomplete, the Share button), whether they come to the Interactions
// Endpoint or over the gateway, and the messages of MESSAGE_CREATE. A payload that does not fit is
// logged and dropped — never handed to discord.js's structures or our handlers, where a number in
// place of a string would throw. Only the fields we and discord.js read are checked; anything else
// Discord adds passes through.
import { SimpleShardingStrategy, type WebSocketOptions } from 'discord.js';
import { z } from 'zod';
import type { Logger } from '../../ops/log.ts';

const snowflake = z.string().regex(/^\d{1,25}$/, 'a snowflake');

const User = z.looseObject({ id: snowflake, username: z.string(), bot: z.boolean().optional(), global_name: z.string().nullish() });
const Member = z.looseObject({ user: User.optional(), nick: z.string().nullish(), roles: z.array(snowflake), permissions: z.string().optional() });

const Option = z.looseObject({
  name: z.string(),
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});
const CommandData = z.looseObject({ id: snowflake.optional(), name: z.string(), type: z.number().int(), options: z.array(Option).optional() });

const EmbedField = z.looseObject({ name: z.string(), value: z.string(), inline: z.boolean().optional() });
const Embed = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  fields: z.array(EmbedField).optional(),
  footer: z.looseObject({ text: z.string() }).optional(),
});

/** A message as Discord sends it in MESSAGE_CREATE and on a button press. */
export const MessagePayload = z.looseObject({
  id: snowflake,
  channel_id: snowflake,
  guild_id: snowflake.optional(),
  author: User,
  content: z.string(),
  type: z.number().int(),
  timestamp: z.string(),
  mentions: z.array(User),
  mention_roles: z.array(snowflake),
  embeds: z.array(Embed),
  attachments: z.array(z.unknown()),
  webhook_id: snowflake.optional(),
  member: z.looseObject({ roles: z.array(snowflake) }).optional(),
});

/** What every interaction carries: who, where, and the token its responses use. */
const InteractionBase = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1),
  version: z.number().int(),
  locale: z.string().optional(),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.looseObject({ id: snowflake }).optional(),
  member: Member.optional(),
  user: User.optional(),
  context: z.number().int().nullish(),
  entitlements: z.array(z.unknown()),
  authorizing_integration_owners: z.record(z.string(), z.unknown()),
};

const withAsker = <T extends z.ZodType<{ member?: unknown; user?: unknown }>>(schema: T) =>
  schema.refine((i) => i.member !== undefined || i.user !== undefined, { message: 'neither member nor user' });

/**
 * The interactions dealbot serves: PING (endpoint only), /deal and the message command, a button press,
 * /deal's autocomplete, and a submitted form ("what was missing?" after a 👎).
 */
export const InteractionPayload = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal(1), id: snowflake, application_id: snowflake }),
  withAsker(z.looseObject({ type: z.literal(2), ...InteractionBase, data: CommandData })),
  withAsker(z.looseObject({ type: z.literal(3), ...InteractionBase, data: z.looseObject({ custom_id: z.string().max(100), component_type: z.number().int() }), message: MessagePayload })),
  withAsker(z.looseObject({ type: z.literal(4), ...InteractionBase, data: CommandData })),
  withAsker(z.looseObject({ type: z.literal(5), ...InteractionBase, data: z.looseObject({ custom_id: z.string().max(100), components: z.array(z.unknown()) }) })),
]);
export type InteractionPayload = z.infer<typeof InteractionPayload>;

/** Why a payload does not fit (the first few problems, for the log), or undefined when it does. */
export function misfit(schema: z.ZodType, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  return r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
}

type BuildStrategy = NonNullable<WebSocketOptions['buildStrategy']>;
/** @discordjs/ws's gateway manager (discord.js exports its own class under the same name). */
type GatewayManager = Parameters<BuildStrategy>[0];
/** @discordjs/ws's WebSocketShardEvents.Dispatch (discord.js shadows that enum with its own). */
const DISPATCH = 'dispatch';

/** Gateway dispatches checked before discord.js builds anything from them. */
const CHECKED: Record<string, z.ZodType> = { MESSAGE_CREATE: MessagePayload, INTERACTION_CREATE: InteractionPayload };

/**
 * discord.js's `ws.buildStrategy` (a public client option): its own sharding strategy, over a view
 * of the gateway manager that drops a MESSAGE_CREATE or INTERACTION_CREATE that does not fit, with
 * a warning, before discord.js sees it.
 */
export function checkedGateway(log: Logger): BuildStrategy {
  return (manager) => {
    const emit = (event: string, payload: { data?: { t?: string | null; d?: unknown } }) => {
      const t = payload.data?.t;
      const schema = event === DISPATCH && t ? CHECKED[t] : undefined;
      const why = schema ? misfit(schema, payload.data?.d) : undefined;
      if (why) {
        log.warn({ event: t, why }, 'discord: gateway event that does not fit its schema dropped');
        return false;
      }
      return (manager.emit as (e: string, p: unknown) => boolean).call(manager, event, payload);
    };
    // Everything but emit goes to the real manager (bound, so its own fields stay its own).
    const view: GatewayManager = new Proxy(manager, {
      get(target, key) {
        if (key === 'emit') return emit;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    return new SimpleShardingStrategy(view);
  };
}
