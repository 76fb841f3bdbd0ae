// The domain lexicon's own consistency: it is edited by hand (and grew from a bilingual review), so these
// guard the mistakes that silently change how questions are read.
import { describe, expect, it } from 'vitest';
import { CONCEPTS, FILLER_PHRASES } from '../src/search/lexicon.ts';
import { normalizeText } from '../src/search/normalize.ts';

const ORDINALS = /\b(first|second|third|next|last|1st|2nd|premier|premiere|premieres|premiers|deuxieme|second|seconde|troisieme|dernier|derniere|prochain|prochaine)\b/;

describe('the domain lexicon', () => {
  it('every concept id is unique and has words in both languages', () => {
    const ids = CONCEPTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CONCEPTS) {
      expect(c.en.length, c.id).toBeGreaterThan(0);
      expect(c.fr.length, c.id).toBeGreaterThan(0);
    }
  });
  it('a phrase of a sequence holds no ordinal: "first delivery" must read as delivery #1, not as one phrase', () => {
    for (const c of CONCEPTS.filter((x) => x.sequence)) {
      for (const p of [...c.en, ...c.fr]) expect(ORDINALS.test(normalizeText(p)), `${c.id}: ${p}`).toBe(false);
    }
  });
  it('no phrase is both a filler and a concept word', () => {
    const fillers = new Set(FILLER_PHRASES.map(normalizeText));
    for (const c of CONCEPTS) for (const p of [...c.en, ...c.fr]) expect(fillers.has(normalizeText(p)), `${c.id}: ${p}`).toBe(false);
  });
});
