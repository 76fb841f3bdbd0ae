// What a question asks for, read from its form before stop words are dropped (the telling words,
// "when", "combien", "who said", are stop words): a date, an amount, a count of something, a
// person, a quote, a reason, a summary, and whether it is a yes/no question.
import { normalizeText, tokenize } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';
import type { Intent } from './types.ts';

/** What the answer must give. */
export type Ask = 'amount' | 'count' | 'date' | 'person' | 'quote' | 'reason' | 'any';

export interface QuestionForm {
  /** The coarse intent results report (and that orders or filters the hits). */
  intent: Intent;
  ask: Ask;
  /** "is it signed?", "c'est signé ?": answered by the fact that settles it. */
  yesNo: boolean;
  /** "tl;dr", "en gros", "key numbers": the deal at a glance unless a subject is named. */
  summary: boolean;
  /** "what month", "quel jour exactement": a date finer than a year or a half-year is asked. */
  precision?: 'day' | 'month' | 'quarter';
  /** "what's it called", "le nom de": a name is asked. */
  name: boolean;
  /** "Will the FTC block it?", "va-t-elle devenir un contrat ferme ?": an outcome still to come is asked. */
  prediction: boolean;
  /** Token index of the outcome a prediction asks about ("block"). */
  outcomeAt?: number;
  /** "how much is it worth", "quel est le montant": an amount of money (not a count or a share move). */
  money: boolean;
  /** "who at Oracle", "qui chez Oracle": a person of an organisation is asked for. */
  personAt: boolean;
  /** Token position of the noun a "how many X" / "combien de X" counts. */
  unitAt?: number;
  /** "who took a hit?", "qui a bondi ?": the way a share move is asked to have gone (both ways asked: none). */
  direction?: 'up' | 'down';
  /** Token positions that only signal the form ("quotes", "date", "summary"): never the question's subject. */
  markers: ReadonlySet<number>;
}

const WHEN_WORDS = new Set(['when', 'quand', 'date', 'dates', 'calendrier', 'calendar', 'timeline', 'chronologie', 'schedule', 'echeance', 'echeances', 'echeancier', 'deadline', 'timing', 'etapes', 'milestones', 'jalons', 'roadmap']);
/** Two-word forms that ask for a date: "what day", "quel jour", "how soon". */
const WHEN_PAIRS: [string, string][] = [['quel', 'moment'], ['what', 'point'], ['what', 'year'], ['which', 'year'], ['what', 'day'], ['which', 'day'], ['what', 'month'], ['quelle', 'annee'], ['quel', 'jour'], ['quel', 'mois'], ['how', 'soon'], ['since', 'when'], ['by', 'when'], ['a', 'partir'], ['quelle', 'periode'], ['what', 'period'], ['which', 'period'], ['quelle', 'echeance'], ['what', 'timeframe'], ['which', 'timeframe']];
const DAY_WORDS: [string, string][] = [['what', 'day'], ['which', 'day'], ['quel', 'jour'], ['exact', 'date'], ['date', 'exacte'], ['precise', 'date'], ['date', 'precise'], ['what', 'date'], ['which', 'date'], ['quelle', 'date']];
const MONTH_WORDS: [string, string][] = [['what', 'month'], ['which', 'month'], ['quel', 'mois'], ['which', 'week'], ['what', 'week'], ['quelle', 'semaine']];
const PRECISE = new Set(['exact', 'exacte', 'precise', 'precis', 'specific', 'particular']);
const QUARTER_WORDS: [string, string][] = [['what', 'quarter'], ['which', 'quarter'], ['quel', 'trimestre']];
/** Every pair that asks for a date to some precision is a when-question ("which month does it start?"). */
const DATE_PAIRS = pairIndex([...WHEN_PAIRS, ...DAY_WORDS, ...MONTH_WORDS, ...QUARTER_WORDS]);
const DAY_PAIRS = pairIndex(DAY_WORDS);
const MONTH_PAIRS = pairIndex(MONTH_WORDS);
const QUARTER_PAIRS = pairIndex(QUARTER_WORDS);
const NAME_PAIRS: [string, string][] = [['name', 'of'], ['nom', 'de'], ['nom', 'du'], ['its', 'name'], ['son', 'nom'], ['le', 'nom'], ['the', 'name']];
// Small word sets the form reads around a word (module-level: readForm runs on every clause of every question).
// "what's said about X" reads "what said about X" once "'s" is dropped.
const BEFORE_PASSIVE_SAID = new Set(['is', 's', 'was', 'est', 'been', 'being', 'what']);
const BE_WORDS = new Set(['est', 'sont', 'etre', 'ete', 'is', 'are', 'was', 'were', 'being', 'been']);
const THAT_WORDS = new Set(['que', 'qu', 'that']);
/**
 * What the people quoted say: "Que disent les experts cités ?", "Qu'en disent les personnes citées ?", "…et
 * qu'est-ce qu'elles disent ?", "what do they say?".
 */
const THEY_SAY =
  /(?:^|[.!?:]\s+)(?:que|qu['’]\s*en)\s+(?:dit|disent|pensent|pense|racontent|raconte)\b|\bqu['’]\s*est[- ]ce\s+qu['’]\s*(?:il|elle|ils|elles)\s+(?:dit|disent|racontent|raconte)\b|\bwhat\s+do(?:es)?\s+(?:they|he|she)\s+(?:say|have to say)\b/iu;
const SLANG_SAY_ASKED = new Set(['lache', 'sorti', 'balance']);
const SLANG_SUBJECTS = new Set(['il', 'elle', 'ils', 'elles', 'a', 'on']);
/** What "lâcher"/"sortir" is said of when it means saying: "il a lâché quelle phrase ?", "qui a lâché la formule…". */
const SAID_THING = new Set(['phrase', 'quoi', 'quelle', 'formule', 'citation', 'punchline', 'petite']);
const DATE_UNITS = new Set(['year', 'annee', 'day', 'jour', 'month', 'mois']);
const HAVE_WORDS = new Set(['a', 'ont', 'as', 'avez', 'avoir']);
/** Scales and currencies that make "how many X" an amount of money. */
const MONEY_SCALES = new Set(['billion', 'billions', 'million', 'millions', 'milliard', 'milliards', 'bn', 'md', 'mds', 'dollars', 'dollar', 'euros', 'euro', 'bucks', 'trillion', 'trillions']);
const SAY_WORDS = new Set(['say', 'says', 'said', 'dit', 'disent', 'mention', 'mentions', 'raconte', 'explique', 'cite', 'cites', 'mentionne', 'nomme', 'evoque']);
const SOURCE_WORDS = new Set(['article', 'piece', 'text', 'texte', 'papier', 'source', 'report', 'story', 'auteur', 'author', 'writer', 'journaliste']);
const QUOTE_WORDS = new Set(['quote', 'quotes', 'quoted', 'citation', 'citations', 'cite', 'said', 'says', 'dit', 'declare', 'declared', 'declaration', 'declarations', 'propos']);
const SOUNDBITE = new Set(['liner', 'liners', 'punchline', 'punchlines', 'soundbite', 'soundbites', 'phrase', 'phrases', 'remark', 'remarks']);
const OPINION_WORDS = new Set(['repondu', 'repond', 'reply', 'replied', 'respond', 'responded', 'kiffe', 'punchline', 'punchlines', 'liner', 'liners', 'soundbites', 'think', 'thinks', 'thought', 'thoughts', 'opinion', 'opinions', 'view', 'views', 'reckon', 'pense', 'pensent', 'avis', 'take', 'takes', 'commentary', 'comments', 'warn', 'warns', 'warned', 'argue', 'argues', 'argued', 'claim', 'claims', 'stress', 'stresses', 'remark', 'remarks', 'soundbite', 'phrase', 'phrases', 'statement', 'statements', 'estime', 'estiment', 'juge', 'jugent', 'affirme', 'souligne', 'soulignent', 'regard']);
const AMOUNT_WORDS = new Set(['montant', 'amount', 'figure', 'figures', 'chiffre', 'chiffres', 'percentage', 'pourcentage', 'size', 'taille', 'price', 'prix', 'cost', 'cout', 'coute', 'quantity', 'quantite', 'volume', 'sum', 'somme']);
const MONEY_WORDS = new Set(['montant', 'amount', 'cours', 'cost', 'cout', 'coute', 'price', 'prix', 'worth', 'vaut', 'value', 'valeur', 'dollars', 'dollar', 'somme', 'sum', 'money', 'argent', 'cash', 'budget', 'cheque', 'invest', 'investir', 'investit', 'investira', 'pese', 'paying', 'pay', 'payer', 'fric']);
const POWER_WORDS = new Set(['watt', 'watts', 'gigawatt', 'gigawatts', 'gw', 'megawatt', 'megawatts', 'mw', 'puissance', 'power', 'electricite', 'electricity', 'energie', 'energy']);
const WEIGH_WORDS = new Set(['pese', 'pesent', 'peser', 'pesera', 'weigh', 'weighs']);
const MONEY_ADJECTIVES = new Set(['financial', 'financially', 'monetary', 'financier', 'financiere', 'financiers', 'financieres', 'pecuniaire']);
/** "Qu'est-ce que / qu'est-ce qui": "what", neither a person nor a yes/no question. */
const QU_EST_CE = /\bqu['’]?\s*est[- ]ce\b/i;
/** "Que disent les experts ?", "Qu'en pensent-ils ?": "que" opening a question before its verb asks what. */
const QUE_ASKS = /(?:^|[.!?:]\s+)(?:que\s+(?!ce\b)|qu['’]\s*(?:en|y)\s+)\p{L}+(?:t|ent|ont)\b/iu;
/** Question words that ask for one of a kind ("which chips", "quelles puces", "quel responsable"). */
export const WHICH_WORDS: ReadonlySet<string> = new Set(['which', 'what', 'quel', 'quelle', 'quels', 'quelles']);
/** Titles of people inside an organisation ("quel responsable", "which official"). */
const OFFICIALS = new Set(['responsable', 'responsables', 'commissaire', 'commissaires', 'dirigeant', 'dirigeante', 'dirigeants', 'official', 'officials', 'commissioner', 'commissioners', 'executive', 'executives']);
const PERSON_WORDS = new Set(['who', 'whom', 'whose', 'qui']);
const REASON_WORDS = new Set(['why', 'pourquoi', 'reason', 'reasons', 'raison', 'raisons']);
const SUMMARY_PHRASES = [
  'tl dr', 'tldr', 'executive summary', 'exec summary', 'summary', 'summarize', 'summarise', 'sum up', 'overview', 'in a nutshell', 'nutshell', 'gist', 'key points', 'key numbers',
  'key figures', 'key facts', 'main points', 'big picture', 'recap', 'in short', 'highlights', 'the basics', 'break it down', 'resume', 'resumer',
  'resumes', 'en bref', 'en gros', 'essentiel', 'topo', 'le topo', 'portrait global', 'portrait d ensemble', 'tour d horizon', 'panorama',
  'etat des lieux', 'vue d ensemble', 'grandes lignes', 'chiffres cles', 'points cles', 'synthese', 'recapitulatif', 'recap',
  'deal structure', 'structure of the deal', 'how the deal works', 'how does the deal work', 'how it works', 'structure de l accord', 'comment fonctionne l accord', 'comment marche l accord',
  'what is the deal', 'what s the deal', 'who are the parties', 'who is involved', 'who s involved', 'who are the partners', 'who is in the deal', 'which companies are involved',
  'entre qui et qui', 'between whom', 'qui sont les partenaires', 'qui est implique', 'qui sont les parties', 'qui participe',
  'like i m five', 'like im five', 'eli5', 'second version', 'minute version', 'short version', 'quick version', 'simple terms',
  'plain english', 'simple words', 'elevator pitch', 'en deux mots', 'en 2 mots', 'en quelques mots', 'version courte', 'pour les nuls',
  'bullets', 'bullet points', 'in bullet points', 'en quelques points', 'en trois points', 'en 3 points', 'portrait d ensemble', 'vue d ensemble', 'tableau d ensemble',
  'takeaway', 'takeaways', 'key takeaway', 'bilan', 'scorecard', 'tally', 'numbers only', 'just the numbers', 'the numbers', 'figures only', 'just the figures', 'les chiffres', 'que les chiffres', 'juste les chiffres', 'c est quoi l accord', 'c est quoi le deal', 'de quoi s agit il',
].map((p) => tokenize(normalizeText(p)));
const YES_NO_START = new Set(['is', 'are', 'was', 'were', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'has', 'have', 'had', 'should', 'shall', 'isn', 'aren', 'doesn', 'didn', 'won', 'wasn', 'hasn', 'haven', 'may', 'might', 'must']);
/** Words a yes/no question may start with before its auxiliary ("hey, is it signed?"). */
const LEAD_IN = new Set(['so', 'and', 'but', 'ok', 'okay', 'hey', 'hi', 'hello', 'bot', 'dealbot', 'quick', 'question', 'also', 'then', 'sorry', 'btw', 'oh', 'wait', 'salut', 'bonjour', 'coucou', 'alors', 'du', 'coup', 'et', 'mais', 'donc', 'dis', 'moi', 'petite']);
/**
 * Tags that turn a statement into a yes/no question ("AMD supplies the chips, right?", "c'est bien ça ?"),
 * as normalised token sequences read at the end of the question.
 */
const CONFIRM_TAGS: readonly string[][] = [
  ['right'], ['correct'], ['true'], ['yeah'], ['no'], ['or', 'not'], ['isn', 't', 'it'], ['is', 'that', 'right'], ['is', 'that', 'so'], ['is', 'that', 'correct'], ['is', 'that', 'true'], ['is', 'it', 'true'], ['am', 'i', 'right'], ['am', 'i', 'wrong'],
  ['non'], ['hein'], ['ou', 'pas'], ['pas', 'vrai'], ['vrai'], ['exact'], ['c', 'est', 'ca'], ['est', 'ca'], ['est', 'ce', 'ca'], ['est', 'bien', 'ca'], ['est', 'vrai'], ['n', 'est', 'ce', 'pas'], ['ai', 'je', 'raison'], ['je', 'me', 'trompe'], ['a', 'raison'], ['ont', 'raison'], ['is', 'he', 'right'], ['is', 'she', 'right'], ['are', 'they', 'right'],
  ['correct', 'me', 'if', 'i', 'm', 'wrong'], ['correct', 'me', 'if', 'i', 'am', 'wrong'], ['if', 'i', 'm', 'not', 'mistaken'], ['unless', 'i', 'm', 'mistaken'],
  ['corrigez', 'moi', 'si', 'je', 'me', 'trompe'], ['corrige', 'moi', 'si', 'je', 'me', 'trompe'], ['si', 'je', 'ne', 'me', 'trompe', 'pas'], ['si', 'je', 'me', 'trompe', 'pas'],
];

/** Whether a clause is nothing but a confirmation tag ("Il a raison ?", "right?", "c'est vrai ?"). */
export function confirmsOnly(tokens: readonly string[]): boolean {
  return CONFIRM_TAGS.some((tag) => {
    const at = tokens.length - tag.length;
    return at >= 0 && tag.every((t, k) => tokens[at + k] === t) && tokens.slice(0, at).every((t) => STOP_WORDS.has(t) || CONFIRM_LEAD.has(t));
  });
}
const CONFIRM_LEAD = new Set(['il', 'elle', 'ils', 'elles', 'c', 'est', 'so', 'ok', 'okay', 'alors', 'donc', 'and', 'et', 'or', 'ou']);

/** The token index where a confirmation tag starts, or -1. */
export function confirmTagAt(tokens: readonly string[]): number {
  // Context blanked after the question ("…, c'est bien ça ? Merci pour votre aide.") does not move its end.
  let end = tokens.length;
  while (end > 0 && tokens[end - 1] === '') end--;
  for (const tag of CONFIRM_TAGS) {
    const at = end - tag.length;
    if (at > 1 && tag.every((t, k) => tokens[at + k] === t)) return at;
  }
  return -1;
}

/** Question words that ask for a date, an amount, a place or a choice even with an inversion after them. */
const INVERSION_WH = new Set(['quand', 'combien', 'ou', 'quel', 'quelle', 'quels', 'quelles', 'comment', 'pourquoi']);
const FR_WH = new Set(['qui', 'quoi', 'quand', 'combien', 'comment', 'pourquoi', 'quel', 'quelle', 'quels', 'quelles', 'ou', 'lequel', 'laquelle']);

/** Reads the form of a question from its normalised tokens (stop words included) and raw text. */
export function readForm(tokens: readonly string[], raw: string): QuestionForm {
  const markers = new Set<number>();
  const summary = markSummary(tokens, markers);
  const { intent, ask, unitAt } = readAsk(tokens, raw, markers);
  // "Quel responsable de la FTC…", "which FTC official…", "qui au DOJ…": a person of an organisation, too.
  const titled = tokens.some((t, i) => WHICH_WORDS.has(t) && tokens.slice(i + 1, i + 3).some((u) => OFFICIALS.has(u)));
  const personAt = titled || tokens.some((t, i) => (t === 'who' && (tokens[i + 1] === 'at' || tokens[i + 1] === 'from' || tokens[i + 2] === 'at')) || (t === 'qui' && (tokens[i + 1] === 'chez' || tokens[i + 2] === 'chez' || tokens[i + 1] === 'au')));
  // "La taille financière de l'accord", "the financial size": money asked, the adjective no subject.
  if (ask === 'amount') markAll(tokens, MONEY_ADJECTIVES, markers);
  // "Ça pèse combien en watts ?", "how much does it weigh in power?": power weighed, not money.
  const power = ask === 'amount' && tokens.some((t) => POWER_WORDS.has(t));
  if (power) markAll(tokens, WEIGH_WORDS, markers);
  const money = ask === 'amount' && tokens.some((t) => (MONEY_WORDS.has(t) && !(power && WEIGH_WORDS.has(t))) || MONEY_ADJECTIVES.has(t));
  const precision = ask !== 'date' ? undefined : among(tokens, DAY_PAIRS) ? 'day' : among(tokens, MONTH_PAIRS) ? 'month' : among(tokens, QUARTER_PAIRS) ? 'quarter' : undefined;
  // "What's it called", "comment s'appelle…", "le nom de…" ("named in the article" only means mentioned).
  const name = NAME_PAIRS.some(([a, b]) => pairAt(tokens, a, b) >= 0) || (tokens.includes('called') && tokens.includes('what')) || tokens.includes('appelle');
  const yesNo = isYesNo(tokens, raw);
  // "Vont-elles forcément bloquer ?" asks whether it is certain: a fact saying it only could settles that.
  // Shares in the future come first: "l'action va-t-elle grimper ?" is about the shares, whatever else rises.
  const market = marketAhead(tokens);
  const outcomeAt = tokens.some((t) => CERTAINTY.has(t)) ? -1 : market >= 0 ? market : yesNo ? outcomeAsked(tokens) : -1;
  const direction = directionOf(tokens);
  return { intent, ask, yesNo, summary, personAt, money, name, prediction: outcomeAt >= 0, ...(outcomeAt >= 0 ? { outcomeAt } : {}), ...(precision ? { precision } : {}), ...(unitAt !== undefined ? { unitAt } : {}), ...(direction ? { direction } : {}), markers };
}

/** Where `a` is directly followed by `b`, else -1. */
function pairAt(tokens: readonly string[], a: string, b: string): number {
  return tokens.findIndex((t, i) => t === a && tokens[i + 1] === b);
}

/** Two-word forms by their second word: the first words each may follow. */
type PairIndex = ReadonlyMap<string, ReadonlySet<string>>;

function pairIndex(pairs: readonly [string, string][]): PairIndex {
  const index = new Map<string, Set<string>>();
  for (const [a, b] of pairs) (index.get(b) ?? index.set(b, new Set()).get(b)!).add(a);
  return index;
}

/** Whether any pair is there; "which exact day", "quel jour précis": a word may come between the question word and the unit. */
function among(tokens: readonly string[], pairs: PairIndex): boolean {
  for (let i = 1; i < tokens.length; i++) {
    const firsts = pairs.get(tokens[i]!);
    if (firsts && (firsts.has(tokens[i - 1]!) || (i >= 2 && firsts.has(tokens[i - 2]!) && PRECISE.has(tokens[i - 1]!)))) return true;
  }
  return false;
}

function markAll(tokens: readonly string[], set: ReadonlySet<string>, markers: Set<number>): void {
  tokens.forEach((t, i) => set.has(t) && markers.add(i));
}

/** What is asked for: a quote, a date, else a figure, an opinion, a person or a reason (readOtherAsk). */
function readAsk(tokens: readonly string[], raw: string, markers: Set<number>): { intent: Intent; ask: Ask; unitAt?: number } {
  // "Quand Altman a-t-il fait cette déclaration ?", "When did Altman say that?": the date of a quote, not the quote.
  const opensWhen = tokens.slice(0, 2).some((t) => t === 'when' || t === 'quand');
  if (!opensWhen && asksQuote(tokens, raw, markers)) {
    markAll(tokens, QUOTE_WORDS, markers);
    // "a one-liner from Altman", "une petite phrase": names for a quote, asked with one.
    tokens.forEach((t, i) => (SOUNDBITE.has(t) || (t === 'one' && SOUNDBITE.has(tokens[i + 1] ?? ''))) && markers.add(i));
    return { intent: 'quote', ask: 'quote' };
  }
  // "Quand l'article parle de « coup dur », il vise qui ?": an opening "when" clause, then another question word, sets the scene.
  const scene = WHEN_CLAUSE.test(raw) ? tokens.findIndex((t) => t === 'when' || t === 'quand') : -1;
  if (tokens.some((t, i) => WHEN_WORDS.has(t) && i !== scene && asksWhen(tokens, i)) || among(tokens, DATE_PAIRS)) {
    markAll(tokens, WHEN_WORDS, markers);
    markAll(tokens, DATE_UNITS, markers);
    return { intent: 'when', ask: 'date' };
  }
  return readOtherAsk(tokens, raw, markers);
}

const WHEN_CLAUSE = /^\s*(?:quand|lorsque|lorsqu['’]|when)\b[^,?]{6,},\s*[^?]*\b(?:qui|quoi|quel|quelle|quels|quelles|comment|pourquoi|combien|who|what|which|how|why)\b/iu;

/** Whether someone's words are asked for ("what did Altman say", "qui a dit", "altman il balance quoi comme phrase"). */
function asksQuote(tokens: readonly string[], raw: string, markers: Set<number>): boolean {
  const has = (w: string) => tokens.includes(w);
  // "What does the article say about X" asks what the source says, not for a quote.
  // …and so does "what's said about X", "qu'est-ce qui est dit sur X" (passive: no speaker asked for).
  const aboutSource = tokens.some((t, i) => SOURCE_WORDS.has(t) && tokens.slice(i + 1, i + 4).some((u) => SAY_WORDS.has(u))) || tokens.some((t, i) => (t === 'said' || t === 'dit') && BEFORE_PASSIVE_SAID.has(tokens[i - 1] ?? ''));
  // "Intel est cité", "AMD est-il cité parmi…" mean mentioned, not quoted, and "are said to be" is hearsay; "qui est
  // cité ?" asks who is quoted.
  const be = (i: number) => (['il', 'elle', 'ils', 'elles'].includes(tokens[i - 1] ?? '') ? i - 1 : i);
  const passive = (i: number) => BE_WORDS.has(tokens[be(i) - 1] ?? '') && tokens[be(i) - 2] !== 'qui' && tokens[be(i) - 2] !== 'who';
  // "Ma collègue dit que…", "my group says that…": reported speech around the question, not a quote asked for.
  // "Pourquoi dit-on que…", "on dit que…": what people say, no one's words asked for.
  const reported = (i: number) => THAT_WORDS.has(tokens[i + 1] ?? '') || (tokens[i] === 'dit' && (tokens[i + 1] === 'on' || tokens[i - 1] === 'on'));
  // "altman il balance quoi comme phrase": French slang for saying, after its subject.
  // So are "lâcher" and "sortir" when what follows asks for the words ("il a lâché quelle phrase ?", "il a sorti quoi").
  const slangSay = tokens.findIndex((t, i) => ((t === 'balance' || t === 'balancer') && SLANG_SUBJECTS.has(tokens[i - 1] ?? '')) || (SLANG_SAY_ASKED.has(t) && SLANG_SUBJECTS.has(tokens[i - 1] ?? '') && tokens.slice(i + 1, i + 3).some((u) => SAID_THING.has(u))));
  if (slangSay >= 0) tokens.forEach((t, i) => (i === slangSay || OPINION_WORDS.has(t)) && markers.add(i));
  return (
    slangSay >= 0 ||
    (!aboutSource && tokens.some((t, i) => QUOTE_WORDS.has(t) && !((t.startsWith('cite') || (t === 'said' && tokens[i + 1] === 'to')) && passive(i)) && !reported(i) && !(t === 'propos' && tokens[i - 1] === 'a'))) ||
    tokens.some((t) => t === 'quote' || t === 'quotes' || t === 'citation' || t === 'citations') ||
    pairAt(tokens, 'who', 'said') >= 0 ||
    (!aboutSource && THEY_SAY.test(raw)) ||
    (!aboutSource && has('did') && has('say')) ||
    (has('qui') && has('dit'))
  );
}

/** "Could take a hard look", "take over": "take" as a verb; "his take", "the Street's take on it" is an opinion. */
function takeAsVerb(tokens: readonly string[], i: number): boolean {
  return (tokens[i] === 'take' || tokens[i] === 'takes') && i < tokens.length - 1 && !TAKE_OWNERS.has(tokens[i - 1] ?? '') && tokens[i + 1] !== 'on';
}
const TAKE_OWNERS = new Set(['his', 'her', 'their', 'its', 'the', 'your', 'our', 'my', 's', 'whats', 'hot', 'honest']);

/** Neither a quote nor a date: an amount or a count, an opinion, a person, a reason, or anything. */
function readOtherAsk(tokens: readonly string[], raw: string, markers: Set<number>): { intent: Intent; ask: Ask; unitAt?: number } {
  const pair = (a: string, b: string) => pairAt(tokens, a, b);
  const many = Math.max(pair('how', 'many'), pair('number', 'of'), pair('nombre', 'de'));
  const combienDe = tokens.findIndex((t, i) => t === 'combien' && (tokens[i + 1] === 'de' || tokens[i + 1] === 'd'));
  const counts = many >= 0 || combienDe >= 0;
  const countFrom = many >= 0 ? many + 2 : combienDe + 2;
  // "How many billions…", "combien de milliards": an amount of money, counted in its scale.
  const scale = counts ? tokens.slice(countFrom).findIndex((t) => !STOP_WORDS.has(t)) + countFrom : -1;
  // The scale stays in the focus: "dollars" asks for money, "billions" for a figure of that size.
  if (scale >= countFrom && MONEY_SCALES.has(tokens[scale]!)) return { intent: 'figure', ask: 'amount' };
  // "Quelle puissance en gigawatts ?", "what share in percent?": the unit asked for makes it a count of it.
  const inUnit = tokens.findIndex((t, i) => (t === 'in' || t === 'en') && UNITS.has(tokens[i + 1] ?? ''));
  if (counts) {
    // "combien de matériel, en gigawatts ?": what is counted is said in the unit named after it.
    const unitAt = inUnit > countFrom ? inUnit + 1 : nextContent(tokens, countFrom);
    return { intent: 'figure', ask: 'count', ...(unitAt !== undefined ? { unitAt } : {}) };
  }
  if (inUnit >= 0 && asked(tokens)) return { intent: 'figure', ask: 'count', unitAt: inUnit + 1 };
  if (pair('how', 'much') >= 0 || tokens.includes('combien') || pair('how', 'big') >= 0 || pair('how', 'large') >= 0 || pair('what', 'size') >= 0 || (asked(tokens) && tokens.some((t) => AMOUNT_WORDS.has(t)))) {
    markAll(tokens, AMOUNT_WORDS, markers);
    return { intent: 'figure', ask: 'amount' };
  }
  if (tokens.some((t, i) => OPINION_WORDS.has(t) && !takeAsVerb(tokens, i)) || pair('en', 'pense') >= 0) {
    markAll(tokens, OPINION_WORDS, markers);
    return { intent: 'general', ask: 'quote' };
  }
  const person = tokens.findIndex((t) => PERSON_WORDS.has(t));
  // "Pourquoi parle-t-on d'une boucle qui profite aux deux ?": opened by "why", a later "qui" is a relative.
  if (REASON_WORDS.has(tokens[0] ?? '') && person > 0) {
    markAll(tokens, REASON_WORDS, markers);
    return { intent: 'general', ask: 'reason' };
  }
  // A statement with a tag ("c'était Google qui investissait…, c'est bien ça ?") asks no one's name.
  if (person >= 0 && !QU_EST_CE.test(raw) && !(confirmTagAt(tokens) > 0 && person > 0)) return { intent: 'general', ask: 'person' };
  // "Il a raison ?" asks whether someone is right, not why.
  if (tokens.some((t, i) => REASON_WORDS.has(t) && !HAVE_WORDS.has(tokens[i - 1] ?? '')) || pair('how', 'come') >= 0) {
    markAll(tokens, REASON_WORDS, markers);
    return { intent: 'general', ask: 'reason' };
  }
  return { intent: 'general', ask: 'any' };
}

/**
 * Whether "when"/"quand" at position i asks for a date: near the start of the question or before an
 * auxiliary ("when does", "quand est-ce"), not as a conjunction ("…pays upfront when they sign, right?").
 */
function asksWhen(tokens: readonly string[], i: number): boolean {
  const t = tokens[i]!;
  // "un allié de longue date", "up to date": a long-standing tie or a fresh text, no date asked.
  if (t === 'date' && ['longue', 'to', 'of'].includes(tokens[i - 1] ?? '')) return false;
  // "par étapes", "en plusieurs étapes": how it is paced, not its milestones.
  if (t === 'etapes' && !['les', 'des', 'prochaines', 'grandes', 'quelles', 'principales', 'cles'].includes(tokens[i - 1] ?? '')) return false;
  if (t !== 'when' && t !== 'quand') return true;
  const before = tokens.slice(0, i).filter((w) => w !== '' && !LEAD_IN.has(w)).length;
  return before <= 2 || YES_NO_START.has(tokens[i + 1] ?? '') || ['est', 'sera', 'seront', 'commence', 'arrive', 'va', 'aura'].includes(tokens[i + 1] ?? '') || i === tokens.length - 1 || (tokens[i - 1] === 'c' || tokens[i - 1] === 'est' || tokens[i - 1] === 'pour');
}

/** Whether a question word asks for something ("what is the price" asks a value; "nvidia share price" is a search). */
function asked(tokens: readonly string[]): boolean {
  return tokens.some((t) => t === 'what' || t === 'which' || t === 'quel' || t === 'quelle' || t === 'quels' || t === 'quelles' || t === 'whats' || t === 'how' || t === 'combien' || t === 'quoi');
}

/** Units a figure is given in ("en gigawatts", "in GW"). */
const UNITS = new Set(['gigawatt', 'gigawatts', 'gw', 'megawatt', 'megawatts', 'mw', 'percent', 'pourcent', 'pourcentage', 'percentage']);

/** Scale words a count passes over to reach what it counts ("how many million households"). */
const SCALE_WORDS = new Set(['million', 'millions', 'billion', 'billions', 'milliard', 'milliards', 'thousand', 'thousands', 'mille', 'hundred', 'hundreds', 'cent', 'cents']);

function nextContent(tokens: readonly string[], from: number): number | undefined {
  for (let i = from; i < tokens.length; i++) if (!STOP_WORDS.has(tokens[i]!) && !(SCALE_WORDS.has(tokens[i]!) && i + 1 < tokens.length)) return i;
  return undefined;
}

/** SUMMARY_PHRASES by their first word: a question's words look up only the phrases they can start. */
const SUMMARY_BY_FIRST = new Map<string, string[][]>();
for (const phrase of SUMMARY_PHRASES) SUMMARY_BY_FIRST.set(phrase[0]!, [...(SUMMARY_BY_FIRST.get(phrase[0]!) ?? []), phrase]);

function markSummary(tokens: readonly string[], markers: Set<number>): boolean {
  let found = explainedToAge(tokens, markers);
  for (let i = 0; i < tokens.length; i++) {
    const phrases = SUMMARY_BY_FIRST.get(tokens[i]!);
    if (!phrases) continue;
    for (const phrase of phrases) {
      if (i + phrase.length > tokens.length) continue;
      let k = 1;
      while (k < phrase.length && tokens[i + k] === phrase[k]) k++;
      if (k < phrase.length) continue;
      found = true;
      for (k = 0; k < phrase.length; k++) markers.add(i + k);
    }
  }
  return found;
}

/** An age: digits or a number word ("5", "fifteen", "dix"). */
const AGE = /^(\d{1,3}|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|eighty|ninety|cinq|sept|huit|neuf|dix|douze|quinze|seize|octante|quatre|vingt)$/;

/**
 * "Explain it like I'm fifteen", "comme si j'avais 10 ans", "comme à un enfant de 8 ans": the deal told simply,
 * whatever the age. Marks the phrase as form words.
 */
function explainedToAge(tokens: readonly string[], markers: Set<number>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const rest = tokens.slice(i, i + 7);
    const en = rest[0] === 'like' && (rest[1] === 'im' ? 2 : rest[1] === 'i' && (rest[2] === 'm' || rest[2] === 'am') ? 3 : 0);
    // "j'avais" reads as "avais" (the elision dropped) or "j avais".
    const fr = rest[0] === 'comme' && rest[1] === 'si' ? (rest[2] === 'avais' || rest[2] === 'javais' ? 3 : rest[2] === 'j' && rest[3] === 'avais' ? 4 : 0) : 0;
    const child = rest[0] === 'comme' && rest[1] === 'a' && (rest[2] === 'un' || rest[2] === 'une') && (rest[3] === 'enfant' || rest[3] === 'gamin' || rest[3] === 'gamine') ? 4 : 0;
    const at = en || fr || child;
    if (!at) continue;
    let end = at;
    if (child && rest[end] === 'de' && AGE.test(rest[end + 1] ?? '')) end += 2;
    else if (!child && AGE.test(rest[end] ?? '')) end += 1;
    else if (!child) continue;
    if (rest[end] === 'ans' || rest[end] === 'years' || rest[end] === 'year') end++;
    for (let k = i; k < i + end; k++) markers.add(k);
    return true;
  }
  return false;
}

/** Outcomes a report cannot settle before they happen (English words, French stems of every tense). */
const OUTCOMES = new Set(
  `block stop kill scupper torpedo derail lose win hit reach achieve succeed fail collapse survive become replace overtake beat
  dominate crash tank sell buy acquire approve reject sue end leave abandon pay off work out last open
  rise climb fall drop soar jump plunge sink signed finalised finalized delay delayed postpone postponed recover rebound bounce
  recoup turn convert`.split(/\s+/),
);
const OUTCOME_STEMS = ['grimp', 'baiss', 'chuter', 'chutera', 'flamber', 'flambera', 'monter', 'signe', 'finalis', 'bloqu', 'perd', 'gagn', 'attein', 'reussi', 'echou', 'devien', 'deveni', 'remplac', 'depass', 'domin', 'rachet', 'approuv', 'rejet', 'effondr', 'abouti', 'lach', 'abandon', 'tiendr', 'tenir', 'remont', 'remett', 'rebond', 'retard', 'recuper', 'report', 'transform', 'surviv', 'ouvrir', 'ouvrira'];
/** Two-word outcomes: "get to AGI", "pull it off", "fall through". */
const OUTCOME_PAIRS = [['get', 'to'], ['pull', 'off'], ['pull', 'it'], ['fall', 'through'], ['fall', 'apart'], ['go', 'through'], ['make', 'it'], ['walk', 'away'], ['pull', 'out'], ['back', 'out']];
const CERTAINTY = new Set(['forcement', 'necessarily', 'definitely', 'certainly', 'surely', 'inevitably', 'obligatoirement', 'certainement', 'inevitablement', 'automatiquement', 'automatically']);
const FUTURE = new Set(['will', 'gonna', 'll', 'va', 'vont', 'finir', 'finira', 'finiront', 'sera', 'seront', 'likely', 'unlikely']);

/**
 * Where a yes/no question asks an outcome to come (-1 when it does not): a future ("will", "gonna", "going to", "va/vont",
 * a French future "bloquera") before an outcome verb ("block", "lose", "devenir"). "Will the first phase run
 * on Blackwell?" asks a plan the sources state: "run" is no outcome.
 */
function outcomeAsked(tokens: readonly string[]): number {
  // "Will there be a second deal?", "Y aura-t-il un autre accord ?": whether something comes to be.
  const comes = tokens.findIndex((t, i) => (t === 'will' && tokens[i + 1] === 'there' && tokens[i + 2] === 'be') || (t === 'y' && tokens[i + 1] === 'aura'));
  if (comes >= 0) return comes + (tokens[comes] === 'will' ? 2 : 1);
  const outcome = (t: string, i: number) => OUTCOMES.has(t) || OUTCOME_STEMS.some((s) => t.startsWith(s)) || OUTCOME_PAIRS.some(([a, b]) => t === a && tokens[i + 1] === b);
  return tokens.findIndex((t, i) => {
    if (!outcome(t, i)) return false;
    if (/(er|ir|dr|tt|vr)(a|ont|ai)$/.test(t) && !OUTCOMES.has(t)) return true;
    const before = tokens.slice(Math.max(0, i - 5), i);
    return before.some((b, k) => FUTURE.has(b) || (b === 'going' && before[k + 1] === 'to'));
  });
}

/** Words for a share move one way or the other (English words, French stems). */
const DOWN = new Set(`fell fall falls drop dropped drops slip slipped slid slide dip dipped decline declined sink sank down lost lower tank
  tanked slump slumped tumbled tumble hit punished loser losers nosedived cratered dumped selloff underperformed worse red`.split(/\s+/));
const UP = new Set(`rose rise rises risen jump jumped climb climbed surge surged soar soared gained gains rally rallied pop popped spike
  spiked up higher lift bump bumped mooned pumped outperformed better winner winners green`.split(/\s+/));
const DOWN_STEMS = ['trinqu', 'grimac', 'souffr', 'morfl', 'suffer', 'hurt', 'baiss', 'recul', 'chut', 'perdu', 'perdant', 'degringol', 'plong', 'lache', 'glisse', 'sanctionn', 'puni'];
const UP_STEMS = ['hauss', 'bondi', 'monte', 'grimp', 'progress', 'gagn', 'envol', 'flamb'];

/** Words placing a question on the market: only there is "gagner", "hit" or "up" a share move. */
const MARKET_WORDS = new Set(['market', 'markets', 'share', 'bourse', 'investors', 'investisseurs', 'street', 'marche', 'marches', 'trading', 'traders', 'wall']);

function directionOf(tokens: readonly string[]): 'up' | 'down' | undefined {
  if (!tokens.some((t) => MARKET_WORDS.has(t) || SHARES.has(t))) return undefined;
  const down = tokens.some((t) => DOWN.has(t) || DOWN_STEMS.some((s) => t.startsWith(s)));
  const up = tokens.some((t) => UP.has(t) || (UP_STEMS.some((s) => t.startsWith(s)) && t !== 'montant' && t !== 'montants'));
  return down === up ? undefined : down ? 'down' : 'up';
}

/** A company's shares, as a question about where they go names them. */
const SHARES = new Set(['stock', 'stocks', 'shares', 'cours', 'action', 'actions', 'titre', 'titres']);

/**
 * "Where will Nvidia's stock be by December?", "Où sera le cours fin 2026 ?": shares asked about in the future,
 * in any form of question, are a prediction (the sources report the moves of the day). -1 when not.
 */
function marketAhead(tokens: readonly string[]): number {
  // The future before the shares ("where will the stock be") or, inverted, after them ("l'action va-t-elle…").
  // "les titres que Nvidia va acquérir", "the shares Nvidia will buy": shares taken, not where their price goes.
  const future = (k: number) => (FUTURE.has(tokens[k]!) || (tokens[k] === 'going' && tokens[k + 1] === 'to')) && !tokens.slice(k + 1, k + 4).some((v) => ACQUIRE.has(v));
  return tokens.findIndex((t, i) => SHARES.has(t) && tokens[i - 1] !== 'en' && tokens.slice(Math.max(0, i - 5), i + 4).some((_, k) => future(Math.max(0, i - 5) + k)));
}
const ACQUIRE = new Set(['acquerir', 'acheter', 'prendre', 'recevoir', 'obtenir', 'detenir', 'buy', 'acquire', 'get', 'take', 'receive', 'hold', 'own', 'purchase']);

function isYesNo(tokens: readonly string[], raw: string): boolean {
  if (QU_EST_CE.test(raw) || QUE_ASKS.test(raw)) return false;
  let i = 0;
  while (i < tokens.length && (LEAD_IN.has(tokens[i]!) || tokens[i] === '')) i++;
  const first = tokens[i];
  if (first === undefined) return false;
  if (YES_NO_START.has(first)) return true;
  // French: "est-ce que …", inversion "a-t-il", or a statement asked with "?" and no question word.
  if (first === 'est' && tokens[i + 1] === 'ce' && !QU_EST_CE.test(raw)) return true;
  // …unless a question word asks ("quand la transaction sera-t-elle finalisée ?").
  if (tokens.some((t, k) => t === 't' && (tokens[k + 1] === 'il' || tokens[k + 1] === 'elle' || tokens[k + 1] === 'on')) && !tokens.slice(0, i + 1).some((t) => INVERSION_WH.has(t))) return true;
  if (confirmTagAt(tokens) > 0) return true;
  // "ou" is "or" ("closed ou encore au stade LOI ?") unless it opens the question ("où en est…").
  const wh = (t: string, k: number) => (t === 'ou' ? k === i : FR_WH.has(t));
  return /\?\s*$/.test(raw) && !tokens.some((t, k) => wh(t, k) || PERSON_WORDS.has(t) || t === 'what' || t === 'when' || t === 'how' || t === 'why' || t === 'which' || t === 'where');
}

const WHOLE = new Set(['total', 'totale', 'totals', 'totaux', 'overall', 'altogether', 'entire', 'whole', 'cumule', 'cumulee', 'global', 'globale', 'globalement']);

/** "Combien au total ?", "ten in total", "en tout", "overall": the whole, not a phase or a delivery of it. */
export function asksWhole(tokens: readonly string[]): boolean {
  return tokens.some((t, i) => WHOLE.has(t) || (t === 'tout' && tokens[i - 1] === 'en') || (t === 'all' && tokens[i - 1] === 'in'));
}
