// `npm run bench`: every benchmark in one run, printed as the markdown tables the README records.
// Speed targets live here, never in tests. Each benchmark runs in a process of its own, as the bot
// does in production: the 100,000-fact engines of the search benchmark (and the caches their
// building fills) would otherwise stay in the heap the Slack and Discord bots collect garbage from.
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

const log = (line: string) => console.error(`[bench] ${line}`);
const root = resolve(import.meta.dirname, '..');

/** Runs bench/<name>.ts alone (same Node flags); resolves to the table it prints; its log goes to stderr. */
function runAlone(name: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, resolve(root, 'bin/run-ts.js'), resolve(root, `bench/${name}.ts`)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.once('error', fail);
    child.once('close', (code) => (code === 0 ? done(out.trimEnd()) : fail(new Error(`bench/${name}.ts exited with ${code}`))));
  });
}

const started = Date.now();
console.log(`# dealbot benchmarks\n`);
console.log(`Node ${process.version} ${process.execArgv.filter((a) => a.startsWith('--v8')).join(' ')}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString()}\n`);
for (const [title, name] of [
  ['Question engine', 'search'],
  ['Slack: slash-command ack latency', 'slack'],
  ['Discord: interaction-to-callback latency', 'discord'],
  ['Replicas: summaries due at the same minute', 'replicas'],
] as const) {
  console.log(`## ${title}\n`);
  console.log(await runAlone(name));
  console.log('');
}
log(`all benchmarks took ${((Date.now() - started) / 1000).toFixed(0)} s`);
