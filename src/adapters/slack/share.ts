// What the "Share in channel" button carries: the id of the answer the delivery policy kept (in
// the database, so a press posts exactly what the asker saw, after a fact reload, a restart or in
// another process) and the answer's language (for a notice if the answer is gone).
import { z } from 'zod';
import { Lang } from '../../facts/schema.ts';

const ShareValue = z.object({ id: z.string().min(1).max(64), l: Lang });
export type ShareValue = z.infer<typeof ShareValue>;

export function encodeShare(id: string, lang: Lang): string {
  return JSON.stringify({ id, l: lang });
}

/** What a button carries, or undefined for a value we did not make (or an older version's). */
export function decodeShare(value: string | undefined): ShareValue | undefined {
  if (!value) return undefined;
  try {
    const parsed = ShareValue.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
