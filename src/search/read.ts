// Reading a question: the text a chat user typed becomes normalised tokens (mention syntax, the
// "/deal" prefix, accents and chat spellings handled), its language and its form.
import type { Lang } from '../facts/schema.ts';
import { confirmsOnly, readForm, type QuestionForm } from './form.ts';
import { guessLang } from './lang.ts';
import { CHAT_SPELLINGS } from './lexicon.ts';
import { normalizeText, queryTokens, tokenize, MAX_QUERY_CHARS, MAX_QUERY_TOKENS } from './normalize.ts';
import { isDictionaryWord } from './dictionary.ts';
import { getYearPhrases } from './morphology.ts';
import { isFiller } from './fillers.ts';
import { STOP_WORDS } from './stopwords.ts';
import { editDistance, isSwap } from './typo.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Reading {
  /** The text searched: at most 2,000 characters of the input, without a leading "/deal". */
  raw: string;
  /** Normalised (no accents, no punctuation, lower case), at most 500 characters. */
  normalized: string;
  /** Normalised tokens with chat spellings spelt out ("koi" → "quoi"), stop words kept, at most 40. */
  tokens: string[];
  /**
   * 1 for a token of a clause around the question (context: "I'm a retail investor and a bit lost."); CONCEDED
   * for a remark conceded before "but" ("Oracle jumped 6 %, but…"), whose company stays asked about.
   */
  context: number[];
  /** Chat spellings that were spelt out, as [typed, read]. */
  spellings: [string, string][];
  lang: Lang;
  form: QuestionForm;
}

const SPELLED = new Map(Object.entries(CHAT_SPELLINGS).map(([k, v]) => [k, tokenize(normalizeText(v))]));

/** Never throws: any input (non-strings included) reads as some question, maybe empty. */
/**
 * Symbols and abbreviated ordinals as words: "%" and "$" would be dropped by normalising ("cb de % en bourse",
 * "in $"); "1ère phase", "2nd phase" would split into a digit and a suffix.
 */
const KEEP_DOING = /\bkeeps?\s+(?!(?:ris|climb|fall|go|grow|dropp|slid|gain|los|increas|decreas|sink|soar|jump)ing\b)(\p{L}+ing)\b/giu;

const QUOTED_WORD = /\b(?:le mot|le terme|l['’]expression|la formule|the word|the term|the phrase|the expression)\s*(?=[«"“‘'])/giu;
const NOT_THE = /(^\s*|[,(—–:;]\s*|\s-\s*)(not|pas)\s+(?=(?:the|la|le|les|l['’]|un|une|a|an|des|du)\b)/giu;

function words(raw: string): string {
  // Acronyms that would normalise into stop words: "EU" is not French "eu" (had), "US" not "us".
  let t = /\b(?:EU|UE|US|USA)\b/.test(raw) ? raw.replace(/\bEU\b/g, 'European Union').replace(/\bUE\b/g, 'Union européenne').replace(/\bUSA?\b/g, 'United States') : raw;
  // A channel named in chat ("a debate in #general", "vu dans #bourse") is where, not what, is asked.
  if (t.includes('#')) t = t.replace(/(?<![\p{L}\p{N}&])#\p{L}[\p{L}\p{N}_-]*/gu, ' ');
  if (/[%$€]/.test(t)) t = t.replace(/%/g, ' percent ').replace(/\$/g, ' dollars ').replace(/€/g, ' euros ');
  // "I keep hearing about…", "my boss keeps asking…": "keep" before a verb in -ing is no loyalty kept.
  // ("keep rising" stays: a move that goes on is a forecast.)
  t = t.replace(KEEP_DOING, '$1');
  // "t'en penses quoi", "t'as vu": the asker addressed as "tu", which normalising would drop with the elision.
  if (/\bt['’](?:en|as|es|y)\b/i.test(t)) t = t.replace(/\bt['’](?=(?:en|as|es|y)\b)/gi, 'tu ');
  // "Le mot « leader » apparaît", "the term 'record'": a word quoted from the article is its subject, no word missing.
  t = t.replace(QUOTED_WORD, ' ');
  // "Sur le plan climatique", "au plan juridique": regarding, no plan.
  t = t.replace(/\b(?:sur le|au) plan (?=\p{L})/giu, 'concernant ');
  // "…, not the stock move", "(pas le cours de Bourse, hein)", "Pas la hausse de l'action : …": a "not" opening a
  // clause or an aside sets its noun phrase aside; after a verb ("n'achète pas les puces") it is a negation.
  t = t.replace(NOT_THE, (_m, lead: string, not: string) => `${lead}${/^pas$/i.test(not) ? 'sauf' : 'excluding'} `);
  if (/\d(?:er|ère|ere|re|st|nd|rd|th|e|ème|eme|è)\b/i.test(t)) {
    t = t
      .replace(/\b1(?:er|ère|ere|re)\b/gi, ' premier ')
      .replace(/\b1st\b/gi, ' first ')
      .replace(/\b2nd\b/gi, ' second ')
      .replace(/\b2(?:e|ème|eme|è)\b/gi, ' deuxième ');
  }
  return t;
}

/** Question words whose misspellings are worth repairing before the form is read ("combein", "wat"). */
const QUESTION_WORDS = ['what', 'when', 'where', 'which', 'who', 'why', 'how', 'much', 'many', 'quand', 'combien', 'comment', 'pourquoi', 'quoi', 'quel', 'quelle', 'qui'];

/**
 * A misspelt question word ("combein", "wat", "pourquio"), when the word is neither known to the base
 * nor a word of English or French (unless two letters were swapped).
 */
function questionWord(tok: string, knows?: (token: string) => boolean): string | undefined {
  if (tok.length < 3 || STOP_WORDS.has(tok) || !/^[a-z]+$/.test(tok)) return undefined;
  for (const q of QUESTION_WORDS) {
    if (Math.abs(q.length - tok.length) > 1 || editDistance(tok, q, 1) > 1) continue;
    if (knows?.(tok)) return undefined;
    if (isDictionaryWord(tok) && !isSwap(tok, q)) return undefined;
    return q;
  }
  return undefined;
}

/** Clause boundaries: sentence ends, semicolons and colons, dashes between spaces, line breaks. */
// Sentences, lead-ins ("Sell-side here:", "A single gigawatt —"), and a comma before the asker turns to
// the question ("je fais une revue de presse pour une radio belge, et je voudrais savoir…"), or turns
// from a remark to it ("I'm a bit skeptical of Altman, but what did he say?").
// An emoji ends what came before it ("Je lis ça dans le métro 🚇 rappelle-moi…").
const CLAUSES = /(?<=[.!?;:…])\s+|\s+[—–-]\s+|\n+|,\s+(?=(?:et|and|mais|but|so|donc|alors)\s+(?:je|j['’]|i|we|on|nous)\b)|,\s+(?=(?:tu peux|peux-tu|pouvez-vous|vous pouvez|can you|could you|would you)\b)|,\s+(?=(?:but|mais)\s+(?:(?:in|on|at|for|with|from|by|of|à|a|de|en|pour|avec|dans|sur|par)\s+)?(?:what|when|why|how|who|which|quoi|quand|comment|pourquoi|qui|quel|quelle|quels|quelles|combien|est-ce|is|are|does|do|did|can|will|has)\b)|\s*\p{Extended_Pictographic}[\p{Extended_Pictographic}\u200d\ufe0f\s]*/iu;
/**
 * "Bonjour, je prépare un exposé pour mon club, quel type d'actions…", "I'm writing a memo for my team, what…": a
 * part in the first person before a comma and a question word presents the asker; the question starts after it.
 * A lead-in not in the first person ("Hormis Nvidia et Microsoft, avec qui…"), or one that reports what is asked
 * about ("mon voisin soutient que…, qui a raison ?"), stays with its question.
 */
function afterAskerLeadIn(part: string): string[] {
  const m = WH_AFTER_COMMA.exec(part);
  if (!m) return [part];
  const before = part.slice(0, m.index);
  return FIRST_PERSON_RAW.test(before) && !WH_OPENING.test(before) && !REPORTS_CONTENT.test(before) ? [before, part.slice(m.index + m[0].length)] : [part];
}
/** "mon voisin soutient que c'est une promesse, qui a raison ?": the part states what the question is about. */
const REPORTS_CONTENT = /(?:^|[^\p{L}])(?:que|qu['’]|that|whether|if|si)(?:[^\p{L}]|$)/iu;
/** Question words that open a question after a comma (WH, less "where", "whom", "whose"). */
const OPENING_WH = ['what', 'when', 'which', 'who', 'why', 'how', 'quoi', 'quand', 'combien', 'comment', 'pourquoi', 'quel', 'quelle', 'quels', 'quelles', 'qui'];
const WH_WORDS = OPENING_WH.join('|');
const WH_AFTER_COMMA = new RegExp(`,\\s+(?=(?:${WH_WORDS})\\b)`, 'iu');
/** The part already asks ("Quand Nvidia investit, combien…" is one question). */
const WH_OPENING = new RegExp(`(?:^|[^\\p{L}])(?:${WH_WORDS})(?:[^\\p{L}]|$)`, 'iu');

const WH = new Set([...OPENING_WH, 'where', 'whom', 'whose']);

/**
 * Whether a lead-in introduces the asker, not the topic: "Procurement manager:", "I'm a corporate lawyer:",
 * "Sell-side here:", "Ingénieur hardware :" — first person, "here", or a job title.
 */
function persona(c: Clause): boolean {
  // A job title presents the asker when it opens the lead-in ("Procurement manager:"), not after an article
  // ("the analyst quoted at the end —" is the topic).
  return c.firstPerson || c.tokens.some((t) => FIRST_PERSON.has(t)) || PERSONA.has(c.tokens[0] ?? '') || PERSONA.has(c.tokens[1] ?? '') || questionFrom(c.tokens) || forPurpose(c.tokens);
}

/** "For a Brussels policy memo:", "pour un article :": what the answer is for, not what is asked. */
function forPurpose(tokens: readonly string[]): boolean {
  return (tokens[0] === 'for' || tokens[0] === 'pour') && tokens.slice(1, 6).some((t) => PURPOSES.has(t));
}
const PURPOSES = new Set(
  `memo memos note newsletter thesis essay deck slides slide presentation briefing report podcast blog post article piece
  expose memoire rapport presentation billet papier chronique dossier fiche`.split(/\s+/),
);

/** "question de juriste :", "question from a trader:": whose question it is. */
function questionFrom(tokens: readonly string[]): boolean {
  const at = tokens.findIndex((t) => t === 'question' || t === 'questions' || t === 'q');
  if (at < 0 || at > 4 || !['de', 'd', 'from', 'of', 'dun', 'une', 'un'].includes(tokens[at + 1] ?? '')) return false;
  return tokens.slice(at + 2, at + 4).some((t) => PERSONA.has(t));
}
const FIRST_PERSON = new Set(['i', 'im', 'me', 'my', 'here', 'pov', 'perspective', 'speaking', 'je', 'moi', 'mon', 'ma', 'perso', 'ici']);
const PERSONA = new Set(
  `i im me my here pov perspective speaking je moi mon ma perso ici manager engineer student lawyer attorney trader investor
  teacher professor journalist reporter activist operator officer consultant banker developer dev researcher designer
  founder intern retiree analyst economist accountant auditor cfo pm procurement ingenieur gerant etudiant etudiante avocat
  avocate fonctionnaire militante militant prof enseignant enseignante journaliste chercheur chercheuse banquier developpeur
  stagiaire retraite retraitee operateur responsable directeur directrice economiste comptable gestionnaire juriste
  producer host paralegal notary salesperson salesman technician producteur productrice animateur animatrice notaire vendeur
  vendeuse technicien technicienne`.split(/\s+/),
);

/** "Tu peux m'aider ?", "can you help me out?": a clause asking only for help asks about nothing. */
function helpOnly(tokens: readonly string[]): boolean {
  return tokens.some((t) => HELP.has(t)) && tokens.every((t) => HELP.has(t) || STOP_WORDS.has(t) || isFiller(t));
}
const HELP = new Set(['aider', 'aide', 'aidez', 'help', 'helping', 'svp', 'stp', 'please', 'peux', 'pouvez', 'pourrais', 'pourriez', 'can', 'could']);

/** Third-person pronouns that point back to a person named earlier ("…, but what did he say?"). */
const PRONOUNS = new Set(['he', 'she', 'him', 'his', 'her', 'il', 'elle', 'lui']);
/** "il y a", "il faut": no one. */
const IMPERSONAL = new Set(['y', 'faut', 'semble', 'parait', 'reste']);

/** Verbs before an inverted French pronoun ("est-il", "a-t-il"): the pronoun is the verb's subject there. */
const INVERTED_AFTER = new Set(['t', 'est', 'a', 'va', 'sera', 'etait', 'peut', 'doit', 'fait', 'serait', 'aurait', 'pourrait']);

/** Whether token `i` is a pronoun pointing back to someone named before. */
export function pointsBack(tokens: readonly string[], i: number): boolean {
  const t = tokens[i]!;
  if (!PRONOUNS.has(t) || IMPERSONAL.has(tokens[i + 1] ?? '')) return false;
  return !((t === 'il' || t === 'elle') && INVERTED_AFTER.has(tokens[i - 1] ?? ''));
}

/** "It" and the verbs of a question about how something named before works or what it means. */
const IT = new Set(['ca', 'it', 'this', 'that', 'cela', 'ce']);
const WORKS = new Set(['marche', 'fonctionne', 'work', 'works', 'mean', 'means', 'signifie', 'veut', 'dire', 'concretement', 'exactly', 'exactement']);

const CONTRAST = new Set(['but', 'mais']);
/** Context value of a remark conceded before "but": the company it names stays the subject ("…, but what of its influence?"). */
export const CONCEDED = 2;

/** A clause this short before a question is its topic, not context. */
const TOPIC_TOKENS = 6;

/** Verbs (and "no idea") that report a question: "my boss keeps asking how much…", "je me demande quand…". */
const REPORTING = new Set(
  `ask asks asked asking wonder wonders wondered wondering know knows knew tell explain understand figure curious idea clue sure
  demande demandent demandait demandais demander savoir sait sais savais comprendre comprends compris expliquer explique dire dis idee`.split(/\s+/),
);

/**
 * Index of the WH word of a question reported inside a statement, with the reporting verb up to two words
 * before it ("asking me how much", "me demande combien", "wants to know when"), else 0. Only the clause's
 * first WH word counts, and not in the first two words: "how much…" asks directly.
 */
const PRESENTS = new Set(['suis', 'am', 'im']);
const ARTICLES = new Set(['a', 'an', 'un', 'une']);
const ASIDE_ENDS = new Set(['and', 'et', 'but', 'mais', 'so', 'donc', 'alors', 'who', 'qui', 'that', 'que']);
const FIRST_PERSON_RAW = /(^|[^\p{L}])(j['’]\s*\p{L}|je\s|i\s|i['’]m\s|my\s|mon\s|ma\s|mes\s)/iu;

/**
 * Tokens that present the asker, after "je suis", "I'm", an opening "en tant que" or "as a": a job title with or without its article
 * ("I'm a VC", "je suis étudiant en archi"), up to "and"/"et", a question word or 6 words. "I'm confused
 * about the timeline" presents nobody: an article or a job title must follow. Where the asker works stays
 * ("je bosse chez AMD, on est concernés ?" asks about AMD).
 */
export function asideOf(tokens: readonly string[]): boolean[] {
  const aside = tokens.map(() => false);
  const mark = (from: number) => {
    for (let k = from; k < tokens.length && k < from + 6 && !ASIDE_ENDS.has(tokens[k]!) && !WH.has(tokens[k]!); k++) aside[k] = true;
  };
  // "En tant que juriste en droit de la concurrence, …", "As a lawyer, …" opening the clause.
  if (tokens[0] === 'en' && tokens[1] === 'tant' && tokens[2] === 'que') mark(3);
  if (tokens[0] === 'as' && ARTICLES.has(tokens[1] ?? '')) mark(2);
  // "Producer here, …", "Notaire ici : …": a job title and "here" opening the clause.
  if (PERSONA.has(tokens[0] ?? '') && (tokens[1] === 'here' || tokens[1] === 'ici')) aside[0] = aside[1] = true;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!PRESENTS.has(tokens[i]!)) continue;
    const next = tokens[i + 1]!;
    if (ARTICLES.has(next) || PERSONA.has(next)) mark(i + 1);
  }
  // Where the asker's relative or friend lives: "mon beau-frère de Liège", "my cousin from Texas" (a place, nothing asked).
  for (let i = 0; i < tokens.length - 2; i++) {
    if (!RELATIVES.has(tokens[i]!) || !BEFORE_RELATIVE.has(tokens[i - 1] ?? '') || (tokens[i + 1] !== 'de' && tokens[i + 1] !== 'from')) continue;
    aside[i + 1] = aside[i + 2] = true;
  }
  // Who the answer is for: "for a data-center guy", "pour un néophyte".
  for (let i = 0; i < tokens.length - 1; i++) {
    if ((tokens[i] !== 'for' && tokens[i] !== 'pour') || !AUDIENCE_DETERMINERS.has(tokens[i + 1]!)) continue;
    const end = tokens.slice(i + 2, i + 6).findIndex((t) => AUDIENCES.has(t));
    if (end >= 0) for (let k = i; k <= i + 2 + end; k++) aside[k] = true;
  }
  return aside;
}
/** What comes before a relative of the asker's: a possessive, or the first half of "beau-frère", "belle-sœur". */
const BEFORE_RELATIVE = new Set(['my', 'mon', 'ma', 'our', 'notre', 'beau', 'belle']);
/** People of the asker's circle ("mon beau-frère", "my neighbour"). */
const RELATIVES = new Set(
  `frere soeur mari femme cousin cousine pere mere voisin voisine collegue pote ami amie oncle tante fils fille copain copine chum
  brother sister husband wife dad father mom mum mother neighbour neighbor colleague friend buddy mate uncle aunt son daughter`.split(/\s+/),
);
const AUDIENCE_DETERMINERS = new Set(['a', 'an', 'my', 'our', 'the', 'some', 'un', 'une', 'des', 'mon', 'ma', 'mes', 'nos', 'notre', 'les', 'le', 'la']);
/** People an answer is pitched at: "for a non-tech person", "pour des néophytes". */
const AUDIENCES = new Set(
  `guy guys gal person people crowd audience folks team newbie newbies beginner beginners layman laymen layperson kid kids child
  children grandma grandpa granny dummy dummies reader readers outsider outsiders novice novices non-expert non-experts exec execs
  neophyte neophytes debutant debutante debutants novice novices profane profanes enfant enfants gamin gamins mamie papy public
  lecteur lectrice lecteurs lectrices equipe gars personne personnes nul nuls client clients cliente clientes boss patron patronne listener
  listeners viewers auditeur auditeurs auditrice auditrices rundown`.split(/\s+/),
);

export function reportedFrom(tokens: readonly string[]): number {
  // "un auditeur qui demande si c'est signé", "asking whether it's final": a reported yes/no.
  const whether = tokens.findIndex((t, k) => WHETHER.has(t) && k >= 2 && REPORTING.has(tokens[k - 1]!));
  const i = tokens.findIndex((t) => WH.has(t));
  if (whether >= 0 && (i < 0 || whether < i)) return whether;
  if (i < 2) return Math.max(whether, 0);
  // "ça veut dire quoi ?" asks what the clause before means: "vouloir dire" is no reporting verb.
  for (let k = i - 1; k >= i - 3 && k >= 0; k--) if (REPORTING.has(tokens[k]!) && !(tokens[k] === 'dire' && MEAN.has(tokens[k - 1] ?? ''))) return i;
  return Math.max(whether, 0);
}
const WHETHER = new Set(['si', 'whether', 'if']);
const MEAN = new Set(['veut', 'veux', 'voulait', 'voudrait', 'voulez']);

interface Clause {
  tokens: string[];
  question: boolean;
  /** Where a question reported inside the clause starts ("my boss keeps asking | how much…"), else 0. */
  askedFrom: number;
  /** Tokens that present the asker ("je suis |étudiant en archi| et…", "I'm |a VC| and…"): context. */
  aside: boolean[];
  /** Written in the first person, elided French included ("J'ai des actions…"). */
  firstPerson: boolean;
  /** Ends a sentence of its own (not a lead-in to the question). */
  statement: boolean;
}

/**
 * Never throws: any input (non-strings included) reads as some question, maybe empty. `knows` tells
 * whether the base holds a token (so a word of the base is never taken for a misspelt question word).
 */
export function readQuestion(query: unknown, askerLang: Lang | undefined, vocab: Vocabulary, knows?: (token: string) => boolean): Reading {
  const typed = (typeof query === 'string' ? query : query == null ? '' : String(query)).slice(0, 2000).replace(/^\s*\/\s*deal\b/i, ' ');
  const raw = withoutHail(typed, knows);
  // "%" and "$" are words in a question ("cb de % en bourse", "in $"); normalising would drop them.
  const text = words(raw);
  const { normalized } = queryTokens(text);
  const spellings: [string, string][] = [];
  const parts = text.slice(0, MAX_QUERY_CHARS * 2).split(CLAUSES).flatMap(afterAskerLeadIn);
  // Where the asker marks questions with "?", a sentence without one only reports a question ("My son asked
  // me when computers will be as smart as people."); unmarked, any clause with a question word may ask.
  const marksQuestions = parts.some((c) => /\?\s*[.!]*\s*$/.test(c));
  const clauses = parts
    .map((c): Clause => {
      const tokens = spell(oneBeforeUnit(yearsInDigits(tokenize(normalizeText(c)), spellings), spellings), spellings, knows);
      // A statement ends a sentence ("My portfolio is bleeding today lol."); a lead-in ends with ":" or a dash.
      const statement = /[.!]\s*$/.test(c.trim()) && !/\?\s*[.!]*\s*$/.test(c.trim());
      // "that's what my group says": a relative "what" asks nothing.
      const wh = tokens.some((t, i) => WH.has(t) && !(t === 'what' && ['that', 's', 'is', 'thats', 'exactly'].includes(tokens[i - 1] ?? '')));
      const askedFrom = reportedFrom(tokens);
      // A lead-in ending with ":" introduces the question marked after it ("someone who doesn't follow tech: what…?").
      const leadIn = /:\s*$/.test(c.trim());
      const asks = askedFrom > 0 || /\?\s*[.!]*\s*$/.test(c) || (!(marksQuestions && (statement || leadIn)) && (wh || readForm(tokens, c).yesNo));
      return { tokens, statement, question: asks, askedFrom, aside: asideOf(tokens), firstPerson: FIRST_PERSON_RAW.test(c) };
    })
    .filter((c) => c.tokens.length > 0);
  const { tokens, context } = keepQuestion(clauses, knows);
  const langText = spellings.length ? `${raw} ${spellings.map(([, s]) => s).join(' ')}` : raw;
  const lang: Lang = guessLang(langText, vocab) ?? (askerLang === 'fr' ? 'fr' : 'en');
  // The form is read where the question is asked ("…I'm lost. Why does everyone say…?"): context clauses are blanked.
  const asked = context.includes(1) ? tokens.map((t, i) => (context[i] ? '' : t)) : tokens;
  return { raw, normalized, tokens, context, spellings, lang, form: readForm(asked, raw) };
}

/**
 * "Heya, how big…", "Yo! c'est quoi…": a word opening the message before a comma or "!" that is neither the
 * base's, nor a question word, nor any dictionary word is a greeting or a name the asker hails, not a subject.
 * A dictionary word stays ("Revenue, anyone?" asks for revenue).
 */
function withoutHail(text: string, knows?: (token: string) => boolean): string {
  const m = /^\s*([\p{L}]+)\s*[,!]+\s+(?=\S)/u.exec(text);
  if (!m || !knows) return text;
  const w = normalizeText(m[1]!);
  return knows(w) || WH.has(w) || isDictionaryWord(w) ? text : text.slice(m[0].length);
}

const ELIDING = ['qu', 'l', 'd', 'j', 'c', 's', 'n', 'm', 't'];

/**
 * French typed without its apostrophe: "laction" (l'action), "dopenai" (d'OpenAI), "cest" (c'est), and
 * the spoken "jcapte" (j'capte). Split only a word that is neither the base's nor a dictionary word, and
 * whose rest is one of them, after a vowel or h (or any letter after "j").
 */
function elided(tok: string, knows?: (token: string) => boolean): string[] | undefined {
  if (tok.length < 4 || !knows || knows(tok) || isDictionaryWord(tok)) return undefined;
  for (const p of ELIDING) {
    const rest = tok.slice(p.length);
    if (!tok.startsWith(p) || rest.length < 3) continue;
    if (p !== 'j' && !/^[aeiouyh]/.test(rest)) continue;
    // As normalising "l'action" does: the elided article goes, the word stays.
    if (knows(rest) || isDictionaryWord(rest)) return [rest];
  }
  return undefined;
}

/** "wtih", "teh", "adn": a small word of the language typed with two letters swapped (a word of neither list). */
function swappedStopWord(tok: string, knows?: (token: string) => boolean): string[] | undefined {
  if (tok.length < 3 || tok.length > 5 || !knows || knows(tok) || isDictionaryWord(tok)) return undefined;
  for (let i = 0; i + 1 < tok.length; i++) {
    const t = tok.slice(0, i) + tok[i + 1] + tok[i] + tok.slice(i + 2);
    if (STOP_WORDS.has(t)) return [t];
  }
  return undefined;
}

/** Units a French "un"/"une" counts when it stands before them: "un gigawatt" is 1 GW, not "a" gigawatt. */
const COUNTED_UNITS = new Set(['gigawatt', 'gigawatts', 'gw', 'megawatt', 'megawatts', 'mw', 'milliard', 'milliards', 'million', 'millions']);

/**
 * "Un gigawatt pour commencer", "un milliard" as the number 1: before a unit the French article is a count
 * (English "one" is a number word already). Elsewhere it stays an article ("arrive d'un coup").
 */
function oneBeforeUnit(tokens: readonly string[], spellings: [string, string][]): string[] {
  return tokens.map((t, i) => {
    if ((t !== 'un' && t !== 'une') || !COUNTED_UNITS.has(tokens[i + 1] ?? '')) return t;
    spellings.push([`${t} ${tokens[i + 1]}`, `1 ${tokens[i + 1]}`]);
    return '1';
  });
}

/** A year spelt out ("deux mille trente", "twenty thirty") as its digits, the longest spelling first. */
function yearsInDigits(tokens: readonly string[], spellings: [string, string][]): string[] {
  const years = getYearPhrases();
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let taken = 0;
    for (let n = Math.min(5, tokens.length - i); n >= 2 && taken === 0; n--) {
      const year = years.get(tokens.slice(i, i + n).join(' '));
      if (year) {
        spellings.push([tokens.slice(i, i + n).join(' '), year]);
        out.push(year);
        taken = n;
      }
    }
    if (taken === 0) out.push(tokens[i]!);
    i += Math.max(taken, 1);
  }
  return out;
}

/** Chat spellings, misspelt question words and French without its apostrophes, spelt out. */
function spell(typed: readonly string[], spellings: [string, string][], knows?: (token: string) => boolean): string[] {
  const out: string[] = [];
  for (const tok of typed) {
    const spelled = SPELLED.get(tok) ?? (() => {
      const q = questionWord(tok, knows);
      return q ? [q] : (elided(tok, knows) ?? swappedStopWord(tok, knows));
    })();
    if (spelled) {
      spellings.push([tok, spelled.join(' ')]);
      out.push(...spelled);
    } else out.push(tok);
  }
  return out;
}

/**
 * The tokens searched, with the clauses around the question marked as context: in "I'm a retail
 * investor and a bit lost. Why does everyone say this is bad news for AMD?", the investor is not what
 * is asked about. Context goes first when the message is over the token budget.
 */
function keepQuestion(clauses: Clause[], knows?: (token: string) => boolean): { tokens: string[]; context: number[] } {
  // A question clause says what it asks about ("which two?" alone does not: then every clause counts),
  // and a short clause before it is its topic ("A single gigawatt — when's that due?"), not context.
  // A clause that only asks for confirmation ("Il a raison ?", "right?") is about the statement before it.
  // A pronoun pointing back ("what did he say?") asks about the person named around it.
  // "Comment ça marche ?", "what does it mean?": "it" and a verb of working or meaning ask about what was named before.
  const itAsks = (c: Clause) => c.tokens.some((t) => IT.has(t));
  const about = (c: Clause) =>
    !confirmsOnly(c.tokens) &&
    !helpOnly(c.tokens) && c.tokens.some((t, i) => (!STOP_WORDS.has(t) && !WH.has(t) && !isFiller(t) && (knows?.(t) ?? true) && !(WORKS.has(t) && itAsks(c))) || pointsBack(c.tokens, i));
  // A lead-in with no word of the base ("Chargée de conformité :") cannot be the topic: it presents the asker.
  // After the question, a short clause names its topic only in words of the base ("how much did it rise?
  // oracle"); "… loser buys coffee ☕" is banter.
  let last = -1;
  clauses.forEach((c, i) => {
    if (c.question && about(c)) last = i;
  });
  const ofBase = (c: Clause) => c.tokens.every((t) => STOP_WORDS.has(t) || isFiller(t) || (knows?.(t) ?? true));
  // "Microsoft got a stock bump, but what…": a remark conceded before a question turning on "but" is no topic.
  const conceded = (i: number) => !clauses[i]!.question && CONTRAST.has(clauses[i + 1]?.tokens[0] ?? '') && clauses[i + 1]!.question;
  // "…? Corrigez-moi si je me trompe.": a confirmation after the question makes it a yes/no; it is part of it.
  const confirms = (i: number) => i > 0 && i === last + 1 && confirmsOnly(clauses[i]!.tokens);
  const questions = clauses.filter((c, i) => (c.question && about(c)) || confirms(i) || (!c.statement && c.tokens.length <= TOPIC_TOKENS && !persona(c) && about(c) && !conceded(i) && (last < 0 || i < last || ofBase(c))));
  const marked = clauses.some((c) => c.question && about(c)) && questions.length < clauses.length;
  let kept = clauses;
  let total = clauses.reduce((a, c) => a + c.tokens.length, 0);
  for (let i = 0; marked && total > MAX_QUERY_TOKENS && i < kept.length; ) {
    if (!questions.includes(kept[i]!)) {
      total -= kept[i]!.tokens.length;
      kept = kept.filter((_, k) => k !== i);
    } else i++;
  }
  const tokens: string[] = [];
  const context: number[] = [];
  for (const c of kept) {
    const concession = conceded(clauses.indexOf(c));
    c.tokens.forEach((t, j) => {
      tokens.push(t);
      context.push((marked && !questions.includes(c)) || j < c.askedFrom || c.aside[j] ? (concession ? CONCEDED : 1) : 0);
    });
  }
  tokens.length = Math.min(tokens.length, MAX_QUERY_TOKENS);
  context.length = tokens.length;
  return { tokens, context };
}
