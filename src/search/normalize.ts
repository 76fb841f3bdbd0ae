// Text normalisation shared by indexing and querying, so both sides see the same tokens:
// Unicode NFKD without diacritics, lower case, French elisions, chat mention syntax and control
// characters removed, and a light plural/feminine stemmer that works for English and French.

/** Only this much of a query is searched: bounds the work done for hostile or pasted input. */
export const MAX_QUERY_CHARS = 500;
export const MAX_QUERY_TOKENS = 40;

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
  s = s.replace(CHAT_MARKUP, ' ').replace(BROADCAST, ' ').replace(INVISIBLE, ' ');
  s = s.normalize('NFKD').replace(COMBINING, '').toLowerCase();
  s = s.replace(/[œæßøđłı]/g, (c) => LIGATURES[c] ?? c);
  s = s.replace(APOSTROPHES, "'").replace(ELISION, '');
  s = s.replace(/(\p{L})'s\b/gu, '$1'); // English possessive: nvidia's → nvidia
  s = s.replace(/(\d)[,.](?=\d)/g, '$1\u0000'); // keep decimals (4,4 and 4.4) through punctuation removal
  s = s.replace(/[^\p{L}\p{N}\u0000]+/gu, ' ').replace(/\u0000/g, '.');
  return s.replace(/\s+/g, ' ').trim();
}

/** Splits normalised text into tokens; digits and letters are split apart ("10gw" → "10", "gw"). */
export function tokenize(normalized: string): string[] {
  const out: string[] = [];
  for (const raw of normalized.split(' ')) {
    if (!raw) continue;
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
  if (/^\d/.test(t)) return t;
  if (t.length > 4 && t.endsWith('ies')) t = t.slice(0, -3) + 'y';
  else if (t.length > 3 && t.endsWith('s') && !/(ss|us|is)$/.test(t)) t = t.slice(0, -1);
  else if (t.length > 4 && t.endsWith('x') && /[aeo]ux$/.test(t)) t = t.slice(0, -1);
  if (t.length > 5 && t.endsWith('e') && !t.endsWith('ee')) t = t.slice(0, -1);
  return t;
}

/** Normalises and cuts a query to the bounded part that is searched. */
export function queryTokens(input: string): { normalized: string; tokens: string[] } {
  const text = typeof input === 'string' ? input : '';
  const normalized = normalizeText(text.slice(0, MAX_QUERY_CHARS * 2)).slice(0, MAX_QUERY_CHARS).trim();
  return { normalized, tokens: tokenize(normalized).slice(0, MAX_QUERY_TOKENS) };
}
