// The question engine: normalise → stop words → concepts (exact, prefix, synonyms, typo
// correction) → BM25 over an inverted index → relevance cut-off → intent ordering.
// It never throws and bounds its work, whatever a chat user types.
import Fuse from 'fuse.js';
import type { FactBase } from '../facts/load.ts';
import type { Lang, Topic } from '../facts/schema.ts';
import { detectIntent, INTENT_MARKERS } from './intent.ts';
import { InvertedIndex, visitFields, type WordSides } from './index.ts';
import { guessLang } from './lang.ts';
import { inflections, normalizeText, queryTokens, stem } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';
import { suggestFor } from './suggest.ts';
import { topK } from './topk.ts';
import { allowedEdits, editDistance, TypoCorrector } from './typo.ts';
import type { Intent, QuestionEngine, SearchHit, SearchResult } from './types.ts';
import { terms, Vocabulary } from './vocabulary.ts';

export const DEFAULT_LIMIT = 8;
const MAX_LIMIT = 100;
/** Share of the question's weight the base must know, or the question gets no facts. */
const MIN_COVERAGE = 0.5;
/** Hits below this share of the best score are dropped (0.8 for "when": its order is by date, so only the close matches). */
const REL_CUT = 0.35;
const REL_CUT_WHEN = 0.8;
const W_PREFIX = 0.7;
const W_CORRECTED = 0.85;
const MAX_SYNONYMS = 8;
const MAX_PREFIX = 6;
const MAX_SUFFIX = 4;
/** Opinions and projections do not outrank what was signed or reported for a neutral question. */
const STATUS_PRIOR: Partial<Record<string, number>> = { opinion: 0.8, projection: 0.9 };
/** "how many homes": facts whose figure counts homes before facts with other figures. */
const ASKED_UNIT_BOOST = 1.5;
/** Synonym expansion skips words held by more than this share of the facts (e.g. "nvidia", "deal"). */
const COMMON_SHARE = 0.1;
/** A concept with more postings than this (and this share of the facts) only scores the candidates found so far. */
const LARGE_POSTINGS = 1000;
const LARGE_SHARE = 0.02;

interface Concept {
  token: string;
  stem: string;
  expansions: [term: string, weight: number][];
  /** idf of the word as asked, or of an unknown word when the base does not know it. */
  weight: number;
  matched: boolean;
  marker: boolean;
}

export function createEngine(base: FactBase): QuestionEngine {
  const facts = base.facts;
  const n = facts.length;
  const sides: WordSides = { en: new Set(), fr: new Set(), surface: new Map() };
  const index = new InvertedIndex(n, (i, visit) => visitFields(facts[i]!, base, visit), sides);
  const vocab = new Vocabulary(base, sides);
  const typo = new TypoCorrector([...index.sortedTerms, ...vocab.allStems()], (w) => index.df(w));
  const commonDf = Math.max(COMMON_SHARE * n, 8);

  const factsOfTopic = new Map<string, number[]>();
  // Per-fact flags in typed arrays: scoring reads them for every matching fact of 100k.
  const hasFigures = new Uint8Array(n);
  const isQuote = new Uint8Array(n);
  const isHeadline = new Uint8Array(n);
  const isDated = new Uint8Array(n);
  const prior = new Float32Array(n).fill(1);
  const speakerOf = new Int32Array(n).fill(-1);
  const speakerIds = new Map<string, number>();
  const speakerOfTerm = new Map<string, string>();
  const dated: number[] = [];
  const headlines: number[] = [];
  const quotes: number[] = [];
  for (let i = 0; i < n; i++) {
    const f = facts[i]!;
    if (f.figures.length > 0) hasFigures[i] = 1;
    if (f.headline) {
      isHeadline[i] = 1;
      headlines.push(i);
    }
    if (f.status) prior[i] = STATUS_PRIOR[f.status] ?? 1;
    if (f.when) {
      isDated[i] = 1;
      dated.push(i);
    }
    for (const t of f.topics) push(factsOfTopic, t, i);
    if (f.kind === 'quote') {
      isQuote[i] = 1;
      quotes.push(i);
      let sp = speakerIds.get(f.quote.speaker);
      if (sp === undefined) {
        speakerIds.set(f.quote.speaker, (sp = speakerIds.size));
        for (const tok of normalizeText(f.quote.speaker).split(' ')) {
          if (tok.length >= 3 && !STOP_WORDS.has(tok) && !speakerOfTerm.has(stem(tok))) speakerOfTerm.set(stem(tok), f.quote.speaker);
        }
      }
      speakerOf[i] = sp;
    }
  }
  dated.sort(byDate);
  const topicMasks = new Map<string, Uint8Array>();
  const topicMask = (id: string) => {
    let m = topicMasks.get(id);
    if (!m) {
      m = new Uint8Array(n);
      for (const i of factsOfTopic.get(id) ?? []) m[i] = 1;
      topicMasks.set(id, m);
    }
    return m;
  };
  const topicOfLabel = new Map<string, string>();
  const topicOfLabelStems = new Map<string, string>();
  for (const t of base.topics.values()) {
    for (const label of [t.label.en, t.label.fr, t.id.replace(/-/g, ' ')]) {
      if (!topicOfLabel.has(normalizeText(label))) topicOfLabel.set(normalizeText(label), t.id);
      const st = terms(label).join(' ');
      if (st && !topicOfLabelStems.has(st)) topicOfLabelStems.set(st, t.id);
    }
  }
  // Names of parties and speakers: a topic may list them as words, but asking for one is not asking for the topic.
  const entityTerms = new Set<string>();
  for (const p of base.parties.values()) for (const name of [p.name, ...p.aliases, p.ticker ?? '']) if (name) entityTerms.add(normalizeText(name));
  for (const speaker of speakerIds.keys()) for (const w of [speaker, ...speaker.split(/\s+/)]) entityTerms.add(normalizeText(w));
  const topicLabels = new Fuse(
    [...base.topics.values()].flatMap((t) => [t.label.en, t.label.fr].map((label) => ({ id: t.id, label: normalizeText(label) }))),
    { keys: ['label'], includeScore: true, threshold: 0.3, ignoreLocation: true },
  );

  // Scratch arrays reused by every search (the engine is synchronous, so never shared mid-search).
  const total = new Float64Array(n);
  const acc = new Float64Array(n);

  function byDate(a: number, b: number, score?: (i: number) => number): number {
    const wa = facts[a]!.when!;
    const wb = facts[b]!.when!;
    if (wa.from !== wb.from) return wa.from < wb.from ? -1 : 1;
    const ea = wa.to ?? (wa.precision === 'onward' ? '9999' : wa.from);
    const eb = wb.to ?? (wb.precision === 'onward' ? '9999' : wb.from);
    if (ea !== eb) return ea < eb ? -1 : 1;
    if (score && score(a) !== score(b)) return score(b) - score(a);
    return a - b;
  }

  /** Terms of a fact's figures (unit, currency, labels), computed for the few candidates that need them. */
  const figureTermCache = new Map<number, Set<string>>();
  function figureTerms(i: number): Set<string> {
    let set = figureTermCache.get(i);
    if (!set) {
      set = new Set();
      for (const f of facts[i]!.figures) {
        for (const text of [f.unit, f.currency ?? '', f.label?.en ?? '', f.label?.fr ?? '']) for (const t of terms(text)) set.add(t);
      }
      if (figureTermCache.size > 4096) figureTermCache.clear();
      figureTermCache.set(i, set);
    }
    return set;
  }

  /**
   * Whether a concept is one most headline facts share ("deal", "nvidia", "partners"): a question
   * naming only such words asks about the deal as a whole, not about one of its facts.
   */
  function sharedByOverview(c: Concept): boolean {
    if (headlines.length === 0) return false;
    const near = c.expansions.filter(([, w]) => w >= 0.5).map(([t]) => t);
    let held = 0;
    for (const h of headlines) if (near.some((t) => index.holds(t, h))) held++;
    return held * 2 >= headlines.length;
  }

  function knownStem(s: string): boolean {
    return index.df(s) > 0 || vocab.groupsOf.has(s);
  }

  function concept(token: string, corrections: SearchResult['corrections']): Concept {
    let s = stem(token);
    const marker = INTENT_MARKERS.has(token);
    const numeric = /^\d/.test(s);
    // "worried" is "worry", "used" is "use": tried before any typo correction ("used" is not "usd").
    if (!numeric && !knownStem(s)) {
      for (const v of inflections(token)) {
        if (knownStem(stem(v))) {
          s = stem(v);
          break;
        }
      }
    }
    const c: Concept = { token, stem: s, expansions: [], weight: index.maxIdf(), matched: false, marker };
    const direct = index.df(s);
    if (direct > 0) {
      c.expansions.push([s, 1]);
      c.weight = index.idf(direct);
    }
    if (numeric) {
      c.matched = direct > 0;
      return c;
    }
    // Inflections only ("invest" → "investment"): a longer word is another word ("time" ≠ "timeline").
    if (s.length >= 5) for (const t of index.withPrefix(s, MAX_PREFIX)) if (t.length - s.length <= MAX_SUFFIX && index.df(t) <= Math.max(commonDf, direct)) c.expansions.push([t, W_PREFIX]);
    // A word the base does not hold may take common synonyms: they are its only way in ("parties" → partner).
    if (direct <= commonDf) addSynonyms(c, s, 1, direct === 0);
    if (c.expansions.length === 0 && !marker) {
      const fixed = typo.correct(s) ?? typo.correct(token);
      if (fixed) {
        corrections.push({ from: token, to: vocab.surface.get(fixed) ?? fixed });
        c.stem = fixed;
        const df = index.df(fixed);
        if (df > 0) c.expansions.push([fixed, W_CORRECTED]);
        if (df <= commonDf) addSynonyms(c, fixed, W_CORRECTED);
      }
    }
    if (c.expansions.length > 0) {
      c.matched = true;
      if (direct === 0) c.weight = Math.max(...c.expansions.map(([t, w]) => index.idf(index.df(t)) * w));
    }
    return c;
  }

  function addSynonyms(c: Concept, s: string, weight: number, allowCommon = false): void {
    let added = 0;
    for (const [syn, w] of vocab.synonyms(s)) {
      if (added >= MAX_SYNONYMS) break;
      const df = index.df(syn);
      if (df === 0 || (df > commonDf && !allowCommon) || c.expansions.some(([t]) => t === syn)) continue;
      c.expansions.push([syn, w * weight]);
      added++;
    }
  }

  /**
   * The topic a query names. `listing` when the query is the topic itself (its label or id, maybe
   * misspelt): `/deal energy` then lists the topic's facts. A topic word alone ("bourse") names the
   * topic too, but the facts are ranked as for any question, the topic's facts first on ties.
   */
  function findTopic(normalized: string, content: string[], concepts: Concept[]): { topic: Topic; listing: boolean } | undefined {
    const subjects = concepts.filter((c) => c.matched);
    const stems = subjects.map((c) => c.stem).join(' ');
    for (const key of [normalized, content.join(' ')]) {
      const id = key ? topicOfLabel.get(key) : undefined;
      if (id) return { topic: base.topics.get(id)!, listing: true };
    }
    const byStems = stems ? topicOfLabelStems.get(stems) : undefined;
    if (byStems) return { topic: base.topics.get(byStems)!, listing: true };
    for (const key of [normalized, content.join(' ')]) {
      const ids = key ? vocab.topicByPhrase.get(key) : undefined;
      if (ids?.length === 1 && !entityTerms.has(key)) return { topic: base.topics.get(ids[0]!)!, listing: false };
    }
    if (content.length > 0 && content.length <= 3 && subjects.length === 0) {
      // A misspelt label ("calendrer"): fuse finds it, the edit distance keeps "time" from being "timeline".
      const asked = content.join(' ');
      const best = topicLabels.search(asked, { limit: 1 })[0];
      if (best && (best.score ?? 1) <= 0.3 && editDistance(asked, best.item.label, allowedEdits(asked.length)) <= allowedEdits(asked.length)) {
        return { topic: base.topics.get(best.item.id)!, listing: true };
      }
    }
    return undefined;
  }

  function run(query: string, opts: { limit?: number; lang?: Lang }): SearchResult {
    const raw = String(query ?? '').slice(0, 2000).replace(/^\s*\/\s*deal\b/i, ' ');
    const { normalized, tokens } = queryTokens(raw);
    const lang: Lang = guessLang(raw, vocab) ?? (opts.lang === 'fr' ? 'fr' : 'en');
    const intent: Intent = detectIntent(tokens);
    const limit = clampLimit(opts.limit);
    const corrections: SearchResult['corrections'] = [];
    const result = (hits: number[], scores: (i: number) => number, topic?: Topic, speaker?: string): SearchResult => ({
      normalized,
      lang,
      intent,
      ...(topic ? { topic } : {}),
      ...(speaker ? { speaker } : {}),
      hits: hits.slice(0, limit).map((i): SearchHit => ({ fact: facts[i]!, score: round(scores(i)) })),
      corrections,
    });

    const content: string[] = [];
    const concepts: Concept[] = [];
    for (const tok of tokens) {
      if (STOP_WORDS.has(tok) || content.includes(tok)) continue;
      content.push(tok);
      const c = concept(tok, corrections);
      if (!c.matched && (c.marker || tok.length === 1)) continue; // signals, not subjects
      if (concepts.some((o) => o.stem === c.stem)) continue;
      concepts.push(c);
    }
    const found = findTopic(normalized, content, concepts);
    const topic = found?.topic;
    let speaker: string | undefined;
    for (const c of concepts) {
      speaker ??= speakerOfTerm.get(c.stem);
    }

    // Questions with nothing but a form ("when?", "quotes", "timeline"): the whole list of that form.
    const subjects = concepts.filter((c) => !c.marker && !(found?.listing && c.matched && topicOfLabelStems.get(c.stem) === topic?.id));
    if (subjects.length === 0) {
      if (intent === 'when') {
        // "quand l'AGI": the topic's dated facts, or all of them when it has none.
        const ofTopic = topic ? dated.filter((i) => topicMask(topic.id)[i]) : [];
        return result(ofTopic.length > 0 ? ofTopic : dated, () => 1, topic);
      }
      if (intent === 'quote' && !speaker) return result(quotes, () => 1, topic);
      if (concepts.length === 0) return result([], () => 0);
    }

    // Relevance cut-off: the base must know enough of what is asked.
    const known = concepts.reduce((a, c) => a + (c.matched ? c.weight : 0), 0);
    const asked = concepts.reduce((a, c) => a + c.weight, 0);
    const coverage = asked > 0 ? known / asked : 0;
    const listing = found?.listing === true;
    // Lone letters and digits ("2>&1", "a b c") are not a question about anything.
    if (concepts.every((c) => c.token.length === 1)) return result([], () => 0);
    if (coverage < MIN_COVERAGE && !listing) {
      corrections.length = 0; // "paris → praise" is no help when nothing is found
      return result([], () => 0);
    }

    const touched: number[] = [];
    // Rarest concepts first. Once rare words have found candidates, a very common word only scores
    // those candidates: a fact with none of the rare words cannot be what the question is about.
    const postings = (c: Concept) => c.expansions.reduce((a, [t]) => a + index.df(t), 0);
    const ordered = concepts
      .filter((c) => c.matched)
      .map((c) => ({ c, size: postings(c) }))
      .sort((a, b) => a.size - b.size);
    const large = Math.max(LARGE_POSTINGS, LARGE_SHARE * n);
    for (const { c, size } of ordered) {
      const seen: number[] = [];
      const candidates = size > large && touched.length > 0 && touched.length < size / 8 ? touched.slice() : undefined;
      for (const [t, w] of c.expansions) {
        if (candidates) index.maxIntoDocs(t, w, acc, candidates, seen);
        else index.maxInto(t, w, acc, seen);
      }
      for (const d of seen) {
        if (total[d] === 0) touched.push(d);
        total[d]! += acc[d]!;
        acc[d] = 0;
      }
    }
    try {
      // Boosts: what the question form asks for, the named speaker, the named topic.
      const kindBoost = intent === 'figure' ? hasFigures : intent === 'quote' ? isQuote : intent === 'when' ? isDated : undefined;
      const kindFactor = intent === 'when' ? 1.3 : 1.5;
      const sp = speaker !== undefined ? speakerIds.get(speaker)! : -2;
      const mask = topic ? topicMask(topic.id) : undefined;
      // Quotes are opinions by nature: asking for them is asking for opinions.
      const usePrior = intent !== 'quote' && speaker === undefined;
      // Only words that most of the base shares ("deal", "nvidia", "partners"): the question is about the deal itself.
      // Form words count here: "le montant de l'accord" asks for a figure, not for the overview.
      const matched = concepts.filter((c) => c.matched);
      const general = subjects.some((c) => c.matched) && matched.every(sharedByOverview);
      for (const d of touched) {
        let v = total[d]!;
        if (kindBoost && kindBoost[d]) v *= kindFactor;
        if (speakerOf[d] === sp) v *= 2;
        if (mask && mask[d]) v *= 1.5;
        if (usePrior) v *= prior[d]!;
        total[d] = v;
      }
      // A question about the deal as a whole ("what is the deal", "who are the partners") is answered
      // like the overview: its headline facts first, in the base's order, above every other match.
      if (general && !listing) {
        let top = 0;
        const heads: number[] = [];
        for (const d of touched) {
          top = Math.max(top, total[d]!);
          if (isHeadline[d]) heads.push(d);
        }
        heads.sort((a, b) => a - b);
        heads.forEach((d, rank) => (total[d] = top * (1 + 0.05 * (heads.length - rank))));
      }
      const s = (i: number) => total[i]!;

      // `/deal <topic>`: the topic's facts, best matching first.
      if (listing && topic) {
        // A topic page leads with its headline figures, then its other figures, then the rest.
        const key = (i: number) => (isHeadline[i]! * 2 + hasFigures[i]!) * 1e9 + s(i);
        const list = topK(factsOfTopic.get(topic.id) ?? [], key, limit);
        if (intent === 'when') list.sort((a, b) => (isDated[a] && isDated[b] ? byDate(a, b) : isDated[b]! - isDated[a]! || a - b));
        return result(list, s, topic, speaker);
      }

      let best = topK(touched, s, Math.max(limit * 4, 64));
      const unit = intent === 'figure' ? askedUnit(tokens, concepts) : undefined;
      if (unit) {
        // The word and its near-synonyms only: a topic's related words ("homes" → gigawatt) are not the unit asked.
        const near = unit.expansions.filter(([, w]) => w >= 0.5).map(([t]) => t);
        for (const d of best) if (hasFigures[d] && near.some((t) => figureTerms(d).has(t))) total[d]! *= ASKED_UNIT_BOOST;
        best.sort((a, b) => s(b) - s(a) || a - b);
      }
      const top = best.length ? s(best[0]!) : 0;
      if (top <= 0) return result([], () => 0, topic, speaker);
      best = best.filter((i) => s(i) >= top * (intent === 'when' ? REL_CUT_WHEN : REL_CUT));
      if (intent === 'quote' && best.some((i) => facts[i]!.kind === 'quote')) best = best.filter((i) => facts[i]!.kind === 'quote');
      // Same date: the better match first ("first phase" before "Vera Rubin platform", both H2 2026).
      if (intent === 'when' && best.some((i) => facts[i]!.when)) best = best.filter((i) => facts[i]!.when).sort((a, b) => byDate(a, b, s));
      return result(best, s, topic, speaker);
    } finally {
      for (const d of touched) total[d] = 0;
    }
  }

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
    detectLang(text) {
      try {
        return guessLang(String(text ?? ''), vocab) ?? 'en';
      } catch {
        return 'en';
      }
    },
    suggest(partial, limit, lang) {
      try {
        const text = String(partial ?? '');
        return suggestFor(engine, text, limit, guessLang(text, vocab) ?? (lang === 'fr' ? 'fr' : 'en'));
      } catch {
        return [];
      }
    },
  };
  return engine;
}

/** The concept a "how many X" / "combien de X" question counts: the first subject word after the question form. */
function askedUnit(tokens: readonly string[], concepts: readonly Concept[]): Concept | undefined {
  let at = -1;
  for (let i = 0; i < tokens.length && at < 0; i++) {
    if (tokens[i] === 'combien') at = i + 1;
    else if (tokens[i] === 'how' && (tokens[i + 1] === 'much' || tokens[i + 1] === 'many')) at = i + 2;
  }
  if (at < 0) return undefined;
  for (let i = at; i < tokens.length; i++) {
    if (STOP_WORDS.has(tokens[i]!)) continue;
    const c = concepts.find((k) => k.token === tokens[i]);
    return c?.matched && !c.marker ? c : undefined;
  }
  return undefined;
}

function clampLimit(limit: unknown): number {
  const l = typeof limit === 'number' && Number.isFinite(limit) ? Math.floor(limit) : DEFAULT_LIMIT;
  return Math.min(Math.max(l, 1), MAX_LIMIT);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
