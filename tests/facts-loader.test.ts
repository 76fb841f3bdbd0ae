// The fact loader: the shipped base loads clean; broken bases are refused whole with
// `file:line field: problem` messages that name the exact place to fix.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { FactBaseError, formatProblem, loadFactBase, yamlFiles } from '../src/facts/load.ts';

// Paths in messages are relative to the working directory: vitest runs from the project root.
const FIX = 'tests/fixtures';

/** The formatted problems of a base that must fail to load. */
function problemsOf(dir: string): string[] {
  try {
    loadFactBase(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(FactBaseError);
    return (err as FactBaseError).problems.map(formatProblem);
  }
  throw new Error(`${dir} loaded but should have been refused`);
}

const temps: string[] = [];
function tempCopyOfShippedBase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealbot-facts-'));
  temps.push(dir);
  cpSync('facts', dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('the shipped fact base', () => {
  const base = loadFactBase('facts');

  it('loads every fact written in its files, with no problems', () => {
    // Count the facts straight from the YAML, so a loader that drops facts would fail here.
    const written = yamlFiles('facts').reduce((n, f) => n + ((parse(readFileSync(f, 'utf8')) as { facts?: unknown[] }).facts?.length ?? 0), 0);
    expect(written).toBeGreaterThan(25);
    expect(base.facts).toHaveLength(written);
    expect(base.byId.size).toBe(written);
  });

  it('has every fact cite a registered source, topic and party', () => {
    for (const f of base.facts) {
      expect(base.sources.has(f.citation.source), f.id).toBe(true);
      for (const t of f.topics) expect(base.topics.has(t), `${f.id} topic ${t}`).toBe(true);
      for (const p of f.parties) expect(base.parties.has(p), `${f.id} party ${p}`).toBe(true);
    }
  });

  it('applies schema defaults (qualifier exact, empty lists)', () => {
    const oracle = base.byId.get('market-oracle-up-6');
    expect(oracle?.figures[0]?.qualifier).toBe('exact');
    // Bernstein is written without aliases: the schema gives it an empty list.
    expect(base.parties.get('bernstein')?.aliases).toEqual([]);
  });

  it('has a fingerprint that is stable for the same content and changes with one fact', () => {
    const again = loadFactBase(tempCopyOfShippedBase());
    expect(again.fingerprint).toBe(base.fingerprint);

    const dir = tempCopyOfShippedBase();
    const file = join(dir, 'openai-nvidia', 'market.yaml');
    // A figure cannot change alone (its excerpt would no longer state it): the statement changes.
    writeFileSync(file, readFileSync(file, 'utf8').replace('reaching a new record.', 'a record high.'));
    const changed = loadFactBase(dir);
    expect(changed.fingerprint).not.toBe(base.fingerprint);
    const differing = [...changed.factHashes].filter(([id, h]) => base.factHashes.get(id) !== h).map(([id]) => id);
    expect(differing).toEqual(['market-nvidia-up-4-4']);
  });
});

describe('broken fact bases are refused with file:line field: problem', () => {
  it('a figure without unit', () => {
    expect(problemsOf(`${FIX}/broken-missing-field`)).toEqual([
      'tests/fixtures/broken-missing-field/facts.yaml:13 facts[1].figures[0].unit: Required',
    ]);
  });

  it('values of the wrong type', () => {
    expect(problemsOf(`${FIX}/broken-wrong-type`)).toEqual([
      'tests/fixtures/broken-wrong-type/facts.yaml:7 facts[0].statement.en: Invalid input: expected string, received array',
      'tests/fixtures/broken-wrong-type/facts.yaml:10 facts[0].figures[0].value: Invalid input: expected number, received string',
    ]);
  });

  it('a value outside its enum, including an unknown kind', () => {
    expect(problemsOf(`${FIX}/broken-bad-enum`)).toEqual([
      'tests/fixtures/broken-bad-enum/facts.yaml:8 facts[0].figures[0].qualifier: Invalid option: expected one of "exact"|"up-to"|"at-least"|"more-than"|"about"',
      "tests/fixtures/broken-bad-enum/facts.yaml:11 facts[1].kind: Invalid discriminator value. Expected 'figure' | 'quote' | 'milestone' | 'claim' | 'market-move'",
    ]);
  });

  it('invalid YAML syntax, at its line', () => {
    expect(problemsOf(`${FIX}/broken-yaml-syntax`)).toEqual([
      'tests/fixtures/broken-yaml-syntax/facts.yaml:6 (yaml): Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('a duplicate id, naming both places', () => {
    expect(problemsOf(`${FIX}/broken-duplicate-ids`)).toEqual([
      'tests/fixtures/broken-duplicate-ids/b.yaml:7 facts[1].id: duplicate fact id "same-id" (first defined at tests/fixtures/broken-duplicate-ids/a.yaml:2)',
    ]);
  });

  it('a citation to an unknown source, an unknown topic and an unknown party', () => {
    expect(problemsOf(`${FIX}/broken-unknown-refs`)).toEqual([
      'tests/fixtures/broken-unknown-refs/facts.yaml:5 facts[0].topics[1]: unknown topic "weather" (add it to a topics: list)',
      'tests/fixtures/broken-unknown-refs/facts.yaml:7 facts[0].parties[1]: unknown party "initech" (add it to a parties: list)',
      'tests/fixtures/broken-unknown-refs/facts.yaml:9 facts[0].citation.source: unknown source "nowhere" (add it to a sources: list)',
    ]);
  });

  it('a quote without speaker', () => {
    expect(problemsOf(`${FIX}/broken-quote-no-speaker`)).toEqual([
      'tests/fixtures/broken-quote-no-speaker/facts.yaml:7 facts[0].quote.speaker: Required',
    ]);
  });

  it('an unknown field, at the line of the misspelt key', () => {
    expect(problemsOf(`${FIX}/broken-unknown-key`)).toEqual([
      'tests/fixtures/broken-unknown-key/facts.yaml:3 facts[0].figures: Required',
      'tests/fixtures/broken-unknown-key/facts.yaml:7 facts[0].figure: Unrecognized key',
      'tests/fixtures/broken-unknown-key/facts.yaml:10 fact: Unrecognized key',
    ]);
  });

  it('several problems across files, all reported at once, file by file and line by line', () => {
    // registry.yaml's only source is invalid (lang: de); the facts citing it must not
    // each add a spurious "unknown source": one mistake, one message.
    expect(problemsOf(`${FIX}/broken-many`)).toEqual([
      'tests/fixtures/broken-many/energy.yaml:8 facts[0].figures[0].unit: Required',
      'tests/fixtures/broken-many/energy.yaml:14 facts[1].parties[0]: unknown party "initech" (add it to a parties: list)',
      'tests/fixtures/broken-many/market.yaml:5 (yaml): Map keys must be unique',
      'tests/fixtures/broken-many/quotes.yaml:7 facts[0].quote.speaker: Required',
      'tests/fixtures/broken-many/quotes.yaml:14 facts[1].id: duplicate fact id "energy-initech" (first defined at tests/fixtures/broken-many/energy.yaml:10)',
      'tests/fixtures/broken-many/registry.yaml:6 sources[0].lang: Invalid option: expected one of "en"|"fr"',
    ]);
  });

  it('the error message lists every problem under a count', () => {
    try {
      loadFactBase(`${FIX}/broken-unknown-refs`);
      expect.unreachable();
    } catch (err) {
      const lines = (err as Error).message.split('\n');
      expect(lines[0]).toBe('the fact base has 3 problem(s):');
      expect(lines.slice(1)).toEqual((err as FactBaseError).problems.map(formatProblem));
    }
  });

  it('problems carry file, line, field and message separately', () => {
    try {
      loadFactBase(`${FIX}/broken-quote-no-speaker`);
      expect.unreachable();
    } catch (err) {
      expect((err as FactBaseError).problems).toEqual([
        { file: 'tests/fixtures/broken-quote-no-speaker/facts.yaml', line: 7, field: 'facts[0].quote.speaker', message: 'Required' },
      ]);
    }
  });

  it('a missing kind, a money figure without currency and a non-English quote without translation', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealbot-facts-'));
    temps.push(dir);
    cpSync(`${FIX}/broken-missing-field/registry.yaml`, join(dir, 'registry.yaml'));
    writeFileSync(
      join(dir, 'facts.yaml'),
      [
        'facts:',
        '  - id: no-kind', // line 2
        '    topics: [energy]',
        '    statement: { en: A, fr: B }',
        '    citation: { source: src, section: Intro }',
        '  - id: money', // line 6
        '    kind: figure',
        '    topics: [energy]',
        '    statement: { en: A, fr: B }',
        '    figures:',
        '      - { value: 100e9, unit: USD }', // line 11
        '    citation: { source: src, section: Intro }',
        '  - id: untranslated', // line 13
        '    kind: quote',
        '    topics: [quotes]',
        '    statement: { en: A, fr: B }',
        '    quote:', // line 17
        '      original: Bonjour.',
        '      lang: fr',
        '      speaker: Someone',
        '      role: { en: CEO, fr: PDG }',
        '      organisation: Acme',
        '    citation: { source: src, section: Intro }',
        '',
      ].join('\n'),
    );
    const file = join(dir, 'facts.yaml').replace(/.*(dealbot-facts-[^/]+)/, '$1');
    const problems = problemsOf(dir).map((p) => p.replace(/^.*(dealbot-facts-[^/]+)/, '$1'));
    expect(problems).toEqual([
      `${file}:2 facts[0].kind: Required`,
      `${file}:11 facts[1].figures[0].currency: a money figure needs currency equal to its unit`,
      `${file}:17 facts[2].quote.translation: a quote not in English needs translation.en`,
    ]);
  });

  it('a broken fact still has its references checked, so one run lists both problems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealbot-facts-'));
    temps.push(dir);
    cpSync(`${FIX}/broken-missing-field/registry.yaml`, join(dir, 'registry.yaml'));
    writeFileSync(
      join(dir, 'facts.yaml'),
      [
        'facts:',
        '  - id: two-problems',
        '    kind: figure',
        '    topics: [energy, weather]', // line 4
        '    statement: { en: A, fr: B }',
        '    figures:',
        '      - { value: 10 }', // line 7
        '    citation: { source: nope, section: Intro }', // line 8
        '',
      ].join('\n'),
    );
    const problems = problemsOf(dir).map((p) => p.replace(/^.*(dealbot-facts-[^/]+)\//, ''));
    expect(problems).toEqual([
      'facts.yaml:4 facts[0].topics[1]: unknown topic "weather" (add it to a topics: list)',
      'facts.yaml:7 facts[0].figures[0].unit: Required',
      'facts.yaml:8 facts[0].citation.source: unknown source "nope" (add it to a sources: list)',
    ]);
  });

  it('an empty or missing directory', () => {
    const empty = mkdtempSync(join(tmpdir(), 'dealbot-facts-'));
    temps.push(empty);
    expect(problemsOf(empty).map((p) => p.replace(empty, 'DIR').replace(/^.*dealbot-facts-[^:]+/, 'DIR'))).toEqual([
      'DIR:1 (directory): no .yaml fact files found',
    ]);
    const missing = join(empty, 'nope');
    const [problem] = problemsOf(missing);
    expect(problem).toContain('(directory): ENOENT');
  });
});
