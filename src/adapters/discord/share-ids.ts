// What a Share button carries: only the language of its answer. Pressing it posts a copy of the
// embeds on the message the button sits on, so the channel gets exactly what the asker saw,
// whatever the length of the question, after a restart or a fact reload alike.
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
