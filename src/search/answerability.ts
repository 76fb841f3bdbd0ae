// Answerability: a question is answered only by facts that hold what it asks about. Each focus
// item weighs its idf; a fact's coverage is the share of that weight it holds (the deal's own
// parties and plain numbers count little when missing; a word the base does not know counts
// fully, so "what is OpenAI's valuation?" finds no fact that covers it). Then the form must be
// met: a "when" needs a dated fact, "how much" a figure, "how many homes" a figure counting homes,
// "Nvidia's CEO" a quote by a CEO of Nvidia.
import type { FocusItem } from './concepts.ts';
import type { Reading } from './read.ts';
import { stem } from './normalize.ts';
import { sharedByOverview } from './rank.ts';
import type { SearchableBase } from './searchable-base.ts';
import { topK } from './topk.ts';

/** Share of what a figure or date is asked about that the fact giving it must hold. */
const SUBJECT_SHARE = 0.6;

/** Concepts that name the figure itself, not what it is about. */
const FIGURE_WORDS = new Set(['~money', '~billion', '~million', '~percent', '~bound', '~move', '~record', '~energy', '~homes', '~invest', '~comparison']);
/** Concepts that name the date itself or the event it dates ("when does it start"), not what it is about. */
const EVENT_WORDS = new Set(['~timeline', '~planned', '~start', '~first', '~phase', '~h2', '~delivery', '~deploy', '~future']);

/** Words for when something was made public: its date is not the date of the thing itself. */
const ANNOUNCE_WORDS = new Set(['announced', 'announce', 'announcement', 'unveiled', 'unveil', 'revealed', 'presented', 'annonce', 'annoncee', 'annonces', 'devoile', 'devoilee', 'presente', 'presentee']);

/** What a "how many" may count by listing it ("how many partners", "combien de concurrents"). */
const LISTABLE = new Set(['~parties', '~competition', '~regulator', '~supplier', '~customer', '~analyst', '~lawyer', '~phase', '~deal']);

/** Scale words: "how many billions" asks for an amount. */
const SCALES = new Set(['~billion', '~million', '~money']);

/** Share of the question's weight a fact must hold to answer it. */
export const MIN_COVERAGE = 0.58;
export const MIN_COVERAGE_YES_NO = 0.5;
/** How much a soft item (a core party, a number the base lacks) counts when a fact does not hold it. */
const SOFT_SHARE = 0.15;
/** Credit for an item a fact holds only through its topics' word lists. */
const SHARED_CREDIT = 0.25;
/** How many of the best-scored facts are checked for coverage. */
const CANDIDATES = 40;

export interface Coverage {
  /** Held weight over asked weight, 0–1. */
  share: number;
  held: string[];
  missing: string[];
}

export interface Decision {
  answer: boolean;
  /** Why, in words a curator reads (`dealbot explain`). */
  reason: string;
  /** The facts that answer, best first; empty when refused. */
  hits: number[];
  /** Coverage of every candidate checked, for explanations. */
  coverage: Map<number, Coverage>;
  /** Candidates set aside by a rule of the form, with the rule. */
  dropped: Map<number, string>;
  /** Names the question's premise puts on the facts that none of the answering facts names (a corrected premise). */
  unsupported?: string[];
  /** Facts shown after the ranked hits whatever their score (the quote of a person the question names). */
  also?: number[];
  /** The hits are a complete answer in their order (each person's quote), not candidates to cut by score. */
  complete?: boolean;
}

/** How much of the question's focus one fact holds. */
export function coverageOf(sb: SearchableBase, items: readonly FocusItem[], doc: number): Coverage {
  let asked = 0;
  let held = 0;
  const out: Coverage = { share: 0, held: [], missing: [] };
  const groups = new Map<number, { w: number; got: number }>();
  for (const it of items) {
    // Context around the question ("I'm a retired engineer at EDF") is not asked about: a fact need not hold it.
    if (it.context) continue;
    const w = it.weight * (it.soft ? SOFT_SHARE : 1);
    const credit = creditOf(sb, it, doc);
    (credit > 0 ? out.held : out.missing).push(it.text);
    if (it.group === undefined) {
      asked += w;
      held += w * credit;
      continue;
    }
    // Joined by "and"/"or", or compared: the group weighs as its heaviest item, and a fact holding any one of
    // them holds the group as much as it holds that item ("AMD or Intel", "Oracle better than Nvidia").
    const g = groups.get(it.group) ?? { w: 0, got: 0 };
    g.w = Math.max(g.w, w);
    g.got = Math.max(g.got, credit);
    groups.set(it.group, g);
  }
  for (const g of groups.values()) {
    asked += g.w;
    held += g.w * g.got;
  }
  out.share = asked > 0 ? held / asked : 0;
  return out;
}

/** How much of an item a fact holds: 1 for the item itself in its own text, less for a synonym or a topic's word. */
function creditOf(sb: SearchableBase, it: FocusItem, doc: number): number {
  let credit = 0;
  for (const [t, tw] of it.terms) {
    if (tw <= credit) continue;
    const how = sb.index.holding(t, doc);
    // Held only through the fact's topic word list: related, not said.
    if (how > 0) credit = Math.max(credit, Math.min(tw, 1) * (how === 2 ? 1 : SHARED_CREDIT));
  }
  return credit;
}

/** Picks the facts that answer, or refuses with the reason. `score` is each fact's boosted BM25. */
export function decide(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], touched: readonly number[], score: (d: number) => number): Decision {
  const decision: Decision = { answer: false, reason: '', hits: [], coverage: new Map(), dropped: new Map() };
  // An attribute the base does not hold at all ("penalties", "valuation", "who signed") settles it: whatever
  // else the question shares with the facts, they do not give what it asks for.
  // An attribute offered as one alternative ("a loan or equity?") weighs like phrasing: the other alternative is asked.
  for (const it of items) if (it.attribute && !it.known && !it.context && offeredBeside(sb, reading.tokens, it, items)) it.soft = true;
  const lacking = items.find((it) => it.attribute && !it.known && !it.context && !it.soft);
  if (lacking) {
    decision.reason = `asks for “${lacking.text}”, which no fact of the base gives`;
    return decision;
  }
  const candidates = topK(touched, score, CANDIDATES);
  const weighed = framed(sb, reading, items);
  for (const d of candidates) decision.coverage.set(d, coverageOf(sb, weighed, d));
  const identity = identityCheck(sb, reading, items, score);
  if (identity.length > 0) {
    decision.answer = true;
    decision.hits = identity;
    decision.complete = true;
    decision.reason = `checks who a person quoted is (a role or firm): the quotes of the people named and of those who hold that role or firm`;
    return decision;
  }
  // A yes/no question checks a premise that may be wrong ("Blackwell, right?"): the fact that settles it holds less of it.
  const needed = reading.form.yesNo ? MIN_COVERAGE_YES_NO : MIN_COVERAGE;
  const covering = coveringFacts(sb, reading, items, candidates, decision, needed);
  if (covering.length === 0) return tooLittle(sb, reading, items, weighed, candidates, needed, decision);
  const gaps = wordingOfGap(sb, reading, covering);
  if (gaps.length > 0) {
    for (const d of gaps) decision.dropped.set(d, 'the words its source leaves out');
    decision.reason = `asks for wording the source leaves out (a word missing from its sentence)`;
    return decision;
  }
  const rules = formRules(sb, reading, items);
  const kept = covering.filter((d) => {
    const failed = rules.find((rule) => !rule.test(d));
    if (failed) decision.dropped.set(d, failed.name);
    return !failed;
  });
  if (kept.length === 0) {
    const corrected = correction(sb, reading, items, covering, rules);
    if (corrected.length > 0) {
      decision.answer = true;
      decision.hits = corrected;
      decision.unsupported = unsupportedNames(sb, items, corrected);
      decision.reason = `the question's premise names another company than the fact holding its figure: the fact corrects it`;
      return decision;
    }
    if (settledBySwap(sb, reading, weighed, candidates, decision)) return decision;
    if (settledByRole(sb, reading, weighed, candidates, decision)) return decision;
    if (settledByIdentity(sb, reading, weighed, candidates, decision)) return decision;
    decision.reason = `facts speak to the question, but none gives what it asks for (${[...new Set(decision.dropped.values())].join('; ')})`;
    return decision;
  }
  decision.answer = true;
  decision.hits = kept;
  const own = namedSpeakersQuotes(sb, items, kept, score);
  if (own.length > 0) decision.also = own;
  decision.reason = `${kept.length} fact(s) hold at least ${Math.round(needed * 100)} % of the question${rules.length ? ` and meet: ${rules.map((r) => r.name).join('; ')}` : ''}`;
  return decision;
}

/** Words offering alternatives: "a loan or equity?", "un prêt ou des actions ?". */
const OR_WORDS = new Set(['or', 'ou']);

/**
 * "Is it a loan or equity?": an attribute the base lacks, offered as one alternative beside a concept it holds,
 * is no focus of its own: the alternative the base holds settles the question (within a few words either side).
 */
function offeredBeside(sb: SearchableBase, tokens: readonly string[], it: FocusItem, items: readonly FocusItem[]): boolean {
  if (!it.span) return false;
  return items.some((o) => {
    // The deal itself is no alternative ("a smart deal or a bubble?" asks a verdict).
    if (o === it || !o.span || !o.known || o.soft || o.context || o.kind !== 'concept' || o.terms.some(([t]) => sb.subjectConcepts.has(t))) return false;
    const [from, to] = o.span[0] > it.span![0] ? [it.span![1], o.span[0]] : [o.span[1], it.span![0]];
    return to - from <= 6 && tokens.slice(from, to).some((t) => OR_WORDS.has(t));
  });
}

/** No fact holds enough of the question: a premise naming other partners is corrected, else it is refused. */
function tooLittle(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], weighed: readonly FocusItem[], candidates: readonly number[], needed: number, decision: Decision): Decision {
  if (settledBySwap(sb, reading, weighed, candidates, decision)) return decision;
  if (settledByRole(sb, reading, weighed, candidates, decision)) return decision;
  const product = productSwap(sb, reading, weighed, candidates);
  if (settled(decision, product, `the question's premise names a product the base lacks (${product.names.join(', ')}): the fact naming the real one settles it`)) return decision;
  if (settledByIdentity(sb, reading, weighed, candidates, decision)) return decision;
  const best = candidates[0] !== undefined ? decision.coverage.get(candidates[0])! : undefined;
  const missing = best ? best.missing : items.filter((it) => !it.known).map((it) => it.text);
  decision.reason = `no fact holds enough of the question (${Math.round((best?.share ?? 0) * 100)} % at best, ${Math.round(needed * 100)} % needed); missing: ${missing.join(', ') || '—'}`;
  return decision;
}

/**
 * A yes/no question whose premise puts a figure on the wrong company ("AMD jumped 4.4 %, right?", "AMD is
 * supplying the 10 GW?"): the fact holding that very figure settles it, though it names another company.
 * Only the company rule is waived, only for facts holding every figure the question states.
 */
function correction(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], covering: readonly number[], rules: readonly Rule[]): number[] {
  const others = rules.filter((r) => !r.name.startsWith('naming '));
  // A figure written in digits is the premise's own (soft only because a yes/no states it); words may be no number.
  // Stated in any question ("Why is Microsoft investing 100 billion?"), it is a premise all the same.
  const numbers = items.filter((it) => it.kind === 'number' && it.known && /^\d/.test(it.text) && !it.context);
  if (numbers.length > 0) return covering.filter((d) => numbers.every((it) => it.terms.some(([t]) => sb.index.holding(t, d) === 2)) && others.every((r) => r.test(d)));
  if (!reading.form.yesNo) return [];
  // "Is OpenAI building its chips with Intel and Samsung?": the company is a partner named after "with", not
  // whose figure or move is asked; the fact naming the real partners settles it.
  const named = items.filter((it) => it.kind === 'entity' && !it.soft && !it.context);
  if (named.length === 0 || !named.every((it) => it.span && PARTNER_WORDS.has(partnerWord(reading.tokens, it.span[0])))) return [];
  return covering.filter((d) => others.every((r) => r.test(d)));
}

/**
 * The companies a yes/no names as partners ("with Intel and Samsung", "avec Google et Meta"): a chain
 * after "with"/"alongside"/"avec", each further one after "and"/"et". Known companies and unknown nouns alike.
 */
function partnerChain(reading: Reading, items: readonly FocusItem[]): FocusItem[] {
  const named = items
    .filter((it) => it.span && !it.context && (it.kind === 'entity' || (it.kind === 'unknown' && it.pos === 'noun')))
    .sort((a, b) => a.span![0] - b.span![0]);
  const chain: FocusItem[] = [];
  for (const it of named) {
    const before = partnerWord(reading.tokens, it.span![0]);
    const last = chain[chain.length - 1];
    if (SWAP_HEADS.has(before) || cleft(reading.tokens, it.span!) || (last && (before === 'and' || before === 'et') && it.span![0] - last.span![1] <= 1)) chain.push(it);
  }
  return chain;
}

/**
 * "C'est Google qui développe…", "Is SoftBank the one helping…", "Is Google one of the companies…", "X est parmi…":
 * the company a cleft sentence or a membership check puts forward.
 */
function cleft(tokens: readonly string[], [start, end]: [number, number]): boolean {
  const before = tokens[start - 1];
  const after = tokens[end];
  const next = tokens[end + 1];
  if (before !== 'est' && before !== 'is') return false;
  // "c'est Google qui…", "is Google among…"
  if (after === 'qui' || after === 'who' || after === 'among' || after === 'parmi') return true;
  // "is SoftBank the one / one of / the company…", "est-ce SoftBank la société…"
  const singledOut = next !== undefined && CLEFT_NOUNS.has(next);
  if (after === 'the' || after === 'one') return next === 'one' || next === 'of' || singledOut;
  return (after === 'la' || after === 'le' || after === 'l') && singledOut;
}
/** "Is SoftBank the company helping…?", "Est-ce SoftBank la société qui…?": a company singled out. */
const CLEFT_NOUNS = new Set(['company', 'firm', 'partner', 'supplier', 'societe', 'entreprise', 'boite', 'firme', 'partenaire', 'fournisseur']);

/** Words that put the companies after them as partners or counterparts in a premise ("with Intel", "shares in Microsoft"). */
const SWAP_HEADS = new Set(['with', 'alongside', 'avec', 'in', 'into', 'dans', 'chez']);

/**
 * "OpenAI is building its own chips with Intel and Samsung, correct?": a yes/no whose partners are wrong.
 * Without the partners, a fact must hold the question (MIN_COVERAGE) while naming none of them and
 * naming another company of its own; that fact settles it, and the answer says the sources do not back
 * the partners named. Anything else the base does not know still refuses.
 */
function partnerSwap(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], candidates: readonly number[]): { hits: number[]; names: string[] } {
  const none = { hits: [], names: [] };
  const chain = partnerChain(reading, items);
  // A cleft sentence checks who does it, yes/no or not ("C'est Google qui…?" reads as asking for a person).
  if (chain.length === 0 || !(reading.form.yesNo || chain.some((it) => cleft(reading.tokens, it.span!)))) return none;
  const rest = items.filter((it) => !chain.includes(it));
  if (rest.some((it) => !it.known && !it.context) || !rest.some((it) => it.known && !it.soft && !it.context && it.kind === 'concept')) return none;
  const partnerTerms = chain.flatMap((it) => it.terms.filter(([t]) => t.startsWith('@')).map(([t]) => t));
  const asked = new Set(items.flatMap((it) => it.terms.filter(([t]) => t.startsWith('@')).map(([t]) => t.slice(1))));
  const hits = candidates.filter((d) => {
    if (partnerTerms.some((t) => sb.index.holding(t, d) === 2) || coverageOf(sb, rest, d).share < MIN_COVERAGE) return false;
    return sb.facts[d]!.parties.some((p) => !asked.has(p) && sb.base.parties.get(p)?.kind === 'company');
  });
  if (hits.length === 0) return none;
  const names = chain.map((it) => sb.base.parties.get(it.terms.find(([t]) => t.startsWith('@'))?.[0].slice(1) ?? '')?.name ?? displayName(reading.raw, it.text));
  return { hits: hits.slice(0, 2), names };
}

/**
 * The candidates holding enough of the question; and, for "C'est quoi la phrase de Sam Altman qu'on voit
 * partout ?", a named speaker's quote that lacks only chatter (soft words), however much of it there is.
 */
function coveringFacts(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], candidates: readonly number[], decision: Decision, needed: number): number[] {
  const enough = candidates.filter((d) => decision.coverage.get(d)!.share >= needed);
  if (reading.form.ask !== 'quote') return enough;
  const chatterOnly = (d: number) => decision.coverage.get(d)!.missing.every((m) => items.some((it) => it.text === m && it.soft));
  const ownQuote = candidates.filter((d) => sb.isQuote[d] === 1 && speakerHeld(sb, items, d) && chatterOnly(d));
  return [...new Set([...enough, ...ownQuote])];
}

/** Whether fact d is the quote of a speaker the question names. */
function speakerHeld(sb: SearchableBase, items: readonly FocusItem[], d: number): boolean {
  return items.some((it) => !it.context && it.terms.some(([t]) => sb.speakerOfEntity.has(t) && sb.index.holding(t, d) === 2));
}

/** Words asking for the source's exact wording ("the exact word", "au mot près", "quel terme"). */
const WORDING: readonly string[][] = [['exact', 'word'], ['the', 'word'], ['what', 'word'], ['which', 'word'], ['missing', 'word'], ['quel', 'mot'], ['le', 'mot'], ['mot', 'pres'], ['mot', 'exact'], ['mot', 'manquant'], ['the', 'term'], ['le', 'terme'], ['word', 'for', 'word'], ['mot', 'pour', 'mot'], ['verbatim']];

/**
 * "Les analystes soulignent les risques de quoi ?", "…what's the exact word?": a question asking for wording
 * (a word for it, or "<noun> of what" where a fact with a gap holds the noun) that a covering fact's source
 * leaves out. Those facts, which say the source omits it, are the closest the sources come; none answers.
 */
function wordingOfGap(sb: SearchableBase, { tokens, form }: Reading, covering: readonly number[]): number[] {
  const gaps = covering.filter((d) => sb.hasGap[d] === 1);
  if (gaps.length === 0) return [];
  const worded = WORDING.some((w) => tokens.some((_, i) => w.every((t, k) => tokens[i + k] === t)));
  // "les risques de quoi", "risks of what": the noun before asks which one the source names.
  const ofWhat = tokens.some((t, i) => (t === 'de' || t === 'of') && (tokens[i + 1] === 'quoi' || tokens[i + 1] === 'what') && i > 0 && gaps.some((d) => sb.index.holding(stem(tokens[i - 1]!), d) === 2));
  return worded || (ofWhat && !form.yesNo) ? gaps : [];
}

/** A wrong premise settled: answers with the facts found, naming what the sources do not back; true when found. */
function settled(decision: Decision, found: { hits: number[]; names: string[] }, reason: string): boolean {
  if (found.hits.length === 0) return false;
  decision.answer = true;
  decision.hits = found.hits;
  decision.unsupported = found.names;
  decision.reason = reason;
  return true;
}

/** Answers with partnerSwap's facts when it finds them; true when it did. */
function settledBySwap(sb: SearchableBase, reading: Reading, weighed: readonly FocusItem[], candidates: readonly number[], decision: Decision): boolean {
  const swapped = partnerSwap(sb, reading, weighed, candidates);
  return settled(decision, swapped, `the question's premise names other partners (${swapped.names.join(', ')}) than the fact that settles it`);
}

/** Answers with wrongRole's facts when it finds them; true when it did. */
function settledByRole(sb: SearchableBase, reading: Reading, weighed: readonly FocusItem[], candidates: readonly number[], decision: Decision): boolean {
  const cast = wrongRole(sb, reading, weighed, candidates);
  return settled(decision, cast, `the question's premise casts ${cast.names.join(', ')} in a role the facts naming them do not give: those facts settle it`);
}

/** Roles a premise can cast a company in: a party to the deal, a winner from it, a rival. */
const ROLE_PREMISES = new Set(['~parties', '~benefit', '~competition', '~chip-rivals', '~in-house', '~platform', '~supplier']);
/** Roles whose real holders are worth showing next to the facts that settle the premise ("Nvidia's chip rivals are AMD and Intel"). */
export const HOLDERS_SHOWN = new Set(['~chip-rivals', '~in-house', '~platform', '~supplier']);

/**
 * "Mistral AI is a partner in this deal, right?", "AMD and Intel come out as big winners?": a yes/no that casts a
 * company the base names in a role (partner, winner) no fact gives it. The facts naming that company (a rival,
 * squeezed) settle it, and the answer says the sources do not back the premise. A question casting no role
 * ("Is Google investing too?") is still refused.
 */
function wrongRole(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], candidates: readonly number[]): { hits: number[]; names: string[] } {
  const none = { hits: [], names: [] };
  const asked = items.filter((it) => !it.context);
  // A person's role (analyst, lawyer) cast on a product ("Is Vera Rubin the analyst…?") is no role it can hold.
  const products = asked.filter((it) => it.kind === 'entity' && it.terms.some(([t]) => t.startsWith('@') && sb.base.parties.get(t.slice(1))?.kind === 'product'));
  const roles = asked.flatMap((it) => it.terms.filter(([t]) => ROLE_PREMISES.has(t) || (products.length > 0 && sb.roleConcepts.has(t))).map(([t]) => t));
  if (!reading.form.yesNo || reading.form.prediction || roles.length === 0) return none;
  const cast = asked.filter((it) => it.kind === 'entity' && (!it.soft || products.includes(it)) && it.known);
  if (cast.length === 0 || asked.some((it) => !it.known && !it.soft)) return none;
  const hits: number[] = [];
  for (const it of cast) {
    const names = it.terms.filter(([t]) => t.startsWith('@')).map(([t]) => t);
    const naming = candidates.filter((d) => names.some((t) => sb.index.holding(t, d) === 2));
    // A fact giving the company that role ("Microsoft, OpenAI's long-standing partner") is no wrong premise.
    if (naming.length === 0 || naming.some((d) => roles.some((t) => sb.index.holding(t, d) === 2))) return none;
    const d = naming[0]!;
    if (!hits.includes(d)) hits.push(d);
  }
  // "Google, a chip rival of Nvidia?": the fact naming the real rivals follows.
  const holder = candidates.find((d) => !hits.includes(d) && roles.some((t) => HOLDERS_SHOWN.has(t) && sb.index.holding(t, d) === 2));
  if (holder !== undefined) hits.push(holder);
  return { hits, names: unsupportedNames(sb, cast, []) };
}

/**
 * "Le premier déploiement repose-t-il sur Blackwell ?": a yes/no naming one thing the base lacks (a capitalised
 * name) where a fact naming a product of the base holds the rest. That fact settles it, and the answer says the
 * sources do not back the name. A question whose rest no product fact holds ("Does the deal include Samsung?")
 * is still refused.
 */
function productSwap(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], candidates: readonly number[]): { hits: number[]; names: string[] } {
  const none = { hits: [], names: [] };
  if (!reading.form.yesNo) return none;
  const unknown = items.filter((it) => !it.known && !it.context);
  const name = unknown[0];
  if (unknown.length !== 1 || !name || name.soft || !writtenAsName(reading.raw, name.text)) return none;
  const rest = items.filter((it) => it !== name);
  // Something besides the deal itself must be asked of the product ("Is Anthropic getting a similar deal?" asks none).
  if (!rest.some((it) => !it.soft && !it.context && !it.terms.some(([t]) => sb.subjectConcepts.has(t)))) return none;
  const hits = candidates.filter((d) => sb.namesProduct[d] === 1 && coverageOf(sb, rest, d).share >= MIN_COVERAGE_YES_NO);
  return hits.length > 0 ? { hits: hits.slice(0, 2), names: [displayName(reading.raw, name.text)] } : none;
}

/** Answers with productIdentity's fact when there is one; true when it did. */
function settledByIdentity(sb: SearchableBase, reading: Reading, weighed: readonly FocusItem[], candidates: readonly number[], decision: Decision): boolean {
  const d = productIdentity(sb, reading, weighed, candidates);
  if (d === undefined) return false;
  decision.answer = true;
  decision.hits = [d];
  decision.reason = `asks what a product of the base is, whatever it is taken for: its own fact says`;
  return true;
}

const COPULA_AFTER = new Set(['is', 'was', 'est', 'c', 'etait']);

/** Wordings that ask what something is: "what is it", "c'est quoi", "c'est une personne ou…", "isn't the economist". */
const IDENTITY = /\b(?:what\s+is\s+it|what'?s\s+it|what\s+it\s+is|c['’]?\s*est\s+(?:quoi|une?\s)|qu['’]est-ce\s+que\s+c['’]est|is\s+it\s+an?\s|isn['’]?t\s+(?:the|an?)\s|n['’]est\s+pas\s+(?:le|la|un|une)\s)/iu;

/**
 * "Rubin here isn't the economist — what is it?", "Vera Rubin, c'est une personne ou un truc technique ?": one
 * product of the base, asked what it is, whatever the question takes it for. Its own fact (naming it) says what
 * it is. Undefined for any other question.
 */
function productIdentity(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], candidates: readonly number[]): number | undefined {
  const asked = items.filter((it) => !it.context);
  const products = asked.filter((it) => it.kind === 'entity' && it.terms.some(([t]) => t.startsWith('@') && sb.base.parties.get(t.slice(1))?.kind === 'product'));
  // "Vera Rubin is OpenAI's new model, right?": a yes/no opening on the product and what it is said to be.
  const said = reading.form.yesNo && products[0]?.span?.[0] === 0 && COPULA_AFTER.has(reading.tokens[products[0].span[1]] ?? '');
  if (products.length !== 1 || !(IDENTITY.test(reading.raw) || said) || asked.some((it) => it.attribute && !it.soft)) return undefined;
  if (asked.filter((it) => it !== products[0] && !it.soft).length > 2) return undefined;
  const terms = products[0]!.terms.filter(([t]) => t.startsWith('@')).map(([t]) => t);
  return candidates.find((d) => sb.namesProduct[d] === 1 && terms.some((t) => sb.index.holding(t, d) === 2) && sb.isDated[d] !== 1);
}

/** Whether a word is written with a capital past the question's first word ("…sur Blackwell ?"). */
function writtenAsName(raw: string, word: string): boolean {
  const rest = raw.replace(/^\W*\S+/u, '');
  return new RegExp(`(?<![\\p{L}])${word.charAt(0).toUpperCase()}${word.slice(1)}(?![\\p{L}])`, 'u').test(rest.normalize('NFKD').replace(/\p{M}/gu, ''));
}

/** A word as the question writes it when capitalised ("Samsung"), else with a capital. */
function displayName(raw: string, word: string): string {
  const m = raw.match(new RegExp(`\\b(${word.replace(/[^\p{L}\p{N}]/gu, '')})\\b`, 'iu'));
  const w = m?.[1] ?? word;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** The display names of the companies a question names that none of `hits` names ("Google", "AMD"). */
function unsupportedNames(sb: SearchableBase, items: readonly FocusItem[], hits: readonly number[]): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind !== 'entity' || it.soft || it.context) continue;
    const ids = it.terms.filter(([t]) => t.startsWith('@')).map(([t]) => t);
    if (ids.some((t) => hits.some((d) => sb.index.holding(t, d) === 2))) continue;
    const party = sb.base.parties.get(ids[0]?.slice(1) ?? '');
    out.push(party?.name ?? it.text);
  }
  return out;
}

/**
 * A question naming a person quoted ("Barlow, l'analyste de Bernstein, trouve l'accord génial ?", "Andre Barlow,
 * l'analyste de Bernstein, dit quoi ?", "Doyle, Barlow & Mazard: is that where Stacy Rasgon works?") is answered
 * with that person's own quote too, whose attribution settles who they are.
 */
function namedSpeakersQuotes(sb: SearchableBase, items: readonly FocusItem[], kept: number[], score: (d: number) => number): number[] {
  const terms = items.filter((it) => !it.context).flatMap((it) => it.terms.filter(([t]) => sb.speakerOfEntity.has(t)).map(([t]) => t));
  const own: number[] = [];
  for (const t of terms) {
    if (kept.some((d) => sb.index.holding(t, d) === 2)) continue;
    let best = -1;
    for (let d = 0; d < sb.facts.length; d++) if (sb.isQuote[d] === 1 && sb.index.holding(t, d) === 2 && (best < 0 || score(d) > score(best))) best = d;
    if (best >= 0) own.push(best);
  }
  return own;
}

/**
 * "What part does Vera Rubin play in the deal?": the deal is the frame of every fact, so when the part a
 * named company, product or person plays is asked, a concept most headline facts share ("deal", "accord",
 * "partnership") costs little when missing.
 */
function framed(sb: SearchableBase, reading: Reading, items: readonly FocusItem[]): readonly FocusItem[] {
  const frame = items.filter((it) => it.kind === 'concept' && !it.soft && !it.context && sharedByOverview(sb, it));
  if (frame.length === 0) return items;
  // Only beside a named company, product or person ("Vera Rubin's part in the deal"); a role asked
  // ("the DOJ official on this deal") is a subject of its own.
  const subjects = items.filter((it) => it.known && !it.soft && !it.context && !frame.includes(it));
  // "Altman a dit quoi sur le deal ?": what a person quoted said about the deal is their quote.
  const quotesSpeaker = reading.form.intent === 'quote' && subjects.some((it) => it.terms.some(([t]) => sb.speakerOfEntity.has(t)));
  const asksPart = quotesSpeaker || items.some((it) => it.terms.some(([t]) => t === '~role'));
  if (!asksPart || subjects.length === 0 || !subjects.every((it) => it.kind === 'entity') || items.some((it) => it.role && !it.context)) return items;
  return items.map((it) => (frame.includes(it) ? { ...it, soft: true } : it));
}

/** Words that only link a person to a role or firm ("works at", "bosse chez"). */
const AFFILIATION_WORDS = new Set(['works', 'work', 'working', 'worked', 'employed', 'travaille', 'travaillait', 'bosse', 'bossait', 'employe', 'employee', 'really', 'vraiment', 'actually']);

/**
 * "Was Rasgon the lawyer quoted?", "Barlow travaille chez Bernstein, non ?": a yes/no that names a person
 * quoted and nothing but a role or a firm. The quotes of the person named, and of whoever holds that role
 * or firm, settle it (their attributions say who is who). Empty when the question asks anything else.
 */
function identityCheck(sb: SearchableBase, reading: Reading, items: readonly FocusItem[], score: (d: number) => number): number[] {
  const asked = items.filter((it) => !it.context && !(it.soft && it.kind !== 'entity'));
  const isSpeaker = (it: FocusItem) => it.terms.some(([t]) => sb.speakerOfEntity.has(t));
  const speakers = asked.filter(isSpeaker);
  const orgs = new Set(sb.speakerOrg.filter((o): o is string => o !== undefined));
  const marks = asked.filter((it) => it.role || (it.kind === 'entity' && it.terms.some(([t]) => orgs.has(t))));
  const jobs = asked.filter((it) => it.terms.some(([t]) => t === '~role'));
  const rest = asked.filter((it) => !speakers.includes(it) && !marks.includes(it) && !jobs.includes(it) && !AFFILIATION_WORDS.has(it.text));
  if (rest.length > 0) return [];
  // "Was Rasgon the lawyer?" checks a person against a role or firm; "the Bernstein guy — what's his job?"
  // asks the job of the person a firm or role points to.
  const checks = reading.form.yesNo && speakers.length > 0 && marks.length > 0;
  const asksJob = !reading.form.yesNo && jobs.length > 0 && speakers.length + marks.length > 0;
  // "Bernstein is the law firm quoted, right? Which law firm is it?": a firm checked against a role.
  const firmAsRole = speakers.length === 0 && marks.some((it) => it.kind === 'entity' && !it.soft) && marks.some((it) => it.role);
  if (!checks && !asksJob && !firmAsRole) return [];
  // "Who runs Bernstein?" asks for the firm's head, which every firm has and the base may not name: a quote
  // of another firm's head (OpenAI's CEO) or of someone else at the firm (its analyst) does not answer it.
  // "Which lawyer works at Bernstein?" mixes up two people the base quotes: their quotes set it right.
  const heads = marks.some((it) => it.role && it.terms.some(([t]) => LEADERS.has(t)));
  if (firmAsRole && heads && !reading.form.yesNo && !heldTogether(sb, marks)) return [];
  const terms = [...speakers, ...marks].flatMap((it) => it.terms.filter(([, w]) => w >= 1).map(([t]) => t));
  const hits: number[] = [];
  for (let d = 0; d < sb.facts.length; d++) if (sb.isQuote[d] === 1 && terms.some((t) => sb.index.holding(t, d) === 2)) hits.push(d);
  return hits.sort((a, b) => score(b) - score(a) || a - b);
}

/** Roles at the head of a firm. */
const LEADERS = new Set(['~ceo', '~founder']);

/** Whether one quote holds every mark asked (each role and firm) in its own text. */
function heldTogether(sb: SearchableBase, marks: readonly FocusItem[]): boolean {
  const heldBy = (it: FocusItem, d: number) => it.terms.some(([t, w]) => w >= 1 && sb.index.holding(t, d) === 2);
  return sb.quotes.some((d) => marks.every((it) => heldBy(it, d)));
}

/** Words placing a share move before what is asked ("after the drop", "après la hausse"). */
const AFTER = new Set(['after', 'following', 'apres', 'suite']);
const PARTNER_WORDS = new Set(['with', 'alongside', 'avec', 'and', 'et', 'by', 'par']);

/** The word before an entity, skipping articles ("with the Intel folks", "avec AMD"). */
function partnerWord(tokens: readonly string[], at: number): string {
  let i = at - 1;
  while (i >= 0 && ['the', 'a', 'le', 'la', 'les', 'l', 'd', 'de'].includes(tokens[i]!)) i--;
  return i >= 0 ? tokens[i]! : '';
}

interface Rule {
  name: string;
  test(doc: number): boolean;
}

/** What the question's form requires of a fact that answers it. */
function formRules(sb: SearchableBase, reading: Reading, asked: readonly FocusItem[]): Rule[] {
  // Context around the question sets no rule ("my team lead keeps saying…" asks for no one's lead).
  const items = asked.filter((it) => !it.context);
  return [...dateRules(sb, reading), ...figureRules(sb, reading, items), ...whoRules(sb, reading, items), ...predictionRules(sb, reading)];
}

/**
 * "Will OpenAI reach AGI by 2030?": only a projection or an opinion that speaks of the outcome itself (its word
 * or its concept) speaks to what is still to come; "OpenAI aims at AGI" does not say whether it will reach it.
 */
function predictionRules(sb: SearchableBase, { form, tokens }: Reading): Rule[] {
  if (!form.prediction || form.outcomeAt === undefined) return [];
  const at = form.outcomeAt;
  const outcome = tokens[at]!;
  // The word itself, its other forms, or the lexicon's concept for it ("block" is what regulators do).
  const concepts = sb.phrases.match([stem(outcome)]).flatMap((m) => m.concepts);
  const forms = [stem(outcome), ...sb.forms.variants(outcome), ...concepts];
  return [{ name: `a projection about “${outcome}” (the sources report what was announced, not what will happen)`, test: (d) => FORECASTS.has(sb.facts[d]!.status ?? '') && forms.some((f) => sb.index.holding(f, d) === 2) }];
}
const FORECASTS = new Set(['projection', 'opinion']);

/** "When…": a dated fact, as precise as asked ("what month…" is not answered by "H2 2026"); "what's it called": a name. */
function dateRules(sb: SearchableBase, { form, tokens }: Reading): Rule[] {
  const rules: Rule[] = [];
  if (form.ask === 'date') rules.push({ name: 'a date', test: (d) => sb.isDated[d] === 1 });
  // "When was X announced?": the date of an announcement, which a dated fact about X does not give.
  if (form.ask === 'date' && tokens.some((t) => ANNOUNCE_WORDS.has(t))) rules.push({ name: 'the date of an announcement', test: (d) => tokens.some((t) => ANNOUNCE_WORDS.has(t) && sb.index.holding(stem(t), d) === 2) });
  if (form.precision) {
    const fine = form.precision === 'day' ? ['day'] : form.precision === 'month' ? ['day', 'month'] : ['day', 'month', 'quarter'];
    rules.push({ name: `a date to the ${form.precision}`, test: (d) => fine.includes(sb.facts[d]!.when?.precision ?? '') });
  }
  // "What's it called?": a fact that names it (a product, a person quoted).
  if (form.name) rules.push({ name: 'a name', test: (d) => sb.isQuote[d] === 1 || sb.namesProduct[d] === 1 });
  return rules;
}

/**
 * "How much / how many": a figure about what is asked. The fact giving a figure or a date must hold most of
 * what the question asks it of ("Nvidia's share price in dollars" is not answered by the 100 billion; "when
 * will the final contract be signed" not by the first phase's date); concepts every headline shares need not.
 */
function figureRules(sb: SearchableBase, { form, tokens }: Reading, items: readonly FocusItem[]): Rule[] {
  const rules: Rule[] = [];
  const asks = (term: string) => items.some((it) => it.terms.some(([t]) => t === term));
  const word = form.ask === 'count' && form.unitAt !== undefined ? tokens[form.unitAt] : undefined;
  const named = word ? items.find((it) => it.known && it.text.split(' ').includes(word)) : undefined;
  // "How many American houses": a soft word before the unit ("American", "US") only qualifies it.
  const unit = named?.soft && named.span ? (items.find((it) => it.known && !it.soft && it.span?.[0] === named.span![1]) ?? named) : named;
  // "How many billions": a count of a scale is an amount.
  const scale = unit?.terms.some(([t]) => SCALES.has(t)) === true;
  if (form.ask === 'amount' || form.ask === 'count' || form.ask === 'date') {
    const exempt = form.ask === 'date' ? EVENT_WORDS : FIGURE_WORDS;
    const subjects = items.filter((it) => it.kind === 'concept' && !it.soft && it.known && !it.terms.some(([t]) => exempt.has(t)) && !sharedByOverview(sb, it));
    const total = subjects.reduce((a, it) => a + it.weight, 0);
    const held = (d: number) => subjects.reduce((a, it) => a + (it.terms.some(([t, w]) => w >= 0.5 && sb.index.holding(t, d) === 2) ? it.weight : 0), 0);
    if (subjects.length > 0) rules.push({ name: `a figure or date about ${subjects.map((it) => `“${it.text}”`).join(' and ')}`, test: (d) => held(d) >= total * SUBJECT_SHARE });
  }
  // "Nvidia's share price now, in dollars?", "cours de Broadcom en dollars": a price level, which a move does not give.
  if (asks('~stock') && tokens.some((t) => CURRENCY_WORDS.has(t)) && !asks('~move') && !asks('~percent')) {
    rules.push({ name: 'a share price in money', test: (d) => sb.hasMoney[d] === 1 && sb.index.holding('~stock', d) === 2 });
  }
  // "Oracle, combien ?", "Oracle plus combien ?": nothing asked of the company but a figure, its share move is one.
  const onlyCompany = items.some((it) => it.kind === 'entity' && !it.soft) && items.every((it) => it.kind === 'entity' || it.soft || !it.known);
  const moves = asks('~move') || asks('~percent') || asks('~record') || asks('~stock') || onlyCompany;
  // "Le prix de l'action Broadcom après la baisse ?", "Oracle's price after the +6 %": the move is when, the price what.
  const afterMove = items.some((it) => it.span && tokens.slice(Math.max(0, it.span[0] - 3), it.span[0]).some((t) => AFTER.has(t)) && it.terms.some(([t]) => t === '~move' || t === '~percent'));
  if (form.ask === 'amount' || scale) {
    if ((form.money && ((!asks('~move') && !asks('~percent')) || afterMove)) || scale) {
      // "How much does a gigawatt cost?" needs an amount of money, not the gigawatts.
      rules.push({ name: 'an amount of money', test: (d) => sb.hasMoney[d] === 1 });
    } else {
      // "How much did Oracle rise?", "oracle a fait combien en bourse" take a percentage; "how much power" any figure but a share move.
      rules.push({ name: moves ? 'a figure' : 'a figure that is not a share move', test: (d) => sb.hasFigures[d] === 1 && (moves || sb.percentOnly[d] === 0) });
    }
  } else if (form.ask === 'count' && unit && unit.terms.some(([t]) => sb.unitVocabulary.has(t))) {
    // A count of something the base measures ("how many homes") needs that figure; a count of things it
    // names ("how many partners") is answered by the fact naming them.
    rules.push({ name: `a figure counting “${unit.text}”`, test: (d) => sb.hasFigures[d] === 1 && unit.terms.some(([t, w]) => w >= 0.5 && sb.unitTerms(d).has(t)) });
  } else if (form.ask === 'count' && unit && !unit.terms.some(([t]) => LISTABLE.has(t))) {
    // "How many server racks?": a count of things the base neither measures nor lists.
    rules.push({ name: `a count of “${unit.text}”`, test: () => false });
  } else if (form.ask === 'count' && !unit) rules.push({ name: 'a figure', test: (d) => sb.hasFigures[d] === 1 });
  // "How much per gigawatt?", "combien par foyer ?": a rate, which a total does not give.
  const per = form.ask === 'amount' || form.ask === 'count' ? rateAsked(sb, tokens, items) : undefined;
  if (per) rules.push({ name: `a figure per “${per.text}”`, test: (d) => sb.facts[d]!.figures.some((f) => RATE_UNIT.test(f.unit)) });
  // "Phase 2" when the base has only the first phase: another phase than any fact speaks of.
  for (const it of items.filter((i) => i.kind === 'ordinal')) rules.push({ name: `the ${it.text.replace(' #', ' ')}`, test: (d) => it.terms.some(([t]) => sb.index.holds(t, d)) });
  return rules;
}

const CURRENCY_WORDS = new Set(['dollar', 'dollars', 'usd', 'euro', 'euros', 'eur', '$', 'bucks']);
const RATE_WORDS = new Set(['per', 'each', 'every', 'chaque', 'par']);
/** A figure's unit that is a rate: "USD per GW", "$/share". */
const RATE_UNIT = /\bper\b|\/|\bpar\b/i;

/**
 * The item a rate is asked per ("for each gigawatt", "per GW", "par foyer"): right after "per"/"each"/
 * "par"/"chaque", something the base's figures are counted in. "Par" before anything else is "by"
 * ("investi par Nvidia").
 */
function rateAsked(sb: SearchableBase, tokens: readonly string[], items: readonly FocusItem[]): FocusItem | undefined {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!RATE_WORDS.has(tokens[i]!)) continue;
    const it = items.find((x) => x.span?.[0] === i + 1);
    if (it?.terms.some(([t]) => sb.unitVocabulary.has(t))) return it;
  }
  return undefined;
}

/**
 * Who is asked about: a company the question names (other than the deal's own parties) must be in the
 * answer, unless a person quoted is named ("Barlow works at Bernstein, right?" is answered by Barlow's
 * words); "what did Meta say" needs a quote from Meta; "Nvidia's CEO" a quote by a CEO of Nvidia.
 */
/** Tokens that may stand between a role and its organisation ("the CEO of Nvidia", "PDG chez Nvidia"). */
const ROLE_REACH = 2;

/** Prepositions that make the company after them what a person talks about. */
const TOPIC_PREPS = new Set(['about', 'regarding', 'concerning', 'concernant']);

function whoRules(sb: SearchableBase, { form, tokens }: Reading, items: readonly FocusItem[]): Rule[] {
  const rules: Rule[] = [];
  const isSpeaker = (it: FocusItem) => it.terms.some(([t]) => sb.speakerOfEntity.has(t));
  const speakerNamed = items.some(isSpeaker);
  const named = items.filter((it) => it.kind === 'entity' && !it.soft && !isSpeaker(it));
  if (named.length > 0 && !speakerNamed) {
    if (form.ask === 'quote') {
      const orgs = new Set(named.flatMap((it) => it.terms.map(([t]) => t)));
      rules.push({ name: `a quote from ${named.map((it) => it.text).join(' or ')}`, test: (d) => sb.isQuote[d] === 1 && orgs.has(sb.speakerOrg[d] ?? '') });
    }
    const terms = named.flatMap((it) => it.terms.filter(([t]) => t.startsWith('@')).map(([t]) => t));
    rules.push({ name: `naming ${named.map((it) => it.text).join(' or ')}`, test: (d) => terms.some((t) => sb.index.holding(t, d) === 2) });
  }
  const role = items.find((it) => it.role);
  // The organisation a role belongs to is written next to it ("Nvidia's CEO", "l'avocat de Nvidia"); a company
  // named elsewhere ("the lawyer's quote about Nvidia's monopoly") is what the person talks about.
  const near = (it: FocusItem) => !role?.span || !it.span || Math.min(Math.abs(it.span[0] - role.span[1]), Math.abs(role.span[0] - it.span[1])) <= ROLE_REACH;
  // "What does the lawyer say about OpenAI?": a company after "about" is the topic, however near.
  const topic = (it: FocusItem) => it.span !== undefined && TOPIC_PREPS.has(tokens[it.span[0] - 1] ?? '');
  const org = items.find((it) => it.kind === 'entity' && !isSpeaker(it) && near(it) && !topic(it));
  if (!org || speakerNamed) return rules;
  const orgTerms = new Set(org.terms.map(([t]) => t));
  if (!role && form.personAt) rules.push({ name: `a person of ${org.text}`, test: (d) => sb.isQuote[d] === 1 && orgTerms.has(sb.speakerOrg[d] ?? '') });
  if (role) {
    rules.push({
      name: `a ${role.text} of ${org.text}`,
      test: (d) => sb.isQuote[d] === 1 && orgTerms.has(sb.speakerOrg[d] ?? '') && role.terms.some(([t]) => sb.index.holds(t, d)),
    });
  }
  return rules;
}

