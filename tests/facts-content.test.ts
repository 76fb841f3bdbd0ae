// Integrity of the shipped fact base against its source article: every quote, excerpt and
// figure must be found in the article; nothing from the page furniture may leak into a fact.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFactBase } from '../src/facts/load.ts';
import type { Fact } from '../src/facts/schema.ts';

const base = loadFactBase('facts');
const source = base.sources.get('article-openai-nvidia-100b');
if (!source?.file) throw new Error('the shipped base must register the article with its file');
// A source's file is relative to the project root (the working directory of the tests).
const articleRaw = readFileSync(resolve(source.file), 'utf8');

/** Only whitespace and typographic quotes/apostrophes are normalised; every word must match. */
function norm(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc']/g, "'")
    .replace(/[\u00a0\u202f\s]+/g, ' ')
    .trim();
}
const article = norm(articleRaw);

/** The article's body: after the header furniture (ending with the horoscope link), before the comment form. */
const lines = articleRaw.split('\n').map((l) => l.trim());
const bodyStart = lines.findIndex((l) => /Arcane Visions/.test(l)) + 1;
const bodyEnd = lines.findIndex((l) => /LAISSER UN COMMENTAIRE/.test(l));
const body = lines.slice(bodyStart, bodyEnd);
/** Headings are the short body lines that are neither bullets, quotes nor sentences. */
const headings = body.filter((l) => l.length > 0 && l.length < 80 && !/^[•«]/.test(l) && !/[.!:]$/.test(l));

/** Forms a number can take in French text: 100e9 → "100 milliards", 4.4 → "4,4", -0.8 → "0,8". */
function frenchForms(value: number): string[] {
  const abs = Math.abs(value);
  const dec = (n: number) => String(n).replace('.', ',');
  const forms = [dec(abs)];
  if (abs >= 1e9) forms.push(`${dec(abs / 1e9)} milliard`);
  if (abs >= 1e6) forms.push(`${dec(abs / 1e6)} million`);
  return forms;
}

const withExcerpt = base.facts.filter((f) => f.citation.excerpt !== undefined);
const quotes = base.facts.filter((f): f is Extract<Fact, { kind: 'quote' }> => f.kind === 'quote');

describe('shipped fact base against the article', () => {
  it('covers the article broadly (more than 25 distinct facts, all kinds present)', () => {
    expect(base.facts.length).toBeGreaterThan(25);
    expect(new Set(base.facts.map((f) => f.kind))).toEqual(new Set(['figure', 'quote', 'milestone', 'claim', 'market-move']));
  });

  it('records the source honestly: French, no publisher, no publication date, with its title', () => {
    expect(source.lang).toBe('fr');
    expect(source.publisher).toBeNull();
    expect(source.published).toBeNull();
    expect(article).toContain(norm(source.title));
  });

  // The repository keeps a copy of the scraped page; where the original seed is present, they must match.
  const seed = resolve('../shared/seeds/000_e5e454d0850eedab.txt');
  it.skipIf(!existsSync(seed))('the repository copy of the article is the original, unedited', () => {
    expect(articleRaw).toBe(readFileSync(seed, 'utf8'));
  });

  it.each(quotes.map((q) => [q.id, q] as const))('quote %s is verbatim in the article, with its speaker', (_id, q) => {
    expect(article).toContain(norm(q.quote.original));
    // The speaker's attribution follows the closing guillemet in the article.
    expect(article).toContain(norm(`${q.quote.original} »${q.quote.speaker}`));
    expect(article).toContain(norm(q.quote.organisation));
    expect(q.quote.lang).toBe('fr');
    expect(q.quote.translation?.en.length).toBeGreaterThan(0);
  });

  it.each(withExcerpt.map((f) => [f.id, f] as const))('excerpt of %s appears in the article', (_id, f) => {
    expect(article).toContain(norm(f.citation.excerpt!));
  });

  it('every fact has an excerpt, so every citation can be checked', () => {
    expect(base.facts.filter((f) => !f.citation.excerpt).map((f) => f.id)).toEqual([]);
  });

  it.each(base.facts.map((f) => [f.id, f] as const))('section of %s is a heading path of the article', (_id, f) => {
    if (f.citation.section === 'Introduction') {
      // The paragraphs under the title, before the first heading.
      const intro = norm(body.slice(0, body.indexOf(headings[0]!)).join(' '));
      expect(intro).toContain(norm(f.citation.excerpt!));
      return;
    }
    const parts = f.citation.section.split(' › ');
    const at = parts.map((part) => headings.indexOf(part));
    expect(at.every((i) => i >= 0), `${f.citation.section} has a part that is not a heading`).toBe(true);
    // A sub-heading follows its parent, and the excerpt sits under the last heading of the path.
    for (let i = 1; i < at.length; i++) expect(at[i]!).toBeGreaterThan(at[i - 1]!);
    const from = body.indexOf(parts.at(-1)!);
    const next = headings[at.at(-1)! + 1];
    const to = next === undefined ? body.length : body.indexOf(next);
    expect(norm(body.slice(from, to).join(' '))).toContain(norm(f.citation.excerpt!));
  });

  it.each(base.facts.filter((f) => f.figures.length > 0).map((f) => [f.id, f] as const))(
    'every figure of %s is written in its own excerpt',
    (_id, f) => {
      const excerpt = norm(f.citation.excerpt ?? '');
      for (const fig of f.figures) {
        const forms = frenchForms(fig.value);
        expect(
          forms.some((form) => excerpt.includes(form)),
          `${fig.value} ${fig.unit} (as ${forms.join(' / ')}) not in "${excerpt}"`,
        ).toBe(true);
      }
    },
  );

  it('a negative market move is a fall in the article, a positive one a rise', () => {
    for (const f of base.facts.filter((x) => x.kind === 'market-move')) {
      for (const fig of f.figures) {
        const excerpt = f.citation.excerpt ?? '';
        if (fig.value < 0) expect(excerpt, f.id).toMatch(/recul|baiss|chut/);
        else expect(excerpt, f.id).toMatch(/\+|bondi|hauss|progress/);
      }
    }
  });

  it('every statement is given in English and in French, and they differ', () => {
    for (const f of base.facts) {
      expect(f.statement.en.trim(), f.id).not.toBe('');
      expect(f.statement.fr.trim(), f.id).not.toBe('');
      expect(f.statement.en, f.id).not.toBe(f.statement.fr);
    }
  });

  it('tickers are exactly the six listed companies', () => {
    const tickers = [...base.parties.values()].filter((p) => p.ticker).map((p) => `${p.id}:${p.ticker}`);
    expect(tickers.sort()).toEqual(
      ['amd:AMD', 'broadcom:AVGO', 'intel:INTC', 'microsoft:MSFT', 'nvidia:NVDA', 'oracle:ORCL'].sort(),
    );
  });

  it('every party the article names is registered and appears in the article', () => {
    for (const p of base.parties.values()) expect(articleRaw, p.id).toContain(p.name);
    for (const name of ['OpenAI', 'Nvidia', 'Microsoft', 'Oracle', 'Broadcom', 'AMD', 'Intel', 'Google', 'Meta', 'Mistral AI', 'TSMC', 'SoftBank', 'DOJ', 'FTC', 'Bernstein']) {
      expect([...base.parties.values()].map((p) => p.name)).toContain(name);
    }
  });

  it('every registered party and topic is used by at least one fact', () => {
    const usedParties = new Set(base.facts.flatMap((f) => f.parties));
    const usedTopics = new Set(base.facts.flatMap((f) => f.topics));
    expect([...base.parties.keys()].filter((p) => !usedParties.has(p))).toEqual([]);
    expect([...base.topics.keys()].filter((t) => !usedTopics.has(t))).toEqual([]);
  });

  it('no page furniture in any fact (header date, horoscope, comment form, "you may like")', () => {
    const furniture = [/horoscop/i, /arcane/i, /astral/i, /commentaire/i, /pourrait vous plaire/i, /7 février/i, /février 2026/i, /\bsam 7\b/i];
    for (const f of base.facts) {
      const text = JSON.stringify(f);
      for (const word of furniture) expect(text, `${f.id} contains ${word}`).not.toMatch(word);
    }
  });

  it('never fills the two gaps of the article with a guess', () => {
    // "visant à terme la ." and "les risques de entre": the facts near them must not complete them.
    const all = base.facts.map((f) => JSON.stringify(f)).join('\n');
    expect(all).not.toMatch(/visant à terme la \S/);
    expect(all).not.toMatch(/risques de (?!entre)\S+ entre Nvidia/);
    expect(all).not.toMatch(/risks? of \S+ between Nvidia/i);
  });

  it('dates and periods are the ones the article states', () => {
    const labels = new Set(base.facts.flatMap((f) => (f.when ? [f.when.label.fr] : [])));
    for (const label of labels) expect(article).toContain(norm(label));
    const h2 = base.byId.get('timeline-first-phase-h2-2026')?.when;
    expect(h2).toEqual({ from: '2026-07-01', to: '2026-12-31', precision: 'half', label: { en: 'H2 2026', fr: 'second semestre 2026' } });
    expect(base.byId.get('timeline-2030-agi-goal')?.when).toMatchObject({ from: '2030-01-01', precision: 'onward' });
    expect(base.byId.get('timeline-2026-first-delivery-1gw')?.when).toMatchObject({ from: '2026-01-01', to: '2026-12-31', precision: 'year' });
  });

  it('the deal terms are marked as a letter of intent, not a final contract', () => {
    for (const id of ['deal-letter-of-intent', 'deal-value-100bn', 'investment-up-to-100bn', 'energy-10gw-deployment', 'timeline-first-phase-h2-2026']) {
      expect(base.byId.get(id)?.status, id).toBe('letter-of-intent');
    }
  });
});

describe('headline facts for the /deal overview', () => {
  it('flag the deal terms: letter of intent, up to $100bn, at least 10 GW, >8 million households, H2 2026', () => {
    const headline = base.facts.filter((f) => f.headline).map((f) => f.id);
    expect(headline).toEqual(
      expect.arrayContaining(['deal-letter-of-intent', 'investment-up-to-100bn', 'energy-10gw-deployment', 'energy-8-million-households', 'timeline-first-phase-h2-2026']),
    );
    expect(headline.length).toBeLessThanOrEqual(8);
  });
});
