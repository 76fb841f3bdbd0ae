// Reply → Slack message ({ text, blocks }). Pure: the same Reply always gives the same payload,
// which is what the bot sends and what `dealbot ask --render slack` prints.
// Every string is escaped and inert (nothing typed by a user can format, link or ping), citations
// are numbered markers with each source listed once at the end, and the message stays inside
// Slack's limits: `slackCapacity` says how many items fit, and the delivery policy cuts the Reply
// to that once, counting the rest in `omitted` ("… and N more").
import type { types } from '@slack/bolt';
import { moreLine, t } from '../../core/i18n.ts';
import { fitReply, type Reply, type ReplyItem } from '../../core/reply.ts';
import type { Lang } from '../../facts/schema.ts';
import { feedbackBlock, runButton } from './actions.ts';
import { chartBlocks, chartCaption, chartTableMrkdwn } from './chart.ts';
import { cut, escapeSlack, inertMrkdwn } from './text.ts';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ContextBlock = types.ContextBlock;
type HeaderBlock = types.HeaderBlock;
type ActionsBlock = types.ActionsBlock;

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  /**
   * Slack accepts more, but messages past ~10k characters are cut or refused in practice. Counted in
   * UTF-8 bytes (a character counts 1 to 4), so a message stays small in bytes too: a button press
   * may carry its message back, and the request must stay far below our 128 KB body limit.
   */
  messageChars: 10_000,
  buttonValue: 2000,
} as const;

/** The action id of the "Share in channel" button (matched by the app's action handler). */
export const SHARE_ACTION_ID = 'dealbot_share';

const UI: Record<Lang, { share: string; sharedBy: (n: string) => string; askedBy: (n: string) => string }> = {
  en: { share: 'Share in channel', sharedBy: (n) => `Shared by @${n}`, askedBy: (n) => `Asked by @${n}` },
  fr: { share: 'Partager dans le canal', sharedBy: (n) => `Partagé par @${n}`, askedBy: (n) => `Demandé par @${n}` },
};

export interface SlackMessage {
  /** Fallback for notifications and screen readers: the same content as the blocks. */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderSlackOptions {
  /** Adds a "Share in channel" button carrying this value (encoded by share.ts, ≤ 2,000 chars). */
  shareValue?: string;
  /** Who shared or asked, shown under the answer when it is posted to a channel. */
  attribution?: { kind: 'shared' | 'asked'; name: string };
  /** How a Reply's chart is drawn: Slack's data visualization block (default) or a text table. */
  chart?: 'native' | 'table';
  /** Leave out the 👍 / 👎 (a copy where votes make no sense). */
  noFeedback?: boolean;
}

/** Inert, escaped and cut to fit a Slack text field. */
function field(text: string, max: number): string {
  const out = cut(inertMrkdwn(text), max);
  return out.trim().length > 0 ? out : '…'; // Slack refuses empty text objects
}

function mrkdwn(text: string) {
  // verbatim: Slack must not auto-link channel names or parse anything in our text.
  return { type: 'mrkdwn' as const, text, verbatim: true };
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(field(text, SLACK_LIMITS.sectionText)) };
}

function context(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(field(text, SLACK_LIMITS.sectionText))] };
}

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s|<>]+$/.test(url) && url.length <= 1000 ? url : undefined;
}

/** The item's main line: figure in bold, quote as a block quote with speaker. */
function itemMrkdwn(item: ReplyItem): string {
  const parts: string[] = [];
  const when = item.when ? `_${inertMrkdwn(item.when)}_ · ` : '';
  if (item.quote) {
    const q = item.quote;
    const who = [q.speaker, q.role, q.organisation].filter(Boolean).join(', ');
    if (q.translation) {
      parts.push(`> “${inertMrkdwn(q.translation)}”`);
      parts.push(`> _« ${inertMrkdwn(q.text)} »_`);
    } else {
      parts.push(`> « ${inertMrkdwn(q.text)} »`);
    }
    parts.push(`${when}— *${inertMrkdwn(who)}*`);
  } else {
    if (item.figure) parts.push(`*${inertMrkdwn(item.figure)}*`);
    parts.push(`${when}${inertMrkdwn(item.text)}`);
  }
  const out = cut(parts.join('\n'), SLACK_LIMITS.sectionText);
  return out.trim() ? out : '…'; // Slack refuses an empty section (an item with no text)
}

/** Under an item: its marker and where in the source (section, or the as-of time of live data). */
function whereLine(item: ReplyItem): string {
  const c = item.citation;
  const where = (c.section ? `§ ${c.section}` : (c.detail ?? '')).replace(/\s+/g, ' ').trim();
  return `[${c.ref ?? '?'}]${where ? ` ${where}` : ''}`;
}

function itemText(item: ReplyItem): string {
  const main = item.quote
    ? `“${item.quote.translation ?? item.quote.text}” — ${[item.quote.speaker, item.quote.role, item.quote.organisation].filter(Boolean).join(', ')}`
    : `${item.figure ? `${item.figure}: ` : ''}${item.text}`;
  const when = item.when ? `${item.when} · ` : '';
  return `• ${when}${main} ${whereLine(item)}`;
}

/** The sources, each once with its number, linked when it has a URL. */
function sourcesUnit(reply: Reply): Unit | undefined {
  if (reply.sources.length === 0) return undefined;
  const entries = reply.sources.map((s) => {
    const title = cut(inertMrkdwn(s.title), 300);
    const url = safeUrl(s.url);
    const linked = url ? `<${escapeSlack(url)}|${title.replace(/\|/g, '¦')}>` : title;
    return `[${s.ref}] ${linked}${s.publisher ? ` — ${cut(inertMrkdwn(s.publisher), 100)}` : ''}`;
  });
  const heading = `*${t(reply.lang).sources}*`;
  const text = cut([heading, ...entries].join('\n'), SLACK_LIMITS.sectionText);
  const plain = [t(reply.lang).sources, ...reply.sources.map((s) => `[${s.ref}] ${s.title}${s.url ? ` ${s.url}` : ''}`)].join('\n');
  return { blocks: [{ type: 'context', elements: [mrkdwn(text)] }], text: escapeSlack(plain) };
}

/** UTF-8 bytes of every text field in the blocks (what the message-size budget counts; never less than its characters). */
export function blocksChars(blocks: readonly KnownBlock[]): number {
  let n = 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') n += Buffer.byteLength(x);
        else visit(x);
      }
    }
  };
  visit(blocks);
  return n;
}

/** One piece of the message, kept or left out as a whole. */
interface Unit {
  blocks: KnownBlock[];
  text: string;
}

/** Slack cuts a message's `text` past 40,000 characters; the end ("… and N more", footer) must survive. */
const FALLBACK_MAX = 40_000;

function fallbackText(body: Unit[], end: Unit[]): string {
  const join = (units: Unit[]) => units.map((u) => cut(u.text, SLACK_LIMITS.sectionText)).filter(Boolean).join('\n');
  const tail = join(end);
  return [cut(body.map((u) => u.text).filter(Boolean).join('\n'), FALLBACK_MAX - tail.length - 1), tail].filter(Boolean).join('\n');
}

/** The parts of a message: what comes before the items, the items, and what comes after. */
function layout(reply: Reply, opts: RenderSlackOptions) {
  const ui = UI[reply.lang];
  const title = field(reply.title || 'dealbot', SLACK_LIMITS.headerText);
  // plain_text is never formatted: escaped only.
  const plain = cut(escapeSlack(reply.title.trim() || 'dealbot'), SLACK_LIMITS.headerText);
  const header: HeaderBlock = { type: 'header', text: { type: 'plain_text', text: plain.trim() ? plain : '…', emoji: false } };
  const head: Unit[] = [{ blocks: [header], text: `*${title}*` }];
  // Which deal the reply is about (a base with several): right under the header.
  if (reply.deal) head.push({ blocks: [context(t(reply.lang).dealHeader(reply.deal.name))], text: inertMrkdwn(t(reply.lang).dealHeader(reply.deal.name)) });
  if (reply.intro?.trim()) head.push({ blocks: [section(reply.intro)], text: inertMrkdwn(reply.intro) });
  if (reply.chart) {
    // The message text always carries the table: notifications, screen readers, clients without the block.
    head.push({ blocks: chartBlocks(reply.chart, reply.lang, opts.chart ?? 'native'), text: `${chartTableMrkdwn(reply.chart)}\n${chartCaption(reply.chart, reply.lang)}` });
  }

  const items: Unit[] = reply.items.map((item) => ({
    blocks: [
      { type: 'section', text: mrkdwn(itemMrkdwn(item)) } satisfies SectionBlock,
      { type: 'context', elements: [mrkdwn(field(whereLine(item), SLACK_LIMITS.sectionText))] } satisfies ContextBlock,
    ],
    text: inertMrkdwn(itemText(item)),
  }));
  // Plain lines (help, notices): one section per line keeps each under the section limit.
  const lines: Unit[] = reply.lines.filter((l) => l.trim()).map((line) => ({ blocks: [section(line)], text: inertMrkdwn(line) }));
  // Lines about a channel: Slack shows <#C…> as the channel's name to those who may see it (never a ping).
  reply.entries.forEach((e, i) => {
    const channel = /^[A-Z0-9]{2,40}$/.test(e.channel.id) ? `<#${e.channel.id}>` : `#${inertMrkdwn(e.channel.name ?? e.channel.id)}`;
    const block: SectionBlock = { type: 'section', text: mrkdwn(`${channel} — ${field(e.text, SLACK_LIMITS.sectionText - 200)}`) };
    if (e.actions[0]) block.accessory = runButton(e.actions[0], `e${i}`);
    lines.push({ blocks: [block], text: `#${inertMrkdwn(e.channel.name ?? e.channel.id)} — ${inertMrkdwn(e.text)}` });
  });

  const tail: Unit[] = [];
  const suggestions = reply.suggestions.filter((x) => x.trim());
  if (suggestions.length) tail.push({ blocks: [context(suggestions.join(' · '))], text: inertMrkdwn(suggestions.join(' · ')) });
  const sources = sourcesUnit(reply);
  if (sources) tail.push(sources);
  if (reply.footer?.trim()) tail.push({ blocks: [context(reply.footer)], text: inertMrkdwn(reply.footer) });
  if (opts.attribution) {
    const by = opts.attribution.kind === 'shared' ? ui.sharedBy(opts.attribution.name) : ui.askedBy(opts.attribution.name);
    tail.push({ blocks: [context(by)], text: `_${inertMrkdwn(by)}_` });
  }
  if (opts.shareValue !== undefined && opts.shareValue.length <= SLACK_LIMITS.buttonValue) {
    const actions: ActionsBlock = {
      type: 'actions',
      elements: [{ type: 'button', action_id: SHARE_ACTION_ID, text: { type: 'plain_text', text: ui.share, emoji: false }, value: opts.shareValue }],
    };
    tail.push({ blocks: [actions], text: '' });
  }
  if (reply.actions.length) tail.push({ blocks: [{ type: 'actions', elements: reply.actions.slice(0, 25).map((a, i) => runButton(a, i)) }], text: '' });
  // Slack's own 👍 / 👎 (not on a Home tab, where no answer is rated).
  if (reply.feedback && !opts.noFeedback) tail.push({ blocks: [feedbackBlock(reply.feedback.answerId, reply.lang)], text: '' });
  return { head, items, lines, tail };
}

const count = (units: Unit[]) => units.reduce((n, u) => n + u.blocks.length, 0);
const chars = (units: Unit[]) => units.reduce((n, u) => n + blocksChars(u.blocks), 0);
/** Room kept for the "… and N more" line and for the Share button and attribution a delivery may add. */
const RESERVE = { blocks: 3, chars: 250 };

/** What plain lines may claim before the items are counted; longer lines give way to the items. */
const LINES_SHARE = { blocks: 8, chars: 2000 };

/**
 * How many of the reply's items one Slack message holds, with everything else it carries (a chart
 * counted as the larger of its two forms, so the table fallback fits too).
 */
export function slackCapacity(reply: Reply): number {
  return reply.chart ? Math.min(capacityWith(reply, { chart: 'native' }), capacityWith(reply, { chart: 'table' })) : capacityWith(reply, {});
}

function capacityWith(reply: Reply, opts: RenderSlackOptions): number {
  const { head, items, lines, tail } = layout(reply, opts);
  const fitting = (blocksLeft: number, charsLeft: number) => {
    let kept = 0;
    for (const unit of items) {
      blocksLeft -= unit.blocks.length;
      charsLeft -= blocksChars(unit.blocks);
      if (blocksLeft < 0 || charsLeft < 0) break;
      kept++;
    }
    return kept;
  };
  const blocks = SLACK_LIMITS.blocks - count(head) - count(tail) - RESERVE.blocks;
  const text = SLACK_LIMITS.messageChars - chars(head) - chars(tail) - RESERVE.chars;
  // Plain lines keep a share of the room; if that leaves no item at all, the items come first.
  const withLines = fitting(blocks - Math.min(count(lines), LINES_SHARE.blocks), text - Math.min(chars(lines), LINES_SHARE.chars));
  return withLines > 0 ? withLines : fitting(blocks, text);
}

export function renderSlack(input: Reply, opts: RenderSlackOptions = {}): SlackMessage {
  // Already fitted by the delivery policy (or the publisher); fitting again is a no-op then, and a guarantee otherwise.
  const reply = fitReply(input, slackCapacity(input));
  const { head, items, lines, tail } = layout(reply, opts);
  const more: Unit[] = reply.omitted > 0 ? [{ blocks: [context(moreLine(reply))], text: inertMrkdwn(moreLine(reply)) }] : [];
  // Plain lines give way from the end when the limits are reached (the items were fitted first).
  const fixed = [...head, ...items, ...more, ...tail];
  let blocksLeft = SLACK_LIMITS.blocks - count(fixed);
  let charsLeft = SLACK_LIMITS.messageChars - chars(fixed);
  const keptLines = lines.filter((u) => {
    blocksLeft -= u.blocks.length;
    charsLeft -= blocksChars(u.blocks);
    return blocksLeft >= 0 && charsLeft >= 0;
  });
  const units = [...head, ...items, ...keptLines, ...more, ...tail];
  return {
    text: fallbackText([...head, ...items, ...keptLines], [...more, ...tail]),
    blocks: units.flatMap((u) => u.blocks),
  };
}
