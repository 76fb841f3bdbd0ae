// Faithfulness checks of the loader (and so of `dealbot facts check`, start and live reload): excerpts
// and quotes verbatim in the source's local copy, figures written in their excerpt, source files that
// exist, and drafts refused until reviewed. Fixture bases cite tests/fixtures/aurora/article.txt.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FactBaseError, formatProblem, loadFactBase } from '../src/facts/load.ts';
import { findNumber, numberForms } from '../src/facts/number-forms.ts';
import { normalizeText } from '../src/facts/faithfulness.ts';

const FIX = 'tests/fixtures';

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
/** A copy of the Aurora fixture base inside the project (source paths are relative to the project root). */
function auroraCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealbot-faith-'));
  temps.push(dir);
  cpSync(`${FIX}/aurora/base`, dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});
const rel = (dir: string, s: string) => s.replace(`${relative(process.cwd(), dir)}/`, '');

describe('the shipped base and the faithful fixture pass', () => {
  it('the shipped base passes every check, against its local copy of the article', () => {
    const base = loadFactBase('facts');
    expect([...base.sources.values()].every((s) => s.file !== undefined)).toBe(true);
    expect(base.facts.every((f) => f.citation.excerpt)).toBe(true);
  });

  it('the Aurora fixture base passes, and so does the same base citing the HTML copy of the article', () => {
    expect(loadFactBase(`${FIX}/aurora/base`).facts).toHaveLength(4);
    const dir = auroraCopy();
    const reg = join(dir, 'registry.yaml');
    writeFileSync(reg, readFileSync(reg, 'utf8').replace('aurora/article.txt', 'aurora/article.html'));
    expect(loadFactBase(dir).facts).toHaveLength(4);
  });
});

describe('each unfaithful fact is refused with file:line field and what is wrong', () => {
  it('an invented excerpt', () => {
    expect(problemsOf(`${FIX}/broken-invented-excerpt`)).toEqual([
      'tests/fixtures/broken-invented-excerpt/facts.yaml:11 facts[0].citation.excerpt: not found verbatim in tests/fixtures/aurora/article.txt: it matches up to "… rachat de Lumen Batteries", then the source does not continue with "comptant"',
    ]);
  });

  it('a changed figure (the excerpt says 2,3 milliards, the figure 2.5e9)', () => {
    expect(problemsOf(`${FIX}/broken-changed-figure`)).toEqual([
      'tests/fixtures/broken-changed-figure/facts.yaml:10 facts[0].figures[0].value: 2500000000 is not written in the excerpt (looked for "2,5 milliards", "2500000000", "deux milliards cinq cents millions"… in digits or French words); the excerpt must state the figure',
    ]);
  });

  it('a paraphrased quote', () => {
    expect(problemsOf(`${FIX}/broken-paraphrased-quote`)).toEqual([
      'tests/fixtures/broken-paraphrased-quote/facts.yaml:8 facts[0].quote.original: quote not found verbatim in tests/fixtures/aurora/article.txt (an original is never paraphrased or tidied): it matches up to "… du temps autant que", then the source does not continue with "des technologies."',
    ]);
  });

  it('a source whose local file does not exist (its facts are not reported again)', () => {
    expect(problemsOf(`${FIX}/broken-missing-source-file`)).toEqual([
      'tests/fixtures/broken-missing-source-file/registry.yaml:8 sources[0].file: file "tests/fixtures/aurora/missing-article.txt" does not exist (paths are relative to the project root, where dealbot runs); fix the path or remove `file:`',
    ]);
  });

  it('a figure changed in the shipped base is refused at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealbot-faith-'));
    temps.push(dir);
    cpSync('facts', dir, { recursive: true });
    const file = join(dir, 'openai-nvidia', 'market.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 4.4', 'value: 4.5'));
    expect(problemsOf(dir).map((p) => rel(dir, p))).toEqual([
      'openai-nvidia/market.yaml:11 facts[0].figures[0].value: 4.5 is not written in the excerpt (looked for "4,5", "quatre virgule cinq"… in digits or French words); the excerpt must state the figure',
    ]);
  });

  it('a draft fact with review: true, with a placeholder, and with an invented excerpt: every problem at once', () => {
    const dir = auroraCopy();
    writeFileSync(
      join(dir, 'draft.yaml'),
      [
        'facts:',
        '  - id: drafted', // 2
        '    kind: claim',
        '    topics: [acquisition]',
        '    statement:',
        '      fr: Les deux groupes visent à terme la .', // 6
        '      en: TODO translate', // 7
        '    parties: [aurora-robotics]',
        '    citation:',
        '      source: aurora-lumen-article',
        '      section: Introduction',
        '      excerpt: Les deux groupes visent à terme la conquête.', // 12
        '    gap: true',
        '    review: true', // 14
        '',
      ].join('\n'),
    );
    expect(problemsOf(dir).map((p) => rel(dir, p))).toEqual([
      'draft.yaml:7 facts[0].statement.en: placeholder left by `dealbot facts draft`: write this text (never guess a translation)',
      'draft.yaml:12 facts[0].citation.excerpt: not found verbatim in tests/fixtures/aurora/article.txt: it matches up to "… visent à terme la", then the source does not continue with "conquête."',
      'draft.yaml:14 facts[0].review: draft fact awaiting review: remove `review: true` once checked',
    ]);
  });

  it('only whitespace and typographic quotes are normalised: a changed word or ellipsis still fails', () => {
    const dir = auroraCopy();
    const file = join(dir, 'facts.yaml');
    const text = readFileSync(file, 'utf8');
    // Straight apostrophes and a line break inside the excerpt are the same text.
    writeFileSync(file, text.replace('excerpt: Clara Nguyen, PDG d’Aurora Robotics', 'excerpt: "Clara   Nguyen,\\n PDG d\'Aurora Robotics"'));
    expect(loadFactBase(dir).facts).toHaveLength(4);
    writeFileSync(file, text.replace('excerpt: Clara Nguyen, PDG d’Aurora Robotics', 'excerpt: Clara Nguyen, PDG de Aurora Robotics'));
    expect(problemsOf(dir)).toHaveLength(1);
  });
});

describe('number forms (digits and number words from n2words)', () => {
  it.each([
    ['jusqu’à 100 milliards de dollars', 100e9, 'fr', true],
    ['jusqu’à 100 milliards de dollars', 100, 'fr', false],
    ['jusqu’à 100 milliards de dollars', 100e6, 'fr', false],
    ['bondir de 4,4 %', 4.4, 'fr', true],
    ['bondir de 4,4 %', 4, 'fr', false],
    ['reculé de 0,8 %', -0.8, 'fr', true],
    ['plus de 8 millions de foyers', 8e6, 'fr', true],
    ['au moins dix gigawatts', 10, 'fr', true],
    ['quatre-vingts salariés', 80, 'fr', true],
    ['1 200 salariés', 1200, 'fr', true],
    ['at least ten gigawatts', 10, 'en', true],
    ['up to $100bn', 100e9, 'en', true],
    ['one hundred billion dollars', 100e9, 'en', true],
    ['in 2010', 10, 'en', false],
  ] as const)('"%s" states %d (%s): %s', (text, value, lang, expected) => {
    expect(findNumber(normalizeText(text), value, lang) !== undefined).toBe(expected);
  });

  it('lists a value in digits and in words', () => {
    const forms = numberForms(2.3e9, 'fr').map((f) => f.text);
    expect(forms).toEqual(expect.arrayContaining(['2,3 milliards', '2300000000', 'deux milliards trois cents millions']));
  });
});
