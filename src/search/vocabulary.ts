// The base's own words for questions: each topic's label and words (a topic word stands for the
// others of its topic, weakly: "households" is related to energy, not a synonym), plus which words
// only one language side uses (for language detection) and how a stem is spelt (for messages).
import type { FactBase } from '../facts/load.ts';
import { CONCEPTS } from './lexicon.ts';
import { normalizeText, stem, tokenize } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';
import type { WordSides } from './index.ts';

/** How much a word of a topic stands for the topic's other words. */
const TOPIC_WEIGHT = 0.3;

/** Normalised, stemmed, stop-word-free terms of a text (what the index and the query compare). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const tok of tokenize(normalizeText(text))) {
    if (STOP_WORDS.has(tok)) continue;
    out.push(stem(tok));
  }
  return out;
}

export class Vocabulary {
  /** Topic word groups as stems; ids index this array. */
  readonly groups: { stems: string[]; weight: number }[] = [];
  readonly groupsOf = new Map<string, number[]>();
  /** Stems seen only on the French / only on the English side (for language detection). */
  readonly frOnly = new Set<string>();
  readonly enOnly = new Set<string>();
  /**
   * Spellings seen only on the French / only on the English side, for stems both sides share
   * ("energy" and "énergie" stem alike; as written, each tells its language).
   */
  readonly frOnlyWords = new Set<string>();
  readonly enOnlyWords = new Set<string>();
  /** Normalised topic label or word phrase → topic ids. */
  readonly topicByPhrase = new Map<string, string[]>();
  /** Stem → a word as people write it. */
  readonly surface: Map<string, string>;

  /** sides: what indexing the facts learnt (language sides and spellings of the base's words). */
  constructor(base: FactBase, sides: WordSides) {
    const en = sides.en;
    const fr = sides.fr;
    this.surface = sides.surface;
    const enWords = new Set<string>();
    const frWords = new Set<string>();
    const note = (word: string, lang?: 'en' | 'fr'): string[] => {
      const out: string[] = [];
      for (const tok of tokenize(normalizeText(word))) {
        if (STOP_WORDS.has(tok) && tok !== 'ai') continue;
        const s = stem(tok);
        out.push(s);
        this.noteSurface(s, tok);
        if (lang === 'en') {
          en.add(s);
          enWords.add(tok);
        }
        if (lang === 'fr') {
          fr.add(s);
          frWords.add(tok);
        }
      }
      return out;
    };
    for (const c of CONCEPTS) {
      for (const w of c.en) note(w, 'en');
      for (const w of c.fr) note(w, 'fr');
    }
    for (const t of base.topics.values()) {
      const stems = new Set<string>([
        ...note(t.label.en, 'en'),
        ...note(t.label.fr, 'fr'),
        ...t.words.en.flatMap((w) => note(w, 'en')),
        ...t.words.fr.flatMap((w) => note(w, 'fr')),
      ]);
      if (stems.size >= 2) {
        const id = this.groups.length;
        this.groups.push({ stems: [...stems], weight: TOPIC_WEIGHT });
        for (const s of stems) push(this.groupsOf, s, id);
      }
      for (const phrase of [t.label.en, t.label.fr, t.id.replace(/-/g, ' '), ...t.words.en, ...t.words.fr]) {
        const key = normalizeText(phrase);
        if (key) pushUnique(this.topicByPhrase, key, t.id);
      }
    }
    for (const s of fr) if (!en.has(s)) this.frOnly.add(s);
    for (const s of en) if (!fr.has(s)) this.enOnly.add(s);
    for (const w of frWords) if (!enWords.has(w)) this.frOnlyWords.add(w);
    for (const w of enWords) if (!frWords.has(w)) this.enOnlyWords.add(w);
  }

  private noteSurface(s: string, tok: string): void {
    const cur = this.surface.get(s);
    // Prefer the shortest spelled form (usually the singular) for messages like "enrgy → energy".
    if (cur === undefined || tok.length < cur.length) this.surface.set(s, tok);
  }

  /** Other stems of the topics a stem belongs to, with their weight, without the stem itself. */
  synonyms(s: string): [stem: string, weight: number][] {
    const ids = this.groupsOf.get(s);
    if (!ids) return [];
    const out: [string, number][] = [];
    const seen = new Set([s]);
    for (const id of ids) {
      const g = this.groups[id]!;
      for (const m of g.stems) {
        if (!seen.has(m)) {
          seen.add(m);
          out.push([m, g.weight]);
        }
      }
    }
    return out;
  }

  /** Every stem the vocabulary knows (for typo correction). */
  allStems(): Iterable<string> {
    return this.groupsOf.keys();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushUnique<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
