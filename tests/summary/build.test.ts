// The summary's content: tickers and recorded moves from the fact base, live or stale quotes with
// their provider and time, upcoming milestones, what changed, both languages, no invented number.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { loadFactBase, type FactBase } from '../../src/facts/load.ts';
import type { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { buildSummary, periodEnd, tickerParties, upcomingFacts } from '../../src/summary/build.ts';
import { MarketData, MarketDataError, QuoteCache, type MarketDataProvider, type MarketSnapshot, type Quote } from '../../src/summary/market.ts';
import { fixtureBase, FIXTURE_BASE_DIR, SHIPPED_FACTS_DIR, useTempDatabase } from './helpers.ts';

const NOW = new Date('2026-04-01T14:00:00Z');

/** Stands in for the market-data service: fixed prices, or a failure. */
function stubProvider(prices: Record<string, number> | 'down'): MarketDataProvider {
  return {
    name: 'StubQuotes',
    async quote(symbol): Promise<Quote> {
      if (prices === 'down') throw new MarketDataError('timeout', 'no answer');
      const price = prices[symbol];
      if (price === undefined) throw new MarketDataError('no-data', `no ${symbol}`);
      return { symbol, price, change: -2.5, changePercent: -1.25, previousClose: price + 2.5, asOf: new Date('2026-04-01T13:59:00Z') };
    },
  };
}

/** Every number in a text, as written (digits with separators). */
const numbersIn = (text: string) => text.match(/\d[\d.,\u202f\u00a0]*\d|\d/g) ?? [];

describe('buildSummary', () => {
  const temp = useTempDatabase();
  let db: Db;
  let shipped: FactBase;
  const snapshot = (base: FactBase, provider?: MarketDataProvider, at = NOW): Promise<MarketSnapshot> =>
    new MarketData({ cache: new QuoteCache(db), provider, now: () => at }).snapshot(tickerParties(base).map((p) => p.ticker));

  beforeEach(() => {
    db = temp.db;
    shipped = loadFactBase(SHIPPED_FACTS_DIR);
  });

  it('covers every party with a ticker in the fact base, live quote beside the recorded move', async () => {
    const tickers = tickerParties(shipped).map((p) => p.ticker);
    expect(tickers.length).toBeGreaterThan(0);
    const prices = Object.fromEntries(tickers.map((t, i) => [t, 100 + i * 11.11]));
    const r = buildSummary({ base: shipped, lang: 'en', now: NOW, timezone: 'Europe/Paris', market: await snapshot(shipped, stubProvider(prices)) });

    expect(r.kind).toBe('summary');
    for (const party of tickerParties(shipped)) {
      const live = r.items.find((i) => i.text.startsWith(`${party.name} (${party.ticker}): `));
      expect(live, party.ticker).toBeDefined();
      expect(live!.text).toContain(prices[party.ticker]!.toFixed(2));
      expect(live!.citation).toMatchObject({ source: 'StubQuotes quotes', detail: expect.stringMatching(/^as of /) });
      expect(r.sources.filter((s) => s.title === 'StubQuotes quotes')).toHaveLength(1);
      expect(live!.citation.asOf).toBe('2026-04-01T13:59:00.000Z');
      expect(live!.citation.sourceId).toBeUndefined();
      // Each market-move fact of the party sits right after its live quote, cited to its source.
      const moves = shipped.facts.filter((f) => f.kind === 'market-move' && f.parties.includes(party.id));
      const index = r.items.indexOf(live!);
      moves.forEach((move, k) => {
        const item = r.items[index + 1 + k]!;
        expect(item.factId).toBe(move.id);
        expect(item.citation.sourceId).toBe(move.citation.source);
        expect(item.when).toBeTruthy(); // dated, or says the source gives no date
      });
    }
    expect(r.intro).toContain('StubQuotes');
    expect(r.footer).toMatch(/not investment advice/i);
  });

  it('reads tickers from the base it is given, not from a list of its own', async () => {
    const base = fixtureBase();
    const r = buildSummary({ base, lang: 'en', now: NOW, timezone: 'UTC', market: await snapshot(base, stubProvider({ ACME: 12.5, GBX: 40, INIT: 7 })) });
    const quoted = r.items.filter((i) => !i.factId && i.citation.asOf).map((i) => i.text.split(':')[0]);
    expect(quoted).toEqual(['Acme Robotics (ACME)', 'Globex (GBX)', 'Initech (INIT)']);
    expect(r.items.some((i) => /NVDA|Nvidia/.test(i.text))).toBe(false);
    // A move with its own date shows it; one without says the source gives none; no move is said too.
    expect(r.items.find((i) => i.factId === 'acme-up-3-2')).toMatchObject({ figure: '+3.2%', when: '22 Sep 2025', citation: { sourceId: 'wire' } });
    expect(r.items.find((i) => i.factId === 'globex-down-1-5')).toMatchObject({ figure: '−1.5%', when: '2025-09-23' }); // the source's publication date
    expect(r.lines).toContain('No move recorded at the announcement in the fact base for Initech (INIT).');
  });

  it('says the source gives no date when neither the move nor its source has one', async () => {
    const r = buildSummary({ base: shipped, lang: 'en', now: NOW, timezone: 'UTC', market: await snapshot(shipped) });
    const moves = r.items.filter((i) => i.factId && shipped.byId.get(i.factId)?.kind === 'market-move');
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      const fact = shipped.byId.get(m.factId!)!;
      const published = shipped.sources.get(fact.citation.source)?.published;
      expect(m.when).toBe(fact.when?.label.en ?? published ?? 'date not given by the source');
    }
  });

  it('without market data says live quotes are unavailable and shows no price at all', async () => {
    const r = buildSummary({ base: shipped, lang: 'en', now: NOW, timezone: 'UTC', market: await snapshot(shipped) });
    expect(r.intro).toMatch(/^Live quotes are unavailable \(no market-data provider configured\)/);
    // Every item is a fact of the base; every number shown is one of the base's figures.
    for (const item of r.items) {
      expect(item.factId, item.text).toBeDefined();
      expect(item.citation.sourceId).toBeDefined();
      expect(item.citation.asOf).toBeUndefined();
    }
    const moves = r.items.filter((i) => shipped.byId.get(i.factId!)?.kind === 'market-move');
    expect(moves.map((m) => m.factId).sort()).toEqual(shipped.facts.filter((f) => f.kind === 'market-move').map((f) => f.id).sort());
  });

  it('shows cached quotes marked stale with their time when the provider fails', async () => {
    const base = fixtureBase();
    await snapshot(base, stubProvider({ ACME: 12.5, GBX: 40 }), new Date('2026-03-31T20:00:00Z')); // yesterday's good run
    const r = buildSummary({ base, lang: 'en', now: NOW, timezone: 'Europe/Paris', market: await snapshot(base, stubProvider('down')) });
    expect(r.intro).toMatch(/^Live quotes are unavailable \(the provider did not answer in time\)/);
    expect(r.intro).toContain('marked stale');
    const acme = r.items.find((i) => i.text.startsWith('Acme Robotics (ACME)') && !i.factId)!;
    expect(acme.text).toMatch(/12\.50.*stale, last quote received \(as of 1 Apr 2026, 15:59 /);
    expect(acme.citation).toMatchObject({ asOf: '2026-04-01T13:59:00.000Z' });
    expect(acme.citation).toMatchObject({ source: 'StubQuotes quotes', detail: expect.stringMatching(/^kept from 31 Mar 2026, 22:00 .*\(stale\)$/) });
    // INIT was never fetched: no number for it, anywhere.
    expect(r.items.some((i) => i.text.includes('INIT') && !i.factId)).toBe(false);
  });

  it('lists a partial failure by ticker and keeps the live ones', async () => {
    const base = fixtureBase();
    const r = buildSummary({ base, lang: 'en', now: NOW, timezone: 'UTC', market: await snapshot(base, stubProvider({ ACME: 12.5, INIT: 7 })) });
    expect(r.intro).toMatch(/^Share prices from StubQuotes where available/);
    expect(r.lines).toContain('No live quote for Globex (GBX) (the provider has no data for it).');
  });

  it('lists upcoming milestones only, first to last, cited', async () => {
    const base = fixtureBase();
    const r = buildSummary({ base, lang: 'en', now: new Date('2026-04-01T10:00:00Z'), timezone: 'UTC', market: await snapshot(base) });
    const next = r.items.filter((i) => i.text.startsWith('Next: '));
    expect(next.map((i) => i.factId)).toEqual(['phase-one-h2-2026', 'phase-two-2027']); // March 2026 is over
    expect(next[0]).toMatchObject({ when: 'H2 2026', citation: { sourceId: 'wire' } });

    const inMarch = buildSummary({ base, lang: 'en', now: new Date('2026-03-31T10:00:00Z'), timezone: 'UTC', market: await snapshot(base) });
    expect(inMarch.items.filter((i) => i.text.startsWith('Next: ')).map((i) => i.factId)).toEqual(['review-march-2026', 'phase-one-h2-2026', 'phase-two-2027']);
  });

  it('computes period ends by precision', () => {
    expect(periodEnd({ from: '2026-02-01', precision: 'month', label: { en: 'x', fr: 'x' } })).toBe('2026-02-28');
    expect(periodEnd({ from: '2026-04-01', precision: 'quarter', label: { en: 'x', fr: 'x' } })).toBe('2026-06-30');
    expect(periodEnd({ from: '2026-07-01', precision: 'half', label: { en: 'x', fr: 'x' } })).toBe('2026-12-31');
    expect(periodEnd({ from: '2030-01-01', precision: 'onward', label: { en: 'x', fr: 'x' } })).toBe('9999-12-31');
    expect(upcomingFacts(shipped, '2026-04-01').every((f) => f.kind !== 'market-move')).toBe(true);
  });

  it('says what changed in the fact base since the channel’s previous summary', async () => {
    const dir = join(temp.dir, 'facts');
    cpSync(FIXTURE_BASE_DIR, dir, { recursive: true });
    const before = loadFactBase(dir);
    const market = await snapshot(before);
    const previous = { fingerprint: before.fingerprint, factHashes: Object.fromEntries(before.factHashes), postedAt: new Date('2026-03-31T07:00:00Z') };

    const first = buildSummary({ base: before, lang: 'en', now: NOW, timezone: 'UTC', market, changes: { previous: undefined } });
    expect(first.lines.some((l) => l.startsWith('First summary for this channel'))).toBe(true);
    const same = buildSummary({ base: before, lang: 'en', now: NOW, timezone: 'UTC', market, changes: { previous } });
    expect(same.lines.some((l) => l.startsWith('No change in the fact base since the previous summary (31 Mar 2026, 07:00'))).toBe(true);

    // A curator edits one fact, adds one and removes one.
    const file = join(dir, 'base.yaml');
    let yaml = readFileSync(file, 'utf8');
    yaml = yaml.replace('Phase two starts in 2027.', 'Phase two starts in early 2027.');
    yaml = yaml.replace(/  - id: umbrella-flat[\s\S]*?section: Body \}\n/, '');
    yaml += `
  - id: new-plant-2028
    kind: milestone
    topics: [timeline]
    statement: { en: A new plant opens in 2028., fr: Une nouvelle usine ouvre en 2028. }
    when: { from: 2028-01-01, precision: year, label: { en: "2028", fr: "2028" } }
    citation: { source: wire, section: Plans }
`;
    writeFileSync(file, yaml);
    const after = loadFactBase(dir);
    const r = buildSummary({ base: after, lang: 'en', now: NOW, timezone: 'UTC', market, changes: { previous } });
    const changes = r.items.filter((i) => /since the previous summary/.test(i.text));
    expect(changes.map((i) => [i.factId, i.text.split(':')[0]])).toEqual([
      ['phase-two-2027', 'Updated since the previous summary'],
      ['new-plant-2028', 'New since the previous summary'],
    ]);
    expect(changes.every((i) => i.citation.sourceId)).toBe(true);
    expect(r.lines).toContain('1 fact(s) removed from the fact base since the previous summary.');
  });

  it('speaks French', async () => {
    const base = fixtureBase();
    await snapshot(base, stubProvider({ ACME: 1234.5 }), new Date('2026-03-31T20:00:00Z'));
    const r: Reply = buildSummary({ base, lang: 'fr', now: NOW, timezone: 'Europe/Paris', market: await snapshot(base, stubProvider('down')), changes: { previous: undefined } });
    expect(r.lang).toBe('fr');
    expect(r.title).toBe('Résumé quotidien de l’accord — mercredi 1 avril 2026');
    expect(r.intro).toMatch(/^Les cours en direct sont indisponibles \(le fournisseur n’a pas répondu à temps\)/);
    const acme = r.items.find((i) => i.text.startsWith('Acme Robotics (ACME)') && !i.factId)!;
    expect(acme.text).toMatch(/1\u202f234,50, −2,50 \(−1,25 %\) sur la séance — périmé/);
    expect(r.items.find((i) => i.factId === 'acme-up-3-2')).toMatchObject({ text: 'Acme Robotics (ACME) à l’annonce : L’action Acme a gagné 3,2 % le jour de l’annonce.', figure: '+3,2 %', when: '22 sept. 2025' });
    expect(r.items.find((i) => i.factId === 'phase-one-h2-2026')?.text).toBe('À venir : La phase un est prévue pour le second semestre 2026.');
    expect(r.lines.some((l) => l.startsWith('Premier résumé pour ce canal'))).toBe(true);
    expect(r.footer).toMatch(/^Ceci n’est pas un conseil en investissement/);
  });

  it('never shows a number that is neither a fetched quote nor a figure of the base', async () => {
    const base = fixtureBase();
    const r = buildSummary({ base, lang: 'en', now: NOW, timezone: 'UTC', market: await snapshot(base, stubProvider({ ACME: 12.5 })), changes: { previous: undefined } });
    const allowed = new Set(['12.50', '2.50', '1.25', ...base.facts.flatMap((f) => numbersIn(`${f.statement.en} ${f.when?.label.en ?? ''}`)), ...numbersIn('3.2 1.5'), ...[...base.sources.values()].flatMap((src) => numbersIn(src.published ?? ''))]);
    for (const item of r.items) {
      for (const n of numbersIn(`${item.text} ${item.figure ?? ''} ${item.when ?? ''}`)) expect(allowed.has(n), `${n} in “${item.text}”`).toBe(true);
    }
  });
});
