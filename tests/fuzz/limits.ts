// What a rendered payload must satisfy whatever the Reply: each platform's hard limits, no
// active mention, and every item shown with its citation. Each check throws a message naming
// the broken rule, so a fast-check counterexample explains itself.
import type { DiscordPayload } from '../../src/adapters/discord/render.ts';
import type { SlackMessage } from '../../src/adapters/slack/render.ts';
import type { Reply } from '../../src/core/reply.ts';

function fail(rule: string, detail?: unknown): never {
  const shown = detail === undefined ? '' : `: ${JSON.stringify(detail).slice(0, 300)}`;
  throw new Error(`${rule}${shown}`);
}

/** "… and 3 more" / "… et 3 de plus": the most items any line says were left out. */
function droppedCount(texts: string[]): number {
  let n = 0;
  for (const t of texts) for (const m of t.matchAll(/… (?:and|et) (\d+) (?:more|de plus)/g)) n = Math.max(n, Number(m[1]));
  return n;
}

/**
 * Every shown item has its citation; the items not shown, with those the reply already left out,
 * are announced once, with the right total ("… and N more").
 */
function checkCited(platform: string, reply: Reply, cited: number, dropped: number, mores: number): void {
  const items = reply.items.length;
  if (cited > items) fail(`${platform}: more citations (${cited}) than items (${items})`);
  const left = reply.omitted + (items - cited);
  if (left > 0 && (dropped !== left || mores !== 1)) {
    fail(`${platform}: ${left} items left out (${reply.omitted} by the reply), but ${mores} "more" line(s) saying ${dropped}`);
  }
  if (left === 0 && mores > 0) fail(`${platform}: nothing left out, yet a "more" line`);
}

/** How many "… and N more" lines the texts hold. */
function moreLines(texts: string[]): number {
  return texts.reduce((n, t) => n + [...t.matchAll(/… (?:and|et) \d+ (?:more|de plus)/g)].length, 0);
}

// ---------- Slack ----------

export const SLACK = { blocks: 50, sectionText: 3000, headerText: 150, contextElements: 10, messageChars: 10_000, fallbackText: 40_000, buttonText: 75, buttonValue: 2000 };

type TextObj = { type: string; text: string };

/** Slack parses `<…>` in mrkdwn: only our own http(s) links may remain, never `<!…>`, `<@…>`, `<#…>`. */
function checkSlackMarkup(text: string, where: string): void {
  const withoutLinks = text.replace(/<https?:\/\/[^\s<>|]+(?:\|[^<>]*)?>/g, '');
  if (withoutLinks.includes('<')) fail(`Slack ${where}: unescaped "<" (possible mention or link)`, text.slice(Math.max(0, withoutLinks.indexOf('<') - 20), withoutLinks.indexOf('<') + 40));
  if (/<[!@#]/.test(text)) fail(`Slack ${where}: active mention`, text);
}

function checkText(obj: TextObj | undefined, max: number, where: string): number {
  if (!obj || typeof obj.text !== 'string') fail(`Slack ${where}: missing text object`, obj);
  if (obj.text.length < 1) fail(`Slack ${where}: empty text`);
  if (obj.text.length > max) fail(`Slack ${where}: ${obj.text.length} chars > ${max}`);
  if (obj.type === 'mrkdwn') checkSlackMarkup(obj.text, where);
  else if (/<[!@#]/.test(obj.text)) fail(`Slack ${where}: mention syntax in plain text`, obj.text);
  return obj.text.length;
}

export function checkSlack(msg: SlackMessage, reply: Reply): void {
  const blocks = msg.blocks as unknown as { type: string; text?: TextObj; elements?: (TextObj & { text: TextObj | string; value?: string; action_id?: string })[] }[];
  if (blocks.length > SLACK.blocks) fail(`Slack: ${blocks.length} blocks > ${SLACK.blocks}`);
  let chars = 0;
  const contexts: string[] = [];
  let cited = 0;
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type})`;
    switch (b.type) {
      case 'header':
        if (b.text?.type !== 'plain_text') fail(`Slack ${where}: header text must be plain_text`);
        chars += checkText(b.text, SLACK.headerText, where);
        break;
      case 'section':
        chars += checkText(b.text, SLACK.sectionText, where);
        break;
      case 'context': {
        const els = b.elements ?? [];
        if (els.length < 1 || els.length > SLACK.contextElements) fail(`Slack ${where}: ${els.length} elements`);
        for (const e of els) {
          chars += checkText(e as TextObj, SLACK.sectionText, where);
          contexts.push(String(e.text));
        }
        if (/^\[\d+\]/.test(String(els[0]!.text))) {
          if (blocks[i - 1]?.type !== 'section') fail(`Slack ${where}: a citation not right under its item`);
          cited++;
        }
        break;
      }
      case 'actions':
        for (const e of b.elements ?? []) {
          const label = e.text as TextObj;
          chars += checkText(label, SLACK.buttonText, `${where} button`);
          if ((e.value ?? '').length > SLACK.buttonValue) fail(`Slack ${where}: button value too long`);
        }
        break;
      case 'divider':
        break;
      default:
        fail(`Slack ${where}: unexpected block type`);
    }
  });
  if (chars > SLACK.messageChars) fail(`Slack: ${chars} chars in blocks > ${SLACK.messageChars}`);
  if (msg.text.length > SLACK.fallbackText) fail(`Slack: fallback text ${msg.text.length} chars > ${SLACK.fallbackText}`);
  checkSlackMarkup(msg.text, 'fallback text');
  checkCited('Slack', reply, cited, droppedCount(contexts), moreLines(contexts));
}

// ---------- Discord ----------

export const DISCORD = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000, embeds: 10, buttonLabel: 80, customId: 100 };

/** What would look like (or be) a mention once Discord renders it. */
const DISCORD_MENTION = /<[@#]|<\/\w|<a?:\w+:\d|<t:\d|<id:|@(everyone|here)/i;

function checkDiscordText(text: string | undefined, max: number, where: string, required = false): number {
  if (text === undefined) {
    if (required) fail(`Discord ${where}: missing`);
    return 0;
  }
  if (required && text.trim().length === 0) fail(`Discord ${where}: empty`);
  if (text.length > max) fail(`Discord ${where}: ${text.length} chars > ${max}`);
  const m = DISCORD_MENTION.exec(text);
  if (m) fail(`Discord ${where}: mention syntax "${m[0]}"`, text.slice(Math.max(0, m.index - 20), m.index + 30));
  return text.length;
}

export function checkDiscord(payload: DiscordPayload, reply: Reply): void {
  if (JSON.stringify(payload.allowed_mentions) !== '{"parse":[]}') fail('Discord: allowed_mentions must be { parse: [] }', payload.allowed_mentions);
  if (payload.embeds.length < 1 || payload.embeds.length > DISCORD.embeds) fail(`Discord: ${payload.embeds.length} embeds`);
  let total = 0;
  let cited = 0;
  const descriptions: string[] = [];
  payload.embeds.forEach((e, i) => {
    const w = `embed ${i}`;
    total += checkDiscordText(e.title, DISCORD.title, `${w} title`);
    total += checkDiscordText(e.description, DISCORD.description, `${w} description`);
    total += checkDiscordText(e.footer?.text, DISCORD.footer, `${w} footer`);
    total += checkDiscordText(e.author?.name, 256, `${w} author`);
    if (e.description) descriptions.push(e.description);
    const fields = e.fields ?? [];
    if (fields.length > DISCORD.fields) fail(`Discord ${w}: ${fields.length} fields`);
    fields.forEach((f, j) => {
      total += checkDiscordText(f.name, DISCORD.fieldName, `${w} field ${j} name`, true);
      total += checkDiscordText(f.value, DISCORD.fieldValue, `${w} field ${j} value`, true);
      if (f.name !== 'Sources' && /^\\\[\d+\\\]/.test(f.value.split('\n').at(-1) ?? '')) cited++;
    });
    const content = [e.title, e.description, e.footer?.text, ...fields.map((f) => f.name + f.value)].join('');
    if (content.trim().length === 0) fail(`Discord ${w}: empty embed (the API refuses it)`);
  });
  if (total > DISCORD.total) fail(`Discord: ${total} chars in embeds > ${DISCORD.total}`);
  if (payload.components.length > 5) fail('Discord: more than 5 component rows');
  for (const row of payload.components) {
    for (const c of row.components as { label?: string; custom_id?: string }[]) {
      checkDiscordText(c.label, DISCORD.buttonLabel, 'button label');
      if ((c.custom_id ?? '').length > DISCORD.customId) fail('Discord: custom_id too long');
    }
  }
  checkCited('Discord', reply, cited, droppedCount(descriptions), moreLines(descriptions));
}
