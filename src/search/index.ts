// Inverted index with BM25 ranking over every searchable field of a fact. Field weights fold
// into the term frequency, so a speaker's name counts more than a topic word.
import type { FactBase } from '../facts/load.ts';
import type { Fact, Figure, Party, Topic } from '../facts/schema.ts';
import { bm25, idf } from './bm25.ts';
import { figureWords, yearWords } from './morphology.ts';
import { normalizeText, stem, tokenize } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';

/** Fields weighing at least this are a fact's own text; topic word lists and units weigh less. */
const OWN_FIELD = 0.5;

/** Where a field's words come from: no language side, English, French. */
export type Side = 0 | 1 | 2;
const EN: Side = 1;
const FR: Side = 2;

/**
 * Calls visit(text, weight, side, shared) for each text of a fact that questions can match:
 * a speaker's name counts more than a topic word. `shared` marks texts that recur across many
 * facts (topic words, party names), whose terms the index computes once.
 */
export function visitFields(fact: Fact, base: FactBase, visit: FieldVisitor): void {
  visit(fact.statement.en, 1, EN, false);
  visit(fact.statement.fr, 1, FR, false);
  for (const t of fact.topics) {
    const topic = base.topics.get(t);
    if (!topic) continue;
    // The topic's label is what the curator says the fact is about; its words are only related.
    visit(topic.label.en, 0.5, EN, true);
    visit(topic.label.fr, 0.5, FR, true);
    visit(topicText(topic), 0.25, 0, true);
  }
  for (const p of fact.parties) {
    const party = base.parties.get(p);
    if (party) visit(partyText(party), 0.6, 0, true);
  }
  for (const f of fact.figures) {
    if (f.label) {
      visit(f.label.en, 0.8, EN, false);
      visit(f.label.fr, 0.8, FR, false);
    }
    // The unit is part of the figure the fact states (a "percent" move, "USD"), so its own text.
    visit(unitText(f), 0.5, 0, true);
    // The value spelt out ("cent milliards", "four point four"): numbers written in words meet it.
    const words = figureWords(f);
    if (words) visit(words, 0.8, 0, true);
  }
  if (fact.when) {
    visit(fact.when.label.en, 0.8, 0, true);
    visit(fact.when.label.fr, 0.8, 0, true);
    visit(yearWords(fact.when.from), 0.5, 0, true);
  }
  if (fact.kind === 'quote') {
    const q = fact.quote;
    visit(q.original, 1, q.lang === 'fr' ? FR : EN, false);
    visit(q.speaker, 2, 0, true);
    visit(q.role.en, 1.2, EN, true);
    visit(q.role.fr, 1.2, FR, true);
    visit(q.organisation, 1, 0, true);
    if (q.translation) visit(q.translation.en, 1, EN, false);
  }
  // The source's own words: evidence for the fact, not its subject (an excerpt may name other companies).
  if (fact.citation.excerpt) visit(fact.citation.excerpt, 0.45, 0, false);
  // Questions a curator says the fact answers: indexed like its own text.
  for (const q of fact.questions?.en ?? []) visit(q, 0.8, EN, false);
  for (const q of fact.questions?.fr ?? []) visit(q, 0.8, FR, false);
}

/** A figure's unit as words ("USD USD", "percent", "GW"); one string per unit, so the index's cache keys on it. */
function unitText(f: Figure): string {
  if (!f.currency) return f.unit === '%' ? 'percent' : f.unit;
  let byCurrency = unitTexts.get(f.unit);
  if (!byCurrency) unitTexts.set(f.unit, (byCurrency = new Map()));
  let s = byCurrency.get(f.currency);
  if (s === undefined) byCurrency.set(f.currency, (s = `${f.unit} ${f.currency}`));
  return s;
}
const unitTexts = new Map<string, Map<string, string>>();

const partyTexts = new WeakMap<Party, string>();
function partyText(p: Party): string {
  let s = partyTexts.get(p);
  if (s === undefined) {
    // The name, ticker and one-word aliases as words; a descriptive alias ("green team", "historic partner")
    // only names the party (the lexicon's matcher gives the fact "@nvidia"), its words are not the fact's.
    s = [p.name, ...p.aliases.filter((a) => !/\s/.test(a.trim())), p.ticker ?? ''].join(' ');
    partyTexts.set(p, s);
  }
  return s;
}

const topicTexts = new WeakMap<Topic, string>();
function topicText(t: Topic): string {
  let s = topicTexts.get(t);
  if (s === undefined) {
    s = [t.label.en, t.label.fr, ...t.words.en, ...t.words.fr].join(' ');
    topicTexts.set(t, s);
  }
  return s;
}

/** What indexing learns about words on the way: which language side uses them, how they are spelt. */
export interface WordSides {
  en: Set<string>;
  fr: Set<string>;
  /** Stem → the shortest spelling seen (for messages such as "enrgy → energy"). */
  surface: Map<string, string>;
}

/**
 * Extra terms a text holds besides its words (the lexicon's concepts, e.g. "~energy"), from the text's
 * stems (stop words kept, so phrases match), its tokens as written and its language when known.
 */
export type Annotate = (stems: readonly string[], tokens: readonly string[], lang?: 'en' | 'fr') => readonly string[];

interface TokenInfo {
  readonly stem: string;
  readonly id: number;
}

/** Field visitor the index calls per fact: visit(text, weight, side, shared) for each field (see visitFields). */
export type FieldVisitor = (text: string, weight: number, side: Side, shared: boolean) => void;

/**
 * Collects the postings of an index while documents are visited: each distinct token is stemmed once,
 * a shared text (a topic's words, a party's name) is tokenised once, and per-document term frequencies
 * live in dense arrays indexed by term id. `build()` lays the postings out in compressed rows.
 */
class IndexBuilder {
  readonly termIds = new Map<string, number>();
  termCount = 0;
  private dfs = new Int32Array(1024);
  private own = new Int32Array(1024);
  private langMask = new Uint8Array(1024);
  private tf = new Float64Array(1024);
  private ownTf = new Uint8Array(1024);
  // (term, doc, tf, own) quadruples in document order, turned into the row layout by build().
  private triTerm = new Int32Array(1 << 16);
  private triDoc = new Int32Array(1 << 16);
  private triTf = new Float32Array(1 << 16);
  private triOwn = new Uint8Array(1 << 16);
  private triples = 0;
  private readonly docTerms: number[] = [];
  private readonly tokens = new Map<string, TokenInfo>();
  /** Per language side, a shared text → its term ids (the text's own string is the key: no key to build). */
  private readonly sharedIds: Map<string, number[]>[] = [new Map(), new Map(), new Map()];
  private len = 0;

  constructor(
    private readonly surface: Map<string, string> | undefined,
    private readonly annotate: Annotate | undefined,
  ) {}

  /** What indexing knows of a token once seen: its stem and term id (-1: a stop word). */
  private tokenOf(tok: string): TokenInfo {
    let info = this.tokens.get(tok);
    if (info !== undefined) return info;
    const s = stem(tok);
    if (STOP_WORDS.has(tok)) info = { stem: s, id: -1 };
    else {
      info = { stem: s, id: this.idOf(s) };
      if (this.surface && tok !== s) {
        const cur = this.surface.get(s);
        if (cur === undefined || tok.length < cur.length) this.surface.set(s, tok);
      }
    }
    this.tokens.set(tok, info);
    return info;
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termCount++;
      this.termIds.set(term, id);
    }
    return id;
  }

  /** Term ids of a text: its words, then what `annotate` finds in it (concepts, entities). */
  private idsOf(text: string, side: Side): number[] {
    const out: number[] = [];
    const toks = tokenize(normalizeText(text));
    // annotate takes the stems with stop words kept, so phrases such as "au fur et à mesure" match.
    const stems: string[] = new Array(toks.length);
    for (let i = 0; i < toks.length; i++) {
      const info = this.tokenOf(toks[i]!);
      stems[i] = info.stem;
      if (info.id >= 0) out.push(info.id);
    }
    if (this.annotate && toks.length > 0) {
      for (const term of this.annotate(stems, toks, side === EN ? 'en' : side === FR ? 'fr' : undefined)) out.push(this.idOf(term));
    }
    return out;
  }

  readonly visit: FieldVisitor = (text, weight, side, shared) => {
    let ids: number[] | undefined;
    if (shared) {
      const known = this.sharedIds[side]!;
      ids = known.get(text);
      if (!ids) known.set(text, (ids = this.idsOf(text, side)));
    } else ids = this.idsOf(text, side);
    if (this.termCount > this.tf.length) {
      this.tf = grow(this.tf, this.termCount);
      this.langMask = grow(this.langMask, this.termCount);
      this.dfs = grow(this.dfs, this.termCount);
      this.own = grow(this.own, this.termCount);
      this.ownTf = grow(this.ownTf, this.termCount);
    }
    const isOwn = weight >= OWN_FIELD ? 1 : 0;
    for (const id of ids) {
      if (this.tf[id] === 0) this.docTerms.push(id);
      this.tf[id]! += weight;
      this.ownTf[id]! |= isOwn;
      this.langMask[id]! |= side;
    }
    this.len += weight * ids.length;
  };

  /** Closes the current document: its term frequencies become postings. Returns its weighted length. */
  endDoc(doc: number): number {
    const n = this.triples + this.docTerms.length;
    if (n > this.triTerm.length) {
      this.triTerm = grow(this.triTerm, n);
      this.triDoc = grow(this.triDoc, n);
      this.triTf = grow(this.triTf, n);
      this.triOwn = grow(this.triOwn, n);
    }
    for (const id of this.docTerms) {
      const t = this.triples++;
      this.triTerm[t] = id;
      this.triDoc[t] = doc;
      this.triTf[t] = this.tf[id]!;
      this.triOwn[t] = this.ownTf[id]!;
      this.dfs[id]!++;
      this.own[id]! += this.ownTf[id]!;
      this.tf[id] = 0;
      this.ownTf[id] = 0;
    }
    this.docTerms.length = 0;
    const len = this.len;
    this.len = 0;
    return len;
  }

  /** The postings in compressed rows: term t's documents are docs[offsets[t] .. offsets[t+1]), ascending. */
  build(): { offsets: Int32Array; docs: Int32Array; tfs: Float32Array; owns: Uint8Array; ownDf: Int32Array } {
    const count = this.termCount;
    const offsets = new Int32Array(count + 1);
    for (let t = 0; t < count; t++) offsets[t + 1] = offsets[t]! + this.dfs[t]!;
    const docs = new Int32Array(this.triples);
    const tfs = new Float32Array(this.triples);
    const owns = new Uint8Array(this.triples);
    const fill = offsets.slice(0, count);
    for (let i = 0; i < this.triples; i++) {
      const at = fill[this.triTerm[i]!]!++;
      docs[at] = this.triDoc[i]!;
      tfs[at] = this.triTf[i]!;
      owns[at] = this.triOwn[i]!;
    }
    return { offsets, docs, tfs, owns, ownDf: this.own.slice(0, count) };
  }

  /** Which language side uses each term: what language detection learns from the base. */
  noteSides(sides: WordSides): void {
    for (const [term, id] of this.termIds) {
      if (this.langMask[id]! & EN) sides.en.add(term);
      if (this.langMask[id]! & FR) sides.fr.add(term);
    }
  }
}

export class InvertedIndex {
  readonly n: number;
  private readonly termIds: Map<string, number>;
  // Postings in one compressed-row layout: term t's documents are postDocs[offsets[t] .. offsets[t+1]),
  // ascending, with their field-weighted term frequencies in postTfs. Few big arrays, little GC.
  private readonly offsets: Int32Array;
  private readonly postDocs: Int32Array;
  private readonly postTfs: Float32Array;
  /** 1 where the posting's document holds the term in its own text (see ownDf). */
  private readonly postOwn: Uint8Array;
  private readonly docLen: Float32Array;
  /**
   * Per term, the documents that hold it in their own text (a field weighing ≥ OWN_FIELD), not only
   * through a topic's word list: "platform" is a word of one statement even though every chips
   * fact lists it as a topic word. idf counts these, so topic lists do not make a word common.
   */
  private readonly ownDf: Int32Array;
  private readonly avgLen: number;
  /** All indexed terms, sorted, for prefix lookups. */
  readonly sortedTerms: string[];

  /**
   * visitDoc(i, visit) calls visit for each field of document i (see visitFields). annotate(stems)
   * returns extra terms a text holds besides its words (the lexicon's concepts, e.g. "~energy"),
   * taking the text's stems with stop words kept, so phrases such as "au fur et à mesure" match.
   */
  constructor(count: number, visitDoc: (doc: number, visit: FieldVisitor) => void, sides?: WordSides, annotate?: Annotate) {
    const builder = new IndexBuilder(sides?.surface, annotate);
    const lens = new Float32Array(count);
    let sum = 0;
    for (let d = 0; d < count; d++) {
      visitDoc(d, builder.visit);
      sum += lens[d] = builder.endDoc(d);
    }
    const built = builder.build();
    this.n = count;
    this.termIds = builder.termIds;
    this.offsets = built.offsets;
    this.postDocs = built.docs;
    this.postTfs = built.tfs;
    this.postOwn = built.owns;
    this.ownDf = built.ownDf;
    this.docLen = lens;
    this.avgLen = count > 0 && sum > 0 ? sum / count : 1;
    this.sortedTerms = [...this.termIds.keys()].sort();
    if (sides) builder.noteSides(sides);
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** idf of an indexed term, counting the documents that hold it in their own text. */
  termIdf(term: string): number {
    const id = this.termIds.get(term);
    return this.idf(id === undefined ? 0 : this.ownDf[id]!);
  }

  /** Documents holding the term in their own text (see ownDf). */
  ownDocs(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.ownDf[id]!;
  }

  idf(df: number): number {
    return idf(this.n, df);
  }

  /** idf of a term no document holds: the weight an unknown word carries in the relevance cut-off. */
  maxIdf(): number {
    return this.idf(0);
  }

  /**
   * Adds weight × bm25 of a term into acc, keeping per document the best term of one concept
   * (acc holds the concept's scores; touched collects the documents seen the first time).
   */
  maxInto(term: string, weight: number, acc: Float64Array, touched: number[]): void {
    const id = this.termIds.get(term);
    if (id === undefined) return;
    const docs = this.postDocs;
    const tfs = this.postTfs;
    const owns = this.postOwn;
    const start = this.offsets[id]!;
    const end = this.offsets[id + 1]!;
    // A document holding the term only through a topic's word list shares it with the whole topic:
    // it gets the idf of all the postings, not the (higher) idf of the documents that say the word.
    const idf = this.idf(this.ownDf[id]!) * weight;
    const idfShared = this.idf(end - start) * weight;
    const avg = this.avgLen;
    const lens = this.docLen;
    for (let i = start; i < end; i++) {
      const doc = docs[i]!;
      const tf = tfs[i]!;
      const s = bm25(tf, owns[i] ? idf : idfShared, lens[doc]!, avg);
      const cur = acc[doc]!;
      if (cur === 0) touched.push(doc);
      if (s > cur) acc[doc] = s;
    }
  }

  /**
   * Like maxInto, but only for the given documents (postings are sorted by document, so each is a
   * binary search): a very common word then costs as much as the few candidates, not 20,000 postings.
   */
  maxIntoDocs(term: string, weight: number, acc: Float64Array, candidates: readonly number[], touched: number[]): void {
    const id = this.termIds.get(term);
    if (id === undefined) return;
    const docs = this.postDocs;
    const tfs = this.postTfs;
    const start = this.offsets[id]!;
    const end = this.offsets[id + 1]!;
    const idf = this.idf(this.ownDf[id]!) * weight;
    const idfShared = this.idf(end - start) * weight;
    for (const doc of candidates) {
      let lo = start;
      let hi = end - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = docs[mid]!;
        if (v === doc) {
          const tf = tfs[mid]!;
          const s = bm25(tf, this.postOwn[mid] ? idf : idfShared, this.docLen[doc]!, this.avgLen);
          const cur = acc[doc]!;
          if (cur === 0) touched.push(doc);
          if (s > cur) acc[doc] = s;
          break;
        }
        if (v < doc) lo = mid + 1;
        else hi = mid - 1;
      }
    }
  }

  /** Whether a document holds a term (binary search in the term's postings). */
  holds(term: string, doc: number): boolean {
    return this.holding(term, doc) > 0;
  }

  /**
   * How a document holds a term: 0 not at all, 1 only through a shared list (its topics' words),
   * 2 in its own text (statement, quote, labels, example questions…).
   */
  holding(term: string, doc: number): 0 | 1 | 2 {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    let lo = this.offsets[id]!;
    let hi = this.offsets[id + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.postDocs[mid]!;
      if (v === doc) return this.postOwn[mid] ? 2 : 1;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Documents holding the term in their own text, in base order, at most `limit`. */
  ownDocsOf(term: string, limit: number): number[] {
    const id = this.termIds.get(term);
    const out: number[] = [];
    if (id === undefined) return out;
    for (let k = this.offsets[id]!; k < this.offsets[id + 1]! && out.length < limit; k++) if (this.postOwn[k]) out.push(this.postDocs[k]!);
    return out;
  }

  /** Indexed terms starting with prefix (excluding prefix itself), at most limit, in order. */
  withPrefix(prefix: string, limit: number): string[] {
    const out: string[] = [];
    let lo = 0;
    let hi = this.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedTerms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sortedTerms.length && out.length < limit; i++) {
      const t = this.sortedTerms[i]!;
      if (!t.startsWith(prefix)) break;
      if (t !== prefix) out.push(t);
    }
    return out;
  }
}

function grow<T extends Float64Array | Float32Array | Int32Array | Uint8Array>(a: T, min: number): T {
  let size = a.length;
  while (size < min) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
