// What a Share button carries: only the language of its answer. Pressing it posts a copy of the
// embeds on the message the button sits on, so the channel gets exactly what the asker saw,
// whatever the length of the question, after a restart or a fact reload alike.
import { randomBytes } from 'node:crypto';
import type { Lang } from '../../facts/schema.ts';

export const SHARE_PREFIX = 'deal:share:';

export function shareCustomId(lang: Lang): string {
  return `${SHARE_PREFIX}${lang}`;
}

/** The answer's language a Share button names; undefined for buttons of older versions. */
export function langOfShare(customId: string): Lang | undefined {
  const lang = customId.slice(SHARE_PREFIX.length);
  return lang === 'en' || lang === 'fr' ? lang : undefined;
}
const INLINE = `${SHARE_PREFIX}q:`;
const KEYED = `${SHARE_PREFIX}k:`;
const MAX_CUSTOM_ID = 100;
/** Interaction tokens live 15 minutes; a Share pressed later could not answer anyway. */
const TTL_MS = 15 * 60_000;
const MAX_KEYS = 10_000;

export class ShareIds {
  private readonly kept = new Map<string, { query: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  encode(query: string): string {
    // UTF-16 length is never below Discord's character count, so this check is safe either way.
    if (INLINE.length + query.length <= MAX_CUSTOM_ID) return INLINE + query;
    this.sweep();
    const key = randomBytes(9).toString('base64url');
    this.kept.set(key, { query, expires: this.now() + TTL_MS });
    return KEYED + key;
  }

  /** The query a Share button stands for, or undefined when it expired or is not ours. */
  decode(customId: string): string | undefined {
    if (customId.startsWith(INLINE)) return customId.slice(INLINE.length);
    if (!customId.startsWith(KEYED)) return undefined;
    const entry = this.kept.get(customId.slice(KEYED.length));
    return entry && entry.expires > this.now() ? entry.query : undefined;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.kept) if (entry.expires <= now) this.kept.delete(key);
    // Bounded even under a flood of long queries: the oldest go first.
    while (this.kept.size >= MAX_KEYS) {
      const oldest = this.kept.keys().next().value;
      if (oldest === undefined) break;
      this.kept.delete(oldest);
    }
  }
}
