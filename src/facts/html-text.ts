// The readable text of an HTML page, parsed with htmlparser2 (the forgiving parser under cheerio; no
// regexes over markup): entities decoded, scripts and styles dropped, one line per block element, so
// that words of two paragraphs never run together. A source kept as HTML is checked against this text.
import { parseDocument } from 'htmlparser2';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';

/** Elements that never hold article text. */
export const NON_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'head']);

/** Elements that start a new line of text. */
export const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul', 'title', 'cite', 'time',
]);

/** Whether a file's content is HTML rather than plain text (by its name, else by its first tag). */
export function looksLikeHtml(name: string, content: string): boolean {
  if (/\.x?html?$/i.test(name)) return true;
  if (/\.(txt|md)$/i.test(name)) return false;
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(content);
}

/** Appends the text of `nodes` to `out`, a newline around each block element. */
export function appendText(nodes: ChildNode[], out: string[], skip: (el: Element) => boolean = () => false): void {
  for (const node of nodes) {
    if (isText(node)) out.push(node.data);
    else if (isTag(node)) {
      if (NON_TEXT.has(node.name) || skip(node)) continue;
      const block = BLOCKS.has(node.name);
      if (block) out.push('\n');
      appendText(node.children, out, skip);
      if (block) out.push('\n');
    }
  }
}

/** The page's text, one block per line, blank lines dropped. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  appendText(parseDocument(html, { decodeEntities: true }).children, out);
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v\u00a0]+/g, (m) => (m.includes('\u00a0') ? '\u00a0' : ' ')).trim())
    .filter((l) => l.length > 0)
    .join('\n');
}
