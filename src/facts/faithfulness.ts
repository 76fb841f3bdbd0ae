// Checks that no fact says more than its source: each excerpt and quote is verbatim in the source's
// local copy, each figure is written in its fact's excerpt, and a named local copy exists. Only
// whitespace and typographic quotes/apostrophes are normalised; every word and digit must match.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { htmlToText, looksLikeHtml } from './html-text.ts';
import { findNumber, numberForms } from './number-forms.ts';
import type { Lang, Source } from './schema.ts';

/** Where a field of a fact or source is: what problems are reported against. */
export type Locate = (...path: (string | number)[]) => { file: string; line: number; field: string };

export interface FaithfulnessProblem {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** Whitespace runs (incl. no-break and narrow spaces) → one space; ‘’ʼ′ → '; “”„«»‹› → ". */
export function normalizeText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u02bc\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2033]/g, '"')
    .replace(/[\s\u00a0\u202f\u2007\u2009\u200a]+/g, ' ')
    .trim();
}

/** A local copy of a source, resolved against the working directory (the project root). */
export function sourcePath(file: string): string {
  return resolve(file);
}

/** What a fact offers as evidence, read leniently so that a fact refused by the schema is checked too. */
interface Evidence {
  source?: string;
  excerpt?: string;
  figures: { index: number; value: number }[];
  original?: string;
}

function evidenceOf(fact: unknown): Evidence {
  const f = (fact ?? {}) as Record<string, unknown>;
  const citation = (typeof f.citation === 'object' && f.citation !== null ? f.citation : {}) as Record<string, unknown>;
  const quote = (typeof f.quote === 'object' && f.quote !== null ? f.quote : {}) as Record<string, unknown>;
  const figures = Array.isArray(f.figures) ? f.figures : [];
  return {
    ...(typeof citation.source === 'string' ? { source: citation.source } : {}),
    ...(typeof citation.excerpt === 'string' && citation.excerpt.trim() ? { excerpt: citation.excerpt } : {}),
    ...(typeof quote.original === 'string' && quote.original.trim() ? { original: quote.original } : {}),
    figures: figures.flatMap((fig, index) => {
      const value = (fig as { value?: unknown } | null)?.value;
      return typeof value === 'number' && Number.isFinite(value) ? [{ index, value }] : [];
    }),
  };
}

/** Says where a text stops matching the source, so the curator knows which word to look at. */
function whereItDiffers(text: string, source: string): string {
  const words = normalizeText(text).split(' ');
  // Prefix containment is monotone: binary-search the longest prefix the source contains.
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (source.includes(words.slice(0, mid).join(' '))) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return 'not even its first word is there';
  const matched = words.slice(Math.max(0, lo - 4), lo).join(' ');
  return `it matches up to "${lo > 4 ? '… ' : ''}${matched}", then the source does not continue with "${words.slice(lo, lo + 4).join(' ')}"`;
}

export interface SourceCopy {
  /** The source's local copy, normalised; undefined when it has no `file` or the file is missing. */
  text?: string;
  lang: Lang;
  file?: string;
}

/** Reads each source's local copy; a named file that does not exist is a problem at its `file` field. */
export function readSourceCopies(
  sources: { source: Source; at: Locate }[],
  problems: FaithfulnessProblem[],
): Map<string, SourceCopy> {
  const copies = new Map<string, SourceCopy>();
  for (const { source, at } of sources) {
    if (copies.has(source.id)) continue; // a duplicate id is reported by the loader
    if (source.file === undefined) {
      copies.set(source.id, { lang: source.lang });
      continue;
    }
    const path = sourcePath(source.file);
    if (!existsSync(path)) {
      problems.push({
        ...at('file'),
        message: `file "${source.file}" does not exist (paths are relative to the project root, where dealbot runs); fix the path or remove \`file:\``,
      });
      copies.set(source.id, { lang: source.lang, file: source.file });
      continue;
    }
    const raw = readFileSync(path, 'utf8');
    // A page kept as HTML is checked against its text, as a reader sees it (no tags, entities decoded).
    const text = looksLikeHtml(source.file, raw) ? htmlToText(raw) : raw;
    copies.set(source.id, { lang: source.lang, file: source.file, text: normalizeText(text) });
  }
  return copies;
}

/** Every faithfulness problem of one fact (excerpt, quote original, figures) against its source. */
export function checkFact(fact: unknown, at: Locate, copies: Map<string, SourceCopy>): FaithfulnessProblem[] {
  const problems: FaithfulnessProblem[] = [];
  const ev = evidenceOf(fact);
  const copy = ev.source === undefined ? undefined : copies.get(ev.source);
  if (copy === undefined) return problems; // an unknown source is reported by the loader
  if (copy.text !== undefined) {
    if (ev.excerpt !== undefined && !copy.text.includes(normalizeText(ev.excerpt))) {
      problems.push({
        ...at('citation', 'excerpt'),
        message: `not found verbatim in ${copy.file}: ${whereItDiffers(ev.excerpt, copy.text)}`,
      });
    }
    if (ev.original !== undefined && !copy.text.includes(normalizeText(ev.original))) {
      problems.push({
        ...at('quote', 'original'),
        message: `quote not found verbatim in ${copy.file} (an original is never paraphrased or tidied): ${whereItDiffers(ev.original, copy.text)}`,
      });
    }
  }
  if (ev.excerpt !== undefined) {
    const excerpt = normalizeText(ev.excerpt);
    for (const { index, value } of ev.figures) {
      if (findNumber(excerpt, value, copy.lang)) continue;
      // Show the forms a curator would look for: "2,5 milliards" before "2500000000".
      const forms = numberForms(value, copy.lang);
      const decimal = copy.lang === 'fr' ? /^[\d ]+(,\d+)? \p{L}{4,}$/u : /^[\d,]+(\.\d+)? \p{L}{4,}$/u;
      const scaled = forms.filter((f) => f.kind === 'digits' && decimal.test(f.text)).at(-1);
      const plain = forms.find((f) => f.kind === 'digits' && (copy.lang === 'fr' ? !f.text.includes('.') : !/,\d{1,2}$/.test(f.text)));
      const words = forms.find((f) => f.kind === 'words');
      const shown = [...new Set([scaled, plain, words].filter((f) => f !== undefined).map((f) => `"${f.text}"`))].join(', ');
      problems.push({
        ...at('figures', index, 'value'),
        message: `${value} is not written in the excerpt (looked for ${shown}… in digits or ${copy.lang === 'fr' ? 'French' : 'English'} words); the excerpt must state the figure`,
      });
    }
  }
  return problems;
}
