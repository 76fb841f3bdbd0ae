// The shape we hold to, read from the source: which folder may import which, where platform
// names may appear, and that no code writes into an SDK object's fields. A back-edge fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const SOURCES = [...files('src'), ...files('commands')];

/** Every module a file imports (static, dynamic and type-only), resolved to repo paths or package names. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), s)) : s));
}

const PLATFORM_LIBRARIES = /^(@slack\/|discord\.js$|@discordjs\/|ws$)/;
/** Folders of src/adapters/ that are not platforms: the console (the fallback when none is configured) and shared transport code. */
const NOT_PLATFORMS = ['console', 'transport'];
const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** [importer folder, imported folder or package, why it is forbidden]. */
const RULES: { from: (f: string) => boolean; to: (i: string) => boolean; why: string }[] = [
  { from: (f) => !under(f, 'src/adapters'), to: (i) => PLATFORM_LIBRARIES.test(i), why: 'only src/adapters/ talks to platform libraries' },
  { from: (f) => under(f, 'src/core'), to: (i) => under(i, 'commands'), why: 'the core gets its command list injected' },
  { from: (f) => under(f, 'src/core'), to: (i) => ['src/adapters', 'src/ops', 'src/summary', 'src/store', 'src/cli', 'src/start.ts', 'src/platforms.ts'].some((d) => under(i, d)) && !under(i, 'src/ops/log.ts'), why: 'the core depends on no outer layer (logging aside)' },
  { from: (f) => under(f, 'commands'), to: (i) => ['src/adapters', 'src/cli', 'src/start.ts'].some((d) => under(i, d)), why: 'commands are platform-neutral' },
  { from: (f) => under(f, 'src/ops'), to: (i) => ['src/core', 'src/adapters', 'commands', 'src/summary', 'src/store'].some((d) => under(i, d)), why: 'ops import no core internals (they get what they need injected)' },
  { from: (f) => under(f, 'src/store'), to: (i) => ['src/core', 'src/adapters', 'commands', 'src/summary', 'src/ops', 'src/cli'].some((d) => under(i, d)), why: 'storage depends on nothing above it' },
  { from: (f) => under(f, 'src/summary'), to: (i) => under(i, 'src/adapters') || under(i, 'src/cli/renderers.ts'), why: 'the summary reaches platforms only through injected publishers and renderers' },
  {
    from: (f) => under(f, 'src/adapters') && f.split('/').length > 3,
    to: (i) => i === 'src/adapters/index.ts' || under(i, 'commands') || under(i, 'src/start.ts') || under(i, 'src/cli'),
    why: 'a platform folder does not import the registry, the command list or the entry points',
  },
];

describe('import direction', () => {
  it('has no back-edge', () => {
    const broken: string[] = [];
    for (const file of SOURCES) {
      for (const imported of importsOf(file)) {
        for (const rule of RULES) if (rule.from(file) && rule.to(imported)) broken.push(`${file} → ${imported}: ${rule.why}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps each platform folder to itself', () => {
    const broken: string[] = [];
    for (const file of SOURCES.filter((f) => f.split('/').length > 3 && under(f, 'src/adapters'))) {
      const own = file.split('/').slice(0, 3).join('/');
      for (const imported of importsOf(file)) {
        const other = under(imported, 'src/adapters') && imported.split('/').length > 3 ? imported.split('/').slice(0, 3).join('/') : undefined;
        if (other && other !== own && other !== 'src/adapters/transport') broken.push(`${file} → ${imported}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('reads imports (the checks above can fail)', () => {
    expect(importsOf('src/cli/main.ts')).toContain('src/core/create-bot.ts');
    expect(RULES[0]!.to('discord.js')).toBe(true);
  });
});

describe('platform names', () => {
  it('appear as strings only inside src/adapters/ (the registry included)', () => {
    const found: string[] = [];
    for (const file of SOURCES.filter((f) => !under(f, 'src/adapters'))) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/(['"`])(slack|discord)\1/i.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the registry lists every platform folder', () => {
    const folders = readdirSync(join(ROOT, 'src/adapters')).filter((n) => statSync(join(ROOT, 'src/adapters', n)).isDirectory());
    const registry = readFileSync(join(ROOT, 'src/adapters/index.ts'), 'utf8');
    const listed = folders.filter((f) => !NOT_PLATFORMS.includes(f));
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const folder of listed) expect(registry).toContain(`./${folder}/index.ts`);
  });
});

describe('transport code', () => {
  it('lives in src/adapters/, not in the core', () => {
    expect(files('src/core').filter((f) => /http|socket|transport/i.test(f))).toEqual([]);
  });

  it('never assigns an SDK object’s fields (discord.js interaction state)', () => {
    const writes: string[] = [];
    for (const file of files('src')) {
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\b(?:interaction|i)\.(responded|replied|deferred|ephemeral|webhook)\s*=[^=]/.test(line)) writes.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(writes).toEqual([]);
  });
});

describe('size', () => {
  it('keeps the two busiest adapter files well under 200 lines', () => {
    for (const file of ['src/adapters/slack/app.ts', 'src/adapters/discord/handlers.ts']) {
      expect(readFileSync(join(ROOT, file), 'utf8').split('\n').length, file).toBeLessThan(160);
    }
  });
});
