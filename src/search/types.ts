// The question engine's small interface. Commands and adapters depend on this, not on how it searches.
import type { FactBase } from '../facts/load.ts';
import type { Fact, Lang, Topic } from '../facts/schema.ts';

/** What the question form asks for. */
export type Intent =
  | 'when' // when / quand → dated facts, chronological
  | 'quote' // who said / quote / citation → quotes
  | 'figure' // how much / combien → figures
  | 'general';

export interface SearchHit {
  fact: Fact;
  score: number;
}

export interface SearchResult {
  /** The query after normalisation (for logs and "no facts for …"). */
  normalized: string;
  lang: Lang;
  intent: Intent;
  /** Set when the query names a topic (e.g. "energy", "énergie", "timeline"). */
  topic?: Topic;
  /** Set when the query names a quoted speaker (e.g. "Altman"). */
  speaker?: string;
  /** Facts above the relevance cut-off, best first (chronological for intent "when"); empty when none. */
  hits: SearchHit[];
  /** Typo corrections applied, e.g. { from: "enrgy", to: "energy" }. */
  corrections: { from: string; to: string }[];
}

export interface Suggestion {
  /** What a user reads in an autocomplete list (≤ 100 chars). */
  label: string;
  /** What gets typed into the query when picked (≤ 100 chars). */
  value: string;
}

export interface QuestionEngine {
  readonly base: FactBase;
  search(query: string, opts?: { limit?: number; lang?: Lang }): SearchResult;
  /** Language of a text: "fr" when it reads as French, "en" otherwise. */
  detectLang(text: string): Lang;
  /**
   * Autocomplete: topics, speakers and matching facts for a partial query, labelled in the
   * language the partial reads as, else in `lang` (the asker's), else English.
   */
  suggest(partial: string, limit?: number, lang?: Lang): Suggestion[];
}
