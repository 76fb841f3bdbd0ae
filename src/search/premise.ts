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

export interface Premise {
  /** The premise as the asker wrote it (no opener, no punctuation around it). */
  premise: string;
  /** The question proper. */
  question: string;
}

/** The premise a question opens on, or undefined. Pure text: the engine decides what it is worth. */
export function premiseOf(raw: string): Premise | undefined {
  const text = raw.trim();
  const m = OPENERS.exec(text) ?? STATEMENT_THEN_QUESTION.exec(text);
  if (!m) return undefined;
  const premise = m[1]!.trim().replace(/[\s,;:.!?]+$/u, '');
  const question = m[2]!.trim();
  // Both sides must say something: a premise of a word or two is the question's topic ("Comme prévu, …").
  if (premise.split(/\s+/u).length < 3 || !/\?\s*$/u.test(question) || /\?/u.test(premise)) return undefined;
  return { premise, question };
}
