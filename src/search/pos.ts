// Part of speech of the words a question uses that the base does not know, from compromise (English)
// and fr-compromise (French), tagged in the question's context. An unknown verb, adjective or adverb
// ("might poke at this", "ça repose sur quoi") is how people phrase a question; an unknown noun
// ("valuation", "revenue", "weather") is what they ask about. Loaded on first use (about 0.6 s), since
// most questions use only words the base knows; `warmPartsOfSpeech` loads it ahead of time.
import { createRequire } from 'node:module';
import type { Lang } from '../facts/schema.ts';
import { normalizeText } from './normalize.ts';

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'adverb' | 'other';

interface Term {
  text: string;
  tags: string[];
}
type Tagger = (text: string) => { json(): { terms: Term[] }[] };

const require = createRequire(import.meta.url);
let taggers: Record<Lang, Tagger> | undefined;
const cache = new Map<string, Map<string, PartOfSpeech>>();
const MAX_CACHE = 2000;

function load(): Record<Lang, Tagger> {
  taggers ??= { en: require('compromise') as Tagger, fr: require('fr-compromise') as Tagger };
  return taggers;
}

/** Whether a word is in the taggers' lexicons of common English and French words ("treat", "firm"), not a rare one ("lawer"). */
export function isCommonWord(word: string): boolean {
  const t = load() as unknown as Record<Lang, { world(): { model: { one: { lexicon: Record<string, unknown> } } } }>;
  return word in t.en.world().model.one.lexicon || word in t.fr.world().model.one.lexicon;
}

/** Loads the taggers now (at start-up) instead of on the first question with an unknown word. */
export function warmPartsOfSpeech(): void {
  load();
}

/**
 * Part of speech of each word of a question, keyed by its normalised form: the tagger reads the text as
 * typed (capitals and apostrophes help it: "I'm writing" is a verb), then each word is normalised.
 */
export function partsOfSpeech(text: string, lang: Lang): Map<string, PartOfSpeech> {
  const key = `${lang}:${text}`;
  let hit = cache.get(key);
  if (hit) return hit;
  hit = new Map();
  try {
    for (const sentence of load()[lang](text.slice(0, 1000)).json()) {
      for (const t of sentence.terms) for (const w of normalizeText(t.text).split(' ')) if (w && !hit.has(w)) hit.set(w, partOf(t.tags));
    }
  } catch {
    // A tagger failure leaves every unknown word a noun: the strict reading.
  }
  if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value!);
  cache.set(key, hit);
  return hit;
}

function partOf(tags: readonly string[]): PartOfSpeech {
  if (tags.includes('Noun') || tags.includes('ProperNoun')) return 'noun';
  if (tags.includes('Verb')) return 'verb';
  if (tags.includes('Adjective')) return 'adjective';
  if (tags.includes('Adverb')) return 'adverb';
  return 'other';
}
