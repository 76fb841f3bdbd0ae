// `npm run bench`: every benchmark in one run, printed as the markdown tables the README records.
// Speed targets live here, never in tests.
import { cpus, totalmem } from 'node:os';
import { runDiscordBench } from './discord.ts';
import { runReplicaBench } from './replicas.ts';
import { runSearchBench } from './search.ts';
import { runSlackBench } from './slack.ts';

const log = (line: string) => console.error(`[bench] ${line}`);
const started = Date.now();
console.log(`# dealbot benchmarks\n`);
console.log(`Node ${process.version} ${process.execArgv.filter((a) => a.startsWith('--v8')).join(' ')}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString()}\n`);
console.log('## Question engine\n');
console.log(await runSearchBench({ log }));
console.log('\n## Slack: slash-command ack latency\n');
console.log(await runSlackBench());
console.log('\n## Discord: interaction-to-callback latency\n');
console.log(await runDiscordBench());
console.log('\n## Replicas: summaries due at the same minute\n');
console.log(await runReplicaBench(log));
log(`all benchmarks took ${((Date.now() - started) / 1000).toFixed(0)} s`);
