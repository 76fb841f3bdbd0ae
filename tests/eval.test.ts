// The blind evaluation set (eval/sets/*): its shape, the judge, and a regression floor on the bot's
// scores. The floor sits a little under the scores recorded in the README, so a change that makes the
// bot understand less fails here; `npm run eval` prints the full table.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { commands } from '../commands/index.ts';
import { createBot } from '../src/core/create-bot.ts';
import { EngineHolder } from '../src/core/engine-holder.ts';
import { reply } from '../src/core/reply.ts';
import { judge, loadCases, type EvalCase } from '../eval/cases.ts';
import { evaluate, halfPath, rates, setNames } from '../eval/run.ts';

const all = (half: 'dev' | 'test'): EvalCase[] => setNames().flatMap((s) => loadCases(halfPath(s, half)));

describe('the blind set', () => {
  const cases = [...all('dev'), ...all('test')];
  it('has at least 400 questions, about 40 % French, at least 120 unanswerable, every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(cases.filter((c) => c.lang === 'fr').length / cases.length).toBeGreaterThanOrEqual(0.35);
    expect(cases.filter((c) => !c.answerable).length).toBeGreaterThanOrEqual(120);
    expect(new Set(cases.map((c) => c.kind)).size).toBe(11);
  });
  it('keeps each question in one half only', () => {
    const dev = new Set(all('dev').map((c) => `${c.id}`));
    expect(all('test').filter((c) => dev.has(c.id))).toEqual([]);
  });
});

describe('the judge', () => {
  const answerable: EvalCase = { id: 'x', lang: 'en', kind: 'direct', q: 'how much?', answerable: true, expect: [['100'], ['billion', 'milliard']] };
  const item = (text: string) => ({ text, citation: { source: 'source' } });
  it('passes an answer whose first three items hold every group, in any case and accent', () => {
    expect(judge(answerable, reply({ kind: 'answer', lang: 'fr', title: 't', items: [item('x'), item('Jusqu’à 100 MILLIARDS')] })).pass).toBe(true);
  });
  it('fails a missing group, an answer beyond the first three, and no facts', () => {
    expect(judge(answerable, reply({ kind: 'answer', lang: 'en', title: 't', items: [item('100 GW')] })).pass).toBe(false);
    expect(judge(answerable, reply({ kind: 'answer', lang: 'en', title: 't', items: [item('a'), item('b'), item('c'), item('100 billion')] })).pass).toBe(false);
    expect(judge(answerable, reply({ kind: 'no-facts', lang: 'en', title: 't', items: [] })).pass).toBe(false);
  });
  it('passes an unanswerable question only when no fact is given', () => {
    const out: EvalCase = { id: 'y', lang: 'en', kind: 'out_of_scope', sub: 'prices', q: 'price per GPU?', answerable: false };
    expect(judge(out, reply({ kind: 'no-facts', lang: 'en', title: 't', items: [] })).pass).toBe(true);
    expect(judge(out, reply({ kind: 'answer', lang: 'en', title: 't', items: [item('x')] })).pass).toBe(false);
  });
});

describe('scores on the blind set (regression floor)', () => {
  const bot = createBot({ engine: new EngineHolder(resolve(import.meta.dirname, '../facts')).current, commands });
  it('answers and refuses on the test halves at least as well as recorded', async () => {
    const r = rates(await evaluate(bot, all('test')));
    const share = ([p, n]: [number, number]) => p / n;
    expect(share(r.inScope)).toBeGreaterThanOrEqual(0.8);
    expect(share(r.outOfScope)).toBeGreaterThanOrEqual(0.9);
  });
});
