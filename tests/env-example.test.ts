// .env.example is generated from the schemas that read the variables (`dealbot env`): the
// committed file must be what they say, so a new variable cannot go undocumented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platforms } from '../src/adapters/index.ts';
import { envExample } from '../src/cli/env-example.ts';
import { envDocs } from '../src/config/env.ts';
import { ROOT } from './helpers/process.ts';

describe('.env.example', () => {
  it('is exactly what `dealbot env` generates (run `node bin/dealbot.js env > .env.example` after changing a schema)', () => {
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8').trimEnd()).toBe(envExample().trimEnd());
  });

  it('lists every variable of every registered platform, with what turns it on', () => {
    const text = envExample();
    for (const p of platforms) {
      for (const v of envDocs(p.env.schema)) expect(text).toMatch(new RegExp(`^#? ?${v.name}=`, 'm'));
      for (const s of p.env.switches) expect(text).toContain(s);
    }
  });

  it('leaves secrets empty', () => {
    for (const p of platforms) for (const v of envDocs(p.env.schema).filter((d) => d.secret)) expect(envExample()).toMatch(new RegExp(`^${v.name}=$`, 'm'));
  });
});
