// Autocomplete for a partial query: topics, quoted speakers, then facts the query finds.
// Labels and values stay within the 100 characters Slack and Discord accept.
import type { FactBase } from '../facts/load.ts';
import type { Lang, Topic } from '../facts/schema.ts';
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

export function suggestFor(engine: QuestionEngine, partial: string, limit: number | undefined, lang: Lang): Suggestion[] {
  const max = Math.min(Math.max(Math.floor(Number.isFinite(limit) ? limit! : MAX_SUGGESTIONS), 1), MAX_SUGGESTIONS);
  const text = partial.slice(0, 200);
  const q = normalizeText(text.replace(/^\s*\/\s*deal\b/i, ' '));
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (label: string, value: string) => {
    const v = clip(value);
    if (out.length >= max || !v || seen.has(v)) return;
    seen.add(v);
    out.push({ label: clip(label), value: v });
  };
  // Word-prefix match against text normalised once per fact base (autocomplete runs per keystroke).
  const matches = (norm: string) => !q || norm.startsWith(q) || norm.split(' ').some((w) => w.startsWith(q));
  const { topics, speakers } = candidatesOf(engine.base);

  for (const { topic, norms } of topics) {
    const label = topic.label[lang];
    if (norms.some(matches)) add(lang === 'fr' ? `Sujet : ${label}` : `Topic: ${label}`, label.toLowerCase());
  }
  for (const { speaker, organisation, norm } of speakers) {
    if (!q || matches(norm) || q.split(' ').some((w) => w.length >= 3 && norm.includes(w))) {
      add(lang === 'fr' ? `Citations : ${speaker} (${organisation})` : `Quotes: ${speaker} (${organisation})`, `quotes ${speaker}`);
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

interface Candidates {
  topics: { topic: Topic; norms: string[] }[];
  speakers: { speaker: string; organisation: string; norm: string }[];
}

const candidateCache = new WeakMap<FactBase, Candidates>();

function candidatesOf(base: FactBase): Candidates {
  let c = candidateCache.get(base);
  if (!c) {
    const speakers = new Map<string, string>();
    for (const f of base.facts) if (f.kind === 'quote' && !speakers.has(f.quote.speaker)) speakers.set(f.quote.speaker, f.quote.organisation);
    c = {
      topics: [...base.topics.values()].map((topic) => ({
        topic,
        norms: [topic.label.en, topic.label.fr, ...topic.words.en, ...topic.words.fr].map(normalizeText),
      })),
      speakers: [...speakers].map(([speaker, organisation]) => ({ speaker, organisation, norm: normalizeText(speaker) })),
    };
    candidateCache.set(base, c);
  }
  return c;
}
