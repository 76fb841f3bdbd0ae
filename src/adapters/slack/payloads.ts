// The Slack payloads dealbot acts on, checked at the boundary before anything reads them: the
// message events (app_mention, message.im), slash commands and the Share button's block_actions.
// A payload that does not fit — a `text` that is a number or an object, a missing channel — is
// logged and dropped, never handed to a handler (where `text.replace` would throw). Only the fields
// we read are checked; anything else Slack adds passes through.
import { z } from 'zod';
import type { Logger } from '../../ops/log.ts';

const id = z.string().min(1);

/** app_mention and message events (message.im). */
export const MessageEventPayload = z.looseObject({
  type: z.string(),
  subtype: z.string().optional(),
  channel_type: z.string().optional(),
  bot_id: z.string().nullish(),
  user: z.string().optional(),
  text: z.string().optional(),
  ts: id,
  thread_ts: z.string().optional(),
  channel: id,
});

/** A slash command (`/deal …`). */
export const SlashCommandPayload = z.looseObject({
  command: z.string(),
  text: z.string(),
  user_id: id,
  user_name: z.string().optional(),
  channel_id: id,
  channel_name: z.string().optional(),
  team_id: z.string().optional(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

/** A press on one of our buttons (block_actions). */
export const BlockActionsPayload = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id, username: z.string().optional(), name: z.string().optional() }),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().optional() })).min(1),
  channel: z.looseObject({ id, name: z.string().optional() }).nullish(),
  container: z.looseObject({ channel_id: z.string().optional() }).nullish(),
  team: z.looseObject({ id }).nullish(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

/** Whether `value` fits `schema`; when not, a warning names what (never the text itself) and the caller drops it. */
export function fits(schema: z.ZodType, value: unknown, log: Logger, what: string): boolean {
  return checked(schema, value, log, what) !== undefined;
}

/** `value` as `schema` reads it, or undefined (and a warning) when it does not fit. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, log: Logger, what: string): z.infer<S> | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const why = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
  log.warn({ payload: what, why }, `slack: ${what} that does not fit its schema dropped`);
  return undefined;
}
