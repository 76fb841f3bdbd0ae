// Okapi BM25, written once: the index scores every posting with this function.

/** Term-frequency saturation: the second occurrence of a word adds less than the first. */
export const K1 = 1.2;
/** Length normalisation: 0 ignores a fact's length, 1 divides fully by it (facts are short, so half). */
export const B = 0.5;

/** Inverse document frequency of a term held by `df` of `n` documents (always > 0). */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * BM25 contribution of one term to one document: idf × tf(k1 + 1) / (tf + k1(1 − b + b·len/avgLen)).
 * `tf` is field-weighted (a speaker's name counts more than a topic word), `len` the document's
 * weighted length and `avgLen` the average over the index.
 */
export function bm25(tf: number, termIdf: number, len: number, avgLen: number): number {
  return (termIdf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLen));
}
