// A base of two deals for the tests: a throwaway copy of the shipped facts/ (the OpenAI–Nvidia deal,
// its shared parties, topics and source) with the fixture deal Northwind–Kestrel added as
// facts/northwind-kestrel/ (reviewed from the draft of tests/fixtures/northwind/article.txt).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { loadFactBase, type FactBase } from '../../src/facts/load.ts';
import { FACTS_DIR } from './bot.ts';

export const NORTHWIND_DEAL = resolve(import.meta.dirname, '../fixtures/northwind/northwind-kestrel');
export const SECOND = 'northwind-kestrel';
export const FIRST = 'openai-nvidia';

/** The shipped deal's base as it stands (its counts change as curators edit it; tests compare to it). */
export function shipped(): FactBase {
  return loadFactBase(FACTS_DIR);
}

/** A copy of facts/ with the fixture deal beside the shipped one; `cleanup()` removes it. */
export function twoDealFacts(): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'dealbot-deals-'));
  const dir = join(root, 'facts');
  cpSync(FACTS_DIR, dir, { recursive: true });
  cpSync(NORTHWIND_DEAL, join(dir, SECOND), { recursive: true });
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

let shared: EngineHolder | undefined;

/** The engines of the two-deal base, built once per test file (the copy is gone once loaded: nothing reloads it). */
export function twoDealHolder(): EngineHolder {
  if (!shared) {
    const copy = twoDealFacts();
    try {
      shared = new EngineHolder(copy.dir);
    } finally {
      copy.cleanup();
    }
  }
  return shared;
}
