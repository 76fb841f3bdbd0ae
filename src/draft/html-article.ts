// An HTML article, read with htmlparser2 and domutils: the <article> (else <main>, else <body>) without
// its page chrome — nav, header and footer outside the article, aside, forms, buttons, share, "read
// also" and comment blocks (by tag, ARIA role, class/id words, or their heading's words) — as blocks:
// h2… as headings, p / li / blockquote / figcaption as paragraphs and items.
import { parseDocument } from 'htmlparser2';
import { type ChildNode, type Document, type Element, isTag } from 'domhandler';
import { findOne, getAttributeValue, textContent } from 'domutils';
import { appendText } from '../facts/html-text.ts';
import type { Article, Block } from './article.ts';
import { CHROME_ATTRIBUTE, CHROME_LINE, CHROME_ROLES, COMMENT_FORM, RELATED_HEADINGS } from './furniture.ts';

const CHROME_TAGS = new Set(['nav', 'aside', 'form', 'button', 'select', 'input', 'textarea', 'label', 'menu', 'dialog']);
const HEADINGS = /^h([1-6])$/;
const clean = (s: string) => s.replace(/[ \t\r\n\f\v]+/g, ' ').replace(/ ?\u00a0 ?/g, '\u00a0').trim();

function inside(el: Element, names: string[]): boolean {
  for (let p = el.parent; p && isTag(p); p = p.parent) if (names.includes(p.name)) return true;
  return false;
}

/** The first heading's text of an element, to tell a "read also" or comments box by its title. */
function headingText(el: Element): string {
  const h = findOne((n) => HEADINGS.test(n.name), el.children, true);
  return h ? clean(textContent(h)) : '';
}

/** Whether an element is page chrome; `why` gets a short description of what was dropped. */
function isChrome(el: Element, why: string[]): boolean {
  const attrs = `${getAttributeValue(el, 'class') ?? ''} ${getAttributeValue(el, 'id') ?? ''}`;
  const role = getAttributeValue(el, 'role') ?? '';
  let reason: string | undefined;
  if (CHROME_TAGS.has(el.name)) reason = `<${el.name}>`;
  else if ((el.name === 'header' || el.name === 'footer') && !inside(el, ['article', 'main', 'blockquote', 'figure'])) reason = `page <${el.name}>`;
  else if (CHROME_ROLES.has(role)) reason = `role=${role}`;
  else if (CHROME_ATTRIBUTE.test(attrs.trim())) reason = `<${el.name} ${attrs.trim()}>`;
  else {
    const heading = headingText(el);
    const own = clean(textContent(el));
    if (el.name !== 'article' && el.name !== 'main' && el.name !== 'body' && (RELATED_HEADINGS.test(heading) || COMMENT_FORM.test(heading) || RELATED_HEADINGS.test(own))) {
      reason = `"${(heading || own).slice(0, 40)}" block`;
    }
  }
  if (reason) why.push(reason);
  return reason !== undefined;
}

function meta(doc: Document, property: string): string | null {
  const el = findOne((n) => n.name === 'meta' && (getAttributeValue(n, 'property') === property || getAttributeValue(n, 'name') === property), doc.children, true);
  const v = el ? getAttributeValue(el, 'content')?.trim() : undefined;
  return v ? v : null;
}

export function readHtmlArticle(html: string): Article {
  const doc = parseDocument(html, { decodeEntities: true });
  const dropped: string[] = [];
  const find = (name: string) => findOne((n) => n.name === name, doc.children, true);
  const root = find('article') ?? find('main') ?? find('body') ?? doc;
  const h1 = findOne((n) => n.name === 'h1', (root as Element).children ?? doc.children, true) ?? find('h1');
  const time = findOne((n) => n.name === 'time' && getAttributeValue(n, 'datetime') !== undefined, (root as Element).children, true);
  const published = (time && getAttributeValue(time, 'datetime')) || meta(doc, 'article:published_time');
  const htmlEl = find('html');
  const blocks: Block[] = [];
  if (root !== find('body') && root !== doc) dropped.push(`everything outside <${(root as Element).name}> (site header, navigation, comments, footer)`);
  walk((root as Element).children, blocks, dropped, h1);
  return {
    title: h1 ? clean(textContent(h1)) : (meta(doc, 'og:title') ?? (find('title') ? clean(textContent(find('title')!)) : null)),
    published: published && /^\d{4}-\d\d-\d\d/.test(published) ? published.slice(0, 10) : null,
    publisher: meta(doc, 'og:site_name'),
    ...(htmlEl && getAttributeValue(htmlEl, 'lang') ? { declaredLang: getAttributeValue(htmlEl, 'lang')! } : {}),
    blocks,
    dropped,
  };
}

/** The text of an element as blocks see it: inline markup joined, nested blocks on their own lines. */
function textOf(el: Element, dropped: string[]): string {
  const out: string[] = [];
  appendText(el.children, out, (child) => isChrome(child, dropped));
  return out.join('').split('\n').map(clean).filter(Boolean).join(' ');
}

function walk(nodes: ChildNode[], blocks: Block[], dropped: string[], h1: Element | null): void {
  for (const node of nodes) {
    if (!isTag(node) || node === h1) continue;
    if (isChrome(node, dropped)) continue;
    const heading = HEADINGS.exec(node.name);
    if (heading) {
      const text = clean(textContent(node));
      if (text) blocks.push({ kind: 'heading', level: Math.max(1, Number(heading[1]) - 1), text });
      continue;
    }
    if (['p', 'li', 'blockquote', 'figcaption', 'dd', 'dt', 'pre', 'td'].includes(node.name)) {
      // A list item or quote holding blocks of its own is walked; otherwise it is one block.
      const hasBlocks = node.name !== 'p' && findOne((n) => ['p', 'li', 'ul', 'ol', 'h2', 'h3', 'h4'].includes(n.name), node.children, true);
      if (!hasBlocks || node.name === 'blockquote') {
        const text = textOf(node, dropped);
        if (text && !CHROME_LINE.test(text)) blocks.push({ kind: node.name === 'li' ? 'item' : 'paragraph', text });
        continue;
      }
    }
    if (node.name === 'header' && h1 && findOne((n) => n === h1, node.children, true)) {
      dropped.push('the article header around the title (byline, date)');
      continue;
    }
    walk(node.children, blocks, dropped, h1);
  }
}
