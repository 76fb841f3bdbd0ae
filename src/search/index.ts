// Inverted index with BM25 ranking over every searchable field of a fact. Field weights fold
// into the term frequency, so a speaker's name counts more than a topic word.
import type { FactBase } from '../facts/load.ts';
import type { Fact } from '../facts/schema.ts';
import { terms } from './vocabulary.ts';

const K1 = 1.2;
const B = 0.75;

/** The texts of a fact that questions can match, with how much each counts. */
export function factFields(fact: Fact, base: FactBase): [string, number][] {
  const out: [string, number][] = [
    [fact.statement.en, 1],
    [fact.statement.fr, 1],
  ];
  for (const t of fact.topics) {
    const topic = base.topics.get(t);
    if (topic) out.push([[topic.label.en, topic.label.fr, ...topic.words.en, ...topic.words.fr].join(' '), 0.25]);
  }
  for (const p of fact.parties) {
    const party = base.parties.get(p);
    if (party) out.push([[party.name, ...party.aliases, party.ticker ?? ''].join(' '), 0.6]);
  }
  for (const f of fact.figures) {
    if (f.label) out.push([`${f.label.en} ${f.label.fr}`, 0.8]);
    out.push([`${f.unit} ${f.currency ?? ''}`, 0.3]);
  }
  if (fact.when) out.push([`${fact.when.label.en} ${fact.when.label.fr}`, 0.8]);
  if (fact.kind === 'quote') {
    const q = fact.quote;
    out.push([q.original, 1], [q.speaker, 2], [`${q.role.en} ${q.role.fr}`, 1.2], [q.organisation, 1]);
    if (q.translation) out.push([q.translation.en, 1]);
  }
  if (fact.citation.excerpt) out.push([fact.citation.excerpt, 0.5]);
  return out;
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

  constructor(fieldsPerDoc: Iterable<[string, number][]>) {
    const docsTmp: number[][] = [];
    const tfsTmp: number[][] = [];
    const lens: number[] = [];
    let d = 0;
    for (const fields of fieldsPerDoc) {
      const tf = new Map<number, number>();
      let len = 0;
      for (const [text, weight] of fields) {
        for (const t of terms(text)) {
          let id = this.termIds.get(t);
          if (id === undefined) {
            id = docsTmp.length;
            this.termIds.set(t, id);
            docsTmp.push([]);
            tfsTmp.push([]);
          }
          tf.set(id, (tf.get(id) ?? 0) + weight);
          len += weight;
        }
      }
      for (const [id, w] of tf) {
        docsTmp[id]!.push(d);
        tfsTmp[id]!.push(w);
      }
      lens.push(len);
      d++;
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
