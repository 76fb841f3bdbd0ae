// Quotes and who said them. The article's pattern is «quote» followed by "Name, role (Org)" or
// "Name, role d’Org / chez Org"; English pages also write “quote,” said Name, role at Org. An
// attribution before the quote ("Name, role, a déclaré : « … »") is read too.

export interface Attribution {
  speaker: string;
  role: string | null;
  organisation: string | null;
}

export interface FoundQuote extends Attribution {
  /** The words inside the quotation marks, verbatim. */
  original: string;
  /** Where the quote unit (marks + attribution) starts and ends in its block. */
  start: number;
  end: number;
}

const NAME = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:de\\s+|van\\s+|von\\s+|del\\s+)?\\p{Lu}[\\p{L}'’.-]+){1,2}";
const VERB = "(?:a déclaré|a dit|a affirmé|a expliqué|a estimé|a ajouté|a résumé|a prévenu|explique|affirme|estime|ajoute|résume|prévient|selon|said|says|added|explained|told reporters|according to)";
const MARKS = /«\s*([^«»]+?)\s*»|“([^“”]+?)”|"([^"]+?)"/gu;

/** "avocat en droit antitrust (Doyle, Barlow & Mazard)" → role + organisation; "PDG d’OpenAI" too. */
export function splitRole(text: string): { role: string | null; organisation: string | null } {
  const t = text.replace(/[\s.;,]+$/u, '').trim();
  if (!t) return { role: null, organisation: null };
  const paren = /^(.*?)\s*\(([^()]+)\)$/u.exec(t);
  if (paren) return { role: paren[1]!.trim() || null, organisation: paren[2]!.trim() };
  // The last connector followed by a capitalised name: "analyste chez Bernstein", "chief executive of Acme".
  const connector = /^(.*)\s(?:chez|at|of|du|de la|de|pour|for)\s(\p{Lu}.*)$/u.exec(t) ?? /^(.*)\sd['’](\p{Lu}.*)$/u.exec(t);
  if (connector) return { role: connector[1]!.trim(), organisation: connector[2]!.trim() };
  return { role: t, organisation: null };
}

function after(text: string): Attribution | undefined {
  const m = new RegExp(`^[\\s,;:–—-]*(?:${VERB}\\s+)?(${NAME})(?:\\s*,\\s*([^«»“”"]+))?`, 'u').exec(text);
  if (!m) return undefined;
  return { speaker: m[1]!.trim(), ...splitRole(m[2] ?? '') };
}

function before(text: string): Attribution | undefined {
  const m = new RegExp(`(?:^|[.!?]\\s+|${VERB}\\s+)(${NAME})\\s*,\\s*([^«»“”",]+(?:\\([^)]*\\))?)\\s*,?\\s*(?:${VERB})?\\s*:?\\s*$`, 'u').exec(text);
  if (!m) return undefined;
  return { speaker: m[1]!.trim(), ...splitRole(m[2] ?? '') };
}

/** Quotes of at least four words with a speaker named right after (or right before) them. */
export function findQuotes(block: string): FoundQuote[] {
  const found: FoundQuote[] = [];
  for (const m of block.matchAll(MARKS)) {
    const original = (m[1] ?? m[2] ?? m[3] ?? '').trim().replace(/,$/, '');
    if (original.split(/\s+/).length < 4) continue; // a word or two in quotation marks is not a quote
    const start = m.index!;
    const end = start + m[0].length;
    const rest = block.slice(end);
    const next = /[«“"]/.exec(rest);
    const tail = next ? rest.slice(0, next.index) : rest;
    const post = after(tail.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? '');
    if (post) {
      found.push({ original, ...post, start, end: end + (tail.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? '').trimEnd().length });
      continue;
    }
    const pre = before(block.slice(0, start));
    if (pre) {
      const lead = block.slice(0, start).search(new RegExp(`${NAME}\\s*,[^«“"]*$`, 'u'));
      found.push({ original, ...pre, start: lead >= 0 ? lead : start, end });
    }
  }
  return found;
}
