// The `dealbot` command line: start, ask, facts check, gaps, summary, env, db, and each registered
// platform's own subcommands (src/adapters/index.ts).
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { commands } from '../../commands/index.ts';
import { platforms } from '../adapters/index.ts';
import { runConsole } from '../adapters/console/chat.ts';
import { createBot } from '../core/create-bot.ts';
import { createDeliveryPolicy } from '../core/delivery.ts';
import { EngineHolder } from '../core/engine-holder.ts';
import { ConfigError } from '../config/env.ts';
import { GapLog } from '../core/gaps.ts';
import { FactBaseError, formatProblem, loadBase } from '../facts/load.ts';
import { Lang } from '../facts/schema.ts';
import { readCoreConfig } from '../config/core.ts';
import { memoryStores, StoreOpenError } from '../store/index.ts';
import { pidFilePath, readOpsConfig } from '../ops/config.ts';
import { readStoreConfig } from '../store/config.ts';
import { factsDraft } from './draft.ts';
import { envExample } from './env-example.ts';
import { factsCheck, factsReload } from './facts.ts';
import { listGaps } from './gaps.ts';
import { EXIT_USAGE, processIo, type Io } from './io.ts';
import { channelRenderers, previews } from './renderers.ts';

const USAGE = `Usage: dealbot <command> [options]

  start                       run the bot on every configured platform, else the console chat
  ask [text…]                 answer one question (or each line of stdin when no text is given)
      --json                  one JSON Reply per question
      --render ${['text', 'json', ...platforms.map((p) => p.name)].join('|')}   print the exact payload a surface would get
      --lang en|fr            language when the text does not tell (default en)
  facts check                 validate the fact base; list every problem
  facts reload [--pid PID]    check the base, then have the running bot serve it now (SIGHUP)
  facts draft <article> [--deal ID] [--source-id ID] [--out FILE] [--force]
                              a reviewable YAML draft of facts from a .txt or .html article
  explain "<question>" [--json] [--lang en|fr] [--deal ID]   how a question was read and why it was answered or refused
  gaps [--json] [--limit N] [--platform NAME] [--workspace ID] [--deal ID]
                              the curators' report: questions that got no facts and answers voted 👎,
                              most frequent first, with what was missing and the nearest facts
  summary [--lang fr] [--json] [--render …] [--out FILE] [--at TIME] [--deal ID] [--post [--force]]
  env                         every environment variable, documented (the content of .env.example)
  db status | db check | db migrate-from-sqlite FILE   the store; what it holds; copy SQLite into PostgreSQL (DATABASE_URL)
${platforms.flatMap((p) => (p.cli ? [`  ${p.cli.usage}`] : [])).join('\n')}

Global: --facts DIR (or FACTS_DIR) picks another fact base.`;

/** Where `dealbot start` writes its process id (PID_FILE, default dealbot.pid beside DATABASE_PATH). */
function pidFileOf(env: NodeJS.ProcessEnv): string {
  return pidFilePath(readOpsConfig(env), readStoreConfig(env).DATABASE_PATH);
}

/** Pulls the global --facts option out wherever it stands. */
function takeFactsOption(args: string[]): { args: string[]; facts?: string } {
  const rest: string[] = [];
  let facts: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--facts') facts = args[++i];
    else if (a.startsWith('--facts=')) facts = a.slice('--facts='.length);
    else rest.push(a);
  }
  return { args: rest, ...(facts ? { facts } : {}) };
}

async function ask(args: string[], env: NodeJS.ProcessEnv, io: Io, factsDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, render: { type: 'string' }, lang: { type: 'string' } },
  });
  const lang = values.lang === undefined ? undefined : Lang.safeParse(values.lang);
  if (lang && !lang.success) {
    io.stderr(`--lang must be en or fr`);
    return EXIT_USAGE;
  }
  const surfaces = previews();
  const preview = values.render ? surfaces[values.render] : undefined;
  if (values.render && !preview) {
    io.stderr(`--render must be one of: ${Object.keys(surfaces).join(', ')}`);
    return EXIT_USAGE;
  }
  const core = readCoreConfig(env);
  const holder = new EngineHolder(factsDir);
  const store = await openGapStore(env, core.GAPS_LOG);
  // The console's channel keeps its deal (/deal use) and its user's language (/deal lang) in the store, like a
  // platform's, so `dealbot ask` answers as the console user `npm start` set up.
  const bot = createBot({ engine: holder.current, deals: holder.deals, channelDeals: store.channelDeals, dealDefaults: core.DEFAULT_DEAL, commands, gaps: new GapLog(store.unanswered), settings: store.settings });
  const stores = memoryStores();
  // A platform preview shows the 👍 / 👎 an answer gets (the answer kept in memory only).
  const policy = createDeliveryPolicy({ bot, delivered: stores.deliveries, shared: stores.sharedAnswers, feedback: stores.feedback, settings: store.settings });
  // A platform's preview shows its answer to `/deal <text>`; the console's, the console's.
  const platformPreview = preview && values.render !== 'text' && values.render !== 'json';
  const opts = {
    input: process.stdin,
    output: process.stdout,
    json: values.json ?? false,
    asker: lang?.success ? { lang: lang.data } : {},
    ...(preview ? { render: preview.render } : {}),
    ...(platformPreview ? { via: 'command' as const } : {}),
    ...(preview?.capacity ? { capacity: preview.capacity } : {}),
  };
  try {
    const text = positionals.join(' ').trim();
    if (text) {
      const { Readable } = await import('node:stream');
      await runConsole(policy, { ...opts, input: Readable.from([text]) });
    } else {
      await runConsole(policy, opts);
    }
    await bot.flush?.(); // questions without facts reach the store before it closes
  } finally {
    await store.close();
  }
  return 0;
}

/** The store unanswered questions go to (and the JSON-lines log of earlier versions, moved into it once). */
async function openGapStore(env: NodeJS.ProcessEnv, gapsLog: string) {
  const { openStore, readStoreConfig } = await import('../store/index.ts');
  const { importGapFile } = await import('../store/unanswered.ts');
  const store = await openStore(readStoreConfig(env));
  try {
    await importGapFile(gapsLog, store.driver);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/** The deals a fact directory holds, as headers name them (none for a base without deal files, or a broken one). */
function dealNamesOf(factsDir: string): string[] {
  try {
    return loadBase(factsDir).deals.flatMap((b) => (b.deal ? [b.deal.name.en] : []));
  } catch {
    return []; // a manifest needs no valid fact base: `dealbot facts check` reports what is wrong
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: Io = processIo): Promise<number> {
  const { args, facts } = takeFactsOption(argv);
  const [command, ...rest] = args;
  try {
    const factsDir = facts ?? readCoreConfig(env).FACTS_DIR;
    switch (command) {
      case 'start': {
        const { start } = await import('../start.ts');
        return await start({ env, io, factsDir });
      }
      case 'ask':
        return await ask(rest, env, io, factsDir);
      case 'facts':
        if (rest[0] === 'check') return factsCheck(factsDir, io);
        if (rest[0] === 'reload') {
          const { values } = parseArgs({ args: rest.slice(1), options: { pid: { type: 'string' } } });
          return factsReload(factsDir, pidFileOf(env), values.pid, io);
        }
        if (rest[0] === 'draft') return factsDraft(rest.slice(1), factsDir, io);
        break;
      case 'explain': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' }, lang: { type: 'string' }, deal: { type: 'string' } } });
        const question = positionals.join(' ').trim();
        const lang = values.lang === undefined ? undefined : Lang.safeParse(values.lang);
        if (!question || (lang && !lang.success)) {
          io.stderr('usage: dealbot explain "<question>" [--json] [--lang en|fr] [--deal ID]');
          return EXIT_USAGE;
        }
        const { explainQuestion } = await import('./explain.ts');
        return explainQuestion(factsDir, question, io, { json: values.json ?? false, ...(lang?.success ? { lang: lang.data } : {}), ...(values.deal ? { deal: values.deal } : {}) });
      }
      case 'gaps': {
        const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, limit: { type: 'string' }, workspace: { type: 'string' }, platform: { type: 'string' }, deal: { type: 'string' } } });
        const limit = values.limit === undefined ? undefined : Number(values.limit);
        if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
          io.stderr(`dealbot gaps: --limit must be a whole number above 0 (got "${values.limit}")`);
          return EXIT_USAGE;
        }
        const store = await openGapStore(env, readCoreConfig(env).GAPS_LOG);
        try {
          const filter = { ...(values.platform ? { platform: values.platform } : {}), ...(values.workspace ? { workspace: values.workspace } : {}) };
          return await listGaps(new GapLog(store.unanswered, store.feedback), store.location, io, { json: values.json ?? false, factsDir, filter, ...(limit ? { limit } : {}), ...(values.deal ? { deal: values.deal } : {}) });
        } finally {
          await store.close();
        }
      }
      case 'db': {
        const { dbCli } = await import('./db.ts');
        return await dbCli(rest, env, io);
      }
      case 'summary': {
        const { summaryCli } = await import('../summary/cli.ts');
        return await summaryCli(rest, io, env, {
          factsDir,
          renderers: channelRenderers(),
          // Posting needs no bot and no listener: each platform's publisher alone.
          connect: async (env, logger, installations) => {
            const { readPlatformConfigs, standalonePublishers } = await import('../platforms.ts');
            return standalonePublishers(readPlatformConfigs(env), logger, installations);
          },
        });
      }
      case 'env':
        if (rest.length > 0) {
          io.stderr('usage: dealbot env (it takes no options; redirect it: dealbot env > .env.example)');
          return EXIT_USAGE;
        }
        io.stdout(envExample());
        return 0;
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        io.stdout(USAGE);
        return command === undefined ? EXIT_USAGE : 0;
    }
    const platform = platforms.find((p) => p.name === command && p.cli);
    if (platform?.cli) return await platform.cli.run(rest, { io, env, commands, dealNames: () => dealNamesOf(factsDir) });
    io.stderr(`dealbot: unknown command "${args.join(' ')}"\n\n${USAGE}`);
    return EXIT_USAGE;
  } catch (err) {
    if (err instanceof FactBaseError) {
      for (const p of err.problems) io.stderr(formatProblem(p));
      io.stderr(`The fact base has ${err.problems.length} problem(s); dealbot will not start on it. Run \`dealbot facts check\`.`);
      return EXIT_USAGE;
    }
    if (err instanceof ConfigError) {
      io.stderr(err.message);
      return EXIT_USAGE;
    }
    if (err instanceof StoreOpenError) {
      // One line naming the variable and the place: no stack for a path or a permission.
      io.stderr(`dealbot: ${err.message}`);
      return EXIT_USAGE;
    }
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`dealbot: ${err.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

// Run when executed as the CLI (bin/dealbot.js imports this file).
if (!process.env.VITEST) {
  // `dealbot gaps | head -1`: a reader that stops reading is no error of ours.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  loadDotenv({ quiet: true });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`dealbot: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
