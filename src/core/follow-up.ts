// Follow-ups in a thread: "and in French?", "what about Oracle?", "when?", "who said that?",
// "plus de détails ?" are read with what the thread was about. This layer only rewrites the text
// (and picks the language, or the facts to leave out) before the engine is asked, through the
// engine's public API (explain's focus items, detectLang): the engine itself knows no threads.
// A context is kept per thread key (platform, workspace, channel, thread or reply chain) with an
// expiry, so it never crosses threads, channels or users' DMs.
import { z } from 'zod';
import { Lang } from '../facts/schema.ts';
import { FOLLOW_UP_LEADS, swapNames } from '../search/questions.ts';
import type { QuestionEngine } from '../search/types.ts';
import { fold } from './clean-text.ts';

/** What a thread is about: the question as last answered, its language, the facts shown, who asked. */
export const ThreadContext = z.object({
  /** The question as the engine last read it ("how much will Nvidia invest?"). */
  subject: z.string().min(1).max(500),
  lang: Lang,
  /** Facts already shown in the thread ("more details" leaves them out). */
  factIds: z.array(z.string()).max(200),
  /** Who asked in this thread (their replies need not mention the bot). */
  askers: z.array(z.string()).max(10),
  /** The deal the thread is about, when the base holds several (a follow-up is asked of it). */
  deal: z.string().max(100).optional(),
});
export type ThreadContext = z.infer<typeof ThreadContext>;

export type FollowUpMode = 'language' | 'more' | 'swap' | 'form' | 'anaphora';

/** A follow-up read in context: the text to ask, in which language, leaving out which facts. */
export interface FollowUp {
  mode: FollowUpMode;
  text: string;
  lang: Lang;
  /** Facts not to show again ("more details"). */
  exclude: string[];
  /** The thread's subject it follows up on (said in the answer). */
  previous: string;
}

const LANGS: [RegExp, Lang][] = [
  [/\b(?:french|francais|fr)\b/, 'fr'],
  [/\b(?:english|anglais|en anglais|in english)\b/, 'en'],
];
/** "and in French?", "en anglais stp", "can you say that in english", "translate to french", "en français ?" */
const LANGUAGE_SWITCH = /^(?:(?:and|et|ok|okay|now|maintenant|puis)\s+)?(?:(?:can|could)\s+you\s+)?(?:(?:say|repeat|give|answer|translate|write|redis|traduis|reponds|dis)\w*\s+(?:(?:it|that|this|ca|cela|le|la|moi)\s+)?(?:(?:it|that|this|ca|cela)\s+)?)?(?:in|en|to|into)\s+(?:french|francais|english|anglais)(?:\s+(?:please|pls|stp|svp|s'il (?:te|vous) plait))?$/;
/** "more details?", "tell me more", "go on", "plus de détails ?", "dis-m'en plus", "encore ?" */
const MORE = /^(?:(?:and|et|ok|okay)\s+)?(?:(?:can|could)\s+you\s+)?(?:(?:tell|give|show)\s+(?:me\s+)?more(?:\s+(?:details|detail|info|information|about\s+(?:it|that|this)))?|more(?:\s+(?:details|detail|info|information|please))?|go\s+on|anything\s+else|what\s+else|details|(?:plus|davantage)\s+de\s+(?:details|precisions|infos?|informations)|(?:en\s+)?dis[- ]m'?en\s+plus|encore|quoi\s+d'autre|autre\s+chose|et\s+sinon|d'autres\s+(?:faits|infos?))(?:\s+(?:please|pls|stp|svp))?$/;
/** "what about Oracle?", "and SoftBank?", "how about AMD", "et pour Oracle ?", "quid de Microsoft" */
const SWAP = new RegExp(`^(?:${FOLLOW_UP_LEADS})\\s+(.+)$`);
/** Words pointing back at what was said: "that", "it", "ça", "cela"… */
const ANAPHORA = /\b(?:that|it|this|those|these|they|them|ca|cela|ceci|celui-ci|celle-ci|ils|elles)\b/;
/** How a question starts when it asks something (an unmentioned thread reply is answered only then). */
const QUESTION_START = /^(?:what|when|who|whom|whose|how|why|which|where|is|are|was|were|does|do|did|can|could|will|would|should|has|have|quoi|quand|qui|que|quel|quelle|quels|quelles|combien|comment|pourquoi|ou|est-ce|c'est|y a-t-il)\b/;

/** The text folded for matching: no accents or case, apostrophes straight, no end punctuation. */
function plain(text: string): string {
  return fold(text)
    .replace(/[’‘`]/g, "'")
    .replace(/[?!.…¿¡,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a thread reply that did not mention the bot still reads as something asked of it. */
export function readsAsQuestion(text: string): boolean {
  const p = plain(text);
  if (!p) return false;
  return /[?？]\s*$/.test(text.trim()) || LANGUAGE_SWITCH.test(p) || MORE.test(p) || QUESTION_START.test(p);
}

/** The words of a question the engine reads as its subject (its focus items), e.g. "nvidia invest". */
function subjectTerms(engine: QuestionEngine, question: string, lang: Lang): string {
  const focus = engine.explain(question, { lang }).focus.filter((f) => f.known);
  return focus.map((f) => f.text).join(' ');
}

/** Replaces the entities the previous subject names with the new one ("how much will Nvidia invest?" + Oracle). */
function swapEntities(engine: QuestionEngine, previous: string, lang: Lang, replacement: string): string {
  const entities = engine.explain(previous, { lang }).focus.filter((f) => f.kind === 'entity' && f.known);
  return swapNames(previous, entities.map((e) => e.text), replacement) ?? `${previous.replace(/[?？]\s*$/, '').trim()} ${replacement}`;
}

/** A focus entity as the base writes its name ("oracle" → "Oracle"), else as read. */
function entityName(engine: QuestionEngine, f: { text: string; terms: string[] }): string {
  const id = f.terms.find((term) => term.startsWith('@'))?.slice(1);
  return (id && engine.base.parties.get(id)?.name) || f.text;
}

const answered = (engine: QuestionEngine, text: string, lang: Lang) => engine.search(text, { lang, limit: 1 }).hits.length > 0;

/**
 * Reads `text` as a follow-up of the thread's context, or returns undefined when it stands on its
 * own (a new question: it becomes the thread's subject). Never throws.
 */
export function readFollowUp(text: string, ctx: ThreadContext, engine: QuestionEngine): FollowUp | undefined {
  try {
    return read(text, ctx, engine);
  } catch {
    return undefined;
  }
}

function read(text: string, ctx: ThreadContext, engine: QuestionEngine): FollowUp | undefined {
  const p = plain(text);
  if (!p) return undefined;
  const base = { previous: ctx.subject, exclude: [] as string[] };
  if (LANGUAGE_SWITCH.test(p)) {
    const lang = LANGS.find(([re]) => re.test(p.replace(/^.*\b(?:in|en|to|into)\s+/, '')))?.[1] ?? ctx.lang;
    return { ...base, mode: 'language', text: ctx.subject, lang };
  }
  const lang = engine.detectLang(text, ctx.lang);
  if (MORE.test(p)) return { ...base, mode: 'more', text: ctx.subject, lang, exclude: ctx.factIds };

  const explained = engine.explain(text, { lang });
  const focus = explained.focus.filter((f) => f.known || f.kind !== 'unknown noun');
  const swap = SWAP.exec(p);
  if (swap && focus.length > 0 && focus.every((f) => f.kind === 'entity')) {
    const named = focus.map((f) => entityName(engine, f)).join(' ');
    return { ...base, mode: 'swap', text: swapEntities(engine, ctx.subject, ctx.lang, named), lang };
  }
  const terms = subjectTerms(engine, ctx.subject, ctx.lang);
  if (!terms) return undefined;
  const asksSomething = explained.markers.length > 0 || explained.form.intent !== 'general' || explained.form.ask !== 'any';
  // Only a question form ("when?", "who said that?", "how much?"): it asks it of the subject.
  if (explained.focus.length === 0 && asksSomething) {
    const form = text.replace(/[?？!.]+\s*$/, '').replace(/\b(?:that|it|this|ça|ca|cela)\b/giu, ' ');
    return { ...base, mode: 'form', text: `${form} ${terms}`.replace(/\s+/g, ' ').trim(), lang };
  }
  // Pointing back ("what does it cost?"): as it stands when that is answered, else with the subject.
  if (ANAPHORA.test(p) && p.split(' ').length <= 8 && !answered(engine, text, lang)) {
    return { ...base, mode: 'anaphora', text: `${text.replace(/[?？!.]+\s*$/, '').trim()} ${terms}`, lang };
  }
  return undefined;
}

/** What the thread is about after this answer. */
export function nextContext(previous: ThreadContext | undefined, asked: { subject: string; lang: Lang; factIds: readonly string[]; asker: string; more: boolean; deal?: string }): ThreadContext {
  const askers = [asked.asker, ...(previous?.askers ?? []).filter((a) => a !== asked.asker)].slice(0, 10);
  const factIds = asked.more && previous ? [...new Set([...previous.factIds, ...asked.factIds])].slice(-200) : [...asked.factIds];
  return { subject: asked.subject.slice(0, 500), lang: asked.lang, factIds, askers, ...(asked.deal ? { deal: asked.deal } : {}) };
}
