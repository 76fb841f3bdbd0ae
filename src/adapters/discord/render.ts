// Reply → Discord message payload (API JSON): one embed, a field per item with its source's
// number and section under it, the sources listed once in a last field, everything escaped and
// cut to Discord's limits, and no mention ever parsed. `discordCapacity` says how many items fit;
// the delivery policy cuts the Reply to that once, so "… and N more" is said once, right.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { moreLine, t } from '../../core/i18n.ts';
import { fitReply, type Reply, type ReplyItem } from '../../core/reply.ts';
import { buttonRows } from './components.ts';
import { cut, defuseMentions, escapeInline, escapeMarkdown, safeUrl } from './escape.ts';
import { ds } from './strings.ts';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
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
  /** Who asked or shared it, in the footer (an answer posted for everyone). */
  attribution?: { kind: 'asked' | 'shared'; name: string };
}

const COLORS: Record<Reply['kind'], number> = {
  answer: 0x5865f2,
  summary: 0x3498db,
  help: 0x57f287,
  notice: 0xfee75c,
  'no-facts': 0x95a5a6,
  error: 0xed4245,
};

/** Longest source title kept in the sources list (the answer's own text gives way first). */
const MAX_SOURCE_TITLE = 300;
/** Longest "where in the source" line under an item. */
const MAX_WHERE = 300;

type Frame = ReturnType<typeof frameOf>;

/** Frames already built, by reply (without attribution): the policy's fit and the render each need one. */
const framed = new WeakMap<Reply, Frame>();

/** The parts every message of this reply carries whatever the number of items. */
function frame(reply: Reply, opts: RenderOptions): Frame {
  if (opts.attribution) return frameOf(reply, opts);
  let f = framed.get(reply);
  if (!f) framed.set(reply, (f = frameOf(reply, opts)));
  return f;
}

function frameOf(reply: Reply, opts: RenderOptions) {
  const s = ds(reply.lang);
  // An embed with nothing visible is refused by the API: there is always a title.
  const title = cut(escapeMarkdown(titleOf(reply).trim() || 'dealbot'), DISCORD_LIMITS.title);
  // With suggestions, the Reply's footer is their heading ("Try one of these topics:"), so both
  // go at the end of the description; otherwise the footer is the embed's footer.
  const suggestions = reply.suggestions.filter((x) => x.trim());
  const heading = suggestions.length ? (reply.footer ?? s.tryThese) : undefined;
  const by = opts.attribution ? (opts.attribution.kind === 'shared' ? s.sharedBy(opts.attribution.name) : s.askedBy(opts.attribution.name)) : undefined;
  // Footers show plain text: markdown is not parsed there, mentions must still look inert.
  const footer = cut(defuseMentions([heading ? '' : (reply.footer ?? ''), by].filter(Boolean).join(' · ')), DISCORD_LIMITS.footer);
  const descriptionLines = [reply.intro, ...reply.lines, heading ? `${heading} ${suggestions.join(' · ')}` : undefined].filter((x): x is string => !!x);
  // Which deal the reply is about (a base with several): the embed's author line, above the title. Plain text there.
  const author = reply.deal ? cut(defuseMentions(t(reply.lang).dealHeader(reply.deal.name)), DISCORD_LIMITS.author) : '';
  // Lines about a channel: <#id> shows its name (never a ping); the rest escaped like any text.
  const entries = reply.entries.map((e) => `• ${/^\d{1,25}$/.test(e.channel.id) ? `<#${e.channel.id}>` : escapeMarkdown(`#${e.channel.name ?? e.channel.id}`)} — ${escapeMarkdown(e.text)}`);
  return { title, footer, author, description: [escapeMarkdown(descriptionLines.join('\n')), ...entries].filter(Boolean).join('\n'), sources: sourcesField(reply) };
}

/** Room for the "… and N more" line, whatever N. */
const MORE_RESERVE = 80;

/** How many of the reply's items one Discord message holds (25 fields and 6,000 characters in all). */
export function discordCapacity(reply: Reply): number {
  const { title, footer, author, description, sources } = frame(reply, {});
  const fixed = title.length + footer.length + author.length + Math.min(description.length, 200) + MORE_RESERVE + (sources ? sources.name.length + sources.value.length : 0);
  const maxFields = DISCORD_LIMITS.fields - (sources ? 1 : 0);
  let room = DISCORD_LIMITS.embedTotal - fixed;
  let kept = 0;
  for (const item of reply.items) {
    const f = fieldOf(item);
    room -= f.name.length + f.value.length;
    if (room < 0 || kept === maxFields) break;
    kept++;
  }
  return kept;
}

export function renderDiscord(input: Reply, opts: RenderOptions = {}): DiscordPayload {
  // Already fitted by the delivery policy; fitting again is a no-op then, and a guarantee otherwise.
  const reply = fitReply(input, discordCapacity(input));
  const { title, footer, author, description, sources } = frame(reply, opts);
  const fields = reply.items.map(fieldOf);
  if (sources) fields.push(sources);
  const more = reply.omitted > 0 ? moreLine(reply) : '';
  const used = title.length + footer.length + author.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  // The description gives way to the items: its own limit, and whatever the rest leaves of the total.
  const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embedTotal - used) - (more ? more.length + 1 : 0);
  const text = [room > 0 ? cut(description, room) : '', more].filter(Boolean).join('\n');

  const embed: APIEmbed = { title, color: COLORS[reply.kind] };
  if (author) embed.author = { name: author };
  if (text) embed.description = text;
  if (fields.length) embed.fields = fields;
  if (footer) embed.footer = { text: footer };

  const share = opts.shareId && reply.shareable ? [shareButton(opts.shareId, ds(reply.lang).share, false)] : [];
  const payload: DiscordPayload = { embeds: [embed], components: buttonRows(reply, share), allowed_mentions: { parse: [] } };
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
  if (over > 0 && last.description) last.description = shorten(last.description, over);
  return kept;
}

/**
 * The description `over` characters shorter, its body giving way first: a short last line (the
 * "… and N more" count, the suggestions) stays whole.
 */
function shorten(d: string, over: number): string {
  const nl = d.lastIndexOf('\n');
  const keep = nl >= 0 && d.length - nl <= 200 ? d.slice(nl) : '';
  const room = d.length - over - 1 - keep.length;
  return room > 0 ? `${cut(d.slice(0, d.length - keep.length), room)}${keep}` : cut(d, Math.max(0, d.length - over - 1));
}

/** Characters Discord counts towards an embed's 6,000. */
function embedChars(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** The row that replaces the Share button once the answer has been shared. */
export function sharedRow(lang: Reply['lang']): APIActionRowComponent<APIComponentInMessageActionRow> {
  return { type: ComponentType.ActionRow, components: [sharedButton(lang)] };
}

/** The disabled "Shared in channel" the Share button turns into. */
export function sharedButton(lang: Reply['lang']): APIButtonComponent {
  return shareButton('deal:shared', ds(lang).shared, true);
}

function shareButton(customId: string, label: string, disabled: boolean): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: cut(label, DISCORD_LIMITS.buttonLabel), disabled };
}

/** The title echoes the query (escaped by the caller) unless the title already holds it. */
function titleOf(reply: Reply): string {
  const query = reply.query?.trim();
  if (!query || reply.title.toLowerCase().includes(query.toLowerCase())) return reply.title;
  return `${reply.title} — “${query}”`;
}

/**
 * Fields already rendered, by item: the policy's fit and the render each measure every item, so
 * one answer would render its fields three times. Items are never changed once built (fitting a
 * reply renumbers its sources into new items).
 */
const rendered = new WeakMap<ReplyItem, APIEmbedField>();

function fieldOf(item: ReplyItem): APIEmbedField {
  let field = rendered.get(item);
  if (!field) rendered.set(item, (field = renderField(item)));
  return field;
}

function renderField(item: ReplyItem): APIEmbedField {
  const head = item.figure ?? item.quote?.speaker;
  // Discord refuses a blank field name.
  const name = [head, item.when].filter((x) => x?.trim()).join(' · ') || '•';
  const where = whereOf(item);
  const body = item.quote ? `> ${escapeMarkdown(item.text)}` : escapeMarkdown(item.text);
  return {
    name: cut(escapeMarkdown(name), DISCORD_LIMITS.fieldName),
    value: `${cut(body, DISCORD_LIMITS.fieldValue - where.length - 1)}\n${where}`,
  };
}

/** Under an item: its source's number and where in the source (section, or the time of live data). */
function whereOf(item: ReplyItem): string {
  const c = item.citation;
  const where = (c.section ? `§ ${c.section}` : (c.detail ?? '')).replace(/\s+/g, ' ').trim();
  // The marker starts the line and is ours; only the rest of the line is escaped.
  return cut(`\\[${c.ref ?? '?'}\\]${where ? ` ${escapeInline(where)}` : ''}`, MAX_WHERE);
}

/** The sources of the reply, each once, numbered like the items' markers: one last field. */
function sourcesField(reply: Reply): APIEmbedField | undefined {
  if (reply.sources.length === 0) return undefined;
  const lines = reply.sources.map((src) => {
    const title = cut(escapeMarkdown(src.title), MAX_SOURCE_TITLE);
    const url = safeUrl(src.url);
    const linked = url && url.length <= 300 ? `[${title}](${url})` : title;
    return `\\[${src.ref}\\] ${linked}${src.publisher ? ` — ${cut(escapeMarkdown(src.publisher), 100)}` : ''}`;
  });
  return { name: ds(reply.lang).sources, value: cut(lines.join('\n'), DISCORD_LIMITS.fieldValue) };
}
