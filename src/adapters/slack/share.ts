// The "Share in channel" button carries the question, not the answer: on click the answer is
// recomputed from it (same text, same language), so the button value stays small and the
// shared message is exactly what the asker saw, under Slack's 2,000-char value limit.
import { z } from 'zod';
import { Lang } from '../../facts/schema.ts';
import { SLACK_LIMITS } from './render.ts';

const ShareValue = z.object({ q: z.string(), l: Lang });
export type ShareValue = z.infer<typeof ShareValue>;

/** JSON of { q, l }, the query shortened until it fits the button value limit. */
export function encodeShare(query: string, lang: Lang): string {
  let q = query;
  let value = JSON.stringify({ q, l: lang });
  while (value.length > SLACK_LIMITS.buttonValue) {
    q = q.slice(0, Math.max(0, q.length - Math.max(1, value.length - SLACK_LIMITS.buttonValue)));
    value = JSON.stringify({ q, l: lang });
  }
  return value;
}

/** The question a button carries, or undefined for a value we did not make. */
export function decodeShare(value: string | undefined): ShareValue | undefined {
  if (!value) return undefined;
  try {
    const parsed = ShareValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
