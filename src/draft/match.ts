// Parties and topics of the base that a sentence names: party names and aliases as proper nouns
// (capitalised in the text, so "meta" the word is not Meta), topic labels and words accent- and case-blind.
import type { Party, Topic } from '../facts/schema.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Where each party is named in `text` (first mention), in order of appearance. */
export function partiesIn(text: string, parties: Party[]): { id: string; index: number; ticker?: string }[] {
  const found: { id: string; index: number; ticker?: string }[] = [];
  for (const p of parties) {
    let first = -1;
    for (const name of [p.name, ...p.aliases]) {
      const re = new RegExp(`(?<![\\p{L}\\d])${escape(name).replace(/ /g, '[\\s\\u00a0-]+')}(?![\\p{L}\\d])`, 'giu');
      for (const m of text.matchAll(re)) {
        if (!/^[\p{Lu}\d]/u.test(m[0])) continue;
        if (first < 0 || m.index! < first) first = m.index!;
        break;
      }
    }
    if (first >= 0) found.push({ id: p.id, index: first, ...(p.ticker ? { ticker: p.ticker } : {}) });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Topics whose label or words appear in `text`, most words matched first (at most three). */
export function topicsIn(text: string, topics: Topic[]): string[] {
  const folded = fold(text);
  const scored = topics.map((t) => {
    const words = [t.label.en, t.label.fr, ...t.words.en, ...t.words.fr].map(fold).filter((w) => w.length >= 3);
    const hits = new Set(words.filter((w) => new RegExp(`(?<![\\p{L}\\d])${escape(w)}s?(?![\\p{L}\\d])`, 'u').test(folded)));
    return { id: t.id, hits: hits.size };
  });
  return scored.filter((s) => s.hits > 0).sort((a, b) => b.hits - a.hits).slice(0, 3).map((s) => s.id);
}
