// Text normalisation shared by indexing and querying, so both sides see the same tokens:
// Unicode NFKD without diacritics, lower case, French elisions, chat mention syntax and control
// characters removed, and a light plural/feminine stemmer that works for English and French.

/** Only this much of a query is searched: bounds the work done for hostile or pasted input. */
export const MAX_QUERY_CHARS = 500;
export const MAX_QUERY_TOKENS = 60;

// Slack <@U123>, <#C1|name>, <!channel>, <https://…|label>; Discord <@!1>, <#1>, <@&1>, <:emoji:1>, <t:1:R>.
const CHAT_MARKUP = /<[@#!:&a-z][^<>\s]{0,200}>/gi;
const BROADCAST = /(^|\s)@(everyone|here|channel)\b/gi;
// C0/C1 controls, zero-width and bidi marks, BOM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4\u2032]/g;
/** French elided articles and pronouns, dropped before an apostrophe and a letter: l’accord → accord, qu’il → il, d’OpenAI → openai. */
const ELIDED = new Set(['l', 'd', 'j', 'n', 's', 'c', 'm', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu']);
const ELISION = new RegExp(`\\b(?:${[...ELIDED].join('|')})'(?=\\p{L})`, 'gu');
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

/** Lower-case, accent-free, punctuation-free text: what "energie" = "énergie" = "ÉNERGIE" compares on. */
export function normalizeText(input: string): string {
  let s = typeof input === 'string' ? input : String(input ?? '');
  // Each step runs only when the text can need it: the index normalises every field of 100k facts.
  if (s.includes('<') || s.includes('@')) s = s.replace(CHAT_MARKUP, ' ').replace(BROADCAST, ' ');
  if (NON_ASCII.test(s)) s = s.replace(NON_ASCII_ALL, foldChar); // é → e, ’ → ', « → space…
  // Still non-ASCII for other scripts (Cyrillic, CJK…): those take the patterns, which know their letters.
  if (NON_ASCII.test(s)) return wordsByPatterns(s, false);
  return asciiWords(s.toLowerCase()) ?? wordsByPatterns(s, true);
}

/**
 * The folded text's words by regular expressions: controls and punctuation become spaces, French
 * elisions and English possessives go, decimals keep their point. The rules' reference form: ASCII
 * text takes asciiWords, one pass that gives the same result (a test checks both agree).
 */
export function wordsByPatterns(folded: string, ascii: boolean): string {
  let s = folded.replace(ASCII_CONTROLS, ' ').toLowerCase();
  if (s.includes("'")) s = s.replace(ELISION, '').replace(/([a-z\p{L}])'s\b/gu, '$1'); // nvidia's → nvidia
  if (DIGIT.test(s)) s = s.replace(/(\d)[,.](?=\d)/g, '$1\u0000'); // keep decimals (4,4 and 4.4) through punctuation removal
  s = ascii ? s.replace(/[^a-z0-9\u0000]+/g, ' ') : s.replace(/[^\p{L}\p{N}\u0000]+/gu, ' ');
  if (s.includes('\u0000')) s = s.replace(/\u0000/g, '.');
  return s.trim();
}

function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** A word character of a regular expression's \b (lower-cased text): a–z, 0–9, "_". */
function isWordChar(c: number): boolean {
  return isAlnum(c) || c === 95;
}

/**
 * wordsByPatterns(s, true) in one pass over lower-cased ASCII text: the runs of letters and digits
 * joined by single spaces, without elided words ("l'accord" → accord) or possessive "'s"
 * ("nvidia's" → nvidia), keeping a point or comma between digits as a decimal point. Undefined for
 * the rare text it leaves to the patterns: apostrophes in a row around one letter ("x'j's", "xj's's").
 */
function asciiWords(s: string): string | undefined {
  const words: string[] = [];
  let run = -1; // start of the current word, or -1
  let kept = ''; // the current word's text before a decimal comma
  const n = s.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : -1;
    if (isAlnum(c)) {
      if (run < 0) run = i;
      continue;
    }
    const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    if ((c === 46 || c === 44) && run >= 0 && isDigit(s.charCodeAt(i - 1)) && isDigit(next)) {
      // 4,4 and 4.4 are both the number 4.4.
      if (c === 44) {
        kept += `${s.slice(run, i)}.`;
        run = i + 1;
      }
      continue;
    }
    if (c === 39 && run >= 0) {
      const before = run > 0 ? s.charCodeAt(run - 1) : -1;
      if (!kept && next >= 97 && next <= 122 && !isWordChar(before) && ELIDED.has(s.slice(run, i))) {
        // After another apostrophe, dropping the word can join a possessive across it ("x'j's"): rare, left to the patterns.
        if (before === 39) return undefined;
        run = -1; // l'accord → accord
        continue;
      }
      const after = i + 2 < n ? s.charCodeAt(i + 2) : -1;
      const prev = s.charCodeAt(i - 1);
      if (next === 115 && prev >= 97 && prev <= 122 && !isWordChar(after)) {
        if (after === 39) return undefined; // "xj's's": the elision of the second s' comes first; left to the patterns
        words.push(kept + s.slice(run, i)); // nvidia's → nvidia
        run = -1;
        kept = '';
        i++;
        continue;
      }
    }
    if (run >= 0) {
      words.push(kept + s.slice(run, i));
      run = -1;
      kept = '';
    }
  }
  return words.join(' ');
}

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/gu;
const ASCII_CONTROLS = /[\x00-\x1f\x7f]/g;
const DIGIT = /\d/;

/** One character without accents, in lower case; invisible and control characters become a space. */
function foldChar(c: string): string {
  const hit = FOLDED.get(c);
  if (hit !== undefined) return hit;
  let f = c.replace(INVISIBLE, ' ').normalize('NFKD').replace(COMBINING, '').toLowerCase();
  f = f.replace(/[œæßøđłı]/g, (l) => LIGATURES[l] ?? l).replace(APOSTROPHES, "'");
  // Bounded: hostile input full of distinct characters must not grow the cache without end.
  if (FOLDED.size < 4096) FOLDED.set(c, f);
  return f;
}
const FOLDED = new Map<string, string>();

/** Splits normalised text into tokens; digits and letters are split apart ("10gw" → "10", "gw"). */
export function tokenize(normalized: string): string[] {
  // normalizeText leaves single spaces between words: without digits the words are the tokens.
  const clean = !DIGIT.test(normalized) && !normalized.includes('  ') && normalized[0] !== ' ' && !normalized.endsWith(' ');
  if (clean) return normalized ? normalized.split(' ') : [];
  const out: string[] = [];
  for (const raw of normalized.split(' ')) {
    if (!raw) continue;
    if (!DIGIT.test(raw)) {
      out.push(raw);
      continue;
    }
    const parts = raw.match(/\d+(?:\.\d+)?|[^\d.]+/g);
    if (!parts) continue;
    for (const p of parts) if (p && p !== '.') out.push(p);
  }
  return out;
}

/**
 * Light stemmer for English and French: folds plurals and a final feminine/silent "e", so
 * gigawatts → gigawatt, foyers → foyer, première → premier. Index and query use the same one.
 */
export function stem(token: string): string {
  let t = token;
  const c0 = t.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return t; // numbers stay as written
  const n = t.length;
  if (n > 4 && t.endsWith('ies')) t = t.slice(0, -3) + 'y';
  else if (n > 3 && t.charCodeAt(n - 1) === 115 /* s */) {
    const p = t[n - 2];
    if (p !== 's' && p !== 'u' && p !== 'i') t = t.slice(0, -1);
  } else if (n > 4 && (t.endsWith('aux') || t.endsWith('eux') || t.endsWith('oux'))) t = t.slice(0, -1);
  if (t.length > 5 && t.endsWith('e') && !t.endsWith('ee')) t = t.slice(0, -1);
  return t;
}

/**
 * Other forms a query word may stand for when the base does not know it as written: English
 * verb endings ("worried" → worry, "used" → use, "building" → build). Best guess first.
 */
export function inflections(token: string): string[] {
  const out: string[] = [];
  const n = token.length;
  const add = (w: string) => {
    if (w.length >= 3 && !out.includes(w)) out.push(w);
  };
  const undouble = (w: string) => (w.length >= 4 && w[w.length - 1] === w[w.length - 2] ? w.slice(0, -1) : w);
  if (n > 4 && token.endsWith('ied')) add(token.slice(0, -3) + 'y');
  else if (n >= 4 && token.endsWith('ed')) {
    add(token.slice(0, -2));
    add(token.slice(0, -1));
    add(undouble(token.slice(0, -2)));
  } else if (n > 5 && token.endsWith('ing')) {
    add(token.slice(0, -3));
    add(token.slice(0, -3) + 'e');
    add(undouble(token.slice(0, -3)));
  }
  return out;
}

/** Normalises and cuts a query to the bounded part that is searched. */
export function queryTokens(input: string): { normalized: string; tokens: string[] } {
  const text = typeof input === 'string' ? input : '';
  const normalized = normalizeText(text.slice(0, MAX_QUERY_CHARS * 2)).slice(0, MAX_QUERY_CHARS).trim();
  return { normalized, tokens: tokenize(normalized).slice(0, MAX_QUERY_TOKENS) };
}
