// The `dealbot` command line: start, ask, facts check, gaps, and each platform's own subcommands.
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { runConsole } from '../adapters/console/chat.ts';
import { createBot } from '../core/create-bot.ts';
import { EngineHolder } from '../core/engine-holder.ts';
import { ConfigError } from '../core/config-error.ts';
import { GapLog } from '../core/gaps.ts';
import { FactBaseError, formatProblem } from '../facts/load.ts';
import { Lang } from '../facts/schema.ts';
import { readCoreConfig } from '../config.ts';
import { factsDraft } from './draft.ts';
import { factsCheck } from './facts.ts';
import { listGaps } from './gaps.ts';
import { EXIT_USAGE, processIo, type Io } from './io.ts';
import { renderers } from './renderers.ts';

const USAGE = `Usage: dealbot <command> [options]

  start                       run the bot: Slack and/or Discord when configured, else the console chat
  ask [text…]                 answer one question (or each line of stdin when no text is given)
      --json                  one JSON Reply per question
      --render text|json|slack|discord   print the exact payload a platform would get
      --lang en|fr            language when the text does not tell (default en)
  facts check                 validate the fact base; list every problem
  facts draft <article> [--deal ID] [--source-id ID] [--out FILE] [--force]
                              a reviewable YAML draft of facts from a .txt or .html article
  explain "<question>" [--json] [--lang en|fr]   how a question was read and why it was answered or refused
  gaps [--json] [--limit N]   questions that got no facts, most asked first, with the nearest facts
  slack manifest [--json]     the Slack app manifest
  discord register [--guild ID] | discord invite
  summary [--lang fr] [--json] [--render …] [--out FILE] [--at TIME] [--post [--force]]
  db status | db migrate-from-sqlite FILE   the store; copy a SQLite store into PostgreSQL (DATABASE_URL)

Global: --facts DIR (or FACTS_DIR) picks another fact base.`;

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
  const pick = values.render ? renderers[values.render] : undefined;
  if (values.render && !pick) {
    io.stderr(`--render must be one of: ${Object.keys(renderers).join(', ')}`);
    return EXIT_USAGE;
  }
  const render = pick ? await pick() : undefined;
  const core = readCoreConfig(env);
  const holder = new EngineHolder(factsDir);
  const store = await openGapStore(env, core.GAPS_LOG);
  try {
    return await answerAndPrint(createBot({ engine: holder.current, gaps: new GapLog(store.unanswered) }), positionals, values, asker(lang), render, io);
  } finally {
    await store.close();
  }
}

/** The store unanswered questions go to (and the old JSON-lines log, moved into it once). */
async function openGapStore(env: NodeJS.ProcessEnv, gapsLog: string) {
  const { openStore, readStoreConfig } = await import('../store/index.ts');
  const { importGapFile } = await import('../store/unanswered.ts');
  const store = await openStore(readStoreConfig(env));
  await importGapFile(gapsLog, store.driver);
  return store;
}

function asker(lang: { success: boolean; data?: Lang } | undefined) {
  return lang?.success && lang.data ? { lang: lang.data } : {};
}

async function answerAndPrint(
  bot: ReturnType<typeof createBot>,
  positionals: string[],
  values: { json?: boolean | undefined },
  asker: { lang?: Lang },
  render: Parameters<typeof runConsole>[1]['render'],
  io: Io,
): Promise<number> {
  const text = positionals.join(' ').trim();
  if (text) {
    const { stripSlashCommand, formatAnswer, consoleAsker } = await import('../adapters/console/chat.ts');
    const q = stripSlashCommand(text);
    io.stdout(formatAnswer(q, await bot.answer(q, consoleAsker(asker)), { json: values.json ?? false, ...(render ? { render } : {}) }));
  } else {
    await runConsole(bot, { input: process.stdin, output: process.stdout, json: values.json ?? false, asker, ...(render ? { render } : {}) });
  }
  await bot.flush?.();
  return 0;
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
        if (rest[0] === 'draft') return factsDraft(rest.slice(1), factsDir, io);
        break;
      case 'explain': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' }, lang: { type: 'string' } } });
        const question = positionals.join(' ').trim();
        const lang = values.lang === undefined ? undefined : Lang.safeParse(values.lang);
        if (!question || (lang && !lang.success)) {
          io.stderr('usage: dealbot explain "<question>" [--json] [--lang en|fr]');
          return EXIT_USAGE;
        }
        const { explainQuestion } = await import('./explain.ts');
        return explainQuestion(factsDir, question, io, { json: values.json ?? false, ...(lang?.success ? { lang: lang.data } : {}) });
      }
      case 'gaps': {
        const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, limit: { type: 'string' } } });
        const store = await openGapStore(env, readCoreConfig(env).GAPS_LOG);
        try {
          return await listGaps(new GapLog(store.unanswered), store.location, io, { json: values.json ?? false, factsDir, ...(values.limit ? { limit: Number(values.limit) } : {}) });
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
          connect: async (env, logger) => {
            const { publishersOf, readPlatformConfigs, startPlatforms } = await import('../platforms.ts');
            const bot = createBot({ engine: new EngineHolder(factsDir).current, logger });
            const running = await startPlatforms(bot, readPlatformConfigs(env), logger);
            return { publishers: publishersOf(running), close: async () => void (await Promise.all(running.map((p) => p.stop()))) };
          },
        });
      }
      case 'slack': {
        const { slackCli } = await import('../adapters/slack/cli.ts');
        return await slackCli(rest, io, env);
      }
      case 'discord': {
        const { discordCli } = await import('../adapters/discord/cli.ts');
        return await discordCli(rest, io, env);
      }
      case 'help':
      case '--help':
      case '-h':
      case undefined:
        io.stdout(USAGE);
        return command === undefined ? EXIT_USAGE : 0;
    }
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
    if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`dealbot: ${err.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

// Run when executed as the CLI (bin/dealbot.js imports this file).
if (!process.env.VITEST) {
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
