// `dealbot gaps`, the curators' report: questions that got no facts and answers voted 👎, together,
// most frequent first, each with what voters said was missing, what the 👎'd answers showed, and the
// facts nearest to the question (how much of it each holds, and what it lacks), so a curator sees
// whether a fact is missing or only a word.
import { GapLog, type Gap, type GapFilter } from '../core/gaps.ts';
import { dealBase, loadBase } from '../facts/load.ts';
import { createEngine } from '../search/engine.ts';
import type { QuestionEngine } from '../search/types.ts';
import type { Io } from './io.ts';

/** A fact near an unanswered question: its id, the share of the question it holds (0–1), what it lacks. */
export interface NearFact {
  factId: string;
  coverage: number;
  missing: string[];
}

export interface GapReport extends Gap {
  /** Words of the question the base does not know at all. */
  unknown: string[];
  /** Why the engine refused it today (it may answer now, after an edit of the facts). */
  reason: string;
  answeredNow: boolean;
  nearest: NearFact[];
}

const NEAREST = 3;

export function gapReport(gap: Gap, engine: QuestionEngine): GapReport {
  const e = engine.explain(gap.query, { lang: gap.langs[0] ?? 'en' });
  return {
    ...gap,
    unknown: e.focus.filter((f) => !f.known).map((f) => f.text),
    reason: e.reason,
    answeredNow: e.answered,
    nearest: [...e.candidates]
      .sort((a, b) => b.coverage - a.coverage || b.score - a.score)
      .slice(0, NEAREST)
      .map((c) => ({ factId: c.factId, coverage: c.coverage, missing: c.missing })),
  };
}

/** How a report line says what happened to a question: "no facts ×2, 👎 ×1". */
function counted(g: Gap): string {
  return [g.unanswered ? `no facts ×${g.unanswered}` : '', g.downVotes ? `👎 ×${g.downVotes}` : ''].filter(Boolean).join(', ');
}

/**
 * Each gap's nearest facts come from the deal it was asked of (with several deals, a question or
 * answer recorded without one counts as the default deal's). `deal` keeps to one deal's gaps (and
 * checks that the base holds it); a base with one deal has nothing to keep apart.
 */
function dealScope(factsDir: string | undefined, deal: string | undefined): { filter: GapFilter; engineOf?: (g: Gap) => QuestionEngine } {
  const loaded = factsDir ? loadBase(factsDir) : undefined;
  if (!loaded) return { filter: {} };
  const fallback = dealBase(loaded, deal);
  const several = loaded.deals.length > 1;
  const engines = new Map<string, QuestionEngine>();
  const engineOf = (g: Gap): QuestionEngine => {
    const base = (g.deal !== undefined ? loaded.deals.find((b) => b.deal?.id === g.deal) : undefined) ?? fallback;
    const key = base.deal?.id ?? '';
    if (!engines.has(key)) engines.set(key, createEngine(base));
    return engines.get(key)!;
  };
  const unrecorded = several ? dealBase(loaded).deal?.id : undefined;
  return { filter: { ...(several && deal !== undefined ? { deal } : {}), ...(unrecorded ? { unrecordedDeal: unrecorded } : {}) }, engineOf };
}

/** `deal`: only that deal's gaps, with its facts searched for the nearest ones (default: every deal's, each with its own). */
export async function listGaps(log: GapLog, where: string, io: Io, opts: { json?: boolean; limit?: number; factsDir?: string; deal?: string; filter?: GapFilter } = {}): Promise<number> {
  const scope = dealScope(opts.factsDir, opts.deal);
  const gaps = (await log.list({ ...opts.filter, ...scope.filter })).slice(0, opts.limit ?? 50);
  const { engineOf } = scope;
  const reports = engineOf ? gaps.map((g) => gapReport(g, engineOf(g))) : undefined;
  if (opts.json) {
    io.stdout(JSON.stringify(reports ?? gaps));
    return 0;
  }
  if (gaps.length === 0) {
    io.stdout(`No unanswered questions or 👎 answers recorded in ${where}.`);
    return 0;
  }
  for (const [i, g] of gaps.entries()) {
    io.stdout(`${String(g.count).padStart(5)}  ${g.query}  (${counted(g)}; last ${g.lastAsked}, ${g.langs.join('/')}, ${g.platforms.join('/')}${g.deal ? `, deal ${g.deal}` : ''})`);
    for (const c of g.comments.slice(0, 3)) io.stdout(`       missing: “${c.replace(/\s+/g, ' ')}”`);
    for (const shown of g.shown.slice(0, 2)) io.stdout(`       👎 answer showed: ${shown.factIds.join(', ') || '(no fact)'} (fact base ${shown.version || 'unknown'})`);
    const r = reports?.[i];
    if (!r) continue;
    if (r.answeredNow) io.stdout(`       answered now: ${r.reason}`);
    if (r.unknown.length) io.stdout(`       unknown words: ${r.unknown.join(', ')}`);
    for (const n of r.nearest) io.stdout(`       nearest: ${n.factId} (${Math.round(n.coverage * 100)} % of the question${n.missing.length ? `; lacks ${n.missing.join(', ')}` : ''})`);
    if (!r.answeredNow && r.nearest.length === 0) io.stdout('       nearest: no fact shares a word with it');
  }
  return 0;
}
