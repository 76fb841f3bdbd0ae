// Search benchmark: the engine against plain Fuse over whole records, on the shipped base and
// on generated bases of 1,000, 10,000 and 100,000 facts, in one run.
// Run alone: node bin/run-ts.js bench/search.ts
import { isEntry } from './is-entry.ts';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cpus, loadavg } from 'node:os';
import Fuse from 'fuse.js';
import { loadFactBase, type FactBase } from '../src/facts/load.ts';
import { createEngine } from '../src/search/engine.ts';
import type { QuestionEngine } from '../src/search/types.ts';
import { generateBase, type GeneratedQuery } from './synthetic.ts';

// Heap deltas need a collection before each reading; expose gc without a node flag.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Questions for the shipped base: the kinds people ask, with typos, in both languages. */
const SHIPPED_QUERIES = [
  'how much will nvidia invest', 'combien de gigawatts', 'when does the first phase start', 'quand commence la première phase ?',
  'who is the antitrust lawyer', 'what did Altman say', 'enrgy', 'vra rubn', 'bourse', 'stock moves', 'Broadcom', 'AGI',
  'puces maison', '8 millions de foyers', "what's the weather in Paris?", 'tesla', 'tell me a joke', 'recette de la tarte tatin',
  '/deal energy', 'timeline', 'quotes', 'nvdia stock', 'letter of intent', '100 milliards de dollars', 'circular investments',
  'DOJ FTC', 'Microsoft influence', 'SoftBank', 'who said the deal helps OpenAI', 'calendrier',
];

interface Row {
  base: string;
  facts: number;
  method: string;
  build: number;
  heapMb: number;
  queries: number;
  p50: number;
  p99: number;
  firstRate?: number;
  note?: string;
}

/** JS heap plus typed-array storage (the index keeps its postings outside the JS heap). */
function heapUsed(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t0) / 1e6];
}

function measure(queries: string[], rounds: number, run: (q: string) => unknown): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) times.push(time(() => run(q))[1]);
  }
  return times.sort((a, b) => a - b);
}

function engineRow(name: string, base: FactBase, queries: string[], rounds: number, graded?: GeneratedQuery[]): [Row, QuestionEngine] {
  const before = heapUsed();
  const [engine, build] = time(() => createEngine(base));
  const heapMb = (heapUsed() - before) / 1e6;
  // Warm up until the JIT has compiled the hot paths (about 1,500 searches): p99 is otherwise JIT time.
  for (let r = 0; r < Math.ceil(1500 / Math.max(1, queries.length)); r++) for (const q of queries) engine.search(q);
  gc();
  const times = measure(queries, rounds, (q) => engine.search(q));
  const firstRate = graded ? graded.filter((g) => engine.search(g.text).hits[0]?.fact.id === g.expected).length / graded.length : undefined;
  return [{ base: name, facts: base.facts.length, method: 'engine (vocabulary fuse + BM25)', build, heapMb, queries: times.length, p50: percentile(times, 50), p99: percentile(times, 99), firstRate }, engine];
}

function fuseRow(name: string, base: FactBase, queries: string[], graded?: GeneratedQuery[], note?: string): Row {
  const before = heapUsed();
  const [fuse, build] = time(
    () => new Fuse(base.facts, { keys: ['statement.en', 'statement.fr', 'quote.speaker', 'quote.original', 'figures.label.en'], includeScore: true }),
  );
  const heapMb = (heapUsed() - before) / 1e6;
  const times: number[] = [];
  let right = 0;
  const list = graded ?? queries.map((text) => ({ text, expected: '' }));
  for (const g of list) {
    const [res, ms] = time(() => fuse.search(g.text, { limit: 10 }));
    times.push(ms);
    if (res[0]?.item.id === g.expected) right++;
  }
  times.sort((a, b) => a - b);
  return { base: name, facts: base.facts.length, method: 'plain Fuse over whole records', build, heapMb, queries: times.length, p50: percentile(times, 50), p99: percentile(times, 99), firstRate: graded ? right / graded.length : undefined, note };
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

function table(rows: Row[]): string {
  const lines = [
    '| base | facts | method | index build (ms) | heap Δ (MB) | queries timed | p50 (ms) | p99 (ms) | right record first |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const rate = r.firstRate === undefined ? 'n/a' : `${Math.round(r.firstRate * 100)} %`;
    lines.push(`| ${r.base} | ${r.facts.toLocaleString('en')} | ${r.method}${r.note ? ` (${r.note})` : ''} | ${fmt(r.build, 1)} | ${fmt(r.heapMb, 1)} | ${r.queries} | ${fmt(r.p50, 3)} | ${fmt(r.p99, 3)} | ${rate} |`);
  }
  return lines.join('\n');
}

function targets(rows: Row[]): string {
  const shipped = rows.find((r) => r.base === 'shipped' && r.method.startsWith('engine'));
  const big = rows.find((r) => r.facts === 100_000 && r.method.startsWith('engine'));
  const check = (ok: boolean | undefined) => (ok ? 'met' : 'NOT met');
  return [
    `Targets: p99 ≤ 0.5 ms on the shipped base — ${check(shipped && shipped.p99 <= 0.5)} (${fmt(shipped?.p99 ?? NaN, 3)} ms); `,
    `p99 ≤ 10 ms at 100,000 facts — ${check(big && big.p99 <= 10)} (${fmt(big?.p99 ?? NaN, 3)} ms); `,
    `index build ≤ 5 s at 100,000 — ${check(big && big.build <= 5000)} (${fmt((big?.build ?? NaN) / 1000, 2)} s).`,
  ].join('');
}

/** Runs the whole search benchmark and returns its markdown table. */
export async function runSearchBench(opts: { factsDir?: string; log?: (line: string) => void } = {}): Promise<string> {
  const log = opts.log ?? (() => {});
  const rows: Row[] = [];
  const shipped = loadFactBase(opts.factsDir ?? process.env.FACTS_DIR ?? 'facts');
  log(`shipped base: ${shipped.facts.length} facts`);
  rows.push(engineRow('shipped', shipped, SHIPPED_QUERIES, 100)[0]);
  rows.push(fuseRow('shipped', shipped, SHIPPED_QUERIES));

  // Plain Fuse costs about 1 s a query at 10k and far more at 100k: it gets fewer queries there.
  const fuseSample: Record<number, number> = { 1000: 30, 10_000: 8, 100_000: 2 };
  for (const n of [1000, 10_000, 100_000]) {
    const [{ base, queries }, genMs] = time(() => generateBase(n, 200));
    log(`generated ${n} facts in ${fmt(genMs / 1000)} s; ${queries.length} graded queries`);
    const texts = queries.map((q) => q.text);
    rows.push(engineRow(`generated`, base, texts, n >= 100_000 ? 3 : 5, queries)[0]);
    log(`engine at ${n} done`);
    const sample = fuseSample[n]!;
    const step = Math.max(1, Math.floor(queries.length / sample));
    const picked = queries.filter((_, i) => i % step === 0).slice(0, sample);
    rows.push(fuseRow('generated', base, [], picked, sample < queries.length ? `${picked.length} sampled queries` : undefined));
    log(`plain Fuse at ${n} done`);
  }
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `${table(rows)}\n\n${targets(rows)}\nNode ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average at the end ${load} (other work on the machine shows as p99 spikes); heap Δ = JS heap + typed arrays after building, with the base itself already loaded; "right record first" = share of generated questions (some misspelt, some in French) whose expected fact is the first hit; the shipped queries have no single expected fact (n/a).`;
}

if (isEntry(import.meta.url)) {
  const t0 = Date.now();
  console.log(await runSearchBench({ log: (l) => console.error(`[bench] ${l}`) }));
  console.error(`[bench] search benchmark took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
