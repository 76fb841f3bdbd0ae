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
// French elided articles/pronouns: l’accord → accord, qu’il → il, d’OpenAI → openai.
const ELISION = /\b(?:l|d|j|n|s|c|m|t|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/gu;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

/** Lower-case, accent-free, punctuation-free text: what "energie" = "énergie" = "ÉNERGIE" compares on. */
export function normalizeText(input: string): string {
  let s = typeof input === 'string' ? input : String(input ?? '');
  // Each step runs only when the text can need it: the index normalises every field of 100k facts.
  if (s.includes('<') || s.includes('@')) s = s.replace(CHAT_MARKUP, ' ').replace(BROADCAST, ' ');
  if (NON_ASCII.test(s)) s = s.replace(NON_ASCII_ALL, foldChar); // é → e, ’ → ', « → space…
  const ascii = !NON_ASCII.test(s); // still false for other scripts (Cyrillic, CJK…)
  s = s.replace(ASCII_CONTROLS, ' ').toLowerCase();
  if (s.includes("'")) s = s.replace(ELISION, '').replace(/([a-z\p{L}])'s\b/gu, '$1'); // nvidia's → nvidia
  if (DIGIT.test(s)) s = s.replace(/(\d)[,.](?=\d)/g, '$1\u0000'); // keep decimals (4,4 and 4.4) through punctuation removal
  s = ascii ? s.replace(/[^a-z0-9\u0000]+/g, ' ') : s.replace(/[^\p{L}\p{N}\u0000]+/gu, ' ');
  if (s.includes('\u0000')) s = s.replace(/\u0000/g, '.');
  return s.trim();
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
