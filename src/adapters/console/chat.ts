// The token-free console chat: one question per line, the same engine and commands as the platforms.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Asker, Bot } from '../../core/bot.ts';
import type { Reply } from '../../core/reply.ts';
import { renderText } from './render.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** One JSON object per answer instead of text. */
  json?: boolean;
  /** Prompt and greeting (a terminal); otherwise answer each line and stop at end of input. */
  interactive?: boolean;
  /** The console user is the local administrator of the local "channel". */
  asker?: Partial<Asker>;
  render?: (reply: Reply, query: string) => unknown;
}

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit']);

/** "/deal energy" and "energy" mean the same here; a leading slash command name is dropped. */
export function stripSlashCommand(line: string): string {
  return line.replace(/^\s*\/deal\b/i, '').trim();
}

export function consoleAsker(overrides: Partial<Asker> = {}): Asker {
  return {
    platform: 'console',
    channel: { platform: 'console', id: 'local', name: 'console' },
    user: { id: 'local-user', name: process.env.USER ?? 'you' },
    isAdmin: async () => true,
    via: 'console',
    ...overrides,
  };
}

export function formatAnswer(text: string, reply: Reply, opts: Pick<ConsoleOptions, 'json' | 'render'>): string {
  if (opts.render) {
    const payload = opts.render(reply, text);
    return typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
  }
  if (opts.json) return JSON.stringify({ ...reply, query: reply.query ?? text });
  return renderText(reply);
}

/** Runs until end of input or /quit; resolves when done. */
export async function runConsole(bot: Bot, opts: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input: opts.input, output: opts.interactive ? opts.output : undefined, terminal: opts.interactive ?? false });
  const asker = consoleAsker(opts.asker);
  const write = (s: string) => opts.output.write(s.endsWith('\n') ? s : s + '\n');
  if (opts.interactive) {
    write('dealbot console — type /deal energy, a question in English or French, /deal help, or /quit.');
    rl.setPrompt('dealbot> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const trimmed = line.trim();
    if (QUIT.has(trimmed.toLowerCase())) break;
    if (trimmed) {
      const text = stripSlashCommand(trimmed);
      const answer = await bot.answer(text, asker);
      write(formatAnswer(text, answer, opts) + (opts.interactive && !opts.json ? '\n' : ''));
    }
    if (opts.interactive) rl.prompt();
  }
  rl.close();
}
