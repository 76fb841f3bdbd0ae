// What every user text goes through before a command sees it: bounded, printable, one line.
export const MAX_QUERY_CHARS = 500;

// C0/C1 controls, bidi overrides/isolates and zero-width characters: invisible, and able to
// reorder or hide what is echoed back. Zero-width joiner (U+200D) stays: emoji need it.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export interface CleanText {
  text: string;
  truncated: boolean;
}

export function cleanText(raw: string, max = MAX_QUERY_CHARS): CleanText {
  // Bound the work before any regex runs over a huge input.
  const head = raw.length > max * 4 ? raw.slice(0, max * 4) : raw;
  let text = head.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  let truncated = raw.length > max * 4;
  if ([...text].length > max) {
    text = [...text].slice(0, max).join('').trim();
    truncated = true;
  }
  return { text, truncated };
}

/** Folds case and accents so "Chronologie", "chronologie" and "CHRONOLOGIE" pick the same command. */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
