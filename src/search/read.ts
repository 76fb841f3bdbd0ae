// Reading a question: the text a chat user typed becomes normalised tokens (mention syntax, the
// "/deal" prefix, accents and chat spellings handled), its language and its form.
import type { Lang } from '../facts/schema.ts';
import { readForm, type QuestionForm } from './form.ts';
import { guessLang } from './lang.ts';
import { CHAT_SPELLINGS } from './lexicon.ts';
import { normalizeText, queryTokens, tokenize, MAX_QUERY_TOKENS } from './normalize.ts';
import { isDictionaryWord } from './dictionary.ts';
import { STOP_WORDS } from './stopwords.ts';
import { editDistance, isSwap } from './typo.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Reading {
  /** The text searched: at most 2,000 characters of the input, without a leading "/deal". */
  raw: string;
  /** Normalised (no accents, no punctuation, lower case), at most 500 characters. */
  normalized: string;
  /** Normalised tokens with chat spellings spelt out ("koi" → "quoi"), stop words kept, at most 40. */
  tokens: string[];
  /** Chat spellings that were spelt out, as [typed, read]. */
  spellings: [string, string][];
  lang: Lang;
  form: QuestionForm;
}

const SPELLED = new Map(Object.entries(CHAT_SPELLINGS).map(([k, v]) => [k, tokenize(normalizeText(v))]));

/** Never throws: any input (non-strings included) reads as some question, maybe empty. */
/** Question words whose misspellings are worth repairing before the form is read ("combein", "wat"). */
const QUESTION_WORDS = ['what', 'when', 'where', 'which', 'who', 'why', 'how', 'much', 'many', 'quand', 'combien', 'comment', 'pourquoi', 'quoi', 'quel', 'quelle', 'qui'];

/**
 * A misspelt question word ("combein", "wat", "pourquio"), when the word is neither known to the base
 * nor a word of English or French (unless two letters were swapped).
 */
function questionWord(tok: string, knows?: (token: string) => boolean): string | undefined {
  if (tok.length < 3 || STOP_WORDS.has(tok) || !/^[a-z]+$/.test(tok)) return undefined;
  for (const q of QUESTION_WORDS) {
    if (Math.abs(q.length - tok.length) > 1 || editDistance(tok, q, 1) > 1) continue;
    if (knows?.(tok)) return undefined;
    if (isDictionaryWord(tok) && !isSwap(tok, q)) return undefined;
    return q;
  }
  return undefined;
}

/**
 * Never throws: any input (non-strings included) reads as some question, maybe empty. `knows` tells
 * whether the base holds a token (so a word of the base is never taken for a misspelt question word).
 */
export function readQuestion(query: unknown, askerLang: Lang | undefined, vocab: Vocabulary, knows?: (token: string) => boolean): Reading {
  const raw = (typeof query === 'string' ? query : query == null ? '' : String(query)).slice(0, 2000).replace(/^\s*\/\s*deal\b/i, ' ');
  // "%" is a word in a question ("cb de % en bourse"); normalising would drop it.
  const { normalized, tokens: typed } = queryTokens(raw.includes('%') ? raw.replace(/%/g, ' percent ') : raw);
  const tokens: string[] = [];
  const spellings: [string, string][] = [];
  for (const tok of typed) {
    const spelled = SPELLED.get(tok) ?? (() => {
      const q = questionWord(tok, knows);
      return q ? [q] : undefined;
    })();
    if (spelled) {
      spellings.push([tok, spelled.join(' ')]);
      tokens.push(...spelled);
    } else tokens.push(tok);
  }
  tokens.length = Math.min(tokens.length, MAX_QUERY_TOKENS);
  const langText = spellings.length ? `${raw} ${spellings.map(([, s]) => s).join(' ')}` : raw;
  const lang: Lang = guessLang(langText, vocab) ?? (askerLang === 'fr' ? 'fr' : 'en');
  return { raw, normalized, tokens, spellings, lang, form: readForm(tokens, raw) };
}
