// Inverted index with BM25 ranking over every searchable field of a fact. Field weights fold
// into the term frequency, so a speaker's name counts more than a topic word.
import type { FactBase } from '../facts/load.ts';
import type { Fact, Topic } from '../facts/schema.ts';
import { normalizeText, stem, tokenize } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';

const K1 = 1.2;
const B = 0.75;

/** A text of a fact that questions can match, how much it counts, and its language side. */
export interface Field {
  text: string;
  weight: number;
  lang?: 'en' | 'fr';
  /** The same text recurs across many facts (topic words, party names): worth caching. */
  shared?: boolean;
}

export function factFields(fact: Fact, base: FactBase): Field[] {
  const out: Field[] = [
    { text: fact.statement.en, weight: 1, lang: 'en' },
    { text: fact.statement.fr, weight: 1, lang: 'fr' },
  ];
  for (const t of fact.topics) {
    const topic = base.topics.get(t);
    if (topic) out.push({ text: topicText(topic), weight: 0.25, shared: true });
  }
  for (const p of fact.parties) {
    const party = base.parties.get(p);
    if (party) out.push({ text: [party.name, ...party.aliases, party.ticker ?? ''].join(' '), weight: 0.6, shared: true });
  }
  for (const f of fact.figures) {
    if (f.label) out.push({ text: f.label.en, weight: 0.8, lang: 'en' }, { text: f.label.fr, weight: 0.8, lang: 'fr' });
    out.push({ text: `${f.unit} ${f.currency ?? ''}`, weight: 0.3, shared: true });
  }
  if (fact.when) out.push({ text: fact.when.label.en, weight: 0.8, shared: true }, { text: fact.when.label.fr, weight: 0.8, shared: true });
  if (fact.kind === 'quote') {
    const q = fact.quote;
    out.push(
      { text: q.original, weight: 1, lang: q.lang },
      { text: q.speaker, weight: 2, shared: true },
      { text: q.role.en, weight: 1.2, lang: 'en', shared: true },
      { text: q.role.fr, weight: 1.2, lang: 'fr', shared: true },
      { text: q.organisation, weight: 1, shared: true },
    );
    if (q.translation) out.push({ text: q.translation.en, weight: 1, lang: 'en' });
  }
  if (fact.citation.excerpt) out.push({ text: fact.citation.excerpt, weight: 0.5 });
  return out;
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

export class InvertedIndex {
  readonly n: number;
  private readonly termIds = new Map<string, number>();
  private readonly docs: Int32Array[] = [];
  private readonly tfs: Float32Array[] = [];
  private readonly docLen: Float32Array;
  private readonly avgLen: number;
  /** All indexed terms, sorted, for prefix lookups. */
  readonly sortedTerms: string[];

  constructor(fieldsPerDoc: Iterable<Field[]>, sides?: WordSides) {
    const docsTmp: number[][] = [];
    const tfsTmp: number[][] = [];
    const lens: number[] = [];
    const surface = sides?.surface;
    // Token → term id (-1: stop word). Each distinct token is stemmed once, not at every occurrence.
    const tokenIds = new Map<string, number>();
    const termOf = (tok: string): number => {
      let id = tokenIds.get(tok);
      if (id !== undefined) return id;
      if (STOP_WORDS.has(tok)) id = -1;
      else {
        const s = stem(tok);
        id = this.termIds.get(s);
        if (id === undefined) {
          id = docsTmp.length;
          this.termIds.set(s, id);
          docsTmp.push([]);
          tfsTmp.push([]);
        }
        if (surface && tok !== s) {
          const cur = surface.get(s);
          if (cur === undefined || tok.length < cur.length) surface.set(s, tok);
        }
      }
      tokenIds.set(tok, id);
      return id;
    };
    // Which language side uses each term: bit 1 English, bit 2 French.
    let langMask = new Uint8Array(1024);
    // Term frequencies of the current document, dense by term id, with the ids it touched.
    let tf = new Float64Array(1024);
    const docTerms: number[] = [];
    const sharedIds = new Map<string, number[]>();
    const idsOf = (text: string): number[] => {
      const out: number[] = [];
      for (const tok of tokenize(normalizeText(text))) {
        const id = termOf(tok);
        if (id >= 0) out.push(id);
      }
      return out;
    };
    let d = 0;
    for (const fields of fieldsPerDoc) {
      let len = 0;
      for (const field of fields) {
        let ids: number[] | undefined;
        if (field.shared) {
          ids = sharedIds.get(field.text);
          if (!ids) sharedIds.set(field.text, (ids = idsOf(field.text)));
        } else ids = idsOf(field.text);
        if (docsTmp.length > tf.length) {
          tf = grow(tf, docsTmp.length);
          langMask = grow(langMask, docsTmp.length);
        }
        const weight = field.weight;
        const bit = field.lang === 'en' ? 1 : field.lang === 'fr' ? 2 : 0;
        for (const id of ids) {
          if (tf[id] === 0) docTerms.push(id);
          tf[id]! += weight;
          langMask[id]! |= bit;
        }
        len += weight * ids.length;
      }
      for (const id of docTerms) {
        docsTmp[id]!.push(d);
        tfsTmp[id]!.push(tf[id]!);
        tf[id] = 0;
      }
      docTerms.length = 0;
      lens.push(len);
      d++;
    }
    if (sides) {
      for (const [t, id] of this.termIds) {
        if (langMask[id]! & 1) sides.en.add(t);
        if (langMask[id]! & 2) sides.fr.add(t);
      }
    }
    this.n = d;
    for (let i = 0; i < docsTmp.length; i++) {
      this.docs.push(Int32Array.from(docsTmp[i]!));
      this.tfs.push(Float32Array.from(tfsTmp[i]!));
    }
    this.docLen = Float32Array.from(lens);
    this.avgLen = lens.length ? lens.reduce((a, b) => a + b, 0) / lens.length : 1;
    this.sortedTerms = [...this.termIds.keys()].sort();
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.docs[id]!.length;
  }

  idf(df: number): number {
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
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
    const docs = this.docs[id]!;
    const tfs = this.tfs[id]!;
    const idf = this.idf(docs.length) * weight;
    const avg = this.avgLen;
    const lens = this.docLen;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const tf = tfs[i]!;
      const s = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lens[doc]!) / avg));
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
    const docs = this.docs[id]!;
    const tfs = this.tfs[id]!;
    const idf = this.idf(docs.length) * weight;
    for (const doc of candidates) {
      let lo = 0;
      let hi = docs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = docs[mid]!;
        if (v === doc) {
          const tf = tfs[mid]!;
          const s = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.docLen[doc]!) / this.avgLen));
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

function grow<T extends Float64Array | Uint8Array>(a: T, min: number): T {
  let size = a.length;
  while (size < min) size *= 2;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
