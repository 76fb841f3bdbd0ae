// Reply → Discord message payload (API JSON): one embed, a field per item with its citation
// under it, everything escaped and cut to Discord's limits, and no mention ever parsed.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Reply, ReplyItem } from '../../core/reply.ts';
import { cut, defuseMentions, escapeMarkdown, safeUrl } from './escape.ts';
import { ds } from './strings.ts';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  embeds: 10,
  customId: 100,
  buttonLabel: 80,
} as const;

export interface DiscordPayload {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: { parse: [] };
  flags?: number;
}

export interface RenderOptions {
  /** Adds a "Share in channel" button carrying this custom_id (shareable answers only). */
  shareId?: string;
  /** Only the asker sees it (interaction responses only). */
  ephemeral?: boolean;
}

const COLORS: Record<Reply['kind'], number> = {
  answer: 0x5865f2,
  summary: 0x3498db,
  help: 0x57f287,
  notice: 0xfee75c,
  'no-facts': 0x95a5a6,
  error: 0xed4245,
};

/** Longest citation label kept in a field (the item text gives way first). */
const MAX_CITATION = 400;
/** Longest "as of" note: with the label and a URL ≤ 300 the citation stays far below a field's 1,024. */
const MAX_AS_OF = 40;

export function renderDiscord(reply: Reply, opts: RenderOptions = {}): DiscordPayload {
  const s = ds(reply.lang);
  // An embed with nothing visible is refused by the API: there is always a title.
  const title = cut(escapeMarkdown(titleOf(reply).trim() || 'dealbot'), DISCORD_LIMITS.title);
  // With suggestions, the Reply's footer is their heading ("Try one of these topics:"), so both
  // go at the end of the description; otherwise the footer is the embed's footer.
  const suggestions = reply.suggestions.filter((x) => x.trim());
  const heading = suggestions.length ? (reply.footer ?? s.tryThese) : undefined;
  // Footers show plain text: markdown is not parsed there, mentions must still look inert.
  const footer = cut(defuseMentions(heading ? '' : (reply.footer ?? '')), DISCORD_LIMITS.footer);

  const descriptionLines = [
    reply.intro,
    ...reply.lines,
    heading ? `${heading} ${suggestions.join(' · ')}` : undefined,
  ].filter((x): x is string => !!x);
  const description = escapeMarkdown(descriptionLines.join('\n'));

  const allFields = reply.items.map(fieldOf);
  const { fields, text } = fit(title.length + footer.length, description, allFields, s.more);

  const embed: APIEmbed = { title, color: COLORS[reply.kind] };
  if (text) embed.description = text;
  if (fields.length) embed.fields = fields;
  if (footer) embed.footer = { text: footer };

  const payload: DiscordPayload = { embeds: [embed], components: [], allowed_mentions: { parse: [] } };
  if (opts.shareId && reply.shareable) payload.components = [shareRow(opts.shareId, s.share, false)];
  if (opts.ephemeral) payload.flags = MessageFlags.Ephemeral;
  return payload;
}

/**
 * The embeds of an answer as posted by Share: the very embeds the asker saw, with "Shared by
 * <name>" added to the last footer, still within the limits (the description gives way if the
 * note would pass the 6,000 characters).
 */
export function sharedCopy(embeds: readonly APIEmbed[], lang: Reply['lang'], sharedBy: string): APIEmbed[] {
  const kept = embeds.slice(0, DISCORD_LIMITS.embeds).map((e) => ({ ...e }));
  const last = kept.at(-1);
  if (!last) return kept;
  const note = ds(lang).sharedBy(sharedBy);
  last.footer = { ...last.footer, text: cut(defuseMentions([last.footer?.text, note].filter(Boolean).join(' · ')), DISCORD_LIMITS.footer) };
  const over = kept.reduce((n, e) => n + embedChars(e), 0) - DISCORD_LIMITS.embedTotal;
  if (over > 0 && last.description) last.description = cut(last.description, Math.max(0, last.description.length - over - 1));
  return kept;
}

/** Characters Discord counts towards an embed's 6,000. */
function embedChars(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** The row that replaces the Share button once the answer has been shared. */
export function sharedRow(lang: Reply['lang']): APIActionRowComponent<APIComponentInMessageActionRow> {
  return shareRow('deal:shared', ds(lang).shared, true);
}

function shareRow(customId: string, label: string, disabled: boolean): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: customId,
        label: cut(label, DISCORD_LIMITS.buttonLabel),
        disabled,
      },
    ],
  };
}

/** The title echoes the query (escaped by the caller) unless the title already holds it. */
function titleOf(reply: Reply): string {
  const query = reply.query?.trim();
  if (!query || reply.title.toLowerCase().includes(query.toLowerCase())) return reply.title;
  return `${reply.title} — “${query}”`;
}

function fieldOf(item: ReplyItem): APIEmbedField {
  const head = item.figure ?? item.quote?.speaker;
  // Discord refuses a blank field name.
  const name = [head, item.when].filter((x) => x?.trim()).join(' · ') || '•';
  const citation = citationOf(item);
  const body = item.quote ? `> ${escapeMarkdown(item.text)}` : escapeMarkdown(item.text);
  return {
    name: cut(escapeMarkdown(name), DISCORD_LIMITS.fieldName),
    value: `${cut(body, DISCORD_LIMITS.fieldValue - citation.length - 1)}\n${citation}`,
  };
}

function citationOf(item: ReplyItem): string {
  const label = cut(escapeMarkdown(item.citation.label), MAX_CITATION);
  const url = safeUrl(item.citation.url);
  const asOf = item.citation.asOf ? ` (${cut(escapeMarkdown(item.citation.asOf), MAX_AS_OF)})` : '';
  return url && url.length <= 300 ? `📎 [${label}](${url})${asOf}` : `📎 ${label}${asOf}`;
}

/**
 * Keeps as many fields as fit (25 at most, 6,000 characters in all with title and footer),
 * and says how many were left out at the end of the description.
 */
function fit(
  fixed: number,
  description: string,
  all: APIEmbedField[],
  more: (n: number) => string,
): { fields: APIEmbedField[]; text: string } {
  const sizes = all.map((f) => f.name.length + f.value.length);
  for (let k = Math.min(all.length, DISCORD_LIMITS.fields); ; k--) {
    const note = k < all.length ? more(all.length - k) : '';
    const fieldChars = sizes.slice(0, k).reduce((a, b) => a + b, 0);
    // What the description may use: its own limit, and whatever the fields leave of the total.
    const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - fixed - fieldChars);
    const textRoom = note ? room - note.length - (description ? 1 : 0) : room;
    // Prefer dropping a field to cutting the description below a useful size.
    if (k > 0 && textRoom < Math.min(description.length, 200)) continue;
    const head = textRoom > 0 ? cut(description, textRoom) : '';
    const text = [head, note].filter(Boolean).join('\n');
    return { fields: all.slice(0, k), text };
  }
}
