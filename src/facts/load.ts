// Reads every YAML file of a fact directory, validates it against the one schema and
// cross-checks ids, so that a broken base is refused whole with precise messages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, isMap, type Node } from 'yaml';
import type { z } from 'zod';
import { checkFact, readSourceCopies } from './faithfulness.ts';
import { Deal, Fact, FactFile, Party, Source, Topic } from './schema.ts';

export interface FactProblem {
  file: string; // relative to the working directory
  line: number;
  field: string; // e.g. facts[2].figure.unit
  message: string;
}

export function formatProblem(p: FactProblem): string {
  return `${p.file}:${p.line} ${p.field}: ${p.message}`;
}

export class FactBaseError extends Error {
  constructor(readonly problems: FactProblem[]) {
    super(`the fact base has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'FactBaseError';
  }
}

/** The facts of one deal, with the parties, topics and sources they may name; what one question engine serves. */
export interface FactBase {
  dir: string;
  /** The deal these facts belong to; undefined for a base without a deal file (its facts form one deal). */
  deal?: Deal;
  facts: Fact[];
  sources: Map<string, Source>;
  parties: Map<string, Party>;
  topics: Map<string, Topic>;
  byId: Map<string, Fact>;
  /** Hash of each fact's content: what "changed since" compares. */
  factHashes: Map<string, string>;
  /** Hash of the whole base: its version. */
  fingerprint: string;
  loadedAt: Date;
}

/** A whole fact directory: one base per deal, in folder order. */
export interface LoadedBase {
  dir: string;
  /** Each deal's base (its `deal` set), or the one base of a directory without deal files. */
  deals: FactBase[];
  /** The version of everything served: the one deal's fingerprint, or a hash of every deal's. */
  fingerprint: string;
  loadedAt: Date;
}

/**
 * An element of a file, where it is, and the deal whose folder holds the file (undefined: a shared
 * file, outside every deal's folder).
 */
type Located<T> = { value: T; file: string; path: (string | number)[]; lines: LineResolver; abs?: string; deal?: string };
type LineResolver = (path: (string | number)[]) => number;

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

function lineResolver(doc: ReturnType<typeof parseDocument>, counter: LineCounter): LineResolver {
  return (path) => {
    // Walk down as far as the path exists, so a missing field points at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && (node as Node).range) {
        // For a key that exists, prefer the key's own line over its value's.
        const parent = n > 0 ? (doc.getIn(path.slice(0, n - 1), true) as Node | undefined) : undefined;
        if (parent && isMap(parent)) {
          const pair = parent.items.find((it) => (it.key as { value?: unknown })?.value === path[n - 1]);
          const keyRange = (pair?.key as Node | undefined)?.range;
          if (keyRange) return counter.linePos(keyRange[0]).line;
        }
        return counter.linePos(node.range![0]).line;
      }
    }
    return 1;
  };
}

/** Zod 4 says "expected string, received undefined" for a missing field; curators read "Required". */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
  // A missing `kind` is reported by the discriminated union as an "invalid discriminator value".
  if (issue.code === 'invalid_union' && 'discriminator' in issue && typeof issue.discriminator === 'string') {
    const input = issue.input as Record<string, unknown> | undefined;
    if (input && typeof input === 'object' && input[issue.discriminator] === undefined) return 'Required';
  }
  return undefined;
};

/** The lists a fact file may hold, each with the schema of one element. */
const LISTS = { sources: Source, parties: Party, topics: Topic, facts: Fact } as const;
type ListName = keyof typeof LISTS;
const LIST_NAMES = Object.keys(LISTS) as ListName[];

/** The YAML files of a fact directory, recursively, in a stable order. */
export function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/i.test(name)) out.push(full);
  }
  return out;
}

interface FactRefs {
  source?: string;
  topics: (string | undefined)[];
  parties: (string | undefined)[];
}

/** The ids a fact refers to, read leniently so a fact that failed validation can be checked too. */
function refsOf(fact: unknown): FactRefs {
  const f = (fact ?? {}) as { citation?: { source?: unknown }; topics?: unknown; parties?: unknown };
  const ids = (list: unknown) => (Array.isArray(list) ? list.map((x) => (typeof x === 'string' ? x : undefined)) : []);
  const source = typeof f.citation === 'object' && f.citation !== null ? f.citation.source : undefined;
  return { ...(typeof source === 'string' ? { source } : {}), topics: ids(f.topics), parties: ids(f.parties) };
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** A deal file found while reading: its folder (absolute) and its deal, when that validated. */
interface DealSpot {
  folder: string;
  at: Located<unknown>;
  deal?: Deal;
}

/** Which deal's folder holds a file: the innermost deal folder above it (folders do not nest; see dealFolders). */
function dealOfFile(spots: readonly DealSpot[], abs: string): DealSpot | undefined {
  let best: DealSpot | undefined;
  for (const spot of spots) {
    if (abs.startsWith(spot.folder + sep) && (!best || spot.folder.length > best.folder.length)) best = spot;
  }
  return best;
}

/** Reads every file's lists (and deal), validated element by element; records problems as it goes. */
function readFiles(dir: string, files: string[], problems: FactProblem[]) {
  const facts: Located<Fact>[] = [];
  const sources: Located<Source>[] = [];
  const parties: Located<Party>[] = [];
  const topics: Located<Topic>[] = [];
  const spots: DealSpot[] = [];
  /** Files holding facts, and where their list starts (the "facts outside a deal" check). */
  const factFiles: { abs: string; at: Located<unknown> }[] = [];
  /** Folders holding a file that could not be read as YAML: it may be a deal's file. */
  const unreadable = new Set<string>();
  /** Ids of elements that failed validation: known to exist, so references to them are not reported too. */
  const declared: Record<ListName, Set<string>> = { sources: new Set(), parties: new Set(), topics: new Set(), facts: new Set() };
  const brokenFacts: { item: Located<unknown>; refs: FactRefs }[] = [];

  for (const path of files) {
    const file = relative(process.cwd(), path) || path;
    const abs = resolve(path);
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter, prettyErrors: false });
    if (doc.errors.length > 0) {
      unreadable.add(dirname(abs));
      // The parser often reports one mistake several times on the same line: keep the first.
      const seen = new Set<number>();
      for (const e of doc.errors) {
        const line = counter.linePos(e.pos[0]).line;
        if (seen.has(line)) continue;
        seen.add(line);
        problems.push({ file, line, field: '(yaml)', message: e.message.split('\n')[0]! });
      }
      continue;
    }
    const lines = lineResolver(doc, counter);
    const raw: unknown = doc.toJS() ?? {};
    const where = (path: (string | number)[]) => ({ file, path, lines });
    const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    if (record && record.deal !== undefined) {
      const ok = Deal.safeParse(record.deal);
      spots.push({ folder: dirname(abs), at: { ...where(['deal']), value: record.deal }, ...(ok.success ? { deal: ok.data } : {}) });
    }
    if (record && Array.isArray(record.facts) && record.facts.length > 0) factFiles.push({ abs, at: { ...where(['facts']), value: record.facts } });
    const parsed = FactFile.safeParse(raw, { error: errorMap });
    if (parsed.success) {
      parsed.data.facts.forEach((value, i) => facts.push({ value, ...where(['facts', i]), abs }));
      parsed.data.sources.forEach((value, i) => sources.push({ value, ...where(['sources', i]), abs }));
      parsed.data.parties.forEach((value, i) => parties.push({ value, ...where(['parties', i]), abs }));
      parsed.data.topics.forEach((value, i) => topics.push({ value, ...where(['topics', i]), abs }));
      continue;
    }
    const broken = new Set<string>();
    for (const issue of parsed.error.issues) {
      const p = issue.path as (string | number)[];
      broken.add(p.slice(0, 2).join(':'));
      if (issue.code === 'unrecognized_keys') {
        // One problem per unknown key, on the key's own line, so a typo such as "figure:" is easy to find.
        for (const key of issue.keys) problems.push({ file, line: lines([...p, key]), field: fieldName([...p, key]) || key, message: 'Unrecognized key' });
        continue;
      }
      problems.push({ file, line: lines(p), field: fieldName(p) || '(file)', message: issue.message });
    }
    // The file is refused, but its valid elements still take part in the cross-checks below,
    // and the ids of its broken ones still count as declared: one typo must not make every
    // fact citing that source report "unknown source" as well.
    if (!record) continue;
    for (const name of LIST_NAMES) {
      const list = record[name];
      if (!Array.isArray(list) || broken.has(name)) continue;
      list.forEach((element: unknown, i) => {
        const ok = broken.has(`${name}:${i}`) ? undefined : LISTS[name].safeParse(element);
        const item = { ...where([name, i]), abs };
        if (ok?.success) {
          if (name === 'facts') facts.push({ ...item, value: ok.data as Fact });
          else if (name === 'sources') sources.push({ ...item, value: ok.data as Source });
          else if (name === 'parties') parties.push({ ...item, value: ok.data as Party });
          else topics.push({ ...item, value: ok.data as Topic });
        } else {
          const id = (element as { id?: unknown } | null)?.id;
          if (typeof id === 'string') declared[name].add(id);
          if (name === 'facts') brokenFacts.push({ item: { ...item, value: element }, refs: refsOf(element) });
        }
      });
    }
  }
  return { dir, facts, sources, parties, topics, spots, factFiles, unreadable, declared, brokenFacts };
}

const at = (item: Located<unknown>, ...rest: (string | number)[]) => ({
  file: item.file,
  line: item.lines([...item.path, ...rest]),
  field: fieldName([...item.path, ...rest]),
});

/**
 * The deal folders: one deal file per folder, named after its deal's id, never one inside another.
 * Returns the spots to route files by (a broken deal file still claims its folder, so its facts
 * are not also reported as outside every deal).
 */
function dealFolders(root: string, spots: DealSpot[], problems: FactProblem[]): DealSpot[] {
  const kept: DealSpot[] = [];
  for (const spot of spots) {
    const same = kept.find((k) => k.folder === spot.folder);
    if (same) {
      const first = at(same.at);
      problems.push({ ...at(spot.at), message: `a folder holds one deal; this one already has its deal file (${first.file}:${first.line})` });
      continue;
    }
    const outer = kept.find((k) => spot.folder.startsWith(k.folder + sep) || k.folder.startsWith(spot.folder + sep));
    if (outer) {
      const other = at(outer.at);
      problems.push({ ...at(spot.at), message: `deal folders cannot nest: this folder and the one of ${other.file} hold one deal each; give each deal its own folder under the fact directory` });
      continue;
    }
    if (spot.deal && spot.folder !== resolve(root) && basename(spot.folder) !== spot.deal.id) {
      problems.push({ ...at(spot.at, 'id'), message: `the deal "${spot.deal.id}" lives in a folder named after it: rename the folder "${basename(spot.folder)}" to "${spot.deal.id}" (or the id to "${basename(spot.folder)}")` });
    }
    kept.push(spot);
  }
  return kept;
}

type Read = ReturnType<typeof readFiles>;

/** Every element by id (the first of duplicates), and the ids of broken ones. */
interface Registry {
  sources: Map<string, Located<Source>>;
  parties: Map<string, Located<Party>>;
  topics: Map<string, Located<Topic>>;
  deals: Map<string, Located<Deal>>;
  declared: Read['declared'];
}

function unique<T extends { id: string }>(list: Located<T>[], what: string, problems: FactProblem[]): Map<string, Located<T>> {
  const seen = new Map<string, Located<T>>();
  for (const item of list) {
    const first = seen.get(item.value.id);
    if (first) {
      const f = at(first, 'id');
      problems.push({ ...at(item, 'id'), message: `duplicate ${what} id "${item.value.id}" (first defined at ${f.file}:${f.line})` });
    } else seen.set(item.value.id, item);
  }
  return seen;
}

/** Marks every element with the deal whose folder holds it; with deals, refuses fact files outside every deal's folder. */
function assignDeals(read: Read, spots: DealSpot[], problems: FactProblem[]): void {
  for (const list of [read.facts, read.sources, read.parties, read.topics, read.brokenFacts.map((b) => b.item)] as Located<unknown>[][]) {
    for (const item of list) {
      const spot = item.abs ? dealOfFile(spots, item.abs) : undefined;
      if (spot) item.deal = spot.deal?.id ?? `\0${spot.folder}`; // a broken deal file still claims its folder
    }
  }
  if (spots.length === 0) return;
  // One line per file: every fact belongs to a deal.
  for (const { abs, at: item } of read.factFiles) {
    if (dealOfFile(spots, abs) || read.unreadable.has(dirname(abs))) continue;
    problems.push({ ...at(item), message: 'facts belong to a deal: move this file into a deal’s folder (facts/<deal>/, next to its deal.yaml); only sources, parties and topics may be shared' });
  }
}

/** Why a deal (`scope`; undefined: outside every deal) may not name `item`: it sits in another deal's folder. */
function outOfScope(item: Located<unknown>, scope: string | undefined, what: string, id: string): string | undefined {
  if (item.deal === undefined || item.deal === scope) return undefined;
  const owner = item.deal.startsWith('\0') ? 'another deal' : `deal "${item.deal}"`;
  const where = at(item, 'id');
  return `${what} "${id}" belongs to ${owner} (${where.file}:${where.line}); to use it in two deals, move it to a shared file outside the deals' folders`;
}

/** A reference `ref` at `item`'s `path`, made in deal `scope`: unknown, or another deal's. True when it may be named. */
function checkRef(item: Located<unknown>, scope: string | undefined, path: (string | number)[], ref: string, known: Located<unknown> | undefined, declared: Set<string>, what: string, list: string, problems: FactProblem[]): boolean {
  if (!known && !declared.has(ref)) problems.push({ ...at(item, ...path), message: `unknown ${what} "${ref}" (add it to a ${list}: list)` });
  const foreign = known && outOfScope(known, scope, what, ref);
  if (foreign) problems.push({ ...at(item, ...path), message: foreign });
  return Boolean(known) && !foreign;
}

/**
 * A fact's source, topics and parties: known, its deal's own or shared, and its source one its deal lists.
 * Broken facts are checked too (as far as they can be read), so one run of `facts check` lists every
 * problem: a missing unit and an unknown source in the same fact.
 */
function checkFactRefs(refChecks: { item: Located<unknown>; refs: FactRefs }[], reg: Registry, problems: FactProblem[]): void {
  for (const { item, refs } of refChecks) {
    const deal = item.deal === undefined ? undefined : reg.deals.get(item.deal)?.value;
    const source = refs.source;
    if (source !== undefined && checkRef(item, item.deal, ['citation', 'source'], source, reg.sources.get(source), reg.declared.sources, 'source', 'sources', problems) && deal && !deal.sources.includes(source)) {
      problems.push({ ...at(item, 'citation', 'source'), message: `source "${source}" is not one of deal "${deal.id}"'s sources (add it to deal.sources in its deal file)` });
    }
    refs.topics.forEach((t, i) => t !== undefined && checkRef(item, item.deal, ['topics', i], t, reg.topics.get(t), reg.declared.topics, 'topic', 'topics', problems));
    refs.parties.forEach((p, i) => p !== undefined && checkRef(item, item.deal, ['parties', i], p, reg.parties.get(p), reg.declared.parties, 'party', 'parties', problems));
  }
}

/** Each deal names known parties and sources, its own or shared; one deal at most is the default. */
function checkDeals(reg: Registry, problems: FactProblem[]): void {
  const deals = [...reg.deals.values()];
  const defaults = deals.filter((d) => d.value.default);
  for (const extra of defaults.slice(1)) {
    const first = at(defaults[0]!, 'default');
    problems.push({ ...at(extra, 'default'), message: `only one deal can be the default (deal "${defaults[0]!.value.id}" is, at ${first.file}:${first.line})` });
  }
  for (const item of deals) {
    item.value.parties.forEach((ref, i) => checkRef(item, item.value.id, ['parties', i], ref, reg.parties.get(ref), reg.declared.parties, 'party', 'parties', problems));
    item.value.sources.forEach((ref, i) => checkRef(item, item.value.id, ['sources', i], ref, reg.sources.get(ref), reg.declared.sources, 'source', 'sources', problems));
  }
}

/** One base per deal (its facts; its own and the shared parties and topics; its own sources and the shared ones it lists). */
function basesOf(dir: string, read: Read, deals: Deal[], loadedAt: Date): LoadedBase {
  const values = <T>(list: Located<T>[], keep: (item: Located<T>) => boolean = () => true) => list.filter(keep).map((x) => x.value);
  if (deals.length === 0) {
    const base = factBase(dir, undefined, values(read.facts), values(read.sources), values(read.parties), values(read.topics), loadedAt);
    return { dir, deals: [base], fingerprint: base.fingerprint, loadedAt };
  }
  const bases = deals.map((deal) => {
    const own = (item: Located<unknown>) => item.deal === undefined || item.deal === deal.id;
    const sources = values(read.sources, (s) => s.deal === deal.id || (s.deal === undefined && deal.sources.includes(s.value.id)));
    return factBase(dir, deal, values(read.facts, (f) => f.deal === deal.id), sources, values(read.parties, own), values(read.topics, own), loadedAt);
  });
  const fingerprint = bases.length === 1 ? bases[0]!.fingerprint : hash(bases.map((d) => [d.deal!.id, d.fingerprint, d.deal]));
  return { dir, deals: bases, fingerprint, loadedAt };
}

/** Loads and validates a fact directory; throws FactBaseError listing every problem found. */
export function loadBase(dir: string): LoadedBase {
  const problems: FactProblem[] = [];
  let files: string[];
  try {
    files = yamlFiles(dir);
  } catch (err) {
    throw new FactBaseError([{ file: dir, line: 1, field: '(directory)', message: (err as Error).message }]);
  }
  if (files.length === 0) {
    throw new FactBaseError([{ file: dir, line: 1, field: '(directory)', message: 'no .yaml fact files found' }]);
  }
  const read = readFiles(dir, files, problems);
  const spots = dealFolders(dir, read.spots, problems);
  assignDeals(read, spots, problems);
  const reg: Registry = {
    sources: unique(read.sources, 'source', problems),
    parties: unique(read.parties, 'party', problems),
    topics: unique(read.topics, 'topic', problems),
    deals: unique(spots.flatMap((s) => (s.deal ? [{ ...s.at, value: s.deal }] : [])), 'deal', problems),
    declared: read.declared,
  };
  unique(read.facts, 'fact', problems);
  const refChecks = [...read.facts.map((item) => ({ item: item as Located<unknown>, refs: refsOf(item.value) })), ...read.brokenFacts];
  checkFactRefs(refChecks, reg, problems);
  checkDeals(reg, problems);

  // Faithfulness: no fact says more than its source (verbatim excerpts and quotes, stated figures).
  const copies = readSourceCopies(
    read.sources.map((item) => ({ source: item.value, at: (...rest) => at(item, ...rest) })),
    problems,
  );
  for (const { item } of refChecks) problems.push(...checkFact(item.value, (...rest) => at(item, ...rest), copies));

  if (problems.length > 0) {
    // Read like a compiler's output: file by file, top to bottom (sort is stable).
    problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    throw new FactBaseError(problems);
  }
  return basesOf(dir, read, [...reg.deals.values()].map((d) => d.value), new Date());
}

/** One deal's base: its elements by id, each fact's hash and the base's version. */
function factBase(dir: string, deal: Deal | undefined, facts: Fact[], sources: Source[], parties: Party[], topics: Topic[], loadedAt: Date): FactBase {
  const factHashes = new Map(facts.map((f) => [f.id, hash(f)]));
  return {
    dir,
    ...(deal ? { deal } : {}),
    facts,
    sources: new Map(sources.map((s) => [s.id, s])),
    parties: new Map(parties.map((p) => [p.id, p])),
    topics: new Map(topics.map((t) => [t.id, t])),
    byId: new Map(facts.map((f) => [f.id, f])),
    factHashes,
    // The deal's own definition is not part of it: a base that gains a deal file keeps its version.
    fingerprint: hash([[...factHashes].sort(), sources, parties, topics]),
    loadedAt,
  };
}

/**
 * Loads a fact directory and returns one deal's base: the deal named `deal`, else the only one, or
 * the default deal (`default: true`, else the first). Throws FactBaseError for a broken base or an unknown deal.
 */
export function loadFactBase(dir: string, deal?: string): FactBase {
  return dealBase(loadBase(dir), deal);
}

/** One deal's base of a loaded directory, picked as loadFactBase picks it. Throws FactBaseError for an unknown deal. */
export function dealBase(loaded: LoadedBase, deal?: string): FactBase {
  if (deal === undefined) return loaded.deals.find((b) => b.deal?.default) ?? loaded.deals[0]!;
  const found = loaded.deals.find((b) => b.deal?.id === deal);
  if (found) return found;
  const ids = loaded.deals.flatMap((b) => (b.deal ? [b.deal.id] : []));
  throw new FactBaseError([{ file: loaded.dir, line: 1, field: '(deal)', message: `no deal "${deal}" in this base${ids.length ? `; its deals: ${ids.join(', ')}` : ' (it has no deal file)'}` }]);
}
