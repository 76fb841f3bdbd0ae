// Makes any text inert in Discord markdown: no formatting, no links, no mentions, no pings
// (allowed_mentions stops the pings; this stops the look of a mention or a spoiler as well).

const ZWSP = '\u200b';
/** Anything one of escapeMarkdown's replaces would touch (kept in step with them). */
const NEEDS_ESCAPE = /[\\*_~|`[\]<@]|^\s*(?:[#>\-+]|\d+\.)/m;
/** The same, for text that never starts a line (escapeInline). */
const NEEDS_INLINE_ESCAPE = /[\\*_~|`[\]<@]/;

/** Escapes Discord markdown and defuses mention syntaxes, keeping the text readable. */
export function escapeMarkdown(text: string): string {
  // Most fact text has nothing to escape: one scan instead of five replaces (renders run this
  // a few dozen times per answer).
  if (!NEEDS_ESCAPE.test(text)) return text;
  return (
    inline(text)
      // Headings, quotes, lists and subtext only start a line.
      .replace(/^(\s*)([#>\-+])/gm, '$1\\$2')
      .replace(/^(\s*\d+)\./gm, '$1\\.')
  );
}

/**
 * escapeMarkdown for text placed after something on its line (never at a line's start): the
 * line-start syntaxes (headings, quotes, lists) cannot apply there.
 */
export function escapeInline(text: string): string {
  return NEEDS_INLINE_ESCAPE.test(text) ? inline(text) : text;
}

function inline(text: string): string {
  return (
    text
      // Backslash first, so the escapes added below stay escapes.
      // Brackets are enough to break a masked link [text](url); parentheses stay readable.
      .replace(/[\\*_~|`[\]]/g, '\\$&')
      // <@123>, <@!123>, <@&123>, <#123>, </cmd:1>, <t:1>, <:emoji:1>, <a:emoji:1>
      .replace(/<(?=[@#/:]|a:|t:|id:)/g, `<${ZWSP}`)
      .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
  );
}

/** For places Discord shows as plain text (footer, button label, autocomplete): only mentions matter. */
export function defuseMentions(text: string): string {
  return text.replace(/<(?=[@#/:]|a:|t:|id:)/g, `<${ZWSP}`).replace(/@(everyone|here)/gi, `@${ZWSP}$1`);
}

/** Cuts to at most `max` UTF-16 units (Discord counts these for embed limits), ending with "…" when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  // Do not split a surrogate pair, nor leave a dangling escape backslash.
  if (end > 0 && /[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--;
  let head = text.slice(0, end);
  const trailing = /\\+$/.exec(head)?.[0].length ?? 0;
  if (trailing % 2 === 1) head = head.slice(0, -1);
  return `${head}…`;
}

/** A URL fit for a markdown link target, or undefined when it is not plain http(s). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  } catch {
    return undefined;
  }
}
