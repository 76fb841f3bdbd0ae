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

export class PhraseMatcher {
  /** First stem → phrases starting with it, longest first. */
  private readonly byFirst = new Map<string, PhraseEntry[]>();
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
        const list = this.byFirst.get(stems[0]!) ?? [];
        list.push(entry);
        this.byFirst.set(stems[0]!, list);
        for (const s of stems) this.stems.add(s);
      }
      if (concept && !entry.concepts.includes(concept)) entry.concepts.push(concept);
      entry.surfaces.add(tokens.join(' '));
      if (lang) entry.langs.add(lang);
      else entry.langs.clear(), (entry.anyLang = true);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  }

  /**
   * Non-overlapping matches over stemmed tokens, longest first at each position, left to right. Given the
   * text's language and tokens, a phrase of the other language only matches as written: French "concerne"
   * is not English "concern", though both stem alike.
   */
  match(stems: readonly string[], tokens?: readonly string[], lang?: Lang): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < stems.length; ) {
      const candidates = this.byFirst.get(stems[i]!);
      let hit: PhraseEntry | undefined;
      if (candidates) {
        for (const c of candidates) {
          if (c.stems.length > stems.length - i) continue;
          let ok = true;
          for (let k = 1; k < c.stems.length && ok; k++) ok = c.stems[k] === stems[i + k];
          if (ok && lang && tokens && !c.anyLang && c.langs.size > 0 && !c.langs.has(lang)) ok = c.surfaces.has(tokens.slice(i, i + c.stems.length).join(' '));
          if (ok) {
            hit = c;
            break;
          }
        }
      }
      if (hit) {
        out.push({ start: i, end: i + hit.stems.length, concepts: hit.concepts, text: hit.text });
        i += hit.stems.length;
      } else i++;
    }
    return out;
  }
}
