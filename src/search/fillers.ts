// Words that carry no question on their own: general stop words of English and French (the
// stopwords-iso lists, the most complete ones on npm) and chat fillers. A word the base does not
// know is only the focus of a question when it is none of these: "exactly", "still", "in total"
// must not sink an answer; "valuation" or "revenue" must.
import stopwords from 'stopwords-iso';
import { CHAT_FILLERS } from './lexicon.ts';
import { normalizeText } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';

const GENERAL = new Set<string>([...(stopwords.en ?? []), ...(stopwords.fr ?? [])].flatMap((w) => normalizeText(w).split(' ')).filter(Boolean));

/** Whether a normalised token is a stop word or a chat filler (never the focus of a question). */
export function isFiller(token: string): boolean {
  return STOP_WORDS.has(token) || CHAT_FILLERS.has(token) || GENERAL.has(token);
}
