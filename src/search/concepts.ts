// Finding what a question is about: each content word or phrase becomes a focus item — an entity
// ("@nvidia"), a concept of the lexicon ("~staged"), a word of the base, a number, an ordinal on a
// concept ("~phase#2") — or stays unknown. Words a user typed the base does not hold are tried as
// other forms (Snowball), then as typos; fillers ("exactly", "still", "hey bot") are set aside.
import { isDictionaryWord, nearestWord } from './dictionary.ts';
import { isFiller } from './fillers.ts';
import { getNumberWords } from './morphology.ts';
import { asksWhole, confirmTagAt } from './form.ts';
import { isCommonWord, partsOfSpeech } from './pos.ts';
import { normalizeText, stem } from './normalize.ts';
import type { PhraseMatch } from './phrases.ts';
import { CONCEDED, pointsBack, type Reading } from './read.ts';
import { ordinalAround, ordinalTerm, SEQUENCES, type SearchableBase } from './searchable-base.ts';
import { STOP_WORDS } from './stopwords.ts';

export type ItemKind = 'entity' | 'concept' | 'word' | 'number' | 'ordinal' | 'unknown';

/** One thing a question asks about, and what a fact must hold to speak to it. */
export interface FocusItem {
  /** As the user wrote it (a word or a phrase). */
  text: string;
  kind: ItemKind;
  /** Index terms that stand for it, with how much each counts (1 = the item itself). */
  terms: [term: string, weight: number][];
  /** Its share of the question: the idf of what it matched, the highest idf when the base lacks it. */
  weight: number;
  /** Whether the base holds any of its terms. */
  known: boolean;
  /** A part an answer may leave out at a small cost: one of the deal's own parties, a plain number. */
  soft: boolean;
  /** A person's role (CEO, analyst): with an organisation named, that organisation must be the person's. */
  role?: boolean;
  /** An attribute a base may lack (a valuation, a unit price, penalties): asked and lacking, the question is refused. */
  attribute?: boolean;
  /** The attribute is a name (a regulator, a place): see DomainConcept.named. */
  named?: boolean;
  /** Set when a typo was corrected to reach it. */
  corrected?: boolean;
  /** Token positions [start, end) the item was read from. */
  span?: [number, number];
  /** Items joined by "and"/"or" ("winners and losers", "AMD et Intel") share a group: a fact holding one answers. */
  group?: number;
  /** From a clause around the question, not the question itself. */
  context?: boolean;
  /** Set aside by the question ("à part Nvidia", "pas juste la première livraison"): it ranks nothing. */
  excluded?: boolean;
  /** For an unknown word: its part of speech in the question (nouns are what is asked about). */
  pos?: string;
}

/**
 * A focus item with every field present, in one order. Items gain fields as the question is read
 * (context, group, span…); objects of one hidden class keep the engine's hot functions monomorphic,
 * where fields added in varying orders made V8 deoptimise and recompile them mid-traffic.
 */
export function focusItem(f: Pick<FocusItem, 'text' | 'kind' | 'terms' | 'weight' | 'known' | 'soft'> & Partial<FocusItem>): FocusItem {
  return {
    text: f.text, kind: f.kind, terms: f.terms, weight: f.weight, known: f.known, soft: f.soft,
    role: f.role, attribute: f.attribute, named: f.named, corrected: f.corrected, span: f.span, group: f.group, context: f.context, excluded: f.excluded, pos: f.pos,
  };
}

export interface Focus {
  items: FocusItem[];
  corrections: { from: string; to: string }[];
  /** Words set aside as fillers, and words read only as the question's form. */
  fillers: string[];
  markers: string[];
  /** Words the base does not know in any form. */
  unknown: string[];
  /** Names the question states as a premise the base does not hold ("Goldman Sachs" in "Rasgon de Goldman Sachs"). */
  premises: string[];
  /** The stems the question was matched on, after other forms and typo corrections. */
  stems: string[];
  matches: PhraseMatch[];
}

const W_PREFIX = 0.7;
const W_CORRECTED = 0.85;
const W_PHRASE_WORD = 0.5;
const W_VARIANT = 0.9;
const W_CONCEPT_BESIDE_WORD = 0.8;
const CONCEPT_FACTOR = 1.5;
const CONTEXT_WEIGHT = 0.5;
/** The company a question names is its context; what it asks of it (a concept) is its focus. */
const ENTITY_FACTOR = 0.7;
const PLAIN_FACTOR = 0.6;
/** An unknown verb or adjective is how the question is phrased, not what it asks about. */
const PHRASING_FACTOR = 0.5;
const MAX_SYNONYMS = 8;
const MAX_PREFIX = 6;
const MAX_SUFFIX = 4;
const YEAR = /^(19|20)\d\d$/;


/** The focus of a reading. Never throws; bounded by the reading's 40 tokens. */
export function findFocus(sb: SearchableBase, reading: Reading): Focus {
  const focus: Focus = { items: [], corrections: [], fillers: [], markers: [], unknown: [], premises: [], stems: [], matches: [] };
  const { tokens, form } = reading;
  const stems = tokens.map(stem);
  for (let i = 0; i < tokens.length; i++) if (!form.markers.has(i)) repair(sb, tokens[i]!, i, stems, focus);
  focus.stems = stems;
  // A phrase made only of form words ("quotes", "summary", "deal structure") is not a concept of the
  // question; one that goes beyond them is ("cost per" asks for a unit price).
  const matches = (focus.matches = sb.phrases.match(stems, tokens, reading.lang).filter((m) => {
    for (let k = m.start; k < m.end; k++) if (!form.markers.has(k)) return true;
    return false;
  }));
  // "Skeptical of Altman, but what did he say?", "the analyst quoted at the end — which firm is he at?": a
  // person (or role) the question only points to with a pronoun is named around it, and is what is asked about.
  const pointed = tokens.some((t, i) => !reading.context[i] && pointsBack(tokens, i));
  const conceded = (from: number) => reading.context[from] === CONCEDED;
  const markContext = (from: number, to: number, item: FocusItem) =>
    (pointed && (item.role || (item.kind === 'entity' && item.terms.some(([t]) => sb.speakerOfEntity.has(t))))) || (item.kind === 'entity' && conceded(from)) ? item : markAsContext(reading, from, to, item);
  const consumed = new Uint8Array(tokens.length);
  for (const m of matches) {
    consumed.fill(1, m.start, m.end);
    if (m.concepts.length === 0) focus.fillers.push(tokens.slice(m.start, m.end).join(' '));
    else {
      const before = focus.items.length;
      addPhraseItems(sb, tokens, stems, m, focus);
      for (let k = before; k < focus.items.length; k++) markContext(m.start, m.end, focus.items[k]!).span = [m.start, m.end];
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (consumed[i]) continue;
    const tok = tokens[i]!;
    if (form.markers.has(i)) {
      focus.markers.push(tok);
      continue;
    }
    if (STOP_WORDS.has(tok)) continue;
    const before = focus.items.length;
    addWordItem(sb, reading, tok, stems[i]!, focus);
    for (let k = before; k < focus.items.length; k++) markContext(i, i + 1, focus.items[k]!).span = [i, i + 1];
  }
  focus.items = dedupe(focus.items);
  weighUnknown(sb, reading, focus);
  readPremises(sb, reading, focus);
  purposeFrame(sb, reading, focus);
  membershipPremise(reading, focus);
  exclusions(reading, focus);
  judgedClaim(sb, reading, focus);
  powerAsInfluence(sb, reading, focus);
  harmOnMarket(sb, focus);
  riskAsModal(reading, focus);
  asidesAbout(reading, focus);
  whoseWord(reading, focus);
  coordinate(tokens, focus.items);
  compareSides(tokens, focus.items, COMPARED_GROUP);
  return focus;
}

const MY = new Set(['my', 'our', 'mon', 'ma', 'mes', 'notre', 'nos']);
/** Words that tie a person to a firm: "Rasgon de Goldman Sachs", "the analyst from X", "works at X", "bosse chez X". */
const AFFILIATION_PREPS = new Set(['de', 'd', 'du', 'from', 'at', 'of', 'chez', 'with']);
const AFFILIATION_VERBS = new Set(['works', 'work', 'worked', 'working', 'travaille', 'travaillait', 'bosse', 'bossait', 'employed', 'is', 'est']);

/**
 * Frames around what is asked, each read from the items found: they soften or set aside items the question
 * only states (a premise, the asker's own people, a name being checked), and name the premises to correct.
 */
function readPremises(sb: SearchableBase, reading: Reading, focus: Focus): void {
  partyMotive(sb, reading, focus);
  marketPremise(reading, focus);
  dealValue(sb, focus);
  companyWorth(sb, reading, focus);
  comparedWithCompany(reading, focus);
  ownOfOtherThings(focus);
  sayInDecisions(focus);
  partBeforeWhole(reading, focus);
  perUnit(sb, reading, focus);
  askersOwn(reading, focus);
  affiliationVerbs(sb, focus);
  checkedNames(reading, focus);
  affiliationPremises(sb, reading, focus);
}

/**
 * "Why is Nvidia doing this?", "Pourquoi OpenAI a fait ce deal ?": a party's reason for the deal, nothing else
 * asked, is what it gets from it.
 */
function partyMotive(sb: SearchableBase, { form }: Reading, focus: Focus): void {
  if (form.ask !== 'reason' || sb.index.df('~benefit') === 0) return;
  const asked = focus.items.filter((it) => !it.context);
  const party = asked.filter((it) => it.kind === 'entity' && it.soft);
  if (party.length !== 1 || asked.some((it) => it !== party[0] && !it.soft && !it.terms.some(([t]) => sb.subjectConcepts.has(t)))) return;
  focus.items.push(focusItem({ text: 'why', kind: 'concept', terms: [['~benefit', 1]], weight: idfOf(sb, '~benefit'), known: true, soft: false }));
}

/**
 * "Broadcom a-t-il profité de l'annonce en Bourse ?": in a yes/no about the market, whether a company gained
 * is the premise checked; the fact with its move settles it either way.
 */
function marketPremise(reading: Reading, focus: Focus): void {
  if (!reading.form.yesNo || !focus.items.some((it) => it.terms.some(([t]) => t === '~stock' || t === '~move'))) return;
  for (const it of focus.items) if (it.terms.some(([t]) => t === '~benefit') && !it.terms.some(([t]) => t === '~move')) it.soft = true;
}

/** "What dollar figure is the partnership valued at?": the deal's value is its amount, not a company's valuation. */
function dealValue(sb: SearchableBase, focus: Focus): void {
  const deal = focus.items.some((it) => !it.context && it.terms.some(([t]) => t === '~deal'));
  const company = focus.items.some((it) => !it.context && it.kind === 'entity');
  if (!deal || company || sb.index.df('~money') === 0) return;
  for (const it of focus.items) {
    if (!it.terms.some(([t]) => t === '~valuation')) continue;
    readAs(sb, it, '~money');
    it.attribute = false;
  }
}

/** "What say does Nvidia get over OpenAI's decisions?": with a say or a vote asked, decisions are the company's, no ruling. */
function sayInDecisions(focus: Focus): void {
  if (!focus.items.some((it) => !it.context && it.terms.some(([t]) => t === '~voting'))) return;
  for (const it of focus.items) {
    if (!it.terms.some(([t]) => t === '~decision')) continue;
    it.soft = true;
    it.attribute = false;
  }
}

/**
 * "Un gigawatt pour commencer, puis combien au total ?": a figure asked of the whole, the first part it names
 * is stated, not asked; the fact giving the total need not hold it.
 */
function partBeforeWhole({ tokens, form }: Reading, focus: Focus): void {
  if ((form.ask !== 'amount' && form.ask !== 'count') || !asksWhole(tokens)) return;
  for (const it of focus.items) if (!it.context && it.kind === 'concept' && it.terms.some(([t]) => t === '~first') && !it.terms.some(([t]) => t.includes('#'))) it.soft = true;
  // The part's figure is no part of what is asked ("1 gigawatt pour commencer, puis combien en tout ?"): the total is.
  for (let i = focus.items.length - 1; i >= 0; i--) {
    const it = focus.items[i]!;
    if (!it.context && it.kind === 'number' && !/^20\d\d$/.test(it.text)) focus.items.splice(i, 1);
  }
}

/** What a price "per" one of them counts. */
const UNITS = new Set(['~chips', '~hardware', '~platform']);

/** "What will OpenAI pay per Nvidia chip?": "per" a unit, past a company's name, asks a unit price. */
function perUnit(sb: SearchableBase, { tokens }: Reading, focus: Focus): void {
  if (focus.items.some((it) => it.terms.some(([t]) => t === '~unit-price'))) return;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] !== 'per') continue;
    const unit = focus.items.find((it) => it.span && it.span[0] > i && it.span[0] <= i + 3 && it.terms.some(([t]) => UNITS.has(t)));
    const between = focus.items.filter((it) => it.span && it.span[0] > i && unit?.span && it.span[0] < unit.span[0]);
    if (!unit || between.some((it) => it.kind !== 'entity')) continue;
    focus.items.push(focusItem({ text: `per ${unit.text}`, kind: 'concept', terms: [['~unit-price', 1]], weight: sb.index.maxIdf(), known: sb.index.df('~unit-price') > 0, soft: false, attribute: true }));
    return;
  }
}

const WORTH = new Set(['worth', 'vaut', 'vaudra', 'vaudrait', 'valait', 'valoir', 'valent', 'vaudront']);

/**
 * Where a comparison after `from` names what is compared next: "worth more than Microsoft", "vaut plus
 * que Nvidia", "plus qu'OpenAI" (read "plus openai"). -1 when there is none in the next five words.
 */
function comparedAt(tokens: readonly string[], from: number): number {
  for (let k = from; k < Math.min(tokens.length, from + 5); k++) {
    if ((tokens[k] === 'more' || tokens[k] === 'less') && tokens[k + 1] === 'than') return k + 2;
    if (tokens[k] === 'plus' || tokens[k] === 'moins' || tokens[k] === 'autant') return tokens[k + 1] === 'que' || tokens[k + 1] === 'qu' ? k + 2 : k + 1;
  }
  return -1;
}

/**
 * "How much is OpenAI worth?", "Combien vaut Nvidia ?": what a company is worth is its valuation, not an amount
 * of the deal. Only when one company and its worth are all that is asked ("the stake's worth" is the stake's),
 * or companies compared by their worth ("OpenAI vaut-elle plus que Nvidia ?"): naming both parties otherwise
 * names the deal ("this Nvidia–OpenAI thing").
 */
function companyWorth(sb: SearchableBase, reading: Reading, focus: Focus): void {
  const asked = focus.items.filter((it) => !it.context);
  const worth = asked.find((it) => WORTH.has(it.text));
  if (!worth || !worth.span) return;
  const companies = asked.filter((it) => it.kind === 'entity');
  // Compared with a company, not with a figure ("worth more than 50 billion" is the amount's bound).
  const next = comparedAt(reading.tokens, worth.span[1]);
  const compared = companies.length >= 2 && companies.some((it) => it.span?.[0] === next);
  if (companies.length !== 1 && !compared) return;
  const bound = (it: FocusItem) => compared && it.terms.some(([t]) => t === '~bound');
  if (asked.some((it) => it !== worth && it.kind !== 'entity' && !it.soft && !bound(it))) return;
  worth.terms = [['~valuation', 1]];
  worth.known = sb.index.df('~valuation') > 0;
  worth.weight = sb.index.maxIdf();
  worth.attribute = true;
}

/**
 * "Whose shares jumped even more than Nvidia's?": "more than" before a company compares with it; it bounds
 * no figure, so it asks nothing of a fact (its amount's bound stays asked before a number).
 */
function comparedWithCompany({ tokens }: Reading, focus: Focus): void {
  for (const it of focus.items) {
    if (!it.span || !it.terms.some(([t]) => t === '~bound')) continue;
    let k = it.span[1];
    // The words between a comparison and what it compares with: "more than those of AMD", "plus que celle de Nvidia".
    while (k < tokens.length && SET_ASIDE_LEAD.has(tokens[k]!)) k++;
    if (focus.items.some((o) => o.kind === 'entity' && o.span?.[0] === k)) it.soft = true;
  }
}

/** Possessives that make something one's own; only before what is made do they mean "in-house". */
const OWN_WORDS = new Set(['propre', 'propres', 'ses propres', 'leurs propres', 'sa propre', 'son propre', 'own', 'its own', 'their own']);
const MADE = new Set(['~chips', '~hardware', '~platform', '~compute']);

/**
 * "Un de ses propres clients", "its own customers": one's own clients are no in-house chips. "Ses propres puces",
 * "its own silicon", "des puces propres" stay in-house (the made thing is next to them).
 */
function ownOfOtherThings(focus: Focus): void {
  const makes = (o: FocusItem | undefined) => o?.terms.some(([t]) => MADE.has(t)) === true;
  for (const it of focus.items) {
    if (!it.span || !OWN_WORDS.has(it.text) || !it.terms.some(([t]) => t === '~in-house')) continue;
    const [start, end] = it.span;
    const after = focus.items.filter((o) => o.span && o.span[0] >= end && o.span[0] <= end + 1);
    const before = focus.items.find((o) => o.span?.[1] === start);
    // Only before a word the base knows as something else ("clients"): an unknown one may be a misspelt "puces".
    if (after[0]?.known && !after.some(makes) && !makes(before)) it.soft = true;
  }
}

/** An item read as another concept of the base, for what it means in the question ("valued at" → its amount). */
function readAs(sb: SearchableBase, it: FocusItem, term: string): void {
  it.terms = [[term, 1]];
  it.known = true;
  it.weight = idfOf(sb, term);
}

/** "my cofounder swears…", "mon avocat dit…": someone of the asker's is no subject of the question. */
function askersOwn({ tokens }: Reading, focus: Focus): void {
  for (const it of focus.items) {
    if (it.kind === 'entity' || !it.span || !MY.has(tokens[it.span[0] - 1] ?? '')) continue;
    if (it.role || it.attribute) {
      it.soft = true;
      it.context = true;
    }
  }
}

/** "Pour quel cabinet travaille Barlow ?": with a person named, "works" only ties them to a firm. */
function affiliationVerbs(sb: SearchableBase, focus: Focus): void {
  if (!focus.items.some((it) => it.terms.some(([t]) => sb.speakerOfEntity.has(t)))) return;
  for (const it of focus.items) if (AFFILIATION_VERBS.has(it.text)) it.soft = true;
}

/**
 * "C'est la Commission européenne qui va enquêter ?", "…the EU commission, right?": a name the base lacks, in a
 * question checking who it was, is a premise the answer corrects (asked for itself, it is refused).
 */
function checkedNames(reading: Reading, focus: Focus): void {
  if (!checksWho(reading.tokens)) return;
  for (const it of focus.items) {
    if (!it.named || it.known || it.context || !it.span) continue;
    it.soft = true;
    it.context = true;
    it.attribute = false;
    const display = asWritten(reading.raw, reading.tokens.slice(it.span[0], it.span[1]));
    if (!focus.premises.includes(display)) focus.premises.push(display);
  }
}

/**
 * A firm the base does not know, given as the affiliation of a person quoted or of a role ("Stacy Rasgon de
 * Goldman Sachs", "the analyst quoted works at Goldman Sachs"), is a premise to correct, not what is asked:
 * it sets no requirement and the answer says the sources do not back it (`Focus.premises`).
 */
function affiliationPremises(sb: SearchableBase, reading: Reading, focus: Focus): void {
  const { tokens } = reading;
  const names = capitalised(reading.raw);
  const { anchors, starts } = personSpans(sb, focus);
  for (const it of focus.items) {
    if (it.kind !== 'unknown' || it.pos !== 'noun' || !it.span || !names.has(it.text)) continue;
    // Read a name from its last word ("Sachs" in "Goldman Sachs").
    const next = tokens[it.span[1]];
    if (next !== undefined && names.has(next) && focus.unknown.includes(next)) continue;
    // Back over the firm's other unknown capitalised words ("Goldman" before "Sachs").
    let j = it.span[0];
    while (j > 0 && names.has(tokens[j - 1]!) && focus.unknown.includes(tokens[j - 1]!)) j--;
    const before = starts.has(it.span[1]);
    if (!before) {
      if (!AFFILIATION_PREPS.has(tokens[j - 1] ?? '')) continue;
      const k = j - 2;
      if (!anchors.has(k) && !(AFFILIATION_VERBS.has(tokens[k] ?? '') && [...anchors].some((a) => a < k))) continue;
    }
    const firm: FocusItem[] = focus.items.filter((o) => o.kind === 'unknown' && o.span && o.span[0] >= j && o.span[1] <= it.span![1]);
    for (const o of firm) {
      o.soft = true;
      o.context = true;
    }
    const display = tokens.slice(j, it.span[1]).map((t) => names.get(t)!).join(' ');
    if (!focus.premises.includes(display)) focus.premises.push(display);
    // A name is no typo ("Sachs" is not "such").
    const words = new Set(tokens.slice(j, it.span[1]));
    focus.corrections = focus.corrections.filter((c) => !words.has(c.from));
  }
}

/** Where persons and roles end (anchors) and start: "Goldman Sachs analyst Stacy Rasgon" names the firm right before. */
function personSpans(sb: SearchableBase, focus: Focus): { anchors: Set<number>; starts: Set<number> } {
  const anchors = new Set<number>();
  const starts = new Set<number>();
  for (const it of focus.items) {
    const person = it.role || it.terms.some(([t]) => sb.speakerOfEntity.has(t));
    if (person && it.span) {
      anchors.add(it.span[1] - 1);
      starts.add(it.span[0]);
    }
  }
  return { anchors, starts };
}

/** A question checking who or what it was: a cleft ("c'est X qui…", "is it X that…", "it's X that…") or a confirmation tag. */
function checksWho(tokens: readonly string[]): boolean {
  // "C'est" reads as "est" once its elision is folded.
  const est = tokens.findIndex((t, i) => (t === 'est' && tokens[i - 1] !== 'qui') || (t === 'is' && tokens[i + 1] === 'it') || (t === 'it' && tokens[i - 1] !== 'is'));
  const cleft = est >= 0 && tokens.slice(est + 1).some((t) => t === 'qui' || t === 'who' || t === 'that');
  return cleft || confirmTagAt(tokens) > 0;
}

/** Normalised tokens as the raw text writes them ("commission europeenne" → "Commission européenne"). */
function asWritten(raw: string, words: readonly string[]): string {
  const typed = raw.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
  const norm = typed.map((w) => normalizeText(w));
  for (let i = 0; i + words.length <= typed.length; i++) {
    if (!words.every((w, k) => norm[i + k] === w)) continue;
    // With its article, so a sentence can name it ("de la Commission européenne", "about the EU commission").
    const article = i > 0 && /^(?:la|le|les|the)$/i.test(typed[i - 1]!) ? 1 : 0;
    return typed.slice(i - article, i + words.length).join(' ');
  }
  // Not typed as such ("EU" read as "european union"): each word with a capital.
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** Normalised words the raw text writes with a capital, mapped to how it writes them. */
function capitalised(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of raw.split(/[^\p{L}\p{N}]+/u)) if (/^\p{Lu}/u.test(w)) out.set(normalizeText(w), w);
  return out;
}

/** Items from clauses around the question count little: "I'm a retail investor" is not what is asked. */
function markAsContext(reading: Reading, from: number, to: number, item: FocusItem): FocusItem {
  for (let k = from; k < to; k++) if (!reading.context[k]) return item;
  item.soft = true;
  item.context = true;
  item.terms = item.terms.map(([t, w]) => [t, w * CONTEXT_WEIGHT]);
  return item;
}

/** A word the base does not hold as typed: another form of it (Snowball), else a typo correction. */
function repair(sb: SearchableBase, tok: string, i: number, stems: string[], focus: Focus): void {
  const s = stems[i]!;
  if (STOP_WORDS.has(tok) || /^\d/.test(tok) || knows(sb, s) || getNumberWords().cardinals.has(tok) || getNumberWords().ordinals.has(tok)) return;
  if (isFiller(tok)) return;
  const variant = sb.forms.variants(tok).find((v) => knows(sb, v));
  if (variant) {
    stems[i] = variant;
    return;
  }
  const fixed = sb.correction(tok, s, () => typoFix(sb, tok, s));
  if (fixed) {
    stems[i] = fixed;
    focus.corrections.push({ from: tok, to: sb.vocab.surface.get(fixed) ?? fixed });
  }
}

/**
 * The base's word a typo stands for. A real English or French word is not a typo ("paris" is not
 * "praise", "recette" not "récentes"): it is only read as two swapped letters of a word of the base
 * ("wroth" → worth), which is also far cheaper than a fuzzy search.
 */
function typoFix(sb: SearchableBase, tok: string, s: string): string | undefined {
  if (isDictionaryWord(tok)) {
    // A common word is meant as typed ("cup" is no "cpu").
    for (let k = 0; k + 1 < tok.length && !isCommonWord(tok); k++) {
      const swapped = stem(tok.slice(0, k) + tok[k + 1] + tok[k] + tok.slice(k + 2));
      // Only into a word of the domain's lexicon ("wroth" → worth); "paris" is not "prais(e)".
      if (swapped !== s && sb.phrases.stems.has(swapped)) return swapped;
    }
    // A rare word one letter short or long of a domain word is its typo ("lawer" → lawyer); a substitution
    // ("recette" → récente) is another word.
    const fixed = tok.length >= 5 && !isCommonWord(tok) ? sb.typo.correct(s) : undefined;
    if (fixed && fixed !== s && sb.phrases.stems.has(fixed) && oneLetterApart(fixed, s)) return fixed;
    return undefined;
  }
  const fixed = sb.typo.correct(s) ?? sb.typo.correct(tok);
  if (fixed && fixed !== s) return fixed;
  // Two swapped letters of a word the base holds in another form ("chpis" → chips → chip).
  for (let k = 0; k + 1 < tok.length; k++) {
    const swapped = stem(tok.slice(0, k) + tok[k + 1] + tok[k] + tok.slice(k + 2));
    if (swapped !== s && knows(sb, swapped)) return swapped;
  }
  return undefined;
}

/** Whether one word is the other with one letter added ("lawer" / "lawyer"; not "comptabl" / "comparabl"). */
function oneLetterApart(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

function knows(sb: SearchableBase, s: string): boolean {
  return sb.index.df(s) > 0 || sb.vocab.groupsOf.has(s) || sb.phrases.stems.has(s);
}

function idfOf(sb: SearchableBase, term: string): number {
  const df = sb.index.df(term);
  return df > 0 ? sb.index.idf(df) : sb.index.maxIdf();
}

/**
 * "What's the point of all this hardware?", "à quoi va servir toute cette puissance ?": the purpose is asked;
 * what it is the purpose of is the deal's own means, which a fact stating the goal need not repeat. Companies
 * named stay ("what is Nvidia's goal?" asks Nvidia's).
 */
function purposeFrame(sb: SearchableBase, reading: Reading, focus: Focus): void {
  if (reading.form.ask === 'quote' || reading.form.ask === 'person') return;
  strandedFor(sb, reading, focus);
  const goal = focus.items.find((it) => !it.context && it.kind === 'concept' && it.terms.some(([t]) => t === '~goal'));
  if (!goal) return;
  // The deal's means are what many facts speak of ("hardware", "compute"); "in-house chips" is a subject of its own,
  // whose own facts say what it is for: then the purpose is only the question's form.
  const broad = (it: FocusItem) => it.terms.some(([t, w]) => MEANS.has(t) || (w >= 1 && sb.index.df(t) > sb.commonDf));
  const others = focus.items.filter((it) => it !== goal && it.known && !it.soft && !it.context && it.kind !== 'number');
  if (others.some((it) => it.kind === 'entity' || !broad(it))) goal.soft = true;
  else for (const it of others) it.soft = true;
}

/** What a deal of this kind puts in: asked what it is for, the purpose is asked, not the means. */
const MEANS = new Set(['~energy', '~compute', '~hardware', '~chips', '~infrastructure']);

/** Words that may follow a stranded "for" at the end of a question ("what is it for, actually?"). */
const AFTER_FOR = new Set(['exactly', 'actually', 'really', 'then', 'again', 'anyway', 'precisely']);

/** "What are all those gigawatts for?": a "what" question ending on its "for" asks a purpose. */
function strandedFor(sb: SearchableBase, { tokens, context }: Reading, focus: Focus): void {
  const asked = tokens.filter((_, i) => !context[i]);
  let end = asked.length - 1;
  while (end > 0 && AFTER_FOR.has(asked[end]!)) end--;
  if (asked[end] !== 'for' || !asked.slice(0, 3).includes('what') || sb.index.df('~goal') === 0) return;
  if (focus.items.some((it) => it.terms.some(([t]) => t === '~goal'))) return;
  focus.items.push(focusItem({ text: 'what … for', kind: 'concept', terms: [['~goal', 1]], weight: idfOf(sb, '~goal'), known: true, soft: false }));
}

const MEMBER_OF = new Set(['among', 'parmi', 'amongst']);
const LISTED = new Set(['mentioned', 'cited', 'named', 'listed', 'cite', 'cites', 'citee', 'citees', 'mentionne', 'mentionnee', 'mentionnes']);

/** Where a yes/no checks membership of a list: "X fait partie des…", "is X among…", "is X one of…", "X cité comme…". */
function membershipAt(tokens: readonly string[]): number {
  return tokens.findIndex((t, i) =>
    MEMBER_OF.has(t) ||
    ((t === 'fait' || t === 'font') && tokens[i + 1] === 'partie') ||
    (t === 'one' && tokens[i + 1] === 'of') ||
    (LISTED.has(t) && ['as', 'comme', 'among', 'parmi'].includes(tokens[i + 1] ?? '')),
  );
}

/**
 * "Est-ce qu'Apple fait partie des concurrents cités ?": the company checked is the premise; the fact listing
 * the competitors settles it, with or without it. Words the base lacks before the membership words become
 * context; a company the base knows stays, so the fact naming it shows what it really is.
 */
function membershipPremise(reading: Reading, focus: Focus): void {
  if (!reading.form.yesNo) return;
  const at = membershipAt(reading.tokens);
  if (at < 1) return;
  for (const it of focus.items) {
    if (!it.span || it.span[1] > at || it.kind !== 'unknown') continue;
    it.soft = true;
    it.context = true;
  }
}

const ARTICLE = new Set(['the', 'a', 'an', 'le', 'la', 'l', 'un', 'une']);

/**
 * Words the base lacks that only describe or rule out: "Vera Rubin the astronomer", "the Bernstein guy, not
 * the composer". In apposition to a name the base knows, or after "not the", they are no subject.
 */
function asidesAbout({ tokens }: Reading, focus: Focus): void {
  for (const it of focus.items) {
    if (it.kind !== 'unknown' || !it.span || !ARTICLE.has(tokens[it.span[0] - 1] ?? '')) continue;
    const before = it.span[0] - 2;
    const ruledOut = tokens[before] === 'not' || tokens[before] === 'pas';
    const apposed = focus.items.some((o) => o.kind === 'entity' && o.span && o.span[1] === before + 1);
    if (!ruledOut && !apposed) continue;
    it.soft = true;
    it.context = true;
  }
}

/**
 * "C'est quoi le truc circulaire dont parle l'analyste ?": the role in a relative clause only says who used the
 * word; what the word means is asked. The role is context: it still ranks its quote, no longer alone.
 */
function whoseWord({ tokens }: Reading, focus: Focus): void {
  for (const it of focus.items) {
    if (!it.role || !it.span) continue;
    const before = tokens.slice(Math.max(0, it.span[0] - 3), it.span[0]);
    if (!before.includes('dont') || !before.some((t) => SAY_VERBS.has(t))) continue;
    it.soft = true;
    it.context = true;
    it.terms = it.terms.map(([t, w]) => [t, w * CONTEXT_WEIGHT]);
  }
}
const SAY_VERBS = new Set(['parle', 'parlent', 'parlait', 'mentionne', 'mentionnent', 'evoque', 'evoquent', 'cite', 'citent']);

const RISK_VERBS = new Set(['risque', 'risquent', 'risquerait', 'risqueraient', 'risks', 'risk', 'risking']);
const DETERMINERS = new Set(['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'ce', 'ces', 'the', 'a', 'an', 'any', 'what', 'which', 'quel', 'quels', 'quelle', 'quelles', 'main', 'biggest', 'key']);

/**
 * "La marge de qui risque d'être réduite ?", "who risks losing out?": a verb of likelihood before what may
 * happen, not a risk asked about ("le risque de monopole", "what risks?" stay).
 */
function riskAsModal({ tokens }: Reading, focus: Focus): void {
  for (const it of focus.items) {
    if (!it.span || it.span[1] - it.span[0] !== 1) continue;
    const i = it.span[0];
    if (!RISK_VERBS.has(tokens[i]!) || DETERMINERS.has(tokens[i - 1] ?? '') || i === 0) continue;
    const next = tokens[i + 1] ?? '';
    // After the elision is dropped, "risque d'être" reads "risque etre": an infinitive follows.
    if (next === 'de' || next === 'd' || next === 'to' || /(ing|er|ir|re|oir)$/.test(next)) it.soft = true;
  }
}

const POWER_WORDS = new Set(['power', 'powers', 'pouvoir', 'clout', 'sway']);

/**
 * "Microsoft's power in the relationship", "power over OpenAI", "le pouvoir de Microsoft sur OpenAI": power a
 * company holds is influence, not electric power.
 */
function powerAsInfluence(sb: SearchableBase, { tokens }: Reading, focus: Focus): void {
  const influence = ['~role', 'influenc'].filter((t) => sb.index.df(t) > 0);
  if (influence.length === 0) return;
  for (const it of focus.items) {
    if (!it.span || it.span[1] - it.span[0] !== 1 || !POWER_WORDS.has(tokens[it.span[0]]!)) continue;
    const ofCompany = focus.items.some((o) => o.kind === 'entity' && o.span && (o.span[1] === it.span![0] || (o.span[0] === it.span![1] + 1 && OF.has(tokens[it.span![1]]!))));
    const over = ['over', 'sur'].includes(tokens[it.span[1]] ?? '');
    if (!ofCompany && !over) continue;
    it.terms = influence.map((t) => [t, 1]);
    it.known = true;
  }
}

/**
 * "Qui a trinqué en Bourse ?", "which stock got hurt?": on the market, a company harmed is a share that fell.
 */
function harmOnMarket(sb: SearchableBase, focus: Focus): void {
  if (sb.index.df('~move') === 0 || !focus.items.some((it) => !it.context && it.terms.some(([t]) => t === '~stock'))) return;
  for (const it of focus.items) {
    if (it.terms.some(([t]) => t === '~impact') && !it.terms.some(([t]) => t === '~move')) readAs(sb, it, '~move');
  }
}

const JUDGED_AFTER = { right: new Set(['that', 'about', 'to', 'when']), raison: new Set(['de', 'd', 'quand', 'sur']) } as const;

/**
 * "Is Altman right that compute is everything?", "Altman a-t-il raison de dire que…": a verdict on what a person
 * quoted claims, which the article leaves to its reader (a fact quoting the claim does not judge it). Bare
 * "…, il a raison ?" checks a premise instead and is not this.
 */
function judgedClaim(sb: SearchableBase, { tokens }: Reading, focus: Focus): void {
  const at = tokens.findIndex((t, i) => (t === 'right' || t === 'raison') && JUDGED_AFTER[t].has(tokens[i + 1] ?? ''));
  if (at < 0) return;
  const speakerBefore = focus.items.some((it) => it.span && it.span[1] <= at && at - it.span[1] <= 3 && it.terms.some(([t]) => sb.speakerOfEntity.has(t)));
  if (!speakerBefore) return;
  focus.items.push(focusItem({ text: 'a verdict on what was said', kind: 'concept', terms: [], weight: sb.index.maxIdf(), known: false, soft: false, attribute: true, span: [at, at + 2] }));
}

/** Words that set something aside: "à part Nvidia", "apart from", "besides", "other than", "hormis". */
const EXCLUDING: readonly string[][] = [['a', 'part'], ['apart', 'from'], ['aside', 'from'], ['other', 'than'], ['besides'], ['except'], ['excluding'], ['hormis'], ['outre'], ['en', 'dehors', 'de'], ['sauf'],
  // "combien au total, pas juste la première livraison ?": what the total is set against.
  ['pas', 'juste'], ['pas', 'seulement'], ['not', 'just'], ['rather', 'than'], ['instead', 'of'], ['au', 'lieu', 'de'], ['plutot', 'que'],
  // "Forget the 100 billion — how many gigawatts?", "oublie le cours, …": what the asker waves away.
  ['forget', 'about'], ['forget'], ['never', 'mind'], ['oublie'], ['oubliez'], ['laisse', 'tomber'], ['leaving', 'aside'], ['mis', 'a', 'part']];

/** The first of `phrases` (each a token list) that starts at token `i`, if any. */
function phraseAt<P extends readonly string[]>(tokens: readonly string[], i: number, phrases: readonly P[]): P | undefined {
  for (const phrase of phrases) {
    let k = 0;
    while (k < phrase.length && tokens[i + k] === phrase[k]) k++;
    if (k === phrase.length) return phrase;
  }
  return undefined;
}

/**
 * "À part le fabricant de GPU, qui sont les autres…", "Apple aside, which companies…": what is set aside is not
 * asked about, and the words setting it aside ("part") are no subject either.
 */
function exclusions({ tokens }: Reading, focus: Focus): void {
  const marks: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = phraseAt(tokens, i, EXCLUDING);
    if (m) marks.push([i, i + m.length]);
    // "OpenAI's strategy beyond Nvidia", "au-delà de Nvidia": beyond a company, not beyond a date ("2030 and beyond").
    const past = phraseAt(tokens, i, BEYOND);
    // Opening the question, "Beyond the funding, what…" sets the funding aside too.
    const after = past ? i + past.length + (SET_ASIDE_LEAD.has(tokens[i + past.length] ?? '') ? 1 : 0) : -1;
    if (past && focus.items.some((x) => x.span?.[0] === after && (x.kind === 'entity' || (i === 0 && x.kind === 'concept')))) marks.push([i, i + past.length]);
    // "Apple aside": the word after what it sets aside.
    if (tokens[i] === 'aside' && tokens[i + 1] !== 'from' && i > 0) marks.push([i - 1, i + 1]);
  }
  const aside = (it: FocusItem) => {
    it.soft = true;
    it.context = true;
    it.excluded = true;
  };
  for (const [from, to] of marks) {
    for (const it of focus.items) if (it.span && it.span[0] < to && it.span[1] > from) aside(it);
    if (tokens[to - 1] === 'aside') {
      // "stock move aside": a word right before what is set aside, no name, is part of it.
      const before = focus.items.find((x) => x.span && x.span[1] === from && x.kind !== 'entity');
      if (before) aside(before);
      continue;
    }
    // What the marker sets aside: the item right after it (past an article), and what hangs on it by "de"/"of"
    // ("le fabricant de GPU"); "à part nvidia, openai…" leaves OpenAI asked about.
    // Past articles and pronouns standing for the thing: "pas seulement celle de la première livraison".
    let k = to;
    while (k < tokens.length && SET_ASIDE_LEAD.has(tokens[k]!)) k++;
    // A word there merged into an earlier item of the same concept ("shares … the stock move"): the next one.
    const reach = Math.max(to + 1, k) + (focus.items.some((x) => x.span && x.span[0] <= k && x.span[1] > k) ? 0 : 1);
    let it = focus.items.find((x) => x.span && x.span[0] >= to && x.span[0] <= reach);
    const start = it?.span?.[0] ?? to;
    while (it) {
      aside(it);
      const end = it.span![1];
      // An ordinal read over the same words ("première livraison" → delivery #1) goes with them.
      for (const x of focus.items) if (x.kind === 'ordinal' && x.span && x.span[0] >= start && x.span[1] <= end) aside(x);
      // …and the words of its noun phrase ("la première livraison").
      it = OF.has(tokens[end] ?? '') ? focus.items.find((x) => x.span && x.span[0] === end + 1) : focus.items.find((x) => x.span && x.span[0] === end && x.kind !== 'entity' && !x.context);
    }
  }
}
const OF = new Set(['de', 'du', 'des', 'd', 'of']);
const BEYOND: readonly string[][] = [['beyond'], ['au', 'dela', 'de'], ['au', 'dela', 'du'], ['outside', 'of']];
const SET_ASIDE_LEAD = new Set(['celle', 'celui', 'ceux', 'celles', 'that', 'those', 'the', 'la', 'le', 'les', 'l', 'de', 'du', 'des', 'd', 'of', 'a', 'an', 'un', 'une']);

/** Items for a matched phrase: its concepts or entity, and an ordinal attached to it ("phase 2"). */
function addPhraseItems(sb: SearchableBase, tokens: readonly string[], stems: readonly string[], match: PhraseMatch, focus: Focus): void {
  const m = employerOf(sb, tokens, match);
  const text = tokens.slice(m.start, m.end).join(' ');
  const terms: [string, number][] = m.concepts.map((c) => [c, 1]);
  const known = m.concepts.some((c) => sb.index.df(c) > 0);
  // The words themselves too: a fact that says "energy" is a better answer to "energy" than one saying
  // "power". Not for a concept the base lacks: "how many GPUs" is not answered by a fact naming GPUs.
  for (let k = m.start; k < m.end && known; k++) {
    const s = stems[k]!;
    if (!STOP_WORDS.has(tokens[k]!) && sb.index.df(s) > 0) terms.push([s, m.end - m.start === 1 ? 1 : W_PHRASE_WORD]);
  }
  // With the very word available, the concept alone counts a little less: "dependence" first finds the fact saying it.
  if (terms.length > m.concepts.length && m.end - m.start === 1) for (const t of terms) if (t[0].startsWith('~')) t[1] = W_CONCEPT_BESIDE_WORD;
  const entity = m.concepts.every((c) => c.startsWith('@'));
  // A concept of the lexicon is what a question asks about: it weighs more than the company it asks it of.
  const weight = known ? Math.max(...m.concepts.filter((c) => sb.index.df(c) > 0).map((c) => idfOf(sb, c))) * (entity ? ENTITY_FACTOR : CONCEPT_FACTOR) : sb.index.maxIdf();
  focus.items.push(focusItem({
    text,
    kind: entity ? 'entity' : 'concept',
    terms,
    weight,
    known,
    soft:
      (entity && m.concepts.every((c) => sb.coreEntities.has(c))) ||
      (!entity && m.concepts.every((c) => sb.vagueConcepts.has(c) || (sb.subjectConcepts.has(c) && sb.index.df(c) <= sb.commonDf))),
    ...(m.concepts.some((c) => sb.roleConcepts.has(c)) ? { role: true } : {}),
    ...(m.concepts.every((c) => sb.attributeConcepts.has(c)) ? { attribute: true } : {}),
    ...(m.concepts.length > 0 && m.concepts.every((c) => sb.namedConcepts.has(c)) ? { named: true } : {}),
  }));
  const concept = m.concepts.find((c) => SEQUENCES.has(c));
  const n = concept ? ordinalAround(stems, m) : undefined;
  if (n !== undefined && concept) {
    const term = ordinalTerm(concept, n);
    focus.items.push(focusItem({ text: `${text} #${n}`, kind: 'ordinal', terms: [[term, 1]], weight: idfOf(sb, term), known: sb.index.df(term) > 0, soft: false }));
  }
}

const EMPLOYER_WORDS = new Set(['company', 'firm', 'employer', 'outfit', 'shop', 'team', 'camp', 'side', 'boite', 'entreprise', 'societe', 'firme', 'equipe', 'camp']);

/** "Sam's company", "la boîte d'Altman": a speaker followed or preceded by an employer word names the speaker's organisation. */
function employerOf(sb: SearchableBase, tokens: readonly string[], m: PhraseMatch): PhraseMatch {
  const speaker = m.concepts.find((c) => sb.orgOfSpeaker.has(c));
  if (!speaker) return m;
  const near = [tokens[m.end], tokens[m.start - 1], tokens[m.start - 2]];
  if (!near.some((t) => t !== undefined && EMPLOYER_WORDS.has(t))) return m;
  return { ...m, concepts: [sb.orgOfSpeaker.get(speaker)!] };
}

/** An item for a word no phrase took: a number, a word of the base, a filler, or an unknown word. */
function addWordItem(sb: SearchableBase, reading: Reading, tok: string, s: string, focus: Focus): void {
  const { index } = sb;
  const nw = getNumberWords();
  const value = /^\d+(\.\d+)?$/.test(tok) ? tok : nw.cardinals.has(tok) ? String(nw.cardinals.get(tok)) : undefined;
  if (value !== undefined) {
    const terms: [string, number][] = [[value, 1]];
    if (value !== tok && index.df(s) > 0) terms.push([s, 1]);
    const known = terms.some(([t]) => index.df(t) > 0);
    // A number the base does not hold is a detail of a yes/no ("is it 200 billion?"), unless it is a year;
    // a number written as a word is often no number at all ("one of", "eggs in one basket").
    // In a yes/no question a year the base lacks is what is being checked ("planned for 2025?"): the fact settles it.
    // In a yes/no question a stated number is the premise being checked ("soared like 8%, right?").
    // So it is in a why-question ("Why did Nvidia only put $10bn in?"): the reason is asked, the figure stated.
    const checked = reading.form.yesNo || reading.form.ask === 'reason';
    const soft = (!known && (!YEAR.test(value) || checked)) || value !== tok || (checked && !YEAR.test(value));
    focus.items.push(focusItem({ text: tok, kind: 'number', terms, weight: known ? Math.max(...terms.map(([t]) => idfOf(sb, t))) : index.maxIdf(), known, soft }));
    return;
  }
  const direct = index.df(s);
  const corrected = focus.corrections.some((c) => c.from === tok);
  if (direct === 0 && !sb.vocab.groupsOf.has(s)) {
    // A word of a phrase that did not match is no subject on its own; a typo "corrected" into one is still unknown.
    if (isFiller(tok) || (sb.phrases.stems.has(s) && !corrected)) focus.fillers.push(tok);
    else if (tok.length > 1) unknown(tok, focus);
    return;
  }
  const terms: [string, number][] = direct > 0 ? [[s, 1]] : [];
  // Other forms of the word the base holds ("deployed" → deploy, deployment).
  for (const v of sb.forms.variants(tok)) if (v !== s && index.df(v) > 0 && terms.length < 4) terms.push([v, W_VARIANT]);
  // Inflections only ("invest" → "investment"): a longer word is another word ("time" ≠ "timeline").
  if (s.length >= 5) for (const t of index.withPrefix(s, MAX_PREFIX)) if (/^[a-z]/.test(t) && t.length - s.length <= MAX_SUFFIX && index.df(t) <= Math.max(sb.commonDf, direct)) terms.push([t, W_PREFIX]);
  // A word of a topic stands weakly for the topic's other words; very common words are not expanded.
  if (direct <= sb.commonDf) {
    let added = 0;
    for (const [syn, w] of sb.vocab.synonyms(s)) {
      if (added >= MAX_SYNONYMS) break;
      const df = index.df(syn);
      if (df === 0 || (df > sb.commonDf && direct > 0) || terms.some(([t]) => t === syn)) continue;
      terms.push([syn, w]);
      added++;
    }
  }
  if (terms.length === 0) {
    if (isFiller(tok)) focus.fillers.push(tok);
    else unknown(tok, focus);
    return;
  }
  // A word of the base the lexicon does not know is a detail of the question more than its subject.
  const weight = PLAIN_FACTOR * (direct > 0 ? index.idf(direct) : Math.max(...terms.map(([t, w]) => index.idf(index.df(t)) * w)));
  // A general word the base happens to use ("kind", "new") narrows little: missing it costs little.
  const soft = isFiller(tok);
  focus.items.push(focusItem({ text: tok, kind: 'word', terms: corrected ? terms.map(([t, w]) => [t, w * W_CORRECTED]) : terms, weight, known: true, soft, ...(corrected ? { corrected } : {}) }));
}

/** A word the base does not know: what is asked about when a noun, the phrasing when a verb or adjective. */
function unknown(tok: string, focus: Focus): void {
  focus.unknown.push(tok);
  focus.items.push(focusItem({ text: tok, kind: 'unknown', terms: [], weight: 0, known: false, soft: false }));
}

/**
 * Weighs the unknown words once all are known: the taggers (compromise, fr-compromise) read them in the
 * question's context, and only questions with an unknown word pay for it.
 */
function weighUnknown(sb: SearchableBase, reading: Reading, focus: Focus): void {
  if (focus.unknown.length === 0) return;
  const pos = partsOfSpeech(reading.raw, reading.lang);
  // A misspelt word of the language read as a noun is tagged again as the word meant ("represnete" is
  // "représente", a verb). Only to soften: a word the word lists lack ("galérer") keeps the tagger's reading.
  const meant = new Map<string, string>();
  for (const w of focus.unknown) {
    const near = (pos.get(w) ?? 'noun') === 'noun' ? nearestWord(w) : undefined;
    if (near) meant.set(w, near);
  }
  let tagged = reading.raw;
  for (const [w, near] of meant) tagged = tagged.replace(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'giu'), near);
  const retagged = meant.size > 0 ? partsOfSpeech(tagged, reading.lang) : pos;
  // A capitalised word after the first is a name ("la capitale de l'Australie"), whatever the tagger says.
  const names = capitalised(reading.raw.replace(/^\W*[\p{L}\p{N}]+/u, ''));
  for (const it of focus.items) {
    if (it.kind !== 'unknown') continue;
    it.weight = sb.index.maxIdf();
    // A misspelt filler ("anouncement", "artcle") asks no more than the filler.
    const near = meant.get(it.text);
    const part = names.has(it.text) ? 'noun' : verbByForm(reading, it.text) ? 'verb' : near !== undefined && isFiller(normalizeText(near)) ? 'other' : near !== undefined ? retagged.get(near) : pos.get(it.text);
    if (part === 'verb' || part === 'adjective' || part === 'adverb' || part === 'other') {
      it.soft = true;
      it.weight *= PHRASING_FACTOR;
      it.pos = part;
    } else it.pos = part ?? 'noun';
  }
}

const CONJUNCTIONS = new Set(['and', 'or', 'et', 'ou', 'vs', 'versus', 'nor', 'ni', 'plus']);
/** Words that may stand between two coordinated items besides the conjunction ("the winners and the losers"). */
const BETWEEN = new Set(['the', 'a', 'an', 'les', 'la', 'le', 'l', 'des', 'de', 'du', 'who', 'qui', 'what', 'quoi', 'puis', 'also', 'aussi', 'is', 'are', 'est', 'sont', 'which', 'quel', 'quelle', 'quels', 'quelles']);

/**
 * Groups concepts and entities joined by a conjunction: "who wins and who loses", "les gagnants et les
 * perdants", "AMD and Intel" ask about either, so a fact holding one of them speaks to the question.
 */
function coordinate(tokens: readonly string[], items: FocusItem[]): void {
  const joinable = items.filter((it) => it.span && !it.soft && it.known && (it.kind === 'concept' || it.kind === 'entity')).sort((a, b) => a.span![0] - b.span![0]);
  let group = 0;
  for (let k = 1; k < joinable.length; k++) {
    const a = joinable[k - 1]!;
    const b = joinable[k]!;
    const between = tokens.slice(a.span![1], b.span![0]);
    // "X and Y", "les X et les Y", or a repeated question word ("who wins, who loses"), which the second phrase
    // may hold itself ("who loses").
    const repeated = (t: string | undefined) => t === 'who' || t === 'qui' || t === 'what' || t === 'quoi';
    const joined = between.some((t) => CONJUNCTIONS.has(t)) || (between.length > 0 && between.every(repeated)) || (between.length === 0 && repeated(tokens[b.span![0]]) && repeated(tokens[a.span![0] - 1]));
    if (!joined || !between.every((t) => CONJUNCTIONS.has(t) || BETWEEN.has(t))) continue;
    if (a.group === undefined) a.group = ++group;
    b.group = a.group;
  }
}

/** The group of two companies compared (coordinate numbers its groups from 1). */
const COMPARED_GROUP = 1000;
const COMPARATIVES = new Set(['better', 'worse', 'more', 'less', 'bigger', 'smaller', 'higher', 'lower', 'mieux', 'plus', 'moins', 'pire']);

/** Where "than"/"que" follows a comparative ("better than", "plus que"), else -1. */
function comparesAt(tokens: readonly string[]): number {
  return tokens.findIndex((t, i) => (t === 'than' || t === 'que' || t === 'qu') && tokens.slice(Math.max(0, i - 3), i).some((u) => COMPARATIVES.has(u)));
}

/**
 * "Did Oracle do better than Nvidia?", "Oracle a fait mieux que Nvidia ?": the two companies compared are two
 * sides of the answer, each asked about, even one of the deal's own parties.
 */
function compareSides(tokens: readonly string[], items: FocusItem[], group: number): void {
  const at = comparesAt(tokens);
  if (at < 0) return;
  const entities = items.filter((it) => it.kind === 'entity' && it.span && !it.context);
  const a = entities.filter((it) => it.span![1] <= at).at(-1);
  const b = entities.find((it) => it.span![0] > at);
  if (!a || !b) return;
  for (const it of [a, b]) {
    it.soft = false;
    it.group = group;
  }
}

/** Pronouns a French verb follows ("qui râlent", "ils bossent"). */
const FR_SUBJECTS = new Set(['qui', 'ils', 'elles', 'il', 'elle', 'on', 'nous', 'vous', 'je', 'tu', 'ca']);

/**
 * Verb forms the taggers often take for nouns, read from the word itself: an English "-ing" or "-ed"
 * word ("landing", "shrinking"), a French form after its subject pronoun ("les avocats qui râlent").
 */
function verbByForm(reading: Reading, word: string): boolean {
  const i = reading.tokens.indexOf(word);
  // Before a possessive ("OpenAI devlope ses puces", "Nvidia aquires its stake") a word is the verb of the clause.
  if (i > 0 && POSSESSIVES.has(reading.tokens[i + 1] ?? '') && !STOP_WORDS.has(reading.tokens[i - 1]!)) return true;
  // After a modal, maybe past its subject ("would that feed", "can they run"), a word is a verb.
  const before = reading.tokens[i - 1] ?? '';
  if (MODALS.has(before) || (SUBJECT_PRONOUNS.has(before) && MODALS.has(reading.tokens[i - 2] ?? ''))) return true;
  // After "did"/"does" and a one-word subject ("did Broadcom retreat"), a word is the verb asked about.
  if (DO_FORMS.has(reading.tokens[i - 2] ?? '') && (SUBJECT_PRONOUNS.has(before) || !STOP_WORDS.has(before))) return true;
  if (reading.lang === 'en') return /^[a-z]{4,}(ing|ed)$/.test(word);
  return i > 0 && FR_SUBJECTS.has(reading.tokens[i - 1]!) && /(ent|ons|ez|ait|aient|era|eront|er|ir)$/.test(word);
}

const DO_FORMS = new Set(['did', 'does', 'do', 'didn', 'doesn', 'dont']);
const MODALS = new Set(['would', 'will', 'could', 'can', 'should', 'might', 'must', 'may', 'shall', 'gonna', 'wanna']);
const SUBJECT_PRONOUNS = new Set(['that', 'it', 'they', 'this', 'he', 'she', 'we', 'you', 'i', 'those', 'these']);
const POSSESSIVES = new Set(['ses', 'son', 'sa', 'leurs', 'leur', 'its', 'their', 'his', 'her']);

/** One item per first term: "energy energie" is one subject, not two; the question's own one before context's. */
function dedupe(items: FocusItem[]): FocusItem[] {
  const seen = new Map<string, number>();
  const out: FocusItem[] = [];
  for (const item of items) {
    const key = item.terms[0]?.[0] ?? `?${item.text}`;
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push(item);
    } else if (out[at]!.context && !item.context) out[at] = item;
  }
  return out;
}
