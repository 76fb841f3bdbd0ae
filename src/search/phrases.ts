// Finds the domain's concepts in a token sequence: words and multi-word phrases of the lexicon,
// longest first, left to right, each token in at most one phrase. Facts and questions go through
// the same matcher, so both sides agree on what a text is about.
import type { Lang } from '../facts/schema.ts';
import { normalizeText, stem, tokenize } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';

/** Concept ids a phrase stands for; an empty list marks a filler phrase (dropped from questions). */
export interface PhraseEntry {
  stems: string[];
  concepts: string[];
  text: string;
  /** Languages the phrase belongs to (empty: any, e.g. a company name). */
  langs: Set<Lang>;
  /** The phrase's tokens as written (normalised, not stemmed), for matches across languages. */
  surfaces: Set<string>;
  /** Set when some entry of the phrase has no language: it matches any text by its stems. */
  anyLang?: boolean;
}

export interface PhraseMatch {
  /** Token positions [start, end) the phrase covers. */
  start: number;
  end: number;
  concepts: readonly string[];
  text: string;
}

/** Stems of a phrase as the matcher compares them (normalised, lightly stemmed, stop words kept). */
export function phraseStems(text: string): string[] {
  return tokenize(normalizeText(text)).map(stem);
}

/** The phrases starting with one stem: the one-word phrase, and longer ones by their second stem. */
interface PhrasesFrom {
  single?: PhraseEntry;
  /** Second stem → phrases of two words or more starting with both, longest first. */
  longer: Map<string, PhraseEntry[]>;
}

export class PhraseMatcher {
  /**
   * First stem → phrases starting with it. Longer phrases are keyed by their second stem too:
   * "a" (English article, French "à") starts over a hundred phrases, and most texts are full of it.
   */
  private readonly byFirst = new Map<string, PhrasesFrom>();
  /** Every stem some phrase uses (a cheap test before matching). */
  readonly stems = new Set<string>();

  /**
   * entries: (phrase as written, concept id or '' for a filler). A one-word phrase that is a stop
   * word is skipped: "up" or "say" alone carry no concept, "go up" and "voting rights" do.
   */
  constructor(entries: Iterable<[text: string, concept: string, lang?: Lang]>) {
    const byKey = new Map<string, PhraseEntry>();
    for (const [text, concept, lang] of entries) {
      const tokens = tokenize(normalizeText(text));
      const stems = tokens.map(stem);
      if (stems.length === 0 || (stems.length === 1 && STOP_WORDS.has(stems[0]!))) continue;
      const key = stems.join(' ');
      let entry = byKey.get(key);
      if (!entry) {
        entry = { stems, concepts: [], text, langs: new Set(), surfaces: new Set() };
        byKey.set(key, entry);
        this.add(entry);
        for (const s of stems) this.stems.add(s);
      }
      if (concept && !entry.concepts.includes(concept)) entry.concepts.push(concept);
      entry.surfaces.add(tokens.join(' '));
      if (lang) entry.langs.add(lang);
      else entry.langs.clear(), (entry.anyLang = true);
    }
    for (const from of this.byFirst.values()) for (const list of from.longer.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  private add(entry: PhraseEntry): void {
    let from = this.byFirst.get(entry.stems[0]!);
    if (!from) this.byFirst.set(entry.stems[0]!, (from = { longer: new Map() }));
    if (entry.stems.length === 1) from.single = entry;
    else {
      const list = from.longer.get(entry.stems[1]!);
      if (list) list.push(entry);
      else from.longer.set(entry.stems[1]!, [entry]);
    }
  }

  /**
   * Non-overlapping matches over stemmed tokens, longest first at each position, left to right. Given the
   * text's language and tokens, a phrase of the other language only matches as written: French "concerne"
   * is not English "concern", though both stem alike.
   */
  match(stems: readonly string[], tokens?: readonly string[], lang?: Lang): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < stems.length; ) {
      const from = this.byFirst.get(stems[i]!);
      let hit: PhraseEntry | undefined;
      if (from) {
        const longer = i + 1 < stems.length ? from.longer.get(stems[i + 1]!) : undefined;
        if (longer) for (const c of longer) if (fits(c, i, stems, tokens, lang)) {
          hit = c;
          break;
        }
        if (!hit && from.single && fits(from.single, i, stems, tokens, lang)) hit = from.single;
      }
      if (hit) {
        out.push({ start: i, end: i + hit.stems.length, concepts: hit.concepts, text: hit.text });
        i += hit.stems.length;
      } else i++;
    }
    return out;
  }
}

/** Whether phrase c (its first two stems already equal) matches the text at position i. */
function fits(c: PhraseEntry, i: number, stems: readonly string[], tokens: readonly string[] | undefined, lang: Lang | undefined): boolean {
  if (c.stems.length > stems.length - i) return false;
  for (let k = 2; k < c.stems.length; k++) if (c.stems[k] !== stems[i + k]) return false;
  if (lang && tokens && !c.anyLang && c.langs.size > 0 && !c.langs.has(lang)) return c.surfaces.has(tokens.slice(i, i + c.stems.length).join(' '));
  return true;
}
