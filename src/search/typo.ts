// Typo correction with fuse.js over the vocabulary of the base, not over whole records: words are
// bucketed by first letter and length, so one word scans a few hundred candidates at most.
// Fuse proposes; an edit distance decides, so "tesla" or "joke" are not "corrected" into the base.
import Fuse from 'fuse.js';

const MIN_LEN = 3;

/** Edits allowed for a word of this length (kept small: a wrong correction is worse than none). */
export function allowedEdits(len: number): number {
  if (len < MIN_LEN) return 0;
  if (len <= 7) return 1;
  if (len <= 11) return 2;
  return 3;
}

/** Rows reused by every call (one question asks for thousands of distances: no garbage per call). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const m = a.length;
  const n = b.length;
  if (rows[0]!.length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) {
    prev2[j] = 0;
    prev[j] = j;
    cur[j] = 0;
  }
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[n]!;
}

/** A first-letter-and-length bucket larger than this is split again by last letter. */
const MAX_BUCKET = 256;

export class TypoCorrector {
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly split = new Set<string>();
  private readonly vocabulary = new Set<string>();

  constructor(
    words: Iterable<string>,
    /** How common a word is in the base: breaks ties towards the likelier intended word. */
    private readonly weight: (word: string) => number,
  ) {
    const buckets = new Map<string, string[]>();
    for (const w of words) {
      if (w.length < MIN_LEN || w.length > 32 || !/^[a-z]+$/.test(w) || this.vocabulary.has(w)) continue;
      this.vocabulary.add(w);
      push(buckets, bucketKey(w), w);
    }
    for (const [key, list] of buckets) {
      if (list.length <= MAX_BUCKET) {
        this.fuses.set(key, fuseOver(list));
        continue;
      }
      // Big vocabularies: also key on the last letter, so one lookup scans a few hundred words.
      this.split.add(key);
      const sub = new Map<string, string[]>();
      for (const w of list) push(sub, key + w[w.length - 1], w);
      for (const [k, l] of sub) this.fuses.set(k, fuseOver(l));
    }
  }

  /** The vocabulary word closest to word, or undefined when none is close enough. */
  correct(word: string): string | undefined {
    const max = allowedEdits(word.length);
    if (max === 0 || word.length > 32 || !/^[a-z]+$/.test(word)) return undefined;
    let best: Candidate | undefined;
    const consider = (w: string, score: number) => {
      const d = editDistance(word, w, max);
      if (d > max) return;
      const cand = { w, d, score, weight: this.weight(w), swap: d === 1 && isSwap(word, w) };
      if (!best || better(cand, best)) best = cand;
    };
    // Two swapped letters ("chpis", "tmsc"): the fuzzy index scores short words with a swap too far off.
    for (let k = 0; k + 1 < word.length; k++) {
      const swapped = word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2);
      if (swapped !== word && this.vocabulary.has(swapped)) consider(swapped, 0);
    }
    for (let len = Math.max(MIN_LEN, word.length - max); len <= word.length + max; len++) {
      const key = `${word[0]}${len}`;
      // A split bucket is keyed on the last letter too; a shorter word may end on the typed word's letter before last.
      const keys = !this.split.has(key) ? [key] : len < word.length ? [key + word[word.length - 1], key + word[word.length - 2]] : [key + word[word.length - 1]];
      for (const k of new Set(keys)) {
        const fuse = this.fuses.get(k);
        if (fuse) for (const r of fuse.search(word, { limit: 16 })) consider(r.item, r.score ?? 1);
      }
    }
    return best?.w;
  }
}

interface Candidate {
  w: string;
  d: number;
  score: number;
  weight: number;
  /** Two adjacent letters swapped: the commonest slip of the fingers ("wroth" is "worth", not "wrote"). */
  swap: boolean;
}

/** Whether b is a with two adjacent letters swapped. */
export function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

function fuseOver(list: string[]): Fuse<string> {
  list.sort();
  return new Fuse(list, { includeScore: true, threshold: 0.45, ignoreLocation: true, isCaseSensitive: true, shouldSort: true });
}

function bucketKey(w: string): string {
  return `${w[0]}${w.length}`;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.d !== b.d) return a.d < b.d;
  if (a.swap !== b.swap) return a.swap;
  // Typing drops letters more often than it adds them: "nvdia" is nvidia, not nvda.
  if (a.w.length !== b.w.length) return a.w.length > b.w.length;
  if (a.weight !== b.weight) return a.weight > b.weight;
  if (a.score !== b.score) return a.score < b.score;
  return a.w < b.w;
}
