// The question engine, in named stages: reading the question (read.ts, form.ts) → finding what it
// is about (concepts.ts) → ranking facts by BM25 (rank.ts) → answerability (answerability.ts):
// only facts that hold the question's focus and give what its form asks for answer it.
// It never throws and bounds its work, whatever a chat user types.
import type { FactBase } from '../facts/load.ts';
import type { Topic } from '../facts/schema.ts';
import { coverageOf, decide, HOLDERS_SHOWN, type Decision } from './answerability.ts';
import { findFocus, type Focus, type FocusItem } from './concepts.ts';
import { guessLang } from './lang.ts';
import { applyBoosts, scoreItems, sharedByOverview, type Scratch } from './rank.ts';
import { figureAsWritten, holderOfFigure, identifiedFigure, ownFactOfNamed, statedFigures } from './figure-premise.ts';
import { concessionOf, premiseOf } from './premise.ts';
import { eachQuestion, followUpOf, interleave, swapNames } from './questions.ts';
import { asksWhole, WHICH_WORDS } from './form.ts';
import type { Reading } from './read.ts';
import { ordinalTerm, SearchableBase, SEQUENCES } from './searchable-base.ts';
import { STOP_WORDS } from './stopwords.ts';
import { suggestFor } from './suggest.ts';
import { topK } from './topk.ts';
import { allowedEdits, editDistance } from './typo.ts';
import type { Explanation, QuestionEngine, SearchHit, SearchOptions, SearchResult } from './types.ts';

export const DEFAULT_LIMIT = 8;
const MAX_LIMIT = 100;
/** Hits below this share of the best score are dropped (0.8 for "when": its order is by date, so only the close matches). */
const REL_CUT = 0.35;
const REL_CUT_WHEN = 0.75;
/** A question (not a topic page or a list by form) gets the few facts that answer it. */
const MAX_ANSWER_FACTS = 5;
/** On a refusal whose facts fail the question's form: how many of them to show as the closest. */
const MAX_CLOSEST = 2;
/** A stated figure is checked against the facts a reader sees first. */
const SHOWN_FOR_PREMISE = 3;
/** How many of the best-scored facts may hold a figure a refused yes/no states. */
const FIGURE_CANDIDATES = 40;

interface Trace {
  focus?: Focus;
  decision?: Decision;
  /** Boosted scores of the candidates, kept before the scratch arrays are cleared. */
  scores?: Map<number, number>;
  reason?: string;
}

/** One search: the stages for a question, or a wrapper around them (premises, several questions). */
type Search = (query: string, opts: SearchOptions, trace?: Trace) => SearchResult;

/** One question on its way through the stages: what was read, what it is about, and where results go. */
interface Asked {
  sb: SearchableBase;
  reading: Reading;
  focus: Focus;
  limit: number;
  topic?: Topic;
  listing: boolean;
  speaker?: string;
  trace?: Trace;
}

export function createEngine(base: FactBase): QuestionEngine {
  const sb = new SearchableBase(base);
  const scratch: Scratch = { total: new Float64Array(sb.n), acc: new Float64Array(sb.n) };
  const one = (query: string, opts: SearchOptions, trace?: Trace) => withPremise(query, opts, trace, (q, o, tr) => searchOnce(sb, scratch, q, o, tr));
  const run = (query: string, opts: SearchOptions, trace?: Trace) => withFollowUp(sb, query, opts, trace, (q, o, tr) => withEachQuestion(q, o, tr, one));

  const engine: QuestionEngine = {
    base,
    search(query, opts = {}) {
      try {
        return run(query, opts ?? {});
      } catch {
        // A bug must not take the bot down: answer "no facts" rather than throw.
        return { normalized: '', lang: opts?.lang === 'fr' ? 'fr' : 'en', intent: 'general', hits: [], corrections: [] };
      }
    },
    explain(query, opts = {}) {
      const trace: Trace = {};
      const res = run(query, opts ?? {}, trace);
      return explanation(sb, String(query ?? ''), res, trace);
    },
    detectLang(text, fallback) {
      try {
        return sb.readForLang(String(text ?? ''), fallback).lang;
      } catch {
        return fallback === 'fr' ? 'fr' : 'en';
      }
    },
    suggest(partial, limit, lang) {
      try {
        const text = String(partial ?? '');
        return suggestFor(engine, text, limit, guessLang(text, sb.vocab) ?? (lang === 'fr' ? 'fr' : 'en'));
      } catch {
        return [];
      }
    },
  };
  return engine;
}

/**
 * A message asking two or three questions of their own: when at least two answer alone, their facts are
 * interleaved (each one's best first); otherwise the message is answered whole.
 */
function withEachQuestion(query: string, opts: SearchOptions, trace: Trace | undefined, one: Search): SearchResult {
  const whole = one(query, opts, trace);
  const each = eachQuestion(String(query ?? ''), { ...opts, lang: whole.lang }, clampLimit(opts.limit), one);
  if (!each) return whole;
  if (trace) trace.reason = `${each.results.length} questions, each answered: ${trace.reason ?? ''}`;
  const first = each.results[0]!;
  return { ...first, normalized: whole.normalized, hits: each.hits, corrections: each.results.flatMap((r) => r.corrections) };
}

/**
 * "Did Broadcom's stock go up? Et Nvidia alors ?": a question, then a short follow-up naming another company (or
 * person) the base knows. The question is asked again of that name, in place of the one it named, and both
 * answers are interleaved. Any other message, or a name the base does not know, is answered as it is.
 */
function withFollowUp(sb: SearchableBase, query: string, opts: SearchOptions, trace: Trace | undefined, run: Search): SearchResult {
  const follow = followUpOf(String(query ?? ''));
  if (!follow) return run(query, opts, trace);
  // The follow-up names only parties or people of the base; the question names at least one to replace.
  const named = askedOf(sb, follow.named, opts.lang);
  const onlyNames = named.length > 0 && named.every((it) => it.kind === 'entity' && it.known);
  const entities = askedOf(sb, follow.first, opts.lang).filter((it) => it.kind === 'entity' && it.known);
  const again = onlyNames ? swapNames(follow.first, entities.map((it) => it.text), named.map((it) => nameOf(sb, it)).join(' ')) : undefined;
  if (again === undefined) return run(query, opts, trace);
  const results = [run(follow.first, opts, trace), run(again, opts)].filter((r) => r.hits.length > 0);
  if (results.length === 0) return run(query, opts, trace);
  if (trace) trace.reason = `a question and a follow-up asking it of ${follow.named}: ${trace.reason ?? ''}`;
  return { ...results[0]!, hits: interleave(results, clampLimit(opts.limit)), corrections: results.flatMap((r) => r.corrections) };
}

/** What a text asks about, as the focus reads it (its clauses around the question left out). */
function askedOf(sb: SearchableBase, text: string, lang: SearchOptions['lang']): FocusItem[] {
  return findFocus(sb, sb.read(text, lang)).items.filter((it) => !it.context);
}

/** A party as the base writes its name ("oracle" → "Oracle"); a person or other entity as read. */
function nameOf(sb: SearchableBase, it: FocusItem): string {
  const id = it.terms.find(([t]) => t.startsWith('@'))?.[0].slice(1);
  return (id && sb.base.parties.get(id)?.name) || it.text;
}

/** Confirmation tags that make a premise a yes/no ("…, right?"). */
const CONFIRM = { en: ', right?', fr: ", c'est bien ça ?" } as const;

/**
 * A question that finds nothing but opens on a premise ("Now that the final contract is signed, when
 * does it close?"): the premise, checked as a yes/no, gives the facts that settle it (`premise` set).
 * A question that answers is checked only for a premise conceded with "ok, but" (withConceded).
 */
function withPremise(query: string, opts: SearchOptions, trace: Trace | undefined, once: Search): SearchResult {
  const result = once(query, opts, trace);
  if (result.hits.length > 0) {
    const conceded = concessionOf(String(query ?? ''));
    return conceded ? withConceded(result, conceded.premise, opts, once) : result;
  }
  const found = premiseOf(String(query ?? ''));
  if (!found) return result;
  const checked = once(found.premise + CONFIRM[result.lang], { ...opts, lang: result.lang }, trace);
  if (checked.hits.length === 0) {
    // Keep the question's own trace: the premise said nothing either.
    return trace ? once(query, opts, trace) : result;
  }
  if (trace) trace.reason = `the question proper finds no fact; its premise “${found.premise}”, checked as a yes/no: ${trace.reason ?? ''}`;
  // With the premise settled, the question proper alone may be answered too: its facts follow.
  const proper = once(found.question, { ...opts, lang: result.lang });
  // The fact that settles the premise (the first: a yes/no leads with it), then the question's own.
  const hits = ledBy(checked.hits[0]!, proper.hits, opts.limit);
  return { ...checked, hits, normalized: result.normalized, premise: found.premise };
}

/**
 * Answered, with a premise conceded before it ("Ce contrat ferme engage Nvidia…, ok, mais sur quelle plateforme… ?"):
 * the fact that settles the premise leads when the answer does not already show it among its first three.
 */
function withConceded(result: SearchResult, premise: string, opts: SearchOptions, once: Search): SearchResult {
  const settles = once(premise + CONFIRM[result.lang], { ...opts, lang: result.lang }).hits[0];
  if (!settles || result.hits.slice(0, SHOWN_FOR_PREMISE).some((h) => h.fact.id === settles.fact.id)) return result;
  return { ...result, hits: ledBy(settles, result.hits, opts.limit), premise };
}

/** The fact settling a premise, then the question's own hits without it, up to the limit. */
function ledBy(settles: SearchHit, hits: readonly SearchHit[], limit: number | undefined): SearchHit[] {
  return [settles, ...hits.filter((h) => h.fact.id !== settles.fact.id)].slice(0, clampLimit(limit));
}

/** The stages for one question: read it, find its focus, answer by its form alone or rank and decide. */
function searchOnce(sb: SearchableBase, scratch: Scratch, query: string, opts: SearchOptions, trace?: Trace): SearchResult {
  const reading = sb.read(query, opts.lang);
  const focus = findFocus(sb, reading);
  if (trace) trace.focus = focus;
  const found = findTopic(sb, reading, focus);
  const speaker = focus.items.flatMap((it) => it.terms.map(([t]) => sb.speakerOfEntity.get(t))).find((s) => s !== undefined);
  const asked: Asked = {
    sb,
    reading,
    focus,
    limit: clampLimit(opts.limit),
    listing: found?.listing === true,
    ...(found ? { topic: found.topic } : {}),
    ...(speaker ? { speaker } : {}),
    ...(trace ? { trace } : {}),
  };
  return byFormAlone(asked) ?? rankAndDecide(asked, scratch);
}

function resultOf(a: Asked, hits: readonly number[], scores: (i: number) => number): SearchResult {
  return {
    normalized: a.reading.normalized,
    lang: a.reading.lang,
    intent: a.reading.form.intent,
    ...(a.topic ? { topic: a.topic } : {}),
    ...(a.speaker ? { speaker: a.speaker } : {}),
    hits: monotonic(hits.slice(0, a.limit).map((i): SearchHit => ({ fact: a.sb.facts[i]!, score: round(scores(i)) }))),
    corrections: a.focus.corrections,
  };
}

function refuse(a: Asked, reason: string): SearchResult {
  if (a.trace) a.trace.reason = reason;
  a.focus.corrections = []; // "paris → praise" is no help when nothing is found
  return resultOf(a, [], () => 0);
}

/**
 * Questions answered by their form alone: "when?", "quotes", "tl;dr" (nothing else asked, or only what
 * the whole deal shares), or nothing at all asked ("2>&1"). Undefined when the question needs ranking.
 */
function byFormAlone(a: Asked): SearchResult | undefined {
  const { sb, reading, focus, topic, listing } = a;
  // Items that only repeat the topic a listing names ("/deal energy" is the energy page, not a question).
  // Clauses around the question ask nothing ("My son asked me at dinner…").
  const asked = focus.items.filter((it) => !it.context);
  const subjects = listing ? asked.filter((it) => !isTopicLabel(sb, it, topic)) : asked;
  // "tl;dr", "résume-moi l'accord": the deal at a glance, unless a subject of its own is named.
  const overview = reading.form.summary && focus.items.every((it) => !it.known || it.soft || sharedByOverview(sb, it));
  // "What's OpenAI's timeline?", "the deal's timeline": the dates asked of the deal's own parties, or of the deal
  // itself, are all its dates.
  // "Quel calendrier l'article dresse-t-il pour ce partenariat ?": soft words ("article", an unknown verb) ask for
  // no subject, and "key dates" only names the list asked for.
  const ofDeal = (it: FocusItem) => (it.soft && it.kind === 'entity') || it.terms.some(([t]) => sb.subjectConcepts.has(t) || t === TIMELINE);
  const firm = subjects.filter((it) => !it.soft || it.kind === 'entity');
  const ofTheDeal = reading.form.intent === 'when' && firm.every((it) => ofDeal(it) && (it.terms.some(([t]) => t === TIMELINE) || sharedByOverview(sb, it)));
  // "Quelles citations clés reprendre ?": quotes asked with only soft words around them are all the quotes.
  const allQuotes = reading.form.intent === 'quote' && firm.length === 0;
  if (((subjects.length === 0 || allQuotes || ofTheDeal) && (!listing || reading.form.intent === 'when')) || (overview && !listing)) {
    const list = formOnly(sb, reading, topic);
    if (a.trace) a.trace.reason = list ? 'only the question form: its list' : 'nothing asked about';
    return list ? resultOf(a, list, () => 1) : refuse(a, 'nothing asked about');
  }
  // Lone letters and digits ("2>&1", "a b c") are not a question about anything.
  if (!listing && focus.items.every((it) => it.text.length === 1)) return refuse(a, 'only single characters');
  return undefined;
}

/** BM25 over the focus, boosts, then a topic page or the answerability decision. */
function rankAndDecide(a: Asked, scratch: Scratch): SearchResult {
  const { sb, reading, focus, topic, speaker, trace } = a;
  const touched = scoreItems(sb, focus.items, scratch);
  const { total } = scratch;
  try {
    applyBoosts(sb, touched, total, { form: reading.form, ...(speaker ? { speaker } : {}), ...(topic ? { topicId: topic.id } : {}) });
    const s = (i: number) => total[i]!;
    if (a.listing && topic) return topicPage(a, topic, s);
    const decision = decide(sb, reading, focus.items, touched, s);
    if (trace) {
      trace.decision = decision;
      trace.scores = new Map([...decision.coverage.keys()].map((d) => [d, s(d)]));
    }
    if (!decision.answer) {
      const settled = figureOfAnother(a, touched, s);
      if (settled) return settled;
      const refused = refuse(a, decision.reason);
      // Facts that speak to the question but fail what its form asks: the closest the sources come.
      const dropped = topK([...decision.dropped.keys()], (d) => s(d) * decision.coverage.get(d)!.share ** 2, MAX_CLOSEST);
      return dropped.length > 0 ? { ...refused, closest: dropped.map((i) => ({ fact: sb.facts[i]!, score: round(s(i)) })) } : refused;
    }
    if (trace) trace.reason = decision.reason;
    const ordered = decision.complete ? decision.hits : order(sb, reading, focus, decision, total);
    // A figure stated of the wrong company: after the fact about the company asked, the one holding the figure.
    // Or the figure is another company's: then the named company's own fact follows.
    const shown = ordered.slice(0, SHOWN_FOR_PREMISE);
    const holder = holderOfFigure(sb, reading, focus.items, shown, decision.coverage.keys(), s) ?? ownFactOfNamed(sb, reading, focus.items, shown, decision.coverage.keys(), s);
    const ranked = holder === undefined ? ordered : [ordered[0]!, holder, ...ordered.slice(1).filter((d) => d !== holder)];
    if (trace && holder !== undefined) trace.reason += `; then ${sb.facts[holder]!.id}, which settles the figure stated`;
    const result = resultOf(a, decision.also ? [...new Set([...ranked.slice(0, MAX_ANSWER_FACTS - decision.also.length), ...decision.also])] : ranked, s);
    if (result.hits.length === 0) return result;
    const unsupported = [...focus.premises, ...(decision.unsupported ?? [])];
    const shownFacts = ranked.slice(0, SHOWN_FOR_PREMISE);
    const figures = statedFigures(reading, focus.items, (t) => shownFacts.some((d) => sb.index.holding(t, d) === 2));
    return { ...result, ...(unsupported.length > 0 ? { unsupported } : {}), ...(figures.length > 0 ? { unsupportedFigures: figures } : {}) };
  } finally {
    for (const d of touched) total[d] = 0;
  }
}

/**
 * "Is 8 million the number of GPUs Nvidia will ship?": a yes/no stating a figure (a number and its unit) that a
 * fact holds, of something no fact gives. That fact settles the premise (8 million is the homes figure), and
 * the reply says the sources do not back what the question makes of it. Undefined when no fact holds the figure.
 */
function figureOfAnother(a: Asked, touched: readonly number[], s: (d: number) => number): SearchResult | undefined {
  const { sb, reading, focus } = a;
  const identified = identifiedFigure(reading, focus.items);
  if (!reading.form.yesNo || !identified) return undefined;
  const holder = holderOfFigure(sb, reading, focus.items, [], topK(touched, s, FIGURE_CANDIDATES), s);
  if (holder === undefined) return undefined;
  const held = coverageOf(sb, focus.items, holder);
  const lacking = focus.items.filter((it) => !it.soft && !it.context && it.kind !== 'number' && held.missing.includes(it.text)).map((it) => it.text);
  if (lacking.length === 0) return undefined;
  if (a.trace) a.trace.reason = `states a figure that ${sb.facts[holder]!.id} holds, of what no fact gives (${lacking.join(', ')}): that fact settles it`;
  return { ...resultOf(a, [holder], s), figureElsewhere: figureAsWritten(reading, identified)! };
}

/** `/deal energy`: the topic's facts, headline figures first (money first when an amount is asked), then its other figures, then the rest. */
function topicPage(a: Asked, topic: Topic, s: (i: number) => number): SearchResult {
  const { sb, reading } = a;
  // "Ça représente combien, ce partenariat ?": an amount asked of a topic puts its money figures first.
  const money = (i: number) => (reading.form.ask === 'amount' ? sb.hasMoney[i]! * 4 : 0);
  const key = (i: number) => (money(i) + sb.isHeadline[i]! * 2 + sb.hasFigures[i]!) * 1e9 + s(i);
  const list = topK(sb.factsOfTopic.get(topic.id) ?? [], key, a.limit);
  if (reading.form.intent === 'when') list.sort((x, y) => (sb.isDated[x] && sb.isDated[y] ? sb.byDate(x, y) : sb.isDated[y]! - sb.isDated[x]! || x - y));
  if (a.trace) a.trace.reason = `the topic “${topic.label.en}” by its label: its facts`;
  return resultOf(a, list, s);
}

/**
 * Orders the facts that answer: coverage first (a fact holding the whole question before one holding
 * part of it), then score; a question about the deal as a whole leads with the headline facts;
 * "when" orders by date; few facts for a question, all of them for a form's list.
 */
function order(sb: SearchableBase, reading: Reading, focus: Focus, decision: Decision, total: Float64Array): number[] {
  const { form } = reading;
  const rank = (d: number) => total[d]! * decision.coverage.get(d)!.share ** 2;
  let best = [...decision.hits].sort((a, b) => rank(b) - rank(a) || a - b);
  const known = focus.items.filter((it) => it.known);
  // "What did OpenAI say?": the quotes, its own people's first.
  if (form.intent === 'quote' && best.some((d) => sb.isQuote[d])) {
    const orgs = new Set(known.flatMap((it) => it.terms.map(([t]) => t)));
    const own = (d: number) => (orgs.has(sb.speakerOrg[d] ?? '') ? 1 : 0);
    return best.filter((d) => sb.isQuote[d]).sort((a, b) => own(b) - own(a)).slice(0, MAX_ANSWER_FACTS);
  }
  // Unless it asks for something specific (an amount, a count, a date): then the facts that give it.
  const specific = form.ask === 'amount' || form.ask === 'count' || form.ask === 'date';
  if (!specific && known.length > 0 && known.every((it) => sharedByOverview(sb, it))) {
    // "What is the deal", "who are the partners": the overview's headline facts first, in the base's order.
    const heads = best.filter((d) => sb.isHeadline[d]).sort((a, b) => a - b);
    best = [...heads, ...best.filter((d) => !sb.isHeadline[d])];
    return best.slice(0, MAX_ANSWER_FACTS);
  }
  const all = best;
  const top = rank(best[0]!);
  best = best.filter((d) => rank(d) >= top * (form.intent === 'when' ? REL_CUT_WHEN : REL_CUT));
  if (form.intent === 'quote' && best.some((d) => sb.isQuote[d])) best = best.filter((d) => sb.isQuote[d]);
  // Same date: the better match first ("first phase" before "Vera Rubin platform", both H2 2026).
  if (form.intent === 'when' && best.some((d) => sb.isDated[d])) {
    const dated = best.filter((d) => sb.isDated[d]);
    // "When does the first batch land?": "2026" answers; a fact that answers too and places it more finely in
    // that year ("H2 2026") follows, even below the cut.
    const finer = decision.hits.filter((d) => sb.isDated[d] && !dated.includes(d) && dated.some((k) => sb.refines(d, k)));
    return [...dated, ...finer].sort((a, b) => sb.byDate(a, b, rank)).slice(0, MAX_ANSWER_FACTS);
  }
  // "Why is it an earthquake?", "Quels défis sont évoqués ?": a heading claim's section says what it sums up.
  if (form.ask === 'reason' || (form.intent === 'general' && !form.yesNo)) best = withGrounds(sb, focus, best, total);
  if (asksWhole(reading.tokens)) best = wholeFirst(sb, best);
  if (form.direction) best = withMovesAsked(sb, form.direction, best);
  else best = movesFirst(sb, focus, best);
  best = withRoleHolders(sb, focus, best);
  best = withSpeakerOfTopic(sb, focus, best);
  return withAntecedent(sb, eachSide(sb, focus, best, all)).slice(0, MAX_ANSWER_FACTS);
}

/**
 * "Et le climat ?": the fact that answers asks how to square "such energy demand" with climate goals; the fact
 * it points back to (the demand: 10 GW, 8 million homes) follows it, so the answer says what "such" is.
 */
function withAntecedent(sb: SearchableBase, best: readonly number[]): number[] {
  const top = best[0];
  const before = top === undefined ? -1 : sb.antecedentOf(top);
  if (before < 0 || best.slice(0, 3).includes(before)) return [...best];
  return [top!, before, ...best.slice(1).filter((d) => d !== before)];
}

/**
 * "Google, un des concurrents de Nvidia dans les puces ?": when the facts that answer name a company but not the
 * role the question casts it in, the fact holding that role (the real chip rivals) follows the first.
 */
function withRoleHolders(sb: SearchableBase, focus: Focus, best: readonly number[]): number[] {
  const roles = focus.items.filter((it) => !it.context).flatMap((it) => it.terms.filter(([t]) => HOLDERS_SHOWN.has(t)).map(([t]) => t));
  if (roles.length === 0 || best.slice(0, 2).some((d) => roles.some((t) => sb.index.holding(t, d) === 2))) return [...best];
  const holder = sb.index.ownDocsOf(roles[0]!, 1)[0];
  return holder === undefined ? [...best] : [best[0]!, holder, ...best.slice(1).filter((d) => d !== holder)];
}

/**
 * "C'est l'avocat qui parle d'investissements circulaires ?": the quote of the role named comes first; when it
 * does not speak of what the question says it does, the quote that does (the analyst's) follows it.
 */
function withSpeakerOfTopic(sb: SearchableBase, focus: Focus, best: readonly number[]): number[] {
  const top = best[0];
  if (top === undefined || !sb.isQuote[top] || !focus.items.some((it) => it.role && !it.context)) return [...best];
  const topics = focus.items.filter((it) => !it.role && !it.context && !it.soft && it.kind === 'concept');
  const missing = topics.filter((it) => !it.terms.some(([t]) => sb.index.holding(t, top) === 2));
  if (missing.length === 0) return [...best];
  const other = sb.quotes.find((d) => d !== top && missing.every((it) => it.terms.some(([t, w]) => w >= 0.5 && sb.index.holding(t, d) === 2)));
  return other === undefined ? [...best] : [top, other, ...best.slice(1).filter((d) => d !== other)];
}

const MARKET_TERMS = new Set(['~market', '~move']);

/**
 * "How did the markets react overall?": no company named and several share moves answering, the moves (each
 * with its figure) come before the facts about the market that give none.
 */
function movesFirst(sb: SearchableBase, focus: Focus, best: readonly number[]): number[] {
  const named = focus.items.some((it) => it.kind === 'entity' && !it.context);
  const market = focus.items.some((it) => !it.context && it.terms.some(([t]) => MARKET_TERMS.has(t)));
  const moves = best.filter((d) => sb.moveSign[d] !== 0);
  if (named || !market || moves.length < 3) return [...best];
  return [...moves, ...best.filter((d) => sb.moveSign[d] === 0)];
}

/**
 * "C'est Oracle qui a reculé ?": when every share move that answers went the other way, the moves that went
 * the way asked follow the first (Broadcom fell), so the reply shows who did.
 */
function withMovesAsked(sb: SearchableBase, direction: 'up' | 'down', best: readonly number[]): number[] {
  const sign = direction === 'up' ? 1 : -1;
  const moves = best.filter((d) => sb.moveSign[d] !== 0);
  if (moves.length === 0 || moves.some((d) => sb.moveSign[d] === sign)) return [...best];
  const asked: number[] = [];
  for (let d = 0; d < sb.facts.length && asked.length < MAX_ANSWER_FACTS; d++) if (sb.moveSign[d] === sign && !best.includes(d)) asked.push(d);
  return [best[0]!, ...asked, ...best.slice(1)];
}

/** Terms of a numbered part: the first or second of a thing that comes in order ("~phase#1"). */
const PART_TERMS = [...SEQUENCES].flatMap((c) => [ordinalTerm(c, 1), ordinalTerm(c, 2)]);

/** The facts that answer, those about a numbered part ("first delivery", "phase 2") after the others. */
function wholeFirst(sb: SearchableBase, best: readonly number[]): number[] {
  const part = (d: number) => PART_TERMS.some((t) => sb.index.holds(t, d));
  return [...best.filter((d) => !part(d)), ...best.filter(part)];
}

/**
 * "Why is this called an earthquake for tech?": when the fact that answers is a section's heading claim, the
 * why is what its subsections say; the best fact of each follows it and the runner-up (by score, else the
 * subsection's first).
 */
function withGrounds(sb: SearchableBase, focus: Focus, best: readonly number[], total: Float64Array): number[] {
  const top = best[0]!;
  const subsections = sb.subsectionsOf(top);
  const byScore = (facts: readonly number[]) => [...facts].sort((a, b) => total[b]! - total[a]! || a - b);
  // "Gouvernance, transparence : qu'est-ce qui pose question ?": when the question names some subsections by
  // their headings ("2. Des questions sur la gouvernance et la transparence"), the grounds are their facts.
  const asked = focus.items.filter((it) => it.known && !it.context);
  const named = subsections.filter((facts) => {
    const heading = sb.headingStems(facts[0]!);
    return asked.some((it) => it.terms.some(([t]) => heading.has(t)));
  });
  const grounds =
    named.length > 0 && named.length < subsections.length
      ? named.flatMap(byScore)
      : subsections.map((facts) => byScore(facts)[0]!);
  if (grounds.length === 0) return [...best];
  // The runner-up from the heading's own section stays second: it answered the question too. One from another
  // section answers something else; the grounds come first.
  const second = best.slice(1, 2).filter((d) => !grounds.includes(d) && sb.sameSection(d, top));
  return [top, ...second, ...grounds, ...best.slice(2).filter((d) => !grounds.includes(d))];
}

/**
 * "Who wins, who loses?", "AMD and Intel": items joined by "and"/"or" are each a side of the answer; each
 * side's best fact comes first (from all that answer, even below the cut), then the rest in rank order.
 */
function eachSide(sb: SearchableBase, focus: Focus, ranked: readonly number[], pool: readonly number[]): number[] {
  const groups = new Map<number, FocusItem[]>();
  for (const it of focus.items) if (it.group !== undefined && !it.context) groups.set(it.group, [...(groups.get(it.group) ?? []), it]);
  const firsts: number[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (const it of members) {
      const d = pool.find((d) => it.terms.some(([t, w]) => w >= 0.5 && sb.index.holding(t, d) === 2));
      if (d !== undefined && !firsts.includes(d)) firsts.push(d);
    }
  }
  return firsts.length === 0 ? [...ranked] : [...firsts, ...ranked.filter((d) => !firsts.includes(d))];
}

/** A question with nothing but a form ("when?", "quotes", "tl;dr", "c'est combien ?"): the list that form asks for. */
function formOnly(sb: SearchableBase, reading: Reading, topic: Topic | undefined): number[] | undefined {
  const { form } = reading;
  if (form.intent === 'when') {
    // "quand l'AGI": the topic's dated facts, or all of them when it has none.
    const ofTopic = topic ? sb.dated.filter((i) => sb.topicMask(topic.id)[i]) : [];
    return ofTopic.length > 0 ? ofTopic : sb.dated;
  }
  if (form.intent === 'quote') return sb.quotes;
  if (form.summary || form.ask === 'amount' || form.ask === 'count' || form.ask === 'person') {
    // The deal at a glance; "how much?" leads with its figures.
    const figuresFirst = form.ask === 'amount' || form.ask === 'count';
    return [...sb.headlines].sort((a, b) => (figuresFirst ? sb.hasFigures[b]! - sb.hasFigures[a]! : 0) || a - b);
  }
  return undefined;
}

function isTopicLabel(sb: SearchableBase, it: Focus['items'][number], topic: Topic | undefined): boolean {
  if (!topic) return false;
  return [it.text, ...it.terms.map(([t]) => t)].some((w) => sb.topicOfLabelStems.get(w) === topic.id || sb.topicOfLabel.get(w) === topic.id);
}

/** The lexicon's concept of a timeline ("key dates", "échéancier"): in a when-question it names the list asked for. */
const TIMELINE = '~timeline';


/** Words that only rank a list a label names: "key quotes", "les principales citations", "all the risks". */
const LIST_MODIFIERS = new Set(['key', 'main', 'important', 'notable', 'major', 'top', 'all', 'principal', 'principale', 'principales', 'principaux', 'grandes', 'grands', 'toutes', 'tous', 'importantes', 'importants', 'cle', 'cles']);

/**
 * The topic a question names. `listing` when the question is the topic itself (its label or id,
 * maybe misspelt): `/deal energy` lists the topic's facts. A topic word alone ("bourse") names the
 * topic too, but the facts are ranked as for any question, the topic's facts first on ties.
 */
function findTopic(sb: SearchableBase, reading: Reading, focus: Focus): { topic: Topic; listing: boolean } | undefined {
  const aside = (t: string) => STOP_WORDS.has(t) || focus.fillers.includes(t) || LIST_MODIFIERS.has(t);
  const content = reading.tokens.filter((t) => !aside(t));
  const keys = [reading.normalized, content.join(' ')];
  // "Which chips will they use?": a label asked as "which one" is a question about it, ranked, not its page.
  const listing = !reading.tokens.some((t, i) => WHICH_WORDS.has(t) && i + 1 < reading.tokens.length && !aside(reading.tokens[i + 1]!));
  for (const key of keys) {
    const id = key ? sb.topicOfLabel.get(key) : undefined;
    if (id) return { topic: sb.topic(id)!, listing };
  }
  // Corrected and other-form stems count: "enrgy" names the energy topic.
  const stems = reading.tokens.map((t, i) => (aside(t) ? '' : focus.stems[i] ?? '')).filter(Boolean).join(' ');
  const byStems = stems ? sb.topicOfLabelStems.get(stems) : undefined;
  if (byStems) return { topic: sb.topic(byStems)!, listing };
  for (const key of keys) {
    const ids = key ? sb.vocab.topicByPhrase.get(key) : undefined;
    if (ids?.length === 1 && !sb.entityNames.has(key)) return { topic: sb.topic(ids[0]!)!, listing: false };
  }
  if (content.length > 0 && content.length <= 3 && focus.items.every((it) => !it.known)) {
    // A misspelt label ("calendrer"): fuse finds it, the edit distance keeps "time" from being "timeline".
    const asked = content.join(' ');
    const edits = allowedEdits(asked.length);
    // The edit distance decides in the end: with no label within it, the fuzzy search could only be refused.
    const near = sb.topicLabelTexts.filter((label) => editDistance(asked, label, edits) <= edits);
    if (near.length === 0) return undefined;
    const best = sb.topicLabels.search(asked, { limit: 1 })[0];
    if (best && (best.score ?? 1) <= 0.3 && near.includes(best.item.label)) {
      return { topic: sb.topic(best.item.id)!, listing: true };
    }
  }
  return undefined;
}

function explanation(sb: SearchableBase, query: string, res: SearchResult, trace: Trace): Explanation {
  const focus = trace.focus;
  const decision = trace.decision;
  const kept = new Set(res.hits.map((h) => h.fact.id));
  const candidates = decision
    ? [...decision.coverage].map(([d, cov]) => ({
        factId: sb.facts[d]!.id,
        score: round(trace.scores?.get(d) ?? 0),
        coverage: round(cov.share),
        held: cov.held,
        missing: cov.missing,
        kept: kept.has(sb.facts[d]!.id),
        ...(decision.dropped.has(d) ? { note: `lacks ${decision.dropped.get(d)}` } : {}),
      }))
    : [];
  const reading = sb.read(query, res.lang);
  return {
    query,
    normalized: res.normalized,
    lang: res.lang,
    spellings: reading.spellings,
    form: { intent: reading.form.intent, ask: reading.form.ask, yesNo: reading.form.yesNo, summary: reading.form.summary },
    focus: (focus?.items ?? []).map((it) => ({ text: it.text, kind: it.pos ? `${it.kind} ${it.pos}` : it.kind, known: it.known, weight: round(it.weight), soft: it.soft, terms: it.terms.map(([t]) => t) })),
    fillers: focus?.fillers ?? [],
    markers: focus?.markers ?? [],
    corrections: res.corrections,
    ...(res.topic ? { topic: res.topic.id } : {}),
    ...(res.speaker ? { speaker: res.speaker } : {}),
    candidates: candidates.slice(0, 12),
    answered: res.hits.length > 0,
    reason: trace.reason ?? '',
    result: res,
  };
}

/** Scores as reported never rise down the list: an order by date or by headline outranks raw scores. */
function monotonic(hits: SearchHit[]): SearchHit[] {
  for (let i = 1; i < hits.length; i++) if (hits[i]!.score > hits[i - 1]!.score) hits[i]!.score = hits[i - 1]!.score;
  return hits;
}

function clampLimit(limit: unknown): number {
  const l = typeof limit === 'number' && Number.isFinite(limit) ? Math.floor(limit) : DEFAULT_LIMIT;
  return Math.min(Math.max(l, 1), MAX_LIMIT);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

