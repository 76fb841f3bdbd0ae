// The rows the core hands to the store and reads back for curators: answers shown with 👍 / 👎,
// votes, and questions that got no facts. One zod schema each, imported by both sides (the core
// names what it keeps; the store, which depends on nothing above it, keeps it), so neither writes
// a twin of the other's type.
import { z } from 'zod';

/** An answer shown with feedback buttons, under the id its buttons carry. */
export const AnswerRecord = z.object({
  id: z.string(),
  platform: z.string(),
  /** Slack team or Discord guild ('' for a DM or the console). */
  workspace: z.string(),
  channelId: z.string(),
  /** The question as read, scrubbed of secrets by the store. */
  query: z.string(),
  lang: z.string(),
  /** The facts shown, in order. */
  factIds: z.array(z.string()),
  /** The fact base's fingerprint when it was answered. */
  baseVersion: z.string(),
  /** The deal that answered, when the base holds several (absent: its only deal). */
  deal: z.string().optional(),
  /** ms since epoch. */
  at: z.number(),
});
export type AnswerRecord = z.infer<typeof AnswerRecord>;

/** One user's vote on one answer (voting again replaces it). */
export const VoteInput = z.object({
  answerId: z.string(),
  userId: z.string(),
  platform: z.string(),
  workspace: z.string(),
  vote: z.union([z.literal(1), z.literal(-1)]),
  /** ms since epoch. */
  at: z.number(),
});
export type VoteInput = z.infer<typeof VoteInput>;

/** A 👎 with the answer it is about (the curators' report). */
export const DownVote = AnswerRecord.omit({ at: true }).extend({
  /** When the answer was shown, ms since epoch. */
  answeredAt: z.number(),
  userId: z.string(),
  /** What the voter said was missing. */
  comment: z.string().nullable(),
  /** ms since epoch. */
  votedAt: z.number(),
});
export type DownVote = z.infer<typeof DownVote>;

/** One question that got no facts. */
export const UnansweredQuestion = z.object({
  /** ISO time asked. */
  at: z.string(),
  query: z.string(),
  lang: z.string(),
  platform: z.string(),
  /** Slack team or Discord guild, when there is one (dealbot gaps --workspace). */
  workspace: z.string().optional(),
  /** The deal it was asked of, when the base holds several (dealbot gaps --deal). */
  deal: z.string().optional(),
});
export type UnansweredQuestion = z.infer<typeof UnansweredQuestion>;
