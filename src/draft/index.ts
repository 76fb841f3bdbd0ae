// `dealbot facts draft`: an article in, a reviewable YAML draft out — a source entry and candidate
// facts, each with `review: true` so the loader refuses to serve them until a curator has checked them.
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { Party, Source, Topic } from '../facts/schema.ts';
import { type Article, detectLang, readArticle } from './article.ts';
import { type Candidate, draftCandidates } from './candidates.ts';

export interface DraftInput {
  /** The article's path as the curator gave it (relative to the project root): the source's `file`. */
  file: string;
  content: string;
  sourceId?: string;
  /** The deal the facts belong to: their ids start with it, and the draft says where to save it. */
  deal?: string;
  /** The ids of the deals the base already has (a deal file each): a new one gets told to add its deal file. */
  existingDeals?: Set<string>;
  parties: Party[];
  topics: Topic[];
  existingFactIds: Set<string>;
  existingSourceIds: Set<string>;
}

export interface Draft {
  yaml: string;
  source: Source;
  candidates: Candidate[];
  article: Article;
}

function slug(text: string, max: number): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w.length > 1).slice(0, max).join('-');
}

function factNode(c: Candidate): Record<string, unknown> {
  return {
    id: c.id,
    kind: c.kind,
    topics: c.topics,
    statement: c.statement,
    ...(c.figures.length > 0 || c.kind === 'figure' ? { figures: c.figures } : {}),
    ...(c.when ? { when: c.when } : {}),
    ...(c.quote ? { quote: c.quote } : {}),
    parties: c.parties,
    citation: c.citation,
    ...(c.gap ? { gap: true } : {}),
    review: c.review,
  };
}

function header(input: DraftInput, source: Source, article: Article, candidates: Candidate[]): string {
  const count = (k: string) => candidates.filter((c) => c.kind === k).length;
  const gaps = candidates.filter((c) => c.gap).length;
  return [
    ` Draft of facts from ${input.file}, written by \`dealbot facts draft\`. Nothing here is served until reviewed.`,
    ...(input.deal ? [` deal: ${input.deal} — keep this file in facts/${input.deal}/, next to the deal's deal.yaml (one folder per deal).`] : []),
    ...(input.deal && input.existingDeals && !input.existingDeals.has(input.deal)
      ? [` The base has no deal "${input.deal}" yet: add facts/${input.deal}/deal.yaml (a deal: entry) and list "${source.id}" in its sources.`]
      : input.deal
        ? [` List "${source.id}" in the sources of facts/${input.deal}/deal.yaml.`]
        : []),
    ` ${candidates.length} candidate(s): ${count('figure')} figure, ${count('milestone')} milestone, ${count('quote')} quote, ${count('market-move')} market-move, ${count('claim')} claim; ${gaps} with a gap in the source.`,
    ' For each candidate: check it against the article; fix kind, figures, when, parties and topics; write',
    ` the statement (and a quote's translation and role) in the other language where it says "TODO translate";`,
    ' delete candidates not worth keeping; then remove `review: true`. Never complete a sentence marked GAP.',
    ' Then run `dealbot facts check`: it refuses any excerpt, quote or figure that is not in the source.',
    ...(article.dropped.length > 0 ? [` Dropped as page furniture: ${article.dropped.slice(0, 12).join('; ')}${article.dropped.length > 12 ? '; …' : ''}`] : []),
  ].join('\n');
}

/** Reads the article and builds the draft. */
export function draftFacts(input: DraftInput): Draft {
  const article = readArticle(input.file, input.content);
  const lang = detectLang(article);
  let sourceId = input.sourceId ?? (['article', slug(article.title ?? input.file, 5)].filter(Boolean).join('-') || 'article');
  if (!input.sourceId) for (let n = 2; input.existingSourceIds.has(sourceId); n++) sourceId = `${sourceId.replace(/-\d+$/, '')}-${n}`;
  const source: Source = {
    id: sourceId,
    title: article.title ?? 'TODO title',
    publisher: article.publisher,
    lang,
    file: input.file,
    published: article.published,
  };
  const candidates = draftCandidates(article, {
    lang,
    sourceId,
    ...(input.deal ? { deal: input.deal } : {}),
    parties: input.parties,
    topics: input.topics,
    existingIds: input.existingFactIds,
  });
  const doc = new Document({ sources: [source], facts: candidates.map(factNode) }, { aliasDuplicateObjects: false });
  doc.commentBefore = header(input, source, article, candidates);
  const sources = doc.get('sources', true);
  if (isSeq(sources)) {
    const s = sources.items[0] as YAMLMap;
    const notes = [
      article.publisher === null ? 'publisher: null — the page names none; fill it in only from the page itself' : '',
      article.published === null ? 'published: null — the page gives no publication date' : '',
      input.sourceId && input.existingSourceIds.has(input.sourceId) ? `a source "${input.sourceId}" already exists in the base: keep one of the two entries` : '',
    ].filter(Boolean);
    if (notes.length > 0) s.commentBefore = notes.map((n) => ` ${n}`).join('\n');
  }
  const facts = doc.get('facts', true);
  if (isSeq(facts)) {
    facts.items.forEach((item, i) => {
      const c = candidates[i]!;
      const notes = [
        ...c.notes,
        ...(c.topics.length === 0 ? ['no topic recognised: pick at least one id from topics.yaml'] : []),
        ...(c.parties.length === 0 ? ['no party of the base named here: add the parties (new ones to a parties: list first, in the deal’s folder or the shared parties.yaml)'] : []),
      ];
      if (isMap(item) && notes.length > 0) item.commentBefore = notes.map((n) => ` ${n}`).join('\n');
    });
  }
  return { yaml: doc.toString({ lineWidth: 0 }), source, candidates, article };
}
