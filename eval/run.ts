// `npm run eval`: the blind evaluation set through the real bot (commands, engine, shipped facts).
// Prints pass rates for the dev and test halves of every set; `--failures` lists the dev halves'
// failures (never the test halves': they are only run, so that their score stays an honest estimate).
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { commands } from '../commands/index.ts';
import { createBot } from '../src/core/create-bot.ts';
import { EngineHolder } from '../src/core/engine-holder.ts';
import type { Bot } from '../src/core/bot.ts';
import type { Reply } from '../src/core/reply.ts';
import { judge, KINDS, loadCases, type EvalCase } from './cases.ts';

const root = resolve(import.meta.dirname, '..');
const SETS_DIR = resolve(root, 'eval/sets');

/** The blind sets (a, b, c…: one writer each), each split once into `<set>-dev.yaml` and `<set>-test.yaml`. */
export function setNames(): string[] {
  return readdirSync(SETS_DIR)
    .filter((f) => f.endsWith('-dev.yaml'))
    .map((f) => f.slice(0, -'-dev.yaml'.length))
    .sort();
}

export function halfPath(set: string, half: 'dev' | 'test'): string {
  return resolve(SETS_DIR, `${set}-${half}.yaml`);
}

export interface Outcome {
  c: EvalCase;
  reply: Reply;
  pass: boolean;
  why?: string;
}

export async function evaluate(bot: Bot, cases: EvalCase[]): Promise<Outcome[]> {
  const asker = { platform: 'console' as const, channel: { platform: 'console' as const, id: 'eval' }, user: { id: 'eval' }, isAdmin: async () => false };
  const out: Outcome[] = [];
  for (const c of cases) {
    const reply = await bot.answer(c.q, asker);
    out.push({ c, reply, ...judge(c, reply) });
  }
  return out;
}

export interface Rates {
  overall: [number, number];
  inScope: [number, number];
  outOfScope: [number, number];
  byKind: Map<string, [number, number]>;
  byLang: Map<string, [number, number]>;
}

export function rates(outcomes: Outcome[]): Rates {
  const r: Rates = { overall: [0, 0], inScope: [0, 0], outOfScope: [0, 0], byKind: new Map(), byLang: new Map() };
  const add = (slot: [number, number], pass: boolean) => {
    slot[0] += pass ? 1 : 0;
    slot[1] += 1;
  };
  for (const o of outcomes) {
    add(r.overall, o.pass);
    add(o.c.answerable ? r.inScope : r.outOfScope, o.pass);
    for (const [map, key] of [[r.byKind, o.c.kind], [r.byLang, `${o.c.lang} ${o.c.answerable ? 'in-scope' : 'out-of-scope'}`]] as const) {
      if (!map.has(key)) map.set(key, [0, 0]);
      add(map.get(key)!, o.pass);
    }
  }
  return r;
}

const pct = ([p, n]: [number, number]) => (n === 0 ? '—' : `${((100 * p) / n).toFixed(1)} % (${p}/${n})`);

function table(results: Record<string, Rates>): string {
  const names = Object.keys(results);
  const rows: [string, (r: Rates) => [number, number] | undefined][] = [
    ['overall', (r) => r.overall],
    ['answerable (right fact in the first 3)', (r) => r.inScope],
    ['unanswerable (refused)', (r) => r.outOfScope],
    ...KINDS.map((k): [string, (r: Rates) => [number, number] | undefined] => [`kind: ${k}`, (r) => r.byKind.get(k)]),
    ...['en in-scope', 'fr in-scope', 'en out-of-scope', 'fr out-of-scope'].map((k): [string, (r: Rates) => [number, number] | undefined] => [`${k}`, (r) => r.byLang.get(k)]),
  ];
  const lines = [`| | ${names.join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`];
  for (const [label, get] of rows) lines.push(`| ${label} | ${names.map((n) => pct(get(results[n]!) ?? [0, 0])).join(' | ')} |`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const bot = createBot({ engine: new EngineHolder(resolve(root, 'facts')).current, commands });
  // While tuning, `--dev` leaves the test halves unrun.
  const halves: ('dev' | 'test')[] = args.includes('--dev') ? ['dev'] : ['dev', 'test'];
  const results: Record<string, Rates> = {};
  const perSet: Record<string, Rates> = {};
  let devOutcomes: Outcome[] = [];
  for (const half of halves) {
    const all: Outcome[] = [];
    for (const set of setNames()) {
      const outcomes = await evaluate(bot, loadCases(halfPath(set, half)));
      perSet[`${set} ${half}`] = rates(outcomes);
      all.push(...outcomes);
    }
    results[half] = rates(all);
    if (half === 'dev') devOutcomes = all;
  }
  console.log(table(results));
  console.log(`\nBy set (overall; answerable; unanswerable):`);
  for (const [name, r] of Object.entries(perSet)) console.log(`- ${name}: ${pct(r.overall)}; ${pct(r.inScope)}; ${pct(r.outOfScope)}`);
  if (args.includes('--failures')) {
    console.log('\nDev failures:');
    for (const o of devOutcomes.filter((x) => !x.pass)) {
      console.log(`- ${o.c.id} [${o.c.kind}${'sub' in o.c ? '/' + o.c.sub : ''}] ${o.c.q}  → ${o.why}`);
      for (const item of o.reply.items.slice(0, 3)) console.log(`    · ${item.factId}: ${item.text.slice(0, 110)}`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
