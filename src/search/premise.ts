// A question that opens on a premise of its own ("Now that the final contract is signed, when does it
// close?", "Puisque OpenAI est une pure association, …", "Ce contrat ferme…, ok, mais quelle plateforme ?"):
// when the question proper finds no fact, the premise is checked as a yes/no, so the answer shows what
// the sources say of it instead of nothing.

/** Openings that state a premise before the question proper (then a comma). */
const OPENERS = /^(?:since|now that|given that|seeing that|considering that|as|because|puisque|puisqu['’]|maintenant que|maintenant qu['’]|vu que|vu qu['’]|étant donné que|etant donne que|comme|dès lors que|des lors que)\s*(.+?)\s*,\s*(.+)$/iu;
/**
 * A statement, then ", ok, but question". (Not "statement: question": a quoted phrase then "is that the
 * exact word?" asks about the wording, not the premise.)
 */
const STATEMENT_THEN_QUESTION = /^([^?]{12,}?)\s*,\s*(?:ok|okay|d['’]accord|fine|soit)\s*,?\s*(?:mais|but)\s+(.+\?)\s*$/iu;

/**
 * A claim of five words or more, then ":" or ".", then a question asking about it ("Le contrat définitif a été
 * signé la semaine dernière : quelles en sont les clauses ?"). Never a quoted phrase ("« les risques de » quoi ?").
 */
const CLAIM_THEN_QUESTION = /^([^?«»“”"]{24,}?)\s*[:.]\s+((?:what|which|who|how|when|why|quel|quelle|quels|quelles|qui|comment|quand|pourquoi|combien|c['’]est quoi|il porte|elle porte|ça porte)\b[^«»“”"]*\?)\s*$/iu;

const WORDING = /\b(?:word|words|wording|term|mot|mots|terme|formulation)\b/iu;

export interface Premise {
  /** The premise as the asker wrote it (no opener, no punctuation around it). */
  premise: string;
  /** The question proper. */
  question: string;
}

/** The premise a question opens on, or undefined. Pure text: the engine decides what it is worth. */
export function premiseOf(raw: string): Premise | undefined {
  const text = raw.trim();
  const claim = CLAIM_THEN_QUESTION.exec(text);
  // "…a gap: 'les risques de ___'. what's the exact word?" asks about the wording, not the claim.
  return premiseFrom(OPENERS.exec(text) ?? STATEMENT_THEN_QUESTION.exec(text) ?? (claim && !WORDING.test(claim[2]!) ? claim : null));
}

/**
 * A premise conceded before the question turns on "ok, but" ("Ce contrat ferme…, ok, mais sur quelle plateforme ?"),
 * or undefined: checked even when the question answers.
 */
export function concessionOf(raw: string): Premise | undefined {
  return premiseFrom(STATEMENT_THEN_QUESTION.exec(raw.trim()));
}

/** The premise and question a match splits the text into, when both say something. */
function premiseFrom(m: RegExpExecArray | null): Premise | undefined {
  if (!m) return undefined;
  const premise = m[1]!.trim().replace(/[\s,;:.!?]+$/u, '');
  const question = m[2]!.trim();
  // Both sides must say something: a premise of a word or two is the question's topic ("Comme prévu, …").
  if (premise.split(/\s+/u).length < 3 || !/\?\s*$/u.test(question) || /\?/u.test(premise)) return undefined;
  return { premise, question };
}
