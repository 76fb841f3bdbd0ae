// Candidate facts from an article: one for each sentence holding a figure, a date or period, or a
// quote with its speaker. Each keeps its verbatim excerpt and section, the base's parties it names,
// a guessed kind, and `review: true`. Nothing is translated: the other language gets the placeholder.
import type { FactKind, Figure, Lang, Party, Topic, When } from '../facts/schema.ts';
import { DRAFT_PLACEHOLDER } from '../facts/schema.ts';
import { type Article, withSections } from './article.ts';
import { findFigures, type FoundFigure } from './figures.ts';
import { findGap } from './gaps.ts';
import { partiesIn, topicsIn } from './match.ts';
import { findPeriods } from './periods.ts';
import { type FoundQuote, findQuotes } from './quotes.ts';

export interface Candidate {
  id: string;
  kind: FactKind;
  topics: string[];
  statement: { en: string; fr: string };
  figures: Pick<Figure, 'value' | 'unit' | 'currency' | 'qualifier'>[];
  when?: When;
  quote?: { original: string; lang: Lang; translation?: { en: string }; speaker: string; role: { en: string; fr: string }; organisation: string };
  parties: string[];
  citation: { source: string; section: string; excerpt: string };
  gap?: true;
  review: true;
  /** What the curator should know: the words of the gap, other dates in the sentence, … */
  notes: string[];
}

export interface DraftContext {
  lang: Lang;
  sourceId: string;
  deal?: string;
  parties: Party[];
  topics: Topic[];
  /** Fact ids already in the base: drafted ids never collide with them. */
  existingIds: Set<string>;
}

interface Unit {
  text: string;
  section: string;
  quote?: FoundQuote;
}

const MOVE_UP = /(?:bondi|hauss|progress|grimp|gagn|monté|\+|rose|jump|gain|climb|surg|up\b)/iu;
const MOVE_DOWN = /(?:recul|baiss|chut|perd|perdu|c[èé]d|repli|décroch|fell|drop|declin|lost|slid|slipp|down\b|fall)/iu;
const STOCK = /(?<!\p{L})(?:action|titre|cours|bourse|share|stock)s?(?!\p{L})/iu;

/** Sentences and quotes of each block, with the section they stand in. */
export function unitsOf(article: Article, lang: Lang): Unit[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const units: Unit[] = [];
  for (const { block, section } of withSections(article.blocks)) {
    let at = 0;
    const sentences = (text: string) => {
      for (const s of segmenter.segment(text)) if (s.segment.trim()) units.push({ text: s.segment.trim(), section });
    };
    for (const quote of findQuotes(block.text)) {
      sentences(block.text.slice(at, quote.start));
      units.push({ text: block.text.slice(quote.start, quote.end).trim(), section, quote });
      at = quote.end;
    }
    sentences(block.text.slice(at));
  }
  return units;
}

function slug(text: string, max = 5): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => (w.length > 2 || /^\d/.test(w)) && !/^(les|des|une|the|and|pour|par|avec|dans|sur|qui|que|est|sont|a|de|du|la|le)$/.test(w));
  return words.slice(0, max).join('-') || 'fact';
}

function marketFigures(unit: Unit, figures: FoundFigure[], named: ReturnType<typeof partiesIn>): { figure: FoundFigure; party?: string }[] {
  const pct = figures.filter((f) => f.unit === '%');
  if (pct.length === 0 || !(named.some((p) => p.ticker) || STOCK.test(unit.text))) return [];
  return pct.map((figure) => {
    const party = [...named].reverse().find((p) => p.index < figure.index);
    const from = party ? party.index : 0;
    const between = unit.text.slice(from, figure.index + figure.text.length);
    const down = MOVE_DOWN.test(between) && !/\+/.test(figure.text);
    if (!MOVE_DOWN.test(between) && !MOVE_UP.test(between)) return undefined;
    return { figure: { ...figure, value: down ? -Math.abs(figure.value) : figure.value }, ...(party ? { party: party.id } : {}) };
  }).filter((x): x is { figure: FoundFigure; party?: string } => x !== undefined);
}

/** The base's topic for a kind, when it has one ("quotes", "market", "timeline"), first: where `/deal quotes`… look. */
function withKindTopic(kind: FactKind, found: string[], topics: Topic[]): string[] {
  const id = ({ quote: 'quotes', 'market-move': 'market', milestone: 'timeline' } as Partial<Record<FactKind, string>>)[kind];
  if (!id || !topics.some((t) => t.id === id)) return found;
  return [id, ...found.filter((t) => t !== id)].slice(0, 3);
}

/** Every candidate fact of the article, in reading order. */
export function draftCandidates(article: Article, ctx: DraftContext): Candidate[] {
  const out: Candidate[] = [];
  const ids = new Set(ctx.existingIds);
  const other: Lang = ctx.lang === 'fr' ? 'en' : 'fr';
  const newId = (kind: string, text: string) => {
    const base = [ctx.deal, kind === 'market-move' ? 'market' : kind, slug(text)].filter(Boolean).join('-');
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  for (const unit of unitsOf(article, ctx.lang)) {
    const periods = findPeriods(unit.text, ctx.lang);
    const figures = findFigures(unit.quote ? unit.quote.original : unit.text, ctx.lang, unit.quote ? findPeriods(unit.quote.original, ctx.lang) : periods);
    const gap = findGap(unit.quote ? unit.quote.original : unit.text, ctx.lang);
    // A sentence with a word missing is drafted even without a figure, so the curator sees the gap.
    if (!unit.quote && periods.length === 0 && figures.length === 0 && !gap) continue;
    const named = partiesIn(unit.text, ctx.parties);
    const notes: string[] = [];
    if (gap) notes.push(`GAP: the source is missing a word here ("${gap}"); do not complete it: state only what is printed`);
    if (periods.length > 1) notes.push(`other dates in this sentence: ${periods.slice(1).map((p) => p.text).join(', ')}`);
    const common = {
      topics: topicsIn(unit.text, ctx.topics),
      statement: { [ctx.lang]: unit.text, [other]: DRAFT_PLACEHOLDER } as { en: string; fr: string },
      citation: { source: ctx.sourceId, section: unit.section, excerpt: unit.text },
      ...(gap ? { gap: true as const } : {}),
      review: true as const,
    };
    const figs = figures.map((f) => ({ value: f.value, unit: f.unit, ...(f.currency ? { currency: f.currency } : {}), qualifier: f.qualifier }));
    if (unit.quote) {
      const q = unit.quote;
      if (!q.organisation) notes.push('organisation not named next to the speaker: fill it in from the article');
      out.push({
        id: newId('quote', q.speaker),
        kind: 'quote',
        ...common,
        topics: withKindTopic('quote', common.topics, ctx.topics),
        figures: figs,
        quote: {
          original: q.original,
          lang: ctx.lang,
          ...(ctx.lang !== 'en' ? { translation: { en: DRAFT_PLACEHOLDER } } : {}),
          speaker: q.speaker,
          role: { [ctx.lang]: q.role ?? 'TODO role', [other]: DRAFT_PLACEHOLDER } as { en: string; fr: string },
          organisation: q.organisation ?? 'TODO organisation',
        },
        parties: named.map((p) => p.id),
        notes,
      });
      continue;
    }
    const moves = marketFigures(unit, figures, named);
    if (moves.length > 0) {
      for (const { figure, party } of moves) {
        out.push({
          id: newId('market-move', `${party ?? ''} ${figure.text}`),
          kind: 'market-move',
          ...common,
          topics: withKindTopic('market-move', common.topics, ctx.topics),
          figures: [{ value: figure.value, unit: '%', qualifier: figure.qualifier }],
          parties: party ? [party] : named.map((p) => p.id),
          notes: [...notes, ...(moves.length > 1 ? [`one of ${moves.length} share moves in this sentence: "${figure.text}"`] : [])],
        });
      }
      continue;
    }
    const kind: FactKind = periods.length > 0 ? 'milestone' : figures.length > 0 ? 'figure' : 'claim';
    out.push({
      id: newId(kind, unit.text),
      kind,
      ...common,
      topics: withKindTopic(kind, common.topics, ctx.topics),
      figures: figs,
      ...(periods[0] ? { when: periods[0].when } : {}),
      parties: named.map((p) => p.id),
      notes,
    });
  }
  return out;
}
