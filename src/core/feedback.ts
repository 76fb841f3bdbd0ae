// Feedback on answers, in platform-neutral terms: which answers get 👍 / 👎 (Reply.feedback), what a
// vote does, and the optional "what was missing?" form a 👎 opens — one model every platform
// renders its own way (a Slack modal, a Discord modal). Votes are kept in the store (injected).
import { nanoid } from 'nanoid';
import type { Lang } from '../facts/schema.ts';
import type { AnswerRecord, VoteInput } from '../records/feedback.ts';
import type { Asker } from './bot.ts';
import { t } from './i18n.ts';
import type { Reply } from './reply.ts';

export type { AnswerRecord } from '../records/feedback.ts';

/** Where answers and votes are kept (the store's FeedbackStore fits). */
export interface FeedbackLog {
  record(answer: AnswerRecord): Promise<void>;
  vote(v: VoteInput): Promise<boolean>;
  comment(answerId: string, userId: string, text: string): Promise<boolean>;
}

export type VoteValue = 'up' | 'down';

/** One field of a form: a text box. */
export interface FormField {
  id: string;
  label: string;
  placeholder?: string;
  multiline: boolean;
  required: boolean;
  maxLength: number;
}

/**
 * A small form a platform shows in a modal and hands back on submit: `kind` and `subject` say what
 * it is about (a 👎'd answer's id), so any replica can take the submission.
 */
export interface Form {
  kind: 'missing';
  subject: string;
  lang: Lang;
  title: string;
  fields: FormField[];
  submit: string;
  close: string;
}

/** The id of the field holding what was missing. */
export const MISSING_FIELD = 'missing';
/** Longest "what was missing" kept. */
export const MISSING_MAX = 500;

/** The optional "what was missing?" form a 👎 opens. */
export function missingForm(answerId: string, lang: Lang): Form {
  const s = t(lang);
  return {
    kind: 'missing',
    subject: answerId,
    lang,
    title: s.missingTitle,
    fields: [{ id: MISSING_FIELD, label: s.missingLabel, placeholder: s.missingPlaceholder, multiline: true, required: false, maxLength: MISSING_MAX }],
    submit: s.missingSubmit,
    close: s.missingClose,
  };
}

/**
 * A new answer id (what the buttons carry: short enough for a Discord custom_id), 21 URL-safe
 * characters: the time in ms, base 36 on 9 digits (so ids sort by time until the year 5188),
 * then 12 random ones (72 bits, from nanoid's pooled buffer: no system call per answer).
 * Time first, like a ULID or UUIDv7: each answer recorded goes at the end of the primary-key
 * index instead of into a random page of it, so a commit of a burst's answers writes a few pages,
 * not one per answer (34 → 15 µs per answer in commits of 22, once the table holds 66,000).
 */
export const newAnswerId = (at: number = Date.now()): string => `${Math.max(0, Math.floor(at)).toString(36).padStart(9, '0')}${nanoid(12)}`;

/** Whether a reply gets 👍 / 👎: answers with facts. */
export const rateable = (r: Reply): boolean => r.kind === 'answer' && r.items.length > 0;

/** The record of an answer shown to `asker` for `text`. */
export function answerRecord(id: string, r: Reply, text: string, asker: Asker, at: number): AnswerRecord {
  return {
    id,
    platform: asker.platform,
    workspace: asker.channel.workspace ?? '',
    channelId: asker.channel.id,
    query: text,
    lang: r.lang,
    factIds: r.items.flatMap((i) => (i.factId ? [i.factId] : [])),
    baseVersion: r.version ?? '',
    ...(r.deal ? { deal: r.deal.id } : {}),
    at,
  };
}
