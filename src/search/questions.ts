// A message asking two things at once ("What's being deployed, the money or the hardware? And how much power?"):
// each question is answered on its own and the answers are interleaved, so neither hides the other.
import type { SearchHit, SearchOptions, SearchResult } from './types.ts';

/** A question of its own has at least this many words; "Dollars?", "really?", "Into whom?" lean on the one before. */
const MIN_WORDS = 4;
/** At most this many questions are answered from one message (a list of ten is not a conversation). */
const MAX_QUESTIONS = 3;

/** ", and is it…", ", et c'est…": a comma, "and"/"et", then a question's opening. */
const JOINED = /,\s+(?=(?:and|et)\s+(?:c['’]est|est-ce|is|are|was|does|did|when|what|what['’]s|how|where|who|which|quand|combien|quel|quelle|quels|quelles|qui|où|ou|comment)\b)/iu;
/** A part with a question word among its first five words ("et ca tourne sur quelle plateforme"). */
const WH_START = /^(?:(?:and|et|mais|but|so|alors)\s+)?(?:\S+\s+){0,4}?(?:what|when|where|which|who|how|quoi|quand|combien|quel|quelle|quels|quelles|qui|comment|pourquoi|why)\b/iu;

/**
 * The questions a message asks: each sentence ending with "?" (whatever leads into the first stays with it), a
 * last one with a question word and no "?", and questions joined by ", and"/", et"; [] when it asks fewer than
 * two of its own, or more than three. Never throws.
 */
export function questionsOf(message: string): string[] {
  const parts: string[] = [];
  for (const p of message.split(/(?<=\?)\s+/u).map((x) => x.trim()).filter(Boolean)) {
    // A "?" inside quotes ("la partie « Et demain ? »") ends no question: the closing quote rejoins it.
    if (parts.length > 0 && /^[»”"’')\]]/u.test(p)) parts[parts.length - 1] += ` ${p}`;
    else parts.push(p);
  }
  // The last part asks too when it opens on a question word, "?" or not ("…?? et ca tourne sur quelle plateforme");
  // "how much is it, and is it signed?" asks two things joined by "and"/"et" after a comma.
  const asked = parts
    .filter((p, i) => /\?\s*$/u.test(p) || (i === parts.length - 1 && i > 0 && WH_START.test(p)))
    .flatMap((p) => p.split(JOINED).map((x) => x.trim()).filter(Boolean));
  if (asked.length < 2 || asked.length > MAX_QUESTIONS) return [];
  // A short one ("really?", "Into whom?", "Dollars?") leans on the question before it: the message is one question.
  if (asked.some((p) => (p.match(/[\p{L}\p{N}]+/gu) ?? []).length < MIN_WORDS)) return [];
  return asked;
}

/**
 * How a follow-up naming something else opens, on folded text ("what about", "et pour", "quid de"): read both in a
 * thread (src/core/follow-up.ts) and inside one message (followUpOf). Longest first.
 */
export const FOLLOW_UP_LEADS = 'and\\s+what\\s+about|what\\s+about|how\\s+about|and\\s+for|et\\s+pour|et\\s+du\\s+cote\\s+de|et\\s+cote|et\\s+chez|et\\s+de|quid\\s+de|what\\s+of|and|et';

/** "…? Et Nvidia alors ?", "…? What about Oracle?": a short follow-up naming another thing to ask the same of. */
const FOLLOW_UP = new RegExp(`^(?:${FOLLOW_UP_LEADS})\\s+(?:(?:l['’]|le |la |les |the )\\s*)?([\\p{L}\\p{N}][\\p{L}\\p{N}&.' -]{0,38}?)(?:\\s*,?\\s+(?:alors|then|too|aussi|lui|elle|itself|dans tout [çc]a|in all this))?\\s*\\?*$`, 'iu');

/**
 * The question with the names it asks about replaced by `replacement` (the first one replaced, the others dropped):
 * "how much will Nvidia invest?" asked of Oracle. Undefined when it names none of `names` (as the focus read them).
 */
export function swapNames(question: string, names: readonly string[], replacement: string): string | undefined {
  let out = question;
  let swapped = false;
  for (const name of names) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');
    if (!re.test(out)) continue;
    out = out.replace(re, swapped ? '' : replacement).replace(/\s+/g, ' ').trim();
    swapped = true;
  }
  return swapped ? out : undefined;
}

/**
 * A question followed by a short follow-up that names something else to ask it of ("Did Broadcom go up? Et
 * Nvidia alors ?"): the question and the name as written; undefined for any other message. Pure text: the engine
 * decides whether the name is one it knows and what it replaces.
 */
export function followUpOf(message: string): { first: string; named: string } | undefined {
  const parts = message.split(/(?<=\?)\s+/u).map((x) => x.trim()).filter(Boolean);
  if (parts.length !== 2 || !/\?\s*$/u.test(parts[0]!)) return undefined;
  // The leads are written folded ("et du cote de"): accents are taken off the follow-up, case kept.
  const m = FOLLOW_UP.exec(parts[1]!.normalize('NFD').replace(/\p{M}/gu, ''));
  if (!m || m[1]!.trim().split(/\s+/u).length > 4) return undefined;
  return { first: parts[0]!, named: m[1]!.trim() };
}

/** Interleaves results' hits, each one's best first, up to `limit` distinct facts. */
export function interleave(results: readonly SearchResult[], limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  for (let i = 0; hits.length < limit && results.some((r) => i < r.hits.length); i++) {
    for (const r of results) {
      const h = r.hits[i];
      if (h && !seen.has(h.fact.id) && hits.length < limit) {
        seen.add(h.fact.id);
        hits.push(h);
      }
    }
  }
  return hits;
}

/**
 * Answers each question of a message alone; when at least two of them answer, their hits are interleaved
 * (each one's best first), up to `limit`. Undefined when the message is one question, or only one of its
 * questions answers: then the message is answered whole.
 */
export function eachQuestion(
  message: string,
  opts: SearchOptions,
  limit: number,
  once: (q: string, o: SearchOptions) => SearchResult,
): { results: SearchResult[]; hits: SearchHit[] } | undefined {
  const questions = questionsOf(message);
  if (questions.length === 0) return undefined;
  const results = questions.map((q) => once(q, opts)).filter((r) => r.hits.length > 0);
  if (results.length < 2) return undefined;
  return { results, hits: interleave(results, limit) };
}
