// `npm run draft-eval`: how well `dealbot facts draft` does on the shipped article.
// Recall: a shipped fact is found when some candidate's excerpt overlaps its excerpt in the article
// (their spans in the normalised text intersect). Precision: the candidates a curator would keep, by
// the hand review in docs/draft-review.md (one row per candidate id); a candidate without a verdict
// there is reported, so the review cannot silently go stale.
import { readFileSync } from 'node:fs';
import { draftFacts } from '../src/draft/index.ts';
import { normalizeText } from '../src/facts/faithfulness.ts';
import { loadFactBase } from '../src/facts/load.ts';

const base = loadFactBase('facts');
const source = [...base.sources.values()][0]!;
const article = normalizeText(readFileSync(source.file!, 'utf8'));
const draft = draftFacts({
  file: source.file!,
  content: readFileSync(source.file!, 'utf8'),
  parties: [...base.parties.values()],
  topics: [...base.topics.values()],
  existingFactIds: new Set(base.byId.keys()),
  existingSourceIds: new Set(base.sources.keys()),
});

/** Every [start, end) span of `excerpt` in the article (an excerpt may occur more than once). */
function spans(excerpt: string): [number, number][] {
  const needle = normalizeText(excerpt);
  const out: [number, number][] = [];
  for (let at = article.indexOf(needle); at >= 0; at = article.indexOf(needle, at + 1)) out.push([at, at + needle.length]);
  return out;
}
const overlaps = (a: [number, number][], b: [number, number][]) => a.some(([s, e]) => b.some(([s2, e2]) => s < e2 && s2 < e));

const candidateSpans = draft.candidates.map((c) => ({ c, spans: spans(c.citation.excerpt) }));
const rows = base.facts.map((f) => {
  const mine = spans(f.citation.excerpt ?? '');
  const by = candidateSpans.filter((x) => overlaps(mine, x.spans)).map((x) => x.c.id);
  return { id: f.id, kind: f.kind, found: by.length > 0, by };
});
const targeted = rows.filter((r) => r.kind !== 'claim');

const review = new Map<string, string>();
for (const line of readFileSync('docs/draft-review.md', 'utf8').split('\n')) {
  const m = /^\|\s*`([a-z0-9-]+)`\s*\|\s*(keep|drop)\s*\|/.exec(line);
  if (m) review.set(m[1]!, m[2]!);
}
const verdicts = draft.candidates.map((c) => ({ id: c.id, verdict: review.get(c.id) }));
const kept = verdicts.filter((v) => v.verdict === 'keep').length;
const unreviewed = verdicts.filter((v) => v.verdict === undefined).map((v) => v.id);

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;
console.log(`shipped facts found (excerpt overlap): ${rows.filter((r) => r.found).length} / ${rows.length} (${pct(rows.filter((r) => r.found).length, rows.length)})`);
console.log(`  of the kinds the draft looks for (figure, milestone, quote, market-move): ${targeted.filter((r) => r.found).length} / ${targeted.length}`);
console.log(`  claims (no figure, date or quote; drafted only when their sentence has a gap): ${rows.filter((r) => r.kind === 'claim' && r.found).length} / ${rows.filter((r) => r.kind === 'claim').length}`);
console.log(`candidates: ${draft.candidates.length}; a curator keeps ${kept} (${pct(kept, draft.candidates.length)}) by docs/draft-review.md`);
for (const r of rows) console.log(`  ${r.found ? 'found' : 'missed'}  ${r.kind.padEnd(11)} ${r.id}${r.by.length ? `  ← ${r.by.join(', ')}` : ''}`);
if (unreviewed.length > 0) {
  console.log(`not in docs/draft-review.md (review them): ${unreviewed.join(', ')}`);
  process.exitCode = 1;
}
