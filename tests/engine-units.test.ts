// The engine's parts (normalisation, stemming, typo correction, top-k) and its behaviour on a
// small fixture base written for these tests, independent of the shipped facts/.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../src/facts/load.ts';
import { createEngine } from '../src/search/engine.ts';
import { normalizeText, queryTokens, stem, tokenize, wordsByPatterns } from '../src/search/normalize.ts';
import { editDistance, TypoCorrector } from '../src/search/typo.ts';
import { topK } from '../src/search/topk.ts';
import { readForm } from '../src/search/form.ts';
import { WordForms } from '../src/search/morphology.ts';

describe('normalizeText', () => {
  it.each([
    ['Énergie', 'energie'],
    ['ÉNERGIE', 'energie'],
    ['l’énergie', 'energie'],
    ["qu'a dit Altman ?", 'a dit altman'],
    ['jusqu’à 100 milliards', 'a 100 milliards'],
    ["Nvidia's stock", 'nvidia stock'],
    ['4,4 % et 0.8 %', '4.4 et 0.8'],
    ['<@U123> <!channel> @everyone hello', 'hello'],
    ['\u202envidia\u202c\u200f', 'nvidia'],
    ['œufs', 'oeufs'],
    ['ｅｎｅｒｇｙ', 'energy'], // full-width letters (NFKD)
    ['énergie\u0000\u0007', 'energie'],
  ])('%j → %j', (input, out) => {
    expect(normalizeText(input)).toBe(out);
  });

  it('reads ASCII text in one pass exactly as the patterns do (elisions, possessives, decimals, runs of apostrophes)', () => {
    const chars = [..."aAlLdDsSqQuUjJxX09 ',._-!?\t\u0000"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 24 }), (cs) => {
        const text = cs.join('');
        expect(normalizeText(text)).toBe(wordsByPatterns(text, true));
      }),
      { numRuns: 20_000 },
    );
    for (const text of ["x'j's", "xj's's", "d'l'avis", "jusqu's", "4,4a's", "1.2.3 l'_a"]) expect(normalizeText(text), text).toBe(wordsByPatterns(text, true));
  });

  it('splits digits from letters and caps the searched part', () => {
    expect(tokenize(normalizeText('10GW H2'))).toEqual(['10', 'gw', 'h', '2']);
    const { normalized, tokens } = queryTokens('word '.repeat(10_000));
    expect(normalized.length).toBeLessThanOrEqual(500);
    expect(tokens.length).toBeLessThanOrEqual(60);
  });
});

describe('stem', () => {
  it('folds English and French plurals and final e', () => {
    expect(stem('gigawatts')).toBe(stem('gigawatt'));
    expect(stem('foyers')).toBe(stem('foyer'));
    expect(stem('premiere')).toBe(stem('premier'));
    expect(stem('companies')).toBe('company');
    expect(stem('analysis')).toBe('analysis');
    expect(stem('2026')).toBe('2026');
  });
});

describe('other forms of a word (Snowball stemmers)', () => {
  const forms = new WordForms(['build', 'courant', 'deploy', 'heureuse', 'invest', 'investir', 'investment', 'make', 'stop', 'use', 'worry']);
  it.each([
    ['worried', 'worry'],
    ['building', 'build'],
    ['stopped', 'stop'],
    ['investira', 'investir'],
    ['investissement', 'invest'],
    ['deployed', 'deploy'],
    // Snowball rewrites the end of a word: the other form does not start with the whole stem.
    ['heureux', 'heureuse'],
    ['couramment', 'courant'],
  ])('%s may stand for %s', (word, base) => {
    expect(forms.variants(word)).toContain(base);
  });
  it('leaves other words alone', () => {
    expect(forms.variants('nvidia')).toEqual([]);
    expect(forms.variants('red')).toEqual([]);
    expect(forms.variants('ring')).toEqual([]);
  });
});

describe('typo correction', () => {
  const words = ['energy', 'nvidia', 'vera', 'rubin', 'broadcom', 'oracle', 'nvda', 'market'];
  const typo = new TypoCorrector(words, () => 1);
  it.each([
    ['enrgy', 'energy'],
    ['nvdia', 'nvidia'],
    ['vra', 'vera'],
    ['rubn', 'rubin'],
    ['braodcom', 'broadcom'],
  ])('%s → %s', (word, fixed) => {
    expect(typo.correct(word)).toBe(fixed);
  });
  it.each(['tesla', 'joke', 'weather', 'xyz', 'e', ''])('%j is left alone', (word) => {
    expect(typo.correct(word)).toBeUndefined();
  });
  it('finds two swapped letters in a short word the fuzzy index scores too far off', () => {
    expect(new TypoCorrector(['tsmc', 'amd'], () => 1).correct('tmsc')).toBe('tsmc');
  });
  it('finds a shorter word of a bucket split by last letter', () => {
    // Over 256 words of one first letter and length are keyed on the last letter too: "chipz" → "chip" ends on "p".
    const many = Array.from({ length: 300 }, (_, i) => `c${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}${'xyz'[i % 3]}`);
    expect(new TypoCorrector([...many, 'chip'], () => 1).correct('chipz')).toBe('chip');
  });
  it('measures transpositions as one edit', () => {
    expect(editDistance('braodcom', 'broadcom', 3)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2); // capped: more than allowed
  });
});

describe('topK', () => {
  it('keeps the best k, ties to the lower index', () => {
    const scores = [1, 5, 3, 5, 0, 4];
    expect(topK([0, 1, 2, 3, 4, 5], (i) => scores[i]!, 3)).toEqual([1, 3, 5]);
    expect(topK([2, 0], (i) => scores[i]!, 5)).toEqual([2, 0]);
  });
});

describe('question form', () => {
  it.each([
    ['when does it start', 'when', 'date'],
    ['what year', 'when', 'date'],
    ['who said that', 'quote', 'quote'],
    ['how much', 'figure', 'amount'],
    ['combien', 'figure', 'amount'],
    ['how many homes', 'figure', 'count'],
    ['combien de foyers', 'figure', 'count'],
    ['what do analysts think', 'general', 'quote'],
    ['who is the lawyer', 'general', 'person'],
    ['why did broadcom slip', 'general', 'reason'],
    ['nvidia', 'general', 'any'],
  ] as const)('%j → intent %s, asks for %s', (text, intent, ask) => {
    const form = readForm(tokenize(normalizeText(text)), text);
    expect(form.intent).toBe(intent);
    expect(form.ask).toBe(ask);
  });

  it('reads yes/no questions in English and French, and summaries', () => {
    for (const q of ['is it signed?', 'does nvidia get voting rights', "c'est signé pour de bon ?", "est-ce qu'Oracle a monté ?", 'a-t-il signé', 'hey, is it final?']) {
      expect(readForm(tokenize(normalizeText(q)), q).yesNo, q).toBe(true);
    }
    for (const q of ['what is the deal worth', 'quand commence la phase', 'who is the lawyer']) expect(readForm(tokenize(normalizeText(q)), q).yesNo, q).toBe(false);
    for (const q of ['tl;dr', 'résume-moi l’accord', 'in a nutshell?', 'les chiffres clés', "Explain the deal like I'm five.", 'give me the 30-second version', 'c koi le deal en 2 mots']) expect(readForm(tokenize(normalizeText(q)), q).summary, q).toBe(true);
  });

  it('reads a date asked to the month or quarter as a when-question of that precision', () => {
    const form = (q: string) => readForm(tokenize(normalizeText(q)), q);
    expect(form('which month in 2026 does the first phase start?')).toMatchObject({ ask: 'date', precision: 'month' });
    expect(form('in which quarter does phase one begin?')).toMatchObject({ ask: 'date', precision: 'quarter' });
    expect(form('quel mois commence la première phase ?')).toMatchObject({ ask: 'date', precision: 'month' });
    expect(form('when does the first phase start?').precision).toBeUndefined();
  });

  it('reads a yes/no about an outcome still to come as a prediction, not a plan the sources state', () => {
    const predicts = (q: string) => readForm(tokenize(normalizeText(q)), q).prediction;
    for (const q of ['will the FTC block the deal?', 'is Microsoft going to lose its partnership?', "les régulateurs vont-ils bloquer l'accord ?", 'la lettre d’intention va-t-elle devenir un contrat ferme ?', 'Les puces maison remplaceront-elles Nvidia ?', "l'accord final sera signé d'ici la fin de l'année ?", 'will the final contract be signed?', "l'action va-t-elle grimper ?"]) expect(predicts(q), q).toBe(true);
    for (const q of ['Will the first phase run on Blackwell?', 'did the FTC block the deal?', 'will nvidia invest 100 billion?', 'who will lose out?', 'is it signed?', "c'est signé pour de bon ?", 'did Oracle rise?', 'how much did nvidia stock rise?', 'how much will nvidia invest?', 'le projet est en cours ?']) expect(predicts(q), q).toBe(false);
    // Whether something comes to be.
    for (const q of ['Will there be a second deal of the same size later?', 'Y aura-t-il un autre accord ?']) expect(predicts(q), q).toBe(true);
    // Shares asked about in the future, in any form of question.
    for (const q of ["Where will Nvidia's stock be by the end of the year?", 'Où sera le cours de Nvidia fin 2026 ?']) expect(predicts(q), q).toBe(true);
  });

  it('reads French slang for saying as a quote asked for only when the words are asked', () => {
    const form = (q: string) => readForm(tokenize(normalizeText(q)), q);
    expect(form("le patron d'OpenAI, il a lâché quelle phrase ?").ask).toBe('quote');
    expect(form('altman il a sorti quoi comme punchline ?').ask).toBe('quote');
    expect(form('OpenAI a lâché Nvidia ?').ask).not.toBe('quote');
    expect(form("what's said about microsoft's influence over openai").ask).not.toBe('quote');
    // "Que disent…", "Qu'en disent…": what the people quoted say, and no yes/no.
    expect(form('Que disent les experts cités ?')).toMatchObject({ ask: 'quote', yesNo: false });
    expect(form("Qu'en disent les personnes citées ?")).toMatchObject({ ask: 'quote', yesNo: false });
    expect(form("que vaut l'accord ?").yesNo).toBe(false);
    // When a quote was said is a date asked, not the quote.
    expect(form('When did Altman say that?').ask).toBe('date');
    expect(form("C'est signé ?").yesNo).toBe(true);
  });

  it('marks the noun a count asks about', () => {
    const tokens = tokenize(normalizeText('how many homes could it power'));
    expect(tokens[readForm(tokens, '').unitAt!]).toBe('homes');
  });
});

describe('engine on the fixture base', () => {
  const base = loadFactBase('tests/fixtures/engine-base');
  const engine = createEngine(base);
  const ids = (q: string, limit?: number) => engine.search(q, { limit }).hits.map((h) => h.fact.id);

  it('finds facts by their words, synonyms across languages and typos', () => {
    expect(ids('how much will nvidia invest')[0]).toBe('deal-100bn');
    expect(ids('combien de foyers')[0]).toBe('energy-8m-homes');
    expect(ids('vra rubn')[0]).toBe('phase1-h2-2026');
    expect(ids('puces maison')[0]).toBe('custom-chips');
    expect(ids('stock moves').slice(0, 3).sort()).toEqual(['avgo-down-0-8', 'nvda-up-4-4', 'orcl-up-6']);
    expect(ids('what did Rasgon say')[0]).toBe('quote-rasgon');
  });

  it('expands French to English synonyms: bourse finds the stock moves', () => {
    // "bourse" is a word of the market topic here; the moves' statements never say it.
    expect(ids('bourse').slice(0, 3).sort()).toEqual(['avgo-down-0-8', 'nvda-up-4-4', 'orcl-up-6']);
    // "semestre" appears nowhere in English; "half" does, through the built-in vocabulary.
    expect(ids('second half 2026')[0]).toBe('phase1-h2-2026');
  });

  it('lists dated facts chronologically for "when"', () => {
    const r = engine.search('quand ?', { limit: 20 });
    expect(r.intent).toBe('when');
    expect(r.hits.map((h) => h.fact.id)).toEqual(['first-gigawatt-2026', 'phase1-h2-2026', 'agi-2030']);
  });

  it('gives nothing for what the base does not know', () => {
    for (const q of ['tesla', 'weather in Paris', 'tell me a joke', 'recette de la tarte tatin', 'nvidia weather forecast']) {
      expect(ids(q), q).toEqual([]);
    }
  });

  it('is deterministic across engines built from the same base', () => {
    const other = createEngine(base);
    for (const q of ['nvidia', 'deal', 'quand', 'energy', 'quotes']) expect(other.search(q)).toEqual(engine.search(q));
  });
});
