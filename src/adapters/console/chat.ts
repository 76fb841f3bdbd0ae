// The token-free console chat: one question per line, through the same delivery policy as the
// platforms (the console is one local user in one local channel, and its administrator).
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Asker } from '../../core/bot.ts';
import type { Capacity, Delivery, DeliveryPolicy, Via } from '../../core/delivery.ts';
import type { Reply } from '../../core/reply.ts';
import { renderText } from './render.ts';

export const PLATFORM = 'console';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** One JSON object per answer instead of text. */
  json?: boolean;
  /** Prompt and greeting (a terminal); otherwise answer each line and stop at end of input. */
  interactive?: boolean;
  /** The console user is the local administrator of the local "channel". */
  asker?: Partial<Asker>;
  /** Renders each delivery instead of the text form (`dealbot ask --render`). */
  render?: (delivery: Delivery) => unknown;
  /** Ask as this kind of question (`dealbot ask --render slack` previews a /deal command). */
  via?: Via;
  /** How many items the rendering holds (a platform's, for its preview). */
  capacity?: Capacity;
  /** The session is one conversation: a line may follow up on the one before ("and in French?"). */
  thread?: boolean;
}

/** The console's one conversation (follow-ups read the previous question). */
const CONSOLE_THREAD = { key: 'console:local', from: 'console:local' };

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit']);

/** "/deal energy" and "energy" mean the same here; a leading slash command name is dropped. */
export function stripSlashCommand(line: string): string {
  return line.replace(/^\s*\/deal\b/i, '').trim();
}

export function consoleAsker(overrides: Partial<Asker> = {}): Asker {
  return {
    platform: PLATFORM,
    channel: { platform: PLATFORM, id: 'local', name: 'console' },
    user: { id: 'local-user', name: process.env.USER ?? 'you' },
    isAdmin: async () => true,
    via: 'console',
    ...overrides,
  };
}

export function formatDelivery(text: string, d: Delivery, opts: Pick<ConsoleOptions, 'json' | 'render'>): string {
  if (opts.render) {
    const payload = opts.render(d);
    return typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2);
  }
  if (opts.json) return JSON.stringify({ ...d.reply, query: d.reply.query ?? text } satisfies Reply);
  return renderText(d.reply);
}

/** Runs until end of input or /quit; resolves with the number of questions read. */
export async function runConsole(policy: DeliveryPolicy, opts: ConsoleOptions): Promise<number> {
  const rl = createInterface({ input: opts.input, output: opts.interactive ? opts.output : undefined, terminal: opts.interactive ?? false });
  const asker = consoleAsker(opts.asker);
  const write = (s: string) => opts.output.write(s.endsWith('\n') ? s : s + '\n');
  let asked = 0;
  if (opts.interactive) {
    write('dealbot console — type /deal energy, a question in English or French, /deal help, or /quit.');
    rl.setPrompt('dealbot> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const trimmed = line.trim();
    if (QUIT.has(trimmed.toLowerCase())) break;
    if (trimmed) {
      asked++;
      const text = stripSlashCommand(trimmed);
      let d: Delivery | undefined;
      try {
        d = await policy.ask({ text, asker, via: opts.via ?? 'console', ...(opts.thread ? { thread: CONSOLE_THREAD } : {}) }, opts.capacity);
      } catch {
        d = policy.apology(policy.bot.langOf(text, asker));
      }
      if (d) write(formatDelivery(text, d, opts) + (opts.interactive && !opts.json ? '\n' : ''));
    }
    if (opts.interactive) rl.prompt();
  }
  rl.close();
  return asked;
}
