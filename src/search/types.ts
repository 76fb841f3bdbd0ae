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


/** What a search takes besides the question: how many facts at most (default 8, at most 100), and the asker's language. */
export interface SearchOptions {
  limit?: number;
  lang?: Lang;
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
  /**
   * Set when the question's premise is wrong: the companies it names that the facts shown do not name
   * (e.g. ["Google"] for "Google invests 100 billion, right?", answered with Nvidia's 100 billion).
   */
  unsupported?: string[];
  /**
   * Set when a yes/no question states a figure no fact gives, as the asker wrote it with its unit
   * (e.g. ["200 billion"] for "Nvidia is investing 200 billion, right?", answered with the 100 billion).
   */
  unsupportedFigures?: string[];
  /**
   * Set when a yes/no question says a figure is something no fact gives, and a fact gives that figure as
   * something else: the figure as the asker wrote it (e.g. "8 million" for "Is 8 million the number of GPUs?",
   * answered with the 8 million homes).
   */
  figureElsewhere?: string;
  /**
   * Set when the question proper found nothing and the facts shown settle the premise it opened on
   * (e.g. "the final contract is signed" in "Now that the final contract is signed, when does it close?").
   */
  premise?: string;
  /**
   * Set on a refusal (no hits) when facts speak to the question but none gives what its form asks for (a date
   * to the month, a figure per gigawatt, an outcome still to come): the best of them, for "what the sources do
   * say". Never an answer: the question stays unanswered.
   */
  closest?: SearchHit[];
}

export interface Suggestion {
  /** What a user reads in an autocomplete list (≤ 100 chars). */
  label: string;
  /** What gets typed into the query when picked (≤ 100 chars). */
  value: string;
}

/** How the engine read a question and why it answered or refused (`dealbot explain`). */
export interface Explanation {
  query: string;
  normalized: string;
  lang: Lang;
  /** Chat spellings spelt out, e.g. ["koi", "quoi"]. */
  spellings: [string, string][];
  form: { intent: Intent; ask: string; yesNo: boolean; summary: boolean };
  /** What the question is about: each item, whether the base holds it, its weight and the terms it matched. */
  focus: { text: string; kind: string; known: boolean; weight: number; soft: boolean; terms: string[] }[];
  /** Words set aside: fillers (no question in them) and form words ("when", "quotes"). */
  fillers: string[];
  markers: string[];
  corrections: { from: string; to: string }[];
  topic?: string;
  speaker?: string;
  /** The best-scored facts with their coverage of the focus, and whether they were kept. */
  candidates: { factId: string; score: number; coverage: number; held: string[]; missing: string[]; kept: boolean; note?: string }[];
  answered: boolean;
  reason: string;
  result: SearchResult;
}

export interface QuestionEngine {
  readonly base: FactBase;
  search(query: string, opts?: SearchOptions): SearchResult;
  /** Searches like `search` and says how the question was read and why it was answered or refused. */
  explain(query: string, opts?: SearchOptions): Explanation;
  /** Language of a text: "fr" when it reads as French, "en" when English, else `fallback` (the asker's), else "en". */
  detectLang(text: string, fallback?: Lang): Lang;
  /**
   * Autocomplete: topics, speakers and matching facts for a partial query, labelled in the
   * language the partial reads as, else in `lang` (the asker's), else English.
   */
  suggest(partial: string, limit?: number, lang?: Lang): Suggestion[];
}
