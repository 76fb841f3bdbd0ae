// Which deal a question is about, when the base holds several: a question naming a deal — its name,
// an alias, one of its parties (by name or alias) or a person quoted in it — is answered from that
// deal; anything else from the channel's deal. A layer over the engines: it reads each deal's base
// (parties, quotes) and never looks inside src/search.
import type { DealEntry, DealSet } from './deal-set.ts';

/** Lower case, accents off, apostrophes and punctuation as spaces: "Kestrel’s" reads "kestrel s". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A phrase that names a deal, and what it names (one deal's party counts once, however many aliases match). */
interface Name {
  phrase: string;
  owner: string;
}

/** Shorter phrases ("ai", "x") would name deals by accident. */
const MIN_PHRASE = 3;

/** Every way a question can name this deal. */
export function namesOf(entry: DealEntry): Name[] {
  const names: Name[] = [];
  const add = (owner: string, ...phrases: string[]) => {
    for (const p of phrases) {
      const phrase = foldName(p);
      if (phrase.length >= MIN_PHRASE) names.push({ phrase, owner });
    }
  };
  const base = entry.engine.base;
  add('deal', entry.id.replace(/-/g, ' '));
  if (entry.deal) {
    add('deal', entry.deal.name.en, entry.deal.name.fr, ...entry.deal.aliases);
    for (const id of entry.deal.parties) {
      const party = base.parties.get(id);
      if (party) add(`party:${id}`, party.name, ...party.aliases);
    }
  }
  for (const fact of base.facts) {
    if (fact.kind !== 'quote') continue;
    const speaker = fact.quote.speaker;
    const last = speaker.split(/\s+/).at(-1) ?? '';
    add(`speaker:${speaker}`, speaker, ...(foldName(last).length >= 4 ? [last] : []));
  }
  // Longest first: "lumen batteries" is found before "lumen" (they count once anyway).
  return names.sort((a, b) => b.phrase.length - a.phrase.length);
}

export interface Named {
  entry: DealEntry;
  /** How many distinct things of the deal the text names (the deal itself, each party, each speaker). */
  score: number;
}

export class DealRouter {
  private readonly names: { entry: DealEntry; names: Name[] }[];

  constructor(readonly set: DealSet) {
    this.names = set.deals.map((entry) => ({ entry, names: namesOf(entry) }));
  }

  /** The deals a text names, most named first (ties in folder order). */
  named(text: string): Named[] {
    const padded = ` ${foldName(text)} `;
    if (padded.length <= 2) return [];
    const out: Named[] = [];
    for (const { entry, names } of this.names) {
      const owners = new Set<string>();
      for (const n of names) if (!owners.has(n.owner) && padded.includes(` ${n.phrase} `)) owners.add(n.owner);
      if (owners.size > 0) out.push({ entry, score: owners.size });
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /**
   * The deal a question is about: the one it names most; the channel's deal (`home`) when it names
   * none, or names the channel's deal as much as any other.
   */
  route(text: string, home: DealEntry): DealEntry {
    const named = this.named(text);
    const top = named[0];
    if (!top) return home;
    const homeScore = named.find((n) => n.entry === home)?.score ?? 0;
    return homeScore >= top.score ? home : top.entry;
  }

  /**
   * A deal by its id, else the one deal whose name, alias, party or quoted person the whole text is
   * ("kestrel", "the Kestrel takeover"); undefined when none or several. A sentence that merely
   * mentions a party is not a deal's name.
   */
  find(text: string): DealEntry | undefined {
    const id = this.set.get(text.trim().toLowerCase());
    if (id) return id;
    const phrase = foldName(text).replace(/^(?:the|le|la|les|l) /, '');
    const found = this.names.filter(({ names }) => names.some((n) => n.phrase === phrase)).map((d) => d.entry);
    return found.length === 1 ? found[0] : undefined;
  }
}

const routers = new WeakMap<DealSet, DealRouter>();

/** The router of a deal set (built once per set: a reload makes a new set). */
export function routerOf(set: DealSet): DealRouter {
  let router = routers.get(set);
  if (!router) {
    router = new DealRouter(set);
    routers.set(set, router);
  }
  return router;
}
