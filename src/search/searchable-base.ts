// Everything the engine precomputes for one fact base: the inverted index (words, the lexicon's
// concepts, entities), the vocabularies that read questions, and per-fact flags in typed arrays
// (scoring reads them for every matching fact of 100,000). Built once per base; read-only after.
import Fuse from 'fuse.js';
import type { FactBase } from '../facts/load.ts';
import type { Fact, Lang, Topic } from '../facts/schema.ts';
import { InvertedIndex, visitFields, type WordSides } from './index.ts';
import { CONCEPTS, FILLER_PHRASES } from './lexicon.ts';
import { getNumberWords, WordForms } from './morphology.ts';
import { normalizeText, stem } from './normalize.ts';
import { PhraseMatcher, phraseStems, type PhraseMatch } from './phrases.ts';
import { readQuestion, type Reading } from './read.ts';
import { STOP_WORDS } from './stopwords.ts';
import { TypoCorrector } from './typo.ts';
import { terms, Vocabulary } from './vocabulary.ts';

/** Opinions and projections do not outrank what was signed or reported for a neutral question. */
const STATUS_PRIOR: Partial<Record<string, number>> = { opinion: 0.8, projection: 0.9 };
/** A party named by at least this share of the facts is one of the deal's own parties ("core"). */
const CORE_SHARE = 0.4;
/** Synonym expansion skips words held by more than this share of the facts (e.g. "nvidia", "deal"). */
const COMMON_SHARE = 0.1;
/** Readings kept for their search (SearchableBase.readForLang): enough for a burst of concurrent questions. */
const READINGS_KEPT = 128;
/** Longest question whose reading is kept (characters). */
const MAX_KEPT_QUERY = 2000;

/** Term of a lexicon concept ("~energy"), of an entity ("@nvidia"), of an ordinal on a concept ("~phase#2"). */
export const conceptTerm = (id: string) => `~${id}`;
export const entityTerm = (id: string) => `@${id}`;
export const ordinalTerm = (conceptTerm: string, n: number) => `${conceptTerm}#${n}`;

export function slug(text: string): string {
  return normalizeText(text).replace(/ /g, '-');
}

export class SearchableBase {
  readonly facts: Fact[];
  readonly n: number;
  readonly index: InvertedIndex;
  readonly vocab: Vocabulary;
  readonly typo: TypoCorrector;
  readonly forms: WordForms;
  readonly phrases: PhraseMatcher;
  /** A word held by more facts than this is too common to expand to its synonyms. */
  readonly commonDf: number;

  readonly hasFigures: Uint8Array;
  /** 1 when the fact names a product (a party of kind product, e.g. Vera Rubin). */
  readonly namesProduct: Uint8Array;
  /** 1 when a figure of the fact is an amount of money. */
  readonly hasMoney: Uint8Array;
  /** 1 when every figure of the fact is a percentage (a share move, not an amount). */
  readonly percentOnly: Uint8Array;
  readonly isQuote: Uint8Array;
  /** 1 when the fact's source sentence has a word missing (Fact.gap). */
  readonly hasGap: Uint8Array;
  /** Per market move, 1 up, -1 down (the sign of its figure); 0 for other facts. */
  readonly moveSign: Int8Array;
  readonly isHeadline: Uint8Array;
  readonly isDated: Uint8Array;
  readonly prior: Float32Array;
  readonly speakerOf: Int32Array;
  /** Per quote fact, the entity term of the speaker's organisation ("@openai"), when it is a party. */
  readonly speakerOrg: (string | undefined)[];
  readonly dated: number[] = [];
  readonly headlines: number[] = [];
  readonly quotes: number[] = [];
  readonly factsOfTopic = new Map<string, number[]>();
  readonly speakerIds = new Map<string, number>();
  /** Entity term of a speaker ("@sam-altman") → the speaker's name as written. */
  readonly speakerOfEntity = new Map<string, string>();
  /** Entity term of a speaker → entity term of the speaker's organisation ("sam's company" is OpenAI). */
  readonly orgOfSpeaker = new Map<string, string>();
  /** Entity terms of the deal's own parties: named in most facts, so naming them narrows little. */
  readonly coreEntities = new Set<string>();
  readonly roleConcepts = new Set<string>(CONCEPTS.filter((c) => c.role).map((c) => conceptTerm(c.id)));
  readonly attributeConcepts = new Set<string>(CONCEPTS.filter((c) => c.attribute).map((c) => conceptTerm(c.id)));
  /** Attribute concepts that are names (a regulator, a place): see DomainConcept.named. */
  readonly namedConcepts = new Set<string>(CONCEPTS.filter((c) => c.named).map((c) => conceptTerm(c.id)));
  readonly vagueConcepts = new Set<string>(CONCEPTS.filter((c) => c.vague).map((c) => conceptTerm(c.id)));
  /** The deal itself ("~deal"): soft where few facts say it (see DomainConcept.subject). */
  readonly subjectConcepts = new Set<string>(CONCEPTS.filter((c) => c.subject).map((c) => conceptTerm(c.id)));
  /** Terms some figure of the base has as its unit: what a "how many X" can count. */
  readonly unitVocabulary = new Set<string>();
  readonly topicOfLabel = new Map<string, string>();
  readonly topicOfLabelStems = new Map<string, string>();
  /** Normalised names of parties and speakers: a topic may list them, but asking for one is not asking for the topic. */
  readonly entityNames = new Set<string>();
  readonly topicLabels: Fuse<{ id: string; label: string }>;
  /** The normalised topic labels (what topicLabels searches). */
  readonly topicLabelTexts: readonly string[];
  /**
   * Per section of a source (the heading a fact's citation names), the facts under each of its subsections
   * ("Pourquoi cet accord est un séisme…" → "… › 1. Une alliance stratégique…"): what a heading's claim rests on.
   */
  private readonly subsectionFacts = new Map<string, number[][]>();
  private readonly topicMasks = new Map<string, Uint8Array>();
  private readonly figureTermCache = new Map<number, Set<string>>();
  private readonly unitTermCache = new Map<number, Set<string>>();
  private readonly headingStemCache = new Map<string, Set<string>>();

  constructor(readonly base: FactBase) {
    const facts = (this.facts = base.facts);
    const n = (this.n = facts.length);
    this.phrases = new PhraseMatcher(phraseEntries(base));
    const sides: WordSides = { en: new Set(), fr: new Set(), surface: new Map() };
    this.index = new InvertedIndex(n, (i, visit) => visitFields(facts[i]!, base, visit), sides, (stems, tokens, lang) => annotate(this.phrases, stems, tokens, lang));
    this.vocab = new Vocabulary(base, sides);
    const words = [...this.index.sortedTerms, ...this.vocab.allStems(), ...this.phrases.stems];
    this.typo = new TypoCorrector(words, (w) => this.index.df(w));
    this.forms = new WordForms(this.index.sortedTerms);
    this.commonDf = Math.max(COMMON_SHARE * n, 8);

    this.hasFigures = new Uint8Array(n);
    this.percentOnly = new Uint8Array(n);
    this.hasMoney = new Uint8Array(n);
    this.namesProduct = new Uint8Array(n);
    this.isQuote = new Uint8Array(n);
    this.hasGap = new Uint8Array(n);
    this.moveSign = new Int8Array(n);
    this.isHeadline = new Uint8Array(n);
    this.isDated = new Uint8Array(n);
    this.prior = new Float32Array(n).fill(1);
    this.speakerOf = new Int32Array(n).fill(-1);
    this.speakerOrg = new Array(n);
    for (let i = 0; i < n; i++) this.noteFact(i, facts[i]!);
    const products = [...base.parties.values()].filter((p) => p.kind === 'product').map((p) => entityTerm(p.id));
    for (let i = 0; i < n; i++) if (products.some((t) => this.index.holding(t, i) === 2)) this.namesProduct[i] = 1;
    for (let i = 0; i < n; i++) if (this.hasFigures[i]) for (const t of this.unitTerms(i)) this.unitVocabulary.add(t);
    this.dated.sort((a, b) => this.byDate(a, b));
    this.noteSubsections();
    for (const p of base.parties.values()) {
      const term = entityTerm(p.id);
      if (this.index.df(term) >= CORE_SHARE * n && n >= 5) this.coreEntities.add(term);
      for (const name of [p.name, ...p.aliases, p.ticker ?? '']) if (name) this.entityNames.add(normalizeText(name));
    }
    for (const speaker of this.speakerIds.keys()) for (const w of [speaker, ...speaker.split(/\s+/)]) this.entityNames.add(normalizeText(w));
    for (const t of base.topics.values()) {
      for (const label of [t.label.en, t.label.fr, t.id.replace(/-/g, ' ')]) {
        if (!this.topicOfLabel.has(normalizeText(label))) this.topicOfLabel.set(normalizeText(label), t.id);
        const st = terms(label).join(' ');
        if (st && !this.topicOfLabelStems.has(st)) this.topicOfLabelStems.set(st, t.id);
      }
    }
    const labels = [...base.topics.values()].flatMap((t) => [t.label.en, t.label.fr].map((label) => ({ id: t.id, label: normalizeText(label) })));
    this.topicLabels = new Fuse(labels, { keys: ['label'], includeScore: true, threshold: 0.3, ignoreLocation: true });
    this.topicLabelTexts = labels.map((l) => l.label);
  }

  /**
   * Fact i's antecedent: the fact before it in its section when its statement points back to it ("such energy
   * demand", "une telle demande"): a fact that only makes sense after another is shown with it. -1 for none.
   */
  antecedentOf(i: number): number {
    const f = this.facts[i]!;
    if (i === 0 || !(POINTS_BACK_EN.test(f.statement.en) || POINTS_BACK_FR.test(f.statement.fr))) return -1;
    return this.sameSection(i - 1, i) ? i - 1 : -1;
  }

  /** The stems and concepts of the last heading of fact i's section ("2. Des questions sur la gouvernance…"), stop words left out. */
  headingStems(i: number): ReadonlySet<string> {
    const section = this.facts[i]!.citation.section ?? '';
    let stems = this.headingStemCache.get(section);
    if (!stems) {
      const all = phraseStems(section.split(SUBSECTION).at(-1)!);
      // Its words and the concepts they name, so an English question meets a French heading ("governance").
      stems = new Set([...all.filter((st) => !STOP_WORDS.has(st) && !/^\d/.test(st)), ...annotate(this.phrases, all)]);
      this.headingStemCache.set(section, stems);
    }
    return stems;
  }

  private noteSubsections(): void {
    const bySection = new Map<string, number[]>();
    this.facts.forEach((f, i) => {
      const key = sectionKey(f);
      const members = bySection.get(key);
      if (members) members.push(i);
      else bySection.set(key, [i]);
    });
    for (const [key, members] of bySection) {
      const cut = key.lastIndexOf(SUBSECTION);
      if (cut < 0) continue;
      const parent = key.slice(0, cut);
      const children = this.subsectionFacts.get(parent);
      if (children) children.push(members);
      else this.subsectionFacts.set(parent, [members]);
    }
  }

  /** The facts of each subsection under fact i's own section, in the base's order; empty when it has none. */
  sameSection(a: number, b: number): boolean {
    return sectionKey(this.facts[a]!) === sectionKey(this.facts[b]!);
  }

  subsectionsOf(i: number): readonly number[][] {
    return this.subsectionFacts.get(sectionKey(this.facts[i]!)) ?? [];
  }

  private noteFact(i: number, f: Fact): void {
    if (f.figures.length > 0) {
      this.hasFigures[i] = 1;
      if (f.figures.every((g) => g.unit === '%')) this.percentOnly[i] = 1;
      if (f.figures.some((g) => g.currency)) this.hasMoney[i] = 1;
    }
    if (f.headline) {
      this.isHeadline[i] = 1;
      this.headlines.push(i);
    }
    if (f.status) this.prior[i] = STATUS_PRIOR[f.status] ?? 1;
    if (f.gap) this.hasGap[i] = 1;
    if (f.kind === 'market-move') this.moveSign[i] = Math.sign(f.figures[0]!.value);
    if (f.when) {
      this.isDated[i] = 1;
      this.dated.push(i);
    }
    for (const t of f.topics) push(this.factsOfTopic, t, i);
    if (f.kind === 'quote') {
      this.isQuote[i] = 1;
      this.quotes.push(i);
      let sp = this.speakerIds.get(f.quote.speaker);
      if (sp === undefined) {
        this.speakerIds.set(f.quote.speaker, (sp = this.speakerIds.size));
        this.speakerOfEntity.set(entityTerm(`speaker-${slug(f.quote.speaker)}`), f.quote.speaker);
      }
      this.speakerOf[i] = sp;
      const org = this.phrases.match(normalizeText(f.quote.organisation).split(' ').map(stem)).flatMap((m) => m.concepts).find((c) => c.startsWith('@'));
      this.speakerOrg[i] = org;
      if (org) this.orgOfSpeaker.set(entityTerm(`speaker-${slug(f.quote.speaker)}`), org);
    }
  }

  private readonly corrections = new Map<string, string | undefined>();
  private readonly readings = new Map<string, Reading>();

  /** A token's typo correction, computed once per base (bounded: hostile floods of new words evict). */
  correction(token: string, stemmed: string, compute: () => string | undefined): string | undefined {
    if (this.corrections.has(token)) return this.corrections.get(token);
    const fixed = compute();
    if (this.corrections.size >= 10_000) this.corrections.clear();
    this.corrections.set(token, fixed);
    return fixed === stemmed ? undefined : fixed;
  }

  /**
   * The reading of a question (read.ts), kept for the search that follows: the bot reads a question
   * for its language, then searches it in that language. The asker's language only breaks a tie in
   * the reading's language, so the reading is the one that search would make.
   */
  readForLang(query: string, askerLang: Lang | undefined): Reading {
    const reading = readQuestion(query, askerLang, this.vocab, this.knowsToken);
    // A hostile flood of huge messages keeps nothing (a reading reads the first 2,000 characters anyway).
    if (query.length > MAX_KEPT_QUERY) return reading;
    if (this.readings.size >= READINGS_KEPT) this.readings.delete(this.readings.keys().next().value!);
    this.readings.set(`${reading.lang}\u0000${query}`, reading);
    return reading;
  }

  /** The reading of a question: the one readForLang kept for it (taken, so each is used once), else a new one. */
  read(query: unknown, askerLang: Lang | undefined): Reading {
    const key = typeof query === 'string' && askerLang ? `${askerLang}\u0000${query}` : undefined;
    const kept = key === undefined ? undefined : this.readings.get(key);
    if (kept === undefined) return readQuestion(query, askerLang, this.vocab, this.knowsToken);
    this.readings.delete(key!);
    return kept;
  }

  /** Whether the base holds a question token in some form (a word of its facts, its lexicon or its topics). */
  knowsToken = (token: string): boolean => {
    const s = stem(token);
    return this.index.df(s) > 0 || this.phrases.stems.has(s) || this.vocab.groupsOf.has(s);
  };

  topicMask(id: string): Uint8Array {
    let m = this.topicMasks.get(id);
    if (!m) {
      m = new Uint8Array(this.n);
      for (const i of this.factsOfTopic.get(id) ?? []) m[i] = 1;
      this.topicMasks.set(id, m);
    }
    return m;
  }

  topic(id: string): Topic | undefined {
    return this.base.topics.get(id);
  }

  /** Chronological order of dated facts; ties by score (higher first) when given, then base order. */
  byDate(a: number, b: number, score?: (i: number) => number): number {
    const wa = this.facts[a]!.when!;
    const wb = this.facts[b]!.when!;
    if (wa.from !== wb.from) return wa.from < wb.from ? -1 : 1;
    const ea = wa.to ?? (wa.precision === 'onward' ? '9999' : wa.from);
    const eb = wb.to ?? (wb.precision === 'onward' ? '9999' : wb.from);
    if (ea !== eb) return ea < eb ? -1 : 1;
    if (score && score(a) !== score(b)) return score(b) - score(a);
    return a - b;
  }

  /** Whether dated fact `a` places its event within dated fact `b`'s period, more finely ("H2 2026" within "2026"). */
  refines(a: number, b: number): boolean {
    const wa = this.facts[a]!.when!;
    const wb = this.facts[b]!.when!;
    if (!wb.to || PRECISION_RANK[wa.precision]! <= PRECISION_RANK[wb.precision]!) return false;
    return wa.from >= wb.from && (wa.to ?? wa.from) <= wb.to;
  }

  /** Terms of a fact's figure units and currencies: what a "how many X" counts. */
  unitTerms(i: number): Set<string> {
    let set = this.unitTermCache.get(i);
    if (!set) {
      set = new Set();
      for (const f of this.facts[i]!.figures) {
        for (const text of [f.unit, f.currency ?? '', f.unit === '%' ? 'percent' : '']) {
          for (const t of terms(text)) set.add(t);
          for (const m of this.phrases.match(normalizeText(text).split(' ').filter(Boolean).map(stem))) for (const c of m.concepts) set.add(c);
        }
      }
      if (this.unitTermCache.size > 4096) this.unitTermCache.clear();
      this.unitTermCache.set(i, set);
    }
    return set;
  }

  /** Terms of a fact's figures (unit, currency, labels), computed for the few candidates that need them. */
  figureTerms(i: number): Set<string> {
    let set = this.figureTermCache.get(i);
    if (!set) {
      set = new Set();
      for (const f of this.facts[i]!.figures) {
        for (const text of [f.unit, f.currency ?? '', f.label?.en ?? '', f.label?.fr ?? '']) {
          for (const t of terms(text)) set.add(t);
          for (const m of this.phrases.match(normalizeText(text).split(' ').filter(Boolean).map(stem))) for (const c of m.concepts) set.add(c);
        }
      }
      if (this.figureTermCache.size > 4096) this.figureTermCache.clear();
      this.figureTermCache.set(i, set);
    }
    return set;
  }
}

/** How a citation's section nests a subsection: "Les défis techniques et éthiques › 1. Une consommation…". */
const SUBSECTION = ' › ';
const sectionKey = (f: Fact) => `${f.citation.source}\u0000${f.citation.section}`;

/** Nouns a descriptive alias names a company by: "chip giant" also says "chip company", "chip maker"… */
const ORG_NOUNS_EN = ['company', 'maker', 'giant', 'vendor', 'supplier', 'designer', 'firm', 'leader', 'manufacturer', 'specialist', 'champion', 'titan', 'heavyweight', 'powerhouse', 'king', 'outfit', 'behemoth'];
const ORG_NOUNS_FR = ['géant', 'fabricant', 'fournisseur', 'concepteur', 'spécialiste', 'champion', 'roi', 'leader', 'numéro un', 'poids lourd', 'mastodonte', 'vendeur', 'constructeur', 'éditeur', 'cador', 'ténor', 'pro', 'boss'];

/**
 * Other wordings of the parties' descriptive aliases, in the same language: an alias "<what> <noun>" ("chip giant")
 * or "<noun> de/des <what>" ("géant des puces") holds for every company noun. A wording two parties would share
 * names neither, and one a curator wrote stays the curator's.
 */
function aliasVariants(base: FactBase): [string, string][] {
  const written = new Set<string>();
  for (const p of base.parties.values()) for (const a of p.aliases) written.add(normalizeText(a));
  const owners = new Map<string, Set<string>>();
  const add = (name: string, id: string) => {
    if (written.has(normalizeText(name))) return;
    const set = owners.get(name) ?? new Set<string>();
    set.add(id);
    owners.set(name, set);
  };
  const en = new RegExp(`^(.+) (${ORG_NOUNS_EN.join('|')})$`);
  const fr = new RegExp(`^(${ORG_NOUNS_FR.join('|')}) (des|de|du|d’|d')\\s*(.+)$`);
  for (const p of base.parties.values()) {
    for (const a of p.aliases) {
      const e = en.exec(a);
      if (e) for (const n of ORG_NOUNS_EN) add(`${e[1]} ${n}`, p.id);
      const f = fr.exec(a);
      if (f) for (const n of ORG_NOUNS_FR) add(`${n} ${f[2]}${f[2]!.endsWith('’') || f[2]!.endsWith("'") ? '' : ' '}${f[3]}`, p.id);
    }
  }
  return [...owners].filter(([, ids]) => ids.size === 1).map(([name, ids]) => [name, [...ids][0]!]);
}

/** The phrases both sides are matched on: the lexicon's concepts, filler phrases, parties and speakers. */
function phraseEntries(base: FactBase): [string, string, Lang?][] {
  const out: [string, string, Lang?][] = [];
  for (const c of CONCEPTS) {
    for (const w of c.en) out.push([w, conceptTerm(c.id), 'en']);
    for (const w of c.fr) out.push([w, conceptTerm(c.id), 'fr']);
  }
  for (const f of FILLER_PHRASES) out.push([f, '']);
  for (const p of base.parties.values()) for (const name of [p.name, ...p.aliases, p.ticker ?? '']) if (name) out.push([name, entityTerm(p.id)]);
  for (const [name, id] of aliasVariants(base)) out.push([name, entityTerm(id)]);
  const speakers = new Set<string>();
  for (const f of base.facts) if (f.kind === 'quote') speakers.add(f.quote.speaker);
  for (const s of speakers) {
    const term = entityTerm(`speaker-${slug(s)}`);
    out.push([s, term]);
    // The last name alone names the speaker too ("Altman", "Rasgon"), and so does a first name no other speaker has ("Sam").
    const parts = normalizeText(s).split(' ');
    const last = parts[parts.length - 1]!;
    if (parts.length > 1 && last.length >= 3 && !STOP_WORDS.has(last)) out.push([last, term]);
    const first = parts[0]!;
    const shared = [...speakers].filter((o) => normalizeText(o).split(' ')[0] === first).length > 1;
    if (parts.length > 1 && first.length >= 3 && !STOP_WORDS.has(first) && !shared) out.push([first, term]);
  }
  return out;
}

/**
 * Extra terms a text holds: the concepts and entities its phrases name, and an ordinal attached to
 * a concept ("second phase", "phase 2" → "~phase#2"), so a question about another phase than the
 * base's does not find the first one.
 */
export function annotate(matcher: PhraseMatcher, stems: readonly string[], tokens?: readonly string[], lang?: Lang): string[] {
  const out: string[] = [];
  for (const m of matcher.match(stems, tokens, lang)) {
    for (const c of m.concepts) {
      out.push(c);
      const n = SEQUENCES.has(c) ? ordinalAround(stems, m) : undefined;
      if (n !== undefined) out.push(ordinalTerm(c, n));
    }
  }
  return out;
}

/** Concept terms of things that come in order: only these take an ordinal ("second phase"). */
/** How fine a date's precision is: a day is finer than a half-year, which is finer than a year. */
const PRECISION_RANK: Record<string, number> = { onward: 0, year: 1, half: 2, quarter: 3, month: 4, day: 5 };

export const SEQUENCES: ReadonlySet<string> = new Set(CONCEPTS.filter((c) => c.sequence).map((c) => conceptTerm(c.id)));

/** An ordinal word just before a phrase ("second phase") or a small number just after it ("phase 2"). */
export function ordinalAround(stems: readonly string[], m: PhraseMatch): number | undefined {
  const { ordinals, cardinals } = getNumberWords();
  const before = m.start > 0 ? stems[m.start - 1]! : undefined;
  if (before !== undefined && ordinals.has(before)) return ordinals.get(before);
  const after = m.end < stems.length ? stems[m.end]! : undefined;
  if (after === undefined) return undefined;
  if (/^\d{1,2}$/.test(after)) return Number(after);
  // "One"/"un" after a noun is an article more often than a number ("arrive d'un coup").
  const n = cardinals.get(after) ?? ordinals.get(after);
  return n === 1 && cardinals.has(after) ? undefined : n;
}

/** Words by which a statement points back to what the fact before it said. */
const POINTS_BACK_EN = /\bsuch\b/i;
const POINTS_BACK_FR = /\b(?:une? telle?|de telles?|de tels)\b/i;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
