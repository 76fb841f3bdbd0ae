// A plain-text article (a scraped page saved as text): the title is the first line that reads like
// one; the site header before it, "read also" link blocks, share prompts and the comment form after
// the body are dropped. Headings are the short lines without closing punctuation ("1. …" a sub-heading).
import type { Article, Block } from './article.ts';
import { CHROME_LINE, COMMENT_FORM, DATE_ONLY_LINE, RELATED_HEADINGS } from './furniture.ts';
import { parseDay } from './periods.ts';

const BULLET = /^(?:[•·▪‣◦*–-]|\d+\))\s+/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const collapse = (s: string) => s.replace(/[ \t\u00a0\u202f]+/g, (m) => (/[\u00a0\u202f]/.test(m) ? m[0]! : ' ')).trim();

function isTitle(line: string): boolean {
  return words(line) >= 4 && !/(\.\.\.|…|[.!;,])$/.test(line) && !DATE_ONLY_LINE.test(line) && !CHROME_LINE.test(line) && !RELATED_HEADINGS.test(line);
}

function isHeading(line: string): boolean {
  return line.length <= 100 && !/[.!:;,…»"”]$/.test(line) && !/^[«"“]/.test(line) && !BULLET.test(line) && !line.includes('»');
}

/** A link line of a "read also" block: short, no sentence punctuation. */
function isLinkLine(line: string): boolean {
  return line.length < 90 && !/[.!?:;»]$/.test(line);
}

export function readTextArticle(content: string): Article {
  const lines = content.split(/\r?\n/).map(collapse);
  const dropped: string[] = [];
  const titleAt = lines.findIndex(isTitle);
  const header = lines.slice(0, Math.max(titleAt, 0)).filter(Boolean);
  if (header.length > 0) dropped.push(`site header: ${header.map((l) => `"${l}"`).join(', ')}`);
  const article: Article = { title: titleAt >= 0 ? lines[titleAt]! : null, published: null, publisher: null, blocks: [], dropped };
  let skippingLinks = 0; // lines of a "read also" block still to drop
  for (let i = titleAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    if (COMMENT_FORM.test(line)) {
      dropped.push(`comment form from "${line}" to the end`);
      break;
    }
    const date = /^(?:date|publi[ée] le|published(?: on)?)\s*:?\s*(.*)$/i.exec(line);
    if (date) {
      article.published ??= parseDay(date[1]!, 'fr') ?? parseDay(date[1]!, 'en') ?? null;
      dropped.push(`date field "${line}"`);
      continue;
    }
    if (RELATED_HEADINGS.test(line)) {
      dropped.push(`"${line}" block`);
      skippingLinks = 6;
      continue;
    }
    if (skippingLinks > 0 && isLinkLine(line)) {
      skippingLinks--;
      dropped.push(`link "${line}"`);
      continue;
    }
    skippingLinks = 0;
    if (CHROME_LINE.test(line) || DATE_ONLY_LINE.test(line)) {
      dropped.push(`"${line}"`);
      continue;
    }
    article.blocks.push(toBlock(line, article.blocks.at(-1), lines[i - 1] === ''));
  }
  article.blocks = article.blocks.filter((b) => b.text.length > 0);
  return article;
}

function toBlock(line: string, previous: Block | undefined, afterBlank: boolean): Block {
  if (BULLET.test(line)) return { kind: 'item', text: line.replace(BULLET, '') };
  if (isHeading(line)) return { kind: 'heading', level: /^\d+[.)]\s/.test(line) ? 2 : 1, text: line };
  // A wrapped paragraph: this line continues the previous one.
  if (previous?.kind === 'paragraph' && !afterBlank && !/[.!?:»]$/.test(previous.text) && /^\p{Ll}/u.test(line)) {
    previous.text += ` ${line}`;
    return { kind: 'paragraph', text: '' };
  }
  return { kind: 'paragraph', text: line };
}
