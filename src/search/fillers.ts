// Words that carry no question on their own: general stop words of English and French (the
// stopwords-iso lists, the most complete ones on npm) and chat fillers. A word the base does not
// know is only the focus of a question when it is none of these: "exactly", "still", "in total"
// must not sink an answer; "valuation" or "revenue" must.
import { createRequire } from 'node:module';
import { CHAT_FILLERS, CONCEPTS } from './lexicon.ts';
import { normalizeText } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';

/**
 * ISO 639-1 code → stop words of that language, lower case. The package is a JSON file: required, since
 * Node's ESM loader takes a JSON import only with an import attribute (the compiled dist/ would not start).
 */
const stopwords = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

/**
 * stopwords-iso merges lists scraped from the web: besides real stop words they hold a company name
 * ("microsoft"), units ("gw") and words of the domain ("billion", "value", "first"). A word the domain
 * lexicon names is never a stop word here.
 */
const NOT_STOP_WORDS = new Set(['microsoft', 'gw', 'h', 'system', 'date', 'open', 'opens', 'text']);
const DOMAIN_WORDS = new Set(CONCEPTS.flatMap((c) => [...c.en, ...c.fr]).map(normalizeText).filter((w) => !w.includes(' ')));
const GENERAL = new Set<string>(
  [...(stopwords.en ?? []), ...(stopwords.fr ?? [])]
    .flatMap((w) => normalizeText(w).split(' '))
    .filter((w) => w && !NOT_STOP_WORDS.has(w) && !DOMAIN_WORDS.has(w)),
);

/** Whether a normalised token is a stop word or a chat filler (never the focus of a question). */
export function isFiller(token: string): boolean {
  return STOP_WORDS.has(token) || CHAT_FILLERS.has(token) || GENERAL.has(token);
}
