// A sentence with a word missing, as scraped pages have ("visant à terme la .", "les risques de entre"):
// a determiner or preposition right before punctuation, two function words that cannot follow each
// other, or French "de"/"que" not elided before a vowel. The draft flags it; it never fills it in.
import type { Lang } from '../facts/schema.ts';

const FR_BEFORE_PUNCT = /(?<!\p{L})(la|le|les|l['’]|un|une|des|du|de|d['’]|au|aux|à|pour|par|sur|avec|dans|entre)\s*[.,;:!?)](?!\p{L})/giu;
const FR_PAIRS = /(?<!\p{L})(la|le|les|du|des|de|au|aux)\s+(de|du|des|la|le|les|un|une|au|aux|entre|et|ou|que|qui|à)(?!\p{L})/giu;
const FR_NOT_ELIDED = /(?<!\p{L})(de|que|ne)\s+(?=[aeiouéèêàâîôûœ])(?!oui\b|onze\b|ouate\b)/gu;
const EN_BEFORE_PUNCT = /(?<!\p{L})(the|a|an|of|to|for|with|by|and|between|from)\s*[.,;:!?)](?!\p{L})/giu;
const EN_PAIRS = /(?<!\p{L})(?:(the|a|an)\s+(the|a|an|of|to|and|between)|(of|to|between)\s+(of|to|and|between))(?!\p{L})/giu;

/** The words around a missing word in `sentence`, or undefined when nothing seems missing. */
export function findGap(sentence: string, lang: Lang): string | undefined {
  const checks = lang === 'fr' ? [FR_BEFORE_PUNCT, FR_PAIRS, FR_NOT_ELIDED] : [EN_BEFORE_PUNCT, EN_PAIRS];
  for (const re of checks) {
    for (const m of sentence.matchAll(re)) {
      if (re === FR_PAIRS && /^de$/i.test(m[1]!) && /^(la|qui)$/i.test(m[2]!)) continue; // "de la", "de qui" are French
      // Two words of context before, one after: "à terme la .", "risques de entre Nvidia".
      const before = sentence.slice(0, m.index).trimEnd().split(/\s+/).slice(-2).join(' ');
      const after = sentence.slice(m.index + m[0].length).match(/^\s*\S*/)?.[0] ?? '';
      return `${before} ${m[0]}${after}`.trim();
    }
  }
  return undefined;
}
