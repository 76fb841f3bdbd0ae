// Several deals in one base: the loader gives each deal's folder its own base (shared parties,
// topics and sources beside its own), and refuses a layout that would mix deals, naming file,
// line and field.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactBaseError, formatProblem, loadBase, loadFactBase } from '../../src/facts/load.ts';
import { FIRST, SECOND, twoDealFacts } from '../helpers/deals.ts';

const temps: (() => void)[] = [];
afterAll(() => temps.forEach((c) => c()));

function twoDeals(): string {
  const copy = twoDealFacts();
  temps.push(copy.cleanup);
  return copy.dir;
}

/** Every problem of a directory, with paths relative to it. */
function problemsOf(dir: string): string[] {
  try {
    loadBase(dir);
  } catch (err) {
    if (!(err instanceof FactBaseError)) throw err;
    return err.problems.map((p) => formatProblem({ ...p, file: relative(dir, p.file) }));
  }
  return [];
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `edit of ${file}`).not.toBe(text);
  writeFileSync(file, next);
}

describe('the shipped base', () => {
  it('is one deal, whose deal file changes nothing of its base', () => {
    const loaded = loadBase('facts');
    expect(loaded.deals.map((b) => b.deal?.id)).toEqual([FIRST]);
    const base = loaded.deals[0]!;
    expect(base.deal).toMatchObject({ name: { en: 'OpenAI–Nvidia partnership' }, parties: ['openai', 'nvidia'], status: 'letter-of-intent', default: true });
    expect(loaded.fingerprint).toBe(base.fingerprint);

    // The same files without the deal block load as a base without deal files: same facts, same version.
    const dir = mkdtempSync(join(tmpdir(), 'dealbot-nodeal-'));
    temps.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync('facts', dir, { recursive: true });
    edit(join(dir, FIRST, 'deal.yaml'), /^deal:\n(?: .*\n)+/m, '');
    const plain = loadFactBase(dir);
    expect(plain.deal).toBeUndefined();
    expect(plain.fingerprint).toBe(base.fingerprint);
    expect(plain.facts.map((f) => f.id)).toEqual(base.facts.map((f) => f.id));
    expect([...plain.parties.keys()]).toEqual([...base.parties.keys()]);
  });
});

describe('two deals', () => {
  it('gives each deal its facts, its own and the shared parties and topics, and the sources it lists', () => {
    const loaded = loadBase(twoDeals());
    const [second, first] = loaded.deals; // folder order
    expect(loaded.deals.map((b) => b.deal!.id)).toEqual([SECOND, FIRST]);
    expect(first!.facts.map((f) => f.id)).toEqual(loadFactBase('facts').facts.map((f) => f.id));
    expect(second!.facts.map((f) => f.id).every((id) => id.startsWith('northwind-kestrel-'))).toBe(true);
    expect(second!.facts).toHaveLength(10);
    // The shipped deal's base is what it was: the fixture deal's parties and topics stay in its folder.
    expect(first!.fingerprint).toBe(loadFactBase('facts').fingerprint);
    expect(first!.parties.has('kestrel-freight')).toBe(false);
    expect(second!.parties.has('kestrel-freight')).toBe(true);
    expect(second!.parties.has('nvidia')).toBe(true); // shared
    expect(second!.topics.has('acquisition')).toBe(true);
    expect(second!.topics.has('timeline')).toBe(true); // shared
    expect([...second!.sources.keys()]).toEqual(['northwind-kestrel-article']);
    expect([...first!.sources.keys()]).toEqual(['article-openai-nvidia-100b']);
    expect(loaded.fingerprint).not.toBe(first!.fingerprint);
    // loadFactBase picks a deal by id, else the default one.
    expect(loadFactBase(join(twoDeals()), SECOND).deal?.id).toBe(SECOND);
    expect(loadFactBase(twoDeals()).deal?.id).toBe(FIRST);
    expect(() => loadFactBase(twoDeals(), 'acme')).toThrow(/no deal "acme" in this base; its deals: northwind-kestrel, openai-nvidia/);
  });

  it('refuses facts outside every deal’s folder once the base has deals', () => {
    const dir = twoDeals();
    writeFileSync(join(dir, 'loose.yaml'), readFileSync(join(dir, SECOND, 'article.yaml'), 'utf8').replace(/id: northwind-kestrel-/g, 'id: loose-').replace(/^sources:\n(?: .*\n)+\n/m, ''));
    const problems = problemsOf(dir);
    expect(problems).toContain('loose.yaml:4 facts: facts belong to a deal: move this file into a deal’s folder (facts/<deal>/, next to its deal.yaml); only sources, parties and topics may be shared');
  });

  it('refuses a deal in a folder of another name, two deal files in one folder, and a deal inside another', () => {
    const dir = twoDeals();
    edit(join(dir, SECOND, 'deal.yaml'), 'id: northwind-kestrel', 'id: northwind');
    writeFileSync(join(dir, FIRST, 'second-deal.yaml'), 'deal:\n  id: openai-nvidia-bis\n  name: { en: B, fr: B }\n  parties: [openai]\n  status: rumoured\n  sources: [article-openai-nvidia-100b]\n');
    mkdirSync(join(dir, FIRST, 'inner'));
    writeFileSync(join(dir, FIRST, 'inner', 'deal.yaml'), 'deal:\n  id: inner\n  name: { en: I, fr: I }\n  parties: [openai]\n  status: rumoured\n  sources: [article-openai-nvidia-100b]\n');
    const problems = problemsOf(dir);
    expect(problems).toContain('northwind-kestrel/deal.yaml:3 deal.id: the deal "northwind" lives in a folder named after it: rename the folder "northwind-kestrel" to "northwind" (or the id to "northwind-kestrel")');
    expect(problems.find((p) => p.startsWith('openai-nvidia/second-deal.yaml:1 deal: a folder holds one deal; this one already has its deal file'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('openai-nvidia/inner/deal.yaml:1 deal: deal folders cannot nest'))).toBeDefined();
  });

  it('refuses a citation of a source the deal does not list, and a party or topic of another deal’s folder', () => {
    const dir = twoDeals();
    // The shipped deal borrows the fixture deal's own party and topic, and cites its source.
    const file = join(dir, FIRST, 'governance.yaml');
    edit(file, /parties: \[([^\]]+)\]/, 'parties: [$1, kestrel-freight]');
    edit(file, /topics: \[([^\]]+)\]/, 'topics: [$1, jobs]');
    edit(join(dir, FIRST, 'chips.yaml'), /source: article-openai-nvidia-100b/, 'source: northwind-kestrel-article');
    const problems = problemsOf(dir);
    expect(problems.find((p) => /^openai-nvidia\/governance\.yaml:\d+ facts\[0\]\.parties\[\d\]: party "kestrel-freight" belongs to deal "northwind-kestrel" \([^)]*northwind-kestrel\/deal\.yaml:\d+\); to use it in two deals, move it to a shared file outside the deals' folders$/.test(p))).toBeDefined();
    expect(problems.find((p) => /^openai-nvidia\/governance\.yaml:\d+ facts\[0\]\.topics\[\d\]: topic "jobs" belongs to deal "northwind-kestrel"/.test(p))).toBeDefined();
    expect(problems.find((p) => /^openai-nvidia\/chips\.yaml:\d+ facts\[0\]\.citation\.source: source "northwind-kestrel-article" belongs to deal "northwind-kestrel"/.test(p))).toBeDefined();

    // A shared source the deal does not list.
    const other = twoDeals();
    writeFileSync(join(other, 'more-sources.yaml'), 'sources:\n  - { id: wire, title: A wire, publisher: null, lang: en, published: null }\n');
    edit(join(other, SECOND, 'article.yaml'), 'source: northwind-kestrel-article\n      section: What comes next', 'source: wire\n      section: What comes next');
    expect(problemsOf(other).find((p) => /^northwind-kestrel\/article\.yaml:\d+ facts\[9\]\.citation\.source: source "wire" is not one of deal "northwind-kestrel"'s sources \(add it to deal\.sources in its deal file\)$/.test(p))).toBeDefined();
  });

  it('refuses a deal naming an unknown party or source, a deal without parties, and two default deals', () => {
    const dir = twoDeals();
    edit(join(dir, SECOND, 'deal.yaml'), 'parties: [northwind-logistics, kestrel-freight]', 'parties: [northwind-logistics, kestrel]');
    edit(join(dir, SECOND, 'deal.yaml'), 'status: pending-approval', 'status: pending-approval\n  default: true');
    const problems = problemsOf(dir);
    expect(problems).toContain('northwind-kestrel/deal.yaml:6 deal.parties[1]: unknown party "kestrel" (add it to a parties: list)');
    // The second default in folder order is the one refused.
    expect(problems.find((p) => /^openai-nvidia\/deal\.yaml:\d+ deal\.default: only one deal can be the default \(deal "northwind-kestrel" is, at [^)]*northwind-kestrel\/deal\.yaml:8\)$/.test(p))).toBeDefined();

    const other = twoDeals();
    edit(join(other, SECOND, 'deal.yaml'), 'parties: [northwind-logistics, kestrel-freight]', 'parties: []');
    expect(problemsOf(other)).toContain('northwind-kestrel/deal.yaml:6 deal.parties: name the parties to the deal (party ids)');
  });

  it('passes every faithfulness check on the fixture deal, and refuses an invented excerpt in it', () => {
    const dir = twoDeals();
    expect(problemsOf(dir)).toEqual([]);
    edit(join(dir, SECOND, 'article.yaml'), 'excerpt: Kestrel Freight shares jumped 16% on Monday', 'excerpt: Kestrel Freight shares jumped 16% on Monday morning');
    expect(problemsOf(dir).join('\n')).toMatch(/^northwind-kestrel\/article\.yaml:\d+ facts\[6\]\.citation\.excerpt: not found verbatim in tests\/fixtures\/northwind\/article\.txt/);
  });
});
