// Generated fact bases for the search benchmark: realistic, varied facts about many companies,
// programmes, people and periods in English and French, plus questions whose right answer is
// known (each asks for one generated fact by its distinctive words, sometimes misspelt or in French).
import { Fact, type Party, type Source, type Topic } from '../src/facts/schema.ts';
import type { FactBase } from '../src/facts/load.ts';

export interface GeneratedQuery {
  text: string;
  expected: string;
}

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same base. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ['ka', 'lo', 'ver', 'tri', 'zen', 'mor', 'qua', 'lix', 'dra', 'sol', 'nex', 'tor', 'vel', 'ri', 'an', 'co', 'pha', 'mi', 'ul', 'ter', 'bro', 'sy', 'ne', 'gal', 'ox', 'dyn', 'ar', 'pel', 'iv', 'ro'];
const FIRST = ['Anna', 'Marc', 'Lena', 'Omar', 'Julie', 'Tom', 'Sara', 'Ivan', 'Chloé', 'Raj', 'Mei', 'Hugo', 'Nora', 'Eli', 'Zoé', 'Paul', 'Ines', 'Leo', 'Maya', 'Karl'];
const LAST = ['Dubois', 'Keller', 'Nakamura', 'Okafor', 'Rossi', 'Lindqvist', 'Moreau', 'Patel', 'Novak', 'García', 'Fischer', 'Laurent', 'Haddad', 'Kowalski', 'Bennett', 'Silva', 'Yamada', 'Morel', 'Svensson', 'Costa'];
const ROLES: [string, string][] = [['analyst', 'analyste'], ['chief executive', 'PDG'], ['lawyer', 'avocat'], ['economist', 'économiste'], ['engineer', 'ingénieur'], ['investor', 'investisseur']];
const DOMAINS: [string, string][] = [
  ['cloud computing', 'informatique en nuage'], ['data centres', 'centres de données'], ['robotics', 'robotique'], ['batteries', 'batteries'],
  ['satellites', 'satellites'], ['medical imaging', 'imagerie médicale'], ['autonomous trucks', 'camions autonomes'], ['quantum sensors', 'capteurs quantiques'],
  ['wind farms', 'parcs éoliens'], ['semiconductors', 'semi-conducteurs'], ['payments', 'paiements'], ['genomics', 'génomique'],
  ['drones', 'drones'], ['fibre networks', 'réseaux de fibre'], ['hydrogen', 'hydrogène'], ['cybersecurity', 'cybersécurité'],
];
const PLACES: [string, string][] = [['Texas', 'Texas'], ['Norway', 'Norvège'], ['Japan', 'Japon'], ['Brazil', 'Brésil'], ['Quebec', 'Québec'], ['Kenya', 'Kenya'], ['Bavaria', 'Bavière'], ['Chile', 'Chili']];
const TOPICS: Topic[] = [
  ['investment', 'Investment', 'Investissement', ['funding', 'money', 'stake'], ['financement', 'argent', 'participation']],
  ['energy', 'Energy', 'Énergie', ['power', 'gigawatts', 'electricity'], ['puissance', 'électricité']],
  ['market', 'Market', 'Marché', ['shares', 'stock'], ['bourse', 'actions']],
  ['timeline', 'Timeline', 'Calendrier', ['schedule', 'phase'], ['échéances', 'phase']],
  ['research', 'Research', 'Recherche', ['lab', 'prototype'], ['laboratoire', 'prototype']],
  ['regulation', 'Regulation', 'Régulation', ['antitrust', 'regulators'], ['régulateurs', 'autorités']],
  ['supply', 'Supply chain', 'Approvisionnement', ['factories', 'suppliers'], ['usines', 'fournisseurs']],
  ['hiring', 'Hiring', 'Recrutement', ['jobs', 'engineers'], ['emplois', 'ingénieurs']],
].map(([id, en, fr, wen, wfr]) => ({ id: id as string, label: { en: en as string, fr: fr as string }, words: { en: wen as string[], fr: wfr as string[] } }));

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function pseudoWord(r: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYL[Math.floor(r() * SYL.length)]!;
  return w;
}

/** Drops or swaps one letter, as people do when typing fast. */
export function misspell(word: string, r: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  return r() < 0.5 ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

export interface SyntheticBase {
  base: FactBase;
  queries: GeneratedQuery[];
}

/** A fact base of n facts and `queryCount` questions with known answers. */
export function generateBase(n: number, queryCount = 200, seed = 42): SyntheticBase {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const uniqueWords = (count: number, syllables: number, taken: Set<string>) => {
    const out: string[] = [];
    while (out.length < count) {
      const w = pseudoWord(r, syllables + (r() < 0.3 ? 1 : 0));
      if (!taken.has(w)) {
        taken.add(w);
        out.push(w);
      }
    }
    return out;
  };
  const taken = new Set<string>();
  const companies = uniqueWords(Math.min(Math.max(20, Math.floor(n / 40)), 3000), 2, taken).map(cap);
  const programmes = uniqueWords(Math.max(50, Math.ceil(n * 0.75)), 3, taken).map(cap);
  const people = Array.from({ length: Math.max(10, Math.floor(n / 100)) }, (_, i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 400 ? ` ${cap(pseudoWord(r, 2))}` : ''}`);

  const source: Source = { id: 'synthetic', title: 'Synthetic benchmark base', publisher: null, lang: 'en', published: null };
  const parties = new Map<string, Party>(
    companies.map((name, i) => [name.toLowerCase(), { id: name.toLowerCase(), name, kind: 'company', ticker: i % 3 === 0 ? name.slice(0, 4).toUpperCase() : undefined, aliases: [] } as Party]),
  );
  const topics = new Map(TOPICS.map((t) => [t.id, t]));
  const facts: Fact[] = [];
  const queries: GeneratedQuery[] = [];
  const asked: (GeneratedQuery & { programme: string })[] = [];
  const citation = { source: 'synthetic', section: 'Generated' };

  for (let i = 0; i < n; i++) {
    const a = pick(companies);
    let b = pick(companies);
    if (b === a) b = companies[(companies.indexOf(a) + 1) % companies.length]!;
    const p = programmes[i % programmes.length]!;
    const [den, dfr] = pick(DOMAINS);
    const [pen, pfr] = pick(PLACES);
    const x = 1 + Math.floor(r() * 400);
    const year = 2025 + Math.floor(r() * 10);
    const id = `f${i}-${p.toLowerCase()}`;
    const parts = [a.toLowerCase(), b.toLowerCase()];
    const kind = i % 5;
    const common = { id, citation, headline: false, parties: parts, figures: [] as Fact['figures'] };
    let fact: Fact;
    let q: string;
    if (kind === 0) {
      fact = {
        ...common,
        kind: 'figure',
        topics: ['investment'],
        statement: { en: `${a} will invest up to $${x} billion in ${b} for the ${p} ${den} programme.`, fr: `${a} investira jusqu’à ${x} milliards de dollars dans ${b} pour le programme ${p} (${dfr}).` },
        figures: [{ value: x * 1e9, unit: 'USD', currency: 'USD', qualifier: 'up-to', label: { en: `${a} investment in ${b}`, fr: `investissement de ${a} dans ${b}` } }],
      };
      q = r() < 0.5 ? `how much will ${a} invest in ${p}` : `combien ${a} investit dans ${p} ?`;
    } else if (kind === 1) {
      fact = {
        ...common,
        kind: 'market-move',
        topics: ['market'],
        statement: { en: `${a} shares rose ${x / 10}% after the ${p} announcement in ${pen}.`, fr: `L’action ${a} a progressé de ${x / 10} % après l’annonce ${p} en ${pfr}.` },
        figures: [{ value: x / 10, unit: '%', qualifier: 'exact', label: { en: `${a} share price move`, fr: `variation de l’action ${a}` } }],
      };
      q = `${a} stock ${p}`;
    } else if (kind === 2) {
      const half = r() < 0.5 ? 1 : 2;
      fact = {
        ...common,
        kind: 'milestone',
        topics: ['timeline', pick(['energy', 'research', 'supply'])],
        statement: { en: `The ${p} phase of ${a} and ${b} in ${pen} starts in the ${half === 1 ? 'first' : 'second'} half of ${year}.`, fr: `La phase ${p} de ${a} et ${b} en ${pfr} commence au ${half === 1 ? 'premier' : 'second'} semestre ${year}.` },
        when: { from: `${year}-${half === 1 ? '01' : '07'}-01`, to: `${year}-${half === 1 ? '06-30' : '12-31'}`, precision: 'half', label: { en: `H${half} ${year}`, fr: `S${half} ${year}` } },
      };
      q = r() < 0.5 ? `when does the ${p} phase start` : `quand commence la phase ${p} ?`;
    } else if (kind === 3) {
      const speaker = people[i % people.length]!;
      const [ren, rfr] = pick(ROLES);
      fact = {
        ...common,
        kind: 'quote',
        topics: [pick(['research', 'regulation', 'hiring'])],
        statement: { en: `${speaker}, ${ren} at ${a}, says ${p} will reshape ${den}.`, fr: `${speaker}, ${rfr} chez ${a}, estime que ${p} va transformer ${dfr}.` },
        quote: { original: `${p} will reshape ${den} in ${pen}.`, lang: 'en', speaker, role: { en: ren, fr: rfr }, organisation: a },
      };
      q = `what did ${speaker.split(' ')[1]} say about ${p}`;
    } else {
      fact = {
        ...common,
        kind: 'claim',
        topics: [pick(['supply', 'energy', 'research', 'regulation'])],
        statement: { en: `${a} is building ${p} ${den} in ${pen} with ${b} to cut its dependence on imports.`, fr: `${a} construit ${p}, ${dfr} en ${pfr}, avec ${b} pour réduire sa dépendance aux importations.` },
      };
      q = `${p} ${den.split(' ')[0]} ${pen}`;
    }
    facts.push(fact);
    asked.push({ text: r() < 0.25 ? q.replace(p, misspell(p.toLowerCase(), r)) : q, expected: id, programme: p });
  }
  // Programme names repeat across facts; ask only about facts whose programme is theirs alone, so
  // each question has one right answer. Evenly spread over the base.
  const uses = new Map<string, number>();
  for (const a of asked) uses.set(a.programme, (uses.get(a.programme) ?? 0) + 1);
  const unique = asked.filter((a) => uses.get(a.programme) === 1);
  const step = Math.max(1, Math.floor(unique.length / queryCount));
  for (let i = 0; i < unique.length && queries.length < queryCount; i += step) queries.push({ text: unique[i]!.text, expected: unique[i]!.expected });
  // Strings built by concatenation are ropes until first read; a loaded YAML base holds flat strings.
  // Serialising flattens them now, so the benchmark's memory readings are not skewed by it.
  JSON.stringify(facts);
  // Guard against drift from the schema: a sample must still validate.
  for (const f of facts.slice(0, 25)) Fact.parse(f);

  return {
    base: {
      dir: `(synthetic ${n})`,
      facts,
      sources: new Map([[source.id, source]]),
      parties,
      topics,
      byId: new Map(facts.map((f) => [f.id, f])),
      factHashes: new Map(),
      fingerprint: `synthetic-${n}-${seed}`,
      loadedAt: new Date(0),
    },
    queries,
  };
}
