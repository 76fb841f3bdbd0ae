// Autocomplete for a partial query: topics, quoted speakers, then facts the query finds.
// Labels and values stay within the 100 characters Slack and Discord accept.
import type { QuestionEngine, Suggestion } from './types.ts';
import { normalizeText } from './normalize.ts';

export const MAX_SUGGESTIONS = 25;
const MAX_CHARS = 100;

export function clip(text: string, max = MAX_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function suggestFor(engine: QuestionEngine, partial: string, limit?: number): Suggestion[] {
  const max = Math.min(Math.max(Math.floor(Number.isFinite(limit) ? limit! : MAX_SUGGESTIONS), 1), MAX_SUGGESTIONS);
  const text = partial.slice(0, 200);
  const q = normalizeText(text.replace(/^\s*\/\s*deal\b/i, ' '));
  const lang = engine.detectLang(text);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (label: string, value: string) => {
    const v = clip(value);
    if (out.length >= max || !v || seen.has(v)) return;
    seen.add(v);
    out.push({ label: clip(label), value: v });
  };
  const matches = (s: string) => !q || normalizeText(s).split(' ').some((w) => w.startsWith(q)) || normalizeText(s).startsWith(q);

  const base = engine.base;
  for (const t of base.topics.values()) {
    const label = t.label[lang];
    if (matches(t.label.en) || matches(t.label.fr) || [...t.words.en, ...t.words.fr].some(matches)) {
      add(lang === 'fr' ? `Sujet : ${label}` : `Topic: ${label}`, label.toLowerCase());
    }
  }
  const speakers = new Map<string, string>();
  for (const f of base.facts) if (f.kind === 'quote' && !speakers.has(f.quote.speaker)) speakers.set(f.quote.speaker, f.quote.organisation);
  for (const [speaker, org] of speakers) {
    if (!q || matches(speaker) || q.split(' ').some((w) => w.length >= 3 && normalizeText(speaker).includes(w))) {
      add(lang === 'fr' ? `Citations : ${speaker} (${org})` : `Quotes: ${speaker} (${org})`, `quotes ${speaker}`);
    }
  }
  if (q) {
    for (const hit of engine.search(text, { limit: max, lang }).hits) {
      const statement = hit.fact.statement[lang];
      add(statement, statement);
    }
  }
  return out;
}
