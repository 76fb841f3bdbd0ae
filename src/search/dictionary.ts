// Whether a word is a word of English or French, from the word lists an-array-of-english-words
// (~275,000 words) and an-array-of-french-words (~336,000 forms). A real word is not a typo: "paris",
// "role" or "recette" must not be "corrected" into a word of the base. The lists are loaded on the
// first typo check (about 0.5 s) and kept as one sorted string with offsets (a few MB, not 60 MB of
// strings); `warmDictionary` loads them ahead of time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Packed {
  text: string;
  starts: Int32Array;
}

let packed: Packed | undefined;

function fold(w: string): string {
  return /^[a-z]+$/.test(w) ? w : w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function load(): Packed {
  if (packed) return packed;
  const words = new Set<string>();
  for (const name of ['an-array-of-english-words', 'an-array-of-french-words']) {
    // Read, not require()d: a required module stays a child of the module that required it, and its
    // array of 300,000 strings with it (30 MB the garbage collector would mark at every full collection).
    const list = JSON.parse(readFileSync(require.resolve(name), 'utf8')) as string[];
    for (const w of list) if (!w.includes(' ')) words.add(fold(w));
  }
  const sorted = [...words].sort();
  const starts = new Int32Array(sorted.length + 1);
  let at = 0;
  sorted.forEach((w, i) => {
    starts[i] = at;
    at += w.length;
  });
  starts[sorted.length] = at;
  // One byte per letter: folded words come back from normalize() as two-byte strings, and the joined text
  // would be too (11 MB instead of 5.6). A latin1 round trip gives a one-byte string kept off the JS heap.
  const text = sorted.join('');
  packed = { text: /[^\x00-\xff]/.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1'), starts };
  return packed;
}

/** Loads the word lists now (at start-up) instead of on the first typo check. */
export function warmDictionary(): void {
  load();
}

/** Whether a normalised word (lower case, no accents) is an English or French word. */
export function isDictionaryWord(word: string): boolean {
  const { text, starts } = load();
  let lo = 0;
  let hi = starts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const order = compareAt(text, starts[mid]!, starts[mid + 1]!, word);
    if (order === 0) return true;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The order of text[from, to) against word, as `<` on strings gives it (no slice: this runs 6,000 times a typo). */
function compareAt(text: string, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let k = 0; k < n; k++) {
    const d = text.charCodeAt(from + k) - word.charCodeAt(k);
    if (d !== 0) return d;
  }
  return to - from - word.length;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The dictionary word one edit from a normalised word that is none ("represnete" → "represente", "giveing" →
 * "giving"), trying swapped letters first, then a letter missing, one too many, one wrong; undefined when
 * none is, or the word is shorter than 5 letters (short words have too many neighbours to pick one).
 */
export function nearestWord(word: string): string | undefined {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || isDictionaryWord(word)) return undefined;
  for (const t of oneEditAway(word)) if (t !== word && isDictionaryWord(t)) return t;
  return undefined;
}

/** The words one edit from `word`, in the order nearestWord tries them (made one at a time: the first hit ends it). */
function* oneEditAway(word: string): Generator<string> {
  for (let i = 0; i < word.length - 1; i++) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  // A letter left out is the commonest slip of typing ("devlope" is "develope" before it is "delope").
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) yield word.slice(0, i) + c + word.slice(i);
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) yield word.slice(0, i) + c + word.slice(i + 1);
}
