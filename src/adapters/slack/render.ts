// Reply → Slack message ({ text, blocks }). Pure: the same Reply always gives the same payload,
// which is what the bot sends and what `dealbot ask --render slack` prints.
// Every string is escaped (nothing typed by a user can link or ping) and the message stays
// inside Slack's limits: a long answer is cut with "… and N more" instead of being rejected.
import type { types } from '@slack/bolt';
import type { Lang } from '../../facts/schema.ts';
import type { Reply, ReplyItem } from '../../core/reply.ts';
import { chartBlocks, chartTableMrkdwn } from './chart.ts';
import { cut, escapeSlack } from './text.ts';

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
  /** Slack accepts more, but messages past ~10k characters are cut or refused in practice. */
  messageChars: 10_000,
  buttonValue: 2000,
} as const;

/** The action id of the "Share in channel" button (matched by the app's action handler). */
export const SHARE_ACTION_ID = 'dealbot_share';

const UI: Record<Lang, { share: string; sharedBy: (n: string) => string; askedBy: (n: string) => string; more: (n: number) => string }> = {
  en: {
    share: 'Share in channel',
    sharedBy: (n) => `Shared by @${n}`,
    askedBy: (n) => `Asked by @${n}`,
    more: (n) => `… and ${n} more (try a narrower question)`,
  },
  fr: {
    share: 'Partager dans le canal',
    sharedBy: (n) => `Partagé par @${n}`,
    askedBy: (n) => `Demandé par @${n}`,
    more: (n) => `… et ${n} de plus (essayez une question plus précise)`,
  },
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
}

/** Escaped and cut to fit a Slack text field. */
function field(text: string, max: number): string {
  const out = cut(escapeSlack(text), max);
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
  return url && /^https?:\/\/[^\s|<>]+$/.test(url) ? url : undefined;
}

/** The item's main line: figure in bold, quote as a block quote with speaker. Escaped here. */
function itemMrkdwn(item: ReplyItem): string {
  const parts: string[] = [];
  const when = item.when ? `_${escapeSlack(item.when)}_ · ` : '';
  if (item.quote) {
    const q = item.quote;
    const who = [q.speaker, q.role, q.organisation].filter(Boolean).join(', ');
    if (q.translation) {
      parts.push(`> “${escapeSlack(q.translation)}”`);
      parts.push(`> _« ${escapeSlack(q.text)} »_`);
    } else {
      parts.push(`> « ${escapeSlack(q.text)} »`);
    }
    parts.push(`${when}— *${escapeSlack(who)}*`);
  } else {
    if (item.figure) parts.push(`*${escapeSlack(item.figure)}*`);
    parts.push(`${when}${escapeSlack(item.text)}`);
  }
  const out = cut(parts.join('\n'), SLACK_LIMITS.sectionText);
  return out.trim() ? out : '…'; // Slack refuses an empty section (an item with no text)
}

/** The citation line under an item: source label, linked when it has a URL, and as-of time. */
function citationMrkdwn(item: ReplyItem): string {
  const c = item.citation;
  // Each part is cut on its own, so a cut never lands inside the <url|label> link.
  const url = safeUrl(c.url);
  const label = cut(escapeSlack(c.label), 1500);
  const linked = url && url.length <= 1000 ? `<${escapeSlack(url)}|${label.replace(/\|/g, '¦')}>` : label;
  const asOf = c.asOf ? ` · ${cut(escapeSlack(c.asOf), 200)}` : '';
  return cut(`📎 ${linked}${asOf}`, SLACK_LIMITS.sectionText);
}

function itemText(item: ReplyItem): string {
  const main = item.quote
    ? `“${item.quote.translation ?? item.quote.text}” — ${[item.quote.speaker, item.quote.role, item.quote.organisation].filter(Boolean).join(', ')}`
    : `${item.figure ? `${item.figure}: ` : ''}${item.text}`;
  const when = item.when ? `${item.when} · ` : '';
  const url = safeUrl(item.citation.url);
  return `• ${when}${main}\n  ${item.citation.label}${url ? ` ${url}` : ''}${item.citation.asOf ? ` · ${item.citation.asOf}` : ''}`;
}

/** Characters of every text field in the blocks (what the message-size budget counts). */
export function blocksChars(blocks: readonly KnownBlock[]): number {
  let n = 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') n += x.length;
        else visit(x);
      }
    }
  };
  visit(blocks);
  return n;
}

/** One piece of the body that is kept or cut as a whole. */
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

export function renderSlack(reply: Reply, opts: RenderSlackOptions = {}): SlackMessage {
  const ui = UI[reply.lang];

  const header: HeaderBlock = {
    type: 'header',
    text: { type: 'plain_text', text: field(reply.title || 'dealbot', SLACK_LIMITS.headerText), emoji: false },
  };
  const head: Unit[] = [{ blocks: [header], text: `*${field(reply.title || 'dealbot', SLACK_LIMITS.headerText)}*` }];
  if (reply.intro?.trim()) head.push({ blocks: [section(reply.intro)], text: escapeSlack(reply.intro) });
  if (reply.chart) head.push({ blocks: chartBlocks(reply.chart, opts.chart ?? 'native'), text: chartTableMrkdwn(reply.chart) });

  const body: Unit[] = reply.items.map((item) => ({
    blocks: [
      { type: 'section', text: mrkdwn(itemMrkdwn(item)) } satisfies SectionBlock,
      { type: 'context', elements: [mrkdwn(citationMrkdwn(item))] } satisfies ContextBlock,
    ],
    text: escapeSlack(itemText(item)),
  }));
  // Plain lines (help, notices): one section per line keeps each under the section limit.
  for (const line of reply.lines.filter((l) => l.trim())) body.push({ blocks: [section(line)], text: escapeSlack(line) });

  const tail: Unit[] = [];
  const suggestions = reply.suggestions.filter((x) => x.trim());
  if (suggestions.length) {
    const s = suggestions.join(' · ');
    tail.push({ blocks: [context(s)], text: escapeSlack(s) });
  }
  if (reply.footer?.trim()) tail.push({ blocks: [context(reply.footer)], text: escapeSlack(reply.footer) });
  if (opts.attribution) {
    const by = opts.attribution.kind === 'shared' ? ui.sharedBy(opts.attribution.name) : ui.askedBy(opts.attribution.name);
    tail.push({ blocks: [context(by)], text: `_${escapeSlack(by)}_` });
  }
  if (opts.shareValue !== undefined && opts.shareValue.length <= SLACK_LIMITS.buttonValue) {
    const actions: ActionsBlock = {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: SHARE_ACTION_ID,
          text: { type: 'plain_text', text: ui.share, emoji: false },
          value: opts.shareValue,
        },
      ],
    };
    tail.push({ blocks: [actions], text: '' });
  }

  // Budget: what head and tail take, plus room for the "… and N more" line.
  const count = (units: Unit[]) => units.reduce((n, u) => n + u.blocks.length, 0);
  const chars = (units: Unit[]) => units.reduce((n, u) => n + blocksChars(u.blocks), 0);
  const moreReserve = { blocks: 1, chars: 120 };
  let blocksLeft = SLACK_LIMITS.blocks - count(head) - count(tail) - moreReserve.blocks;
  let charsLeft = SLACK_LIMITS.messageChars - chars(head) - chars(tail) - moreReserve.chars;
  const kept: Unit[] = [];
  for (const unit of body) {
    const b = unit.blocks.length;
    const c = blocksChars(unit.blocks);
    if (b > blocksLeft || c > charsLeft) break;
    kept.push(unit);
    blocksLeft -= b;
    charsLeft -= c;
  }
  const dropped = body.length - kept.length;
  const more: Unit[] = dropped > 0 ? [{ blocks: [context(ui.more(dropped))], text: escapeSlack(ui.more(dropped)) }] : [];

  const units = [...head, ...kept, ...more, ...tail];
  return {
    text: fallbackText([...head, ...kept], [...more, ...tail]),
    blocks: units.flatMap((u) => u.blocks),
  };
}
