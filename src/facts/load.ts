// Reads every YAML file of a fact directory, validates it against the one schema and
// cross-checks ids, so that a broken base is refused whole with precise messages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, isMap, type Node } from 'yaml';
import type { z } from 'zod';
import { checkFact, readSourceCopies } from './faithfulness.ts';
import { Fact, FactFile, Party, Source, Topic } from './schema.ts';

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

export interface FactBase {
  dir: string;
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

type Located<T> = { value: T; file: string; path: (string | number)[]; lines: LineResolver };
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

/** Loads and validates a fact directory; throws FactBaseError listing every problem found. */
export function loadFactBase(dir: string): FactBase {
  const problems: FactProblem[] = [];
  const facts: Located<Fact>[] = [];
  const sources: Located<Source>[] = [];
  const parties: Located<Party>[] = [];
  const topics: Located<Topic>[] = [];
  /** Ids of elements that failed validation: known to exist, so references to them are not reported too. */
  const declared: Record<ListName, Set<string>> = { sources: new Set(), parties: new Set(), topics: new Set(), facts: new Set() };
  const brokenFacts: { item: Located<unknown>; refs: FactRefs }[] = [];
  let files: string[];
  try {
    files = yamlFiles(dir);
  } catch (err) {
    throw new FactBaseError([{ file: dir, line: 1, field: '(directory)', message: (err as Error).message }]);
  }
  if (files.length === 0) {
    throw new FactBaseError([{ file: dir, line: 1, field: '(directory)', message: 'no .yaml fact files found' }]);
  }

  for (const path of files) {
    const file = relative(process.cwd(), path) || path;
    const counter = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: counter, prettyErrors: false });
    if (doc.errors.length > 0) {
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
    const parsed = FactFile.safeParse(raw, { error: errorMap });
    if (parsed.success) {
      parsed.data.facts.forEach((value, i) => facts.push({ value, file, path: ['facts', i], lines }));
      parsed.data.sources.forEach((value, i) => sources.push({ value, file, path: ['sources', i], lines }));
      parsed.data.parties.forEach((value, i) => parties.push({ value, file, path: ['parties', i], lines }));
      parsed.data.topics.forEach((value, i) => topics.push({ value, file, path: ['topics', i], lines }));
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
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) continue;
    for (const name of LIST_NAMES) {
      const list = (raw as Record<string, unknown>)[name];
      if (!Array.isArray(list) || broken.has(name)) continue;
      list.forEach((element: unknown, i) => {
        const ok = broken.has(`${name}:${i}`) ? undefined : LISTS[name].safeParse(element);
        if (ok?.success) {
          const item = { file, path: [name, i], lines };
          if (name === 'facts') facts.push({ ...item, value: ok.data as Fact });
          else if (name === 'sources') sources.push({ ...item, value: ok.data as Source });
          else if (name === 'parties') parties.push({ ...item, value: ok.data as Party });
          else topics.push({ ...item, value: ok.data as Topic });
        } else {
          const id = (element as { id?: unknown } | null)?.id;
          if (typeof id === 'string') declared[name].add(id);
          if (name === 'facts') brokenFacts.push({ item: { file, path: [name, i], lines, value: element }, refs: refsOf(element) });
        }
      });
    }
  }

  const at = (item: Located<unknown>, ...rest: (string | number)[]) => ({
    file: item.file,
    line: item.lines([...item.path, ...rest]),
    field: fieldName([...item.path, ...rest]),
  });

  function unique<T extends { id: string }>(list: Located<T>[], what: string): Map<string, T> {
    const seen = new Map<string, Located<T>>();
    for (const item of list) {
      const first = seen.get(item.value.id);
      if (first) {
        const f = at(first, 'id');
        problems.push({ ...at(item, 'id'), message: `duplicate ${what} id "${item.value.id}" (first defined at ${f.file}:${f.line})` });
      } else seen.set(item.value.id, item);
    }
    return new Map([...seen].map(([k, v]) => [k, v.value]));
  }

  const sourceMap = unique(sources, 'source');
  const partyMap = unique(parties, 'party');
  const topicMap = unique(topics, 'topic');
  const factMap = unique(facts, 'fact');

  // References are checked on broken facts too (as far as they can be read), so one run of
  // `facts check` lists every problem: a missing unit and an unknown source in the same fact.
  const refChecks = [...facts.map((item) => ({ item, refs: refsOf(item.value) })), ...brokenFacts];
  for (const { item, refs } of refChecks) {
    if (refs.source !== undefined && !sourceMap.has(refs.source) && !declared.sources.has(refs.source)) {
      problems.push({ ...at(item, 'citation', 'source'), message: `unknown source "${refs.source}" (add it to a sources: list)` });
    }
    refs.topics.forEach((t, i) => {
      if (t !== undefined && !topicMap.has(t) && !declared.topics.has(t)) problems.push({ ...at(item, 'topics', i), message: `unknown topic "${t}" (add it to a topics: list)` });
    });
    refs.parties.forEach((p, i) => {
      if (p !== undefined && !partyMap.has(p) && !declared.parties.has(p)) problems.push({ ...at(item, 'parties', i), message: `unknown party "${p}" (add it to a parties: list)` });
    });
  }

  // Faithfulness: no fact says more than its source (verbatim excerpts and quotes, stated figures).
  const copies = readSourceCopies(
    sources.map((item) => ({ source: item.value, at: (...rest) => at(item, ...rest) })),
    problems,
  );
  for (const { item } of refChecks) problems.push(...checkFact(item.value, (...rest) => at(item, ...rest), copies));

  if (problems.length > 0) {
    // Read like a compiler's output: file by file, top to bottom (sort is stable).
    problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    throw new FactBaseError(problems);
  }

  const factList = facts.map((f) => f.value);
  const factHashes = new Map(factList.map((f) => [f.id, hash(f)]));
  return {
    dir,
    facts: factList,
    sources: sourceMap,
    parties: partyMap,
    topics: topicMap,
    byId: factMap,
    factHashes,
    fingerprint: hash([[...factHashes].sort(), [...sourceMap.values()], [...partyMap.values()], [...topicMap.values()]]),
    loadedAt: new Date(),
  };
}
