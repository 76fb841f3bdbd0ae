// `dealbot facts draft <article> [--deal ID] [--source-id ID] [--out FILE] [--force]`: a reviewable YAML
// draft of facts from a plain-text or HTML article, to stdout or a file. The base (--facts) gives the
// parties and topics to match; a base that does not load (say, it holds another draft) still lends them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { yamlFiles } from '../facts/load.ts';
import { Party, Topic } from '../facts/schema.ts';
import { draftFacts } from '../draft/index.ts';
import { EXIT_USAGE, type Io } from './io.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parties, topics and ids of a fact directory, read element by element: broken elements are skipped. */
function readRegistry(dir: string) {
  const parties: Party[] = [];
  const topics: Topic[] = [];
  const factIds = new Set<string>();
  const sourceIds = new Set<string>();
  const dealIds = new Set<string>();
  let files: string[] = [];
  try {
    files = yamlFiles(dir);
  } catch {
    return { parties, topics, factIds, sourceIds, dealIds };
  }
  for (const file of files) {
    const raw = parseDocument(readFileSync(file, 'utf8')).toJS() as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object') continue;
    const list = (name: string) => (Array.isArray(raw[name]) ? (raw[name] as unknown[]) : []);
    for (const p of list('parties')) {
      const ok = Party.safeParse(p);
      if (ok.success) parties.push(ok.data);
    }
    for (const t of list('topics')) {
      const ok = Topic.safeParse(t);
      if (ok.success) topics.push(ok.data);
    }
    for (const f of list('facts')) if (typeof (f as { id?: unknown })?.id === 'string') factIds.add((f as { id: string }).id);
    for (const s of list('sources')) if (typeof (s as { id?: unknown })?.id === 'string') sourceIds.add((s as { id: string }).id);
    const deal = raw.deal as { id?: unknown } | undefined;
    if (typeof deal?.id === 'string') dealIds.add(deal.id);
  }
  return { parties, topics, factIds, sourceIds, dealIds };
}

export function factsDraft(args: string[], factsDir: string, io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { deal: { type: 'string' }, 'source-id': { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  });
  const [article, ...extra] = positionals;
  if (!article || extra.length > 0) {
    io.stderr('usage: dealbot facts draft <article.txt|article.html> [--deal ID] [--source-id ID] [--out FILE] [--force]');
    return EXIT_USAGE;
  }
  for (const [name, v] of [['--deal', values.deal], ['--source-id', values['source-id']]] as const) {
    if (v !== undefined && !ID.test(v)) {
      io.stderr(`${name} must be lower-case words joined by "-" (e.g. acme-globex), got "${v}"`);
      return EXIT_USAGE;
    }
  }
  if (!existsSync(article)) {
    io.stderr(`dealbot facts draft: ${article}: no such file`);
    return EXIT_USAGE;
  }
  if (values.out && existsSync(values.out) && !values.force) {
    io.stderr(`dealbot facts draft: ${values.out} exists; pass --force to overwrite it`);
    return EXIT_USAGE;
  }
  const registry = readRegistry(factsDir);
  const draft = draftFacts({
    file: relative(process.cwd(), article) || article,
    content: readFileSync(article, 'utf8'),
    ...(values.deal ? { deal: values.deal } : {}),
    ...(values['source-id'] ? { sourceId: values['source-id'] } : {}),
    parties: registry.parties,
    topics: registry.topics,
    existingFactIds: registry.factIds,
    existingSourceIds: registry.sourceIds,
    existingDeals: registry.dealIds,
  });
  if (values.out) writeFileSync(values.out, draft.yaml);
  else io.stdout(draft.yaml);
  const c = draft.candidates;
  io.stderr(
    `drafted ${c.length} candidate fact(s) from ${article} (${draft.source.lang}, ${c.filter((x) => x.gap).length} with a gap in the source)` +
      `${values.out ? ` into ${values.out}` : ''}; each has review: true — review, remove it, then run dealbot facts check`,
  );
  return 0;
}
