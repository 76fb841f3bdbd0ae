// An article as the draft reads it: its title, what it says about itself, and its blocks of text in
// order (headings, paragraphs, list items), page furniture already removed.
import { franc } from 'franc-min';
import { looksLikeHtml } from '../facts/html-text.ts';
import type { Lang } from '../facts/schema.ts';
import { readHtmlArticle } from './html-article.ts';
import { readTextArticle } from './text-article.ts';

export interface Block {
  kind: 'heading' | 'paragraph' | 'item';
  /** Headings only: 1 for a section, 2 for a sub-section ("1. …" in plain text, h3 in HTML), … */
  level?: number;
  /** The block's text as the source prints it, whitespace runs collapsed. */
  text: string;
}

export interface Article {
  title: string | null;
  /** ISO date when the page states one (a `<time datetime>`, "Publié le 2 mars 2026"); null otherwise. */
  published: string | null;
  /** The site's name when the page states it (og:site_name); null otherwise. */
  publisher: string | null;
  /** The language the page declares (`<html lang>`), if any. */
  declaredLang?: string;
  blocks: Block[];
  /** Short descriptions of what was dropped as page furniture, for the draft's header comment. */
  dropped: string[];
}

/** Reads a plain-text or HTML article (told apart by name, then content). */
export function readArticle(name: string, content: string): Article {
  return looksLikeHtml(name, content) ? readHtmlArticle(content) : readTextArticle(content);
}

/** The article's language, detected from its text with franc (trigram model, restricted to en/fr). */
export function detectLang(article: Article): Lang {
  const text = [article.title ?? '', ...article.blocks.map((b) => b.text)].join('\n');
  const guess = franc(text, { only: ['fra', 'eng'], minLength: 10 });
  if (guess === 'fra') return 'fr';
  if (guess === 'eng') return 'en';
  return article.declaredLang?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Each block with the heading path it stands under ("Part › 1. Sub"); "Introduction" before the first. */
export function withSections(blocks: Block[]): { block: Block; section: string }[] {
  const stack: { level: number; text: string }[] = [];
  const out: { block: Block; section: string }[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const level = block.level ?? 1;
      while (stack.length > 0 && stack.at(-1)!.level >= level) stack.pop();
      stack.push({ level, text: block.text });
      continue;
    }
    out.push({ block, section: stack.length === 0 ? 'Introduction' : stack.map((h) => h.text).join(' › ') });
  }
  return out;
}
