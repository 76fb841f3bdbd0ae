// Text going into and out of Slack. Incoming text arrives in Slack's markup (entities, <@U…>
// mentions, <url|label> links); outgoing text must be escaped so nothing a user typed can
// format a link or ping anyone.

/** Escapes the three characters Slack's markup reserves. Applied to every text we send. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ZWSP = '\u200b';
const MARKUP = /[*_~`]/;
/** A marker Slack could open or close formatting on: one not inside a word ("DEALBOT_ADMINS" is safe). */
const LIVE_MARKER = /(?<![\p{L}\p{N}])[*_~`]|[*_~`](?![\p{L}\p{N}])/gu;

/**
 * Text for a mrkdwn field: escaped, and inert. Slack's mrkdwn has no backslash escape: *bold*,
 * _italic_, ~strike~ and `code` take effect when a marker touches a word boundary, so each such
 * marker is wrapped in zero-width spaces (invisible, and not a boundary Slack opens or closes on).
 * A quote marker (">") at a line start would quote the line: it gets one too.
 */
export function inertMrkdwn(text: string): string {
  const escaped = escapeSlack(text);
  if (!MARKUP.test(escaped) && !escaped.includes('&gt;')) return escaped; // most fact text: one scan
  return escaped.replace(LIVE_MARKER, `${ZWSP}$&${ZWSP}`).replace(/^(\s*)&gt;/gm, `$1${ZWSP}&gt;`);
}

/**
 * Turns Slack markup typed by a user into the plain text they saw: `<@U1|bob>` → `@bob`,
 * `<!channel>` → `@channel`, `<#C1|general>` → `#general`, `<http://x|x>` → `http://x`,
 * then decodes `&lt;` `&gt;` `&amp;`. The result is what the engine reads and what a reply may
 * echo (escaped again on the way out, so it can never become an active mention).
 */
export function fromSlackText(text: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_all, inner: string) => {
    const [target = '', label] = splitLabel(inner);
    if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!subteam^')) return label ? `@${label.replace(/^@/, '')}` : '@group';
    if (target.startsWith('!date^')) return label ?? '';
    if (target.startsWith('!')) return `@${target.slice(1)}`; // !channel, !here, !everyone
    return label ?? target; // links: show what the user saw
  });
  return plain.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** Removes the mention of the bot that starts an app_mention ("<@UBOT> how much?"). */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  const mention = new RegExp(`<@${botUserId.replace(/[^A-Za-z0-9]/g, '')}(?:\\|[^>]*)?>`, 'g');
  return text.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

/** Cuts a text to a length limit, ending with "…" when cut; never splits a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  // Text is cut after escaping: drop a half-cut entity ("&am") rather than show it.
  return `${text.slice(0, end).replace(/&[a-z]{0,4}$/, '')}…`;
}
