// Test-only commands plugged into the real bot (a huge answer, an admin probe) and a logger
// that keeps every line, shared by the platform end-to-end tests.
import { Writable } from 'node:stream';
import pino from 'pino';
import { z } from 'zod';
import { defineCommand, type Command } from '../../src/core/command.ts';
import { reply } from '../../src/core/reply.ts';
import { createLogger, type Logger } from '../../src/ops/log.ts';

/** `/deal flood`: 120 long items, more than any platform message holds. */
export function floodCommand(itemText: (i: number) => string): Command<{}> {
  return defineCommand({
    name: 'flood',
    aliases: [],
    description: { en: 'test: a very long answer', fr: 'test : une très longue réponse' },
    usage: '',
    acceptsText: false,
    args: z.object({}),
    parseArgs: () => ({}),
    run: (ctx) =>
      reply({
        kind: 'answer',
        lang: ctx.lang,
        title: 'Flood',
        items: Array.from({ length: 120 }, (_, i) => ({
          factId: `f-${i}`,
          text: itemText(i),
          figure: `${i} GW`,
          citation: { source: `Source ${i % 3}`, section: `s${i}`, url: 'https://example.com/article' },
        })),
        shareable: true,
      }),
  });
}

/** `/deal adminprobe`: answers ADMIN-YES or ADMIN-NO from the adapter's admin check. */
export const adminProbeCommand: Command<{}> = defineCommand({
  name: 'adminprobe',
  aliases: [],
  description: { en: 'test: am I admin', fr: 'test : suis-je admin' },
  usage: '',
  acceptsText: false,
  args: z.object({}),
  parseArgs: () => ({}),
  run: async (ctx) => reply({ kind: 'notice', lang: ctx.lang, title: (await ctx.isAdmin()) ? 'ADMIN-YES' : 'ADMIN-NO', items: [] }),
});

/** A logger that keeps every line (debug included) so tests can look for leaked secrets. */
export function capturingLogger(lines: string[], opts: { raw?: boolean } = {}): Logger {
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  // raw: a plain pino logger, without createLogger's scrubbing of secrets and token shapes, so a
  // test sees exactly what the code under test passed to the logger.
  return opts.raw ? pino({ level: 'debug' }, destination) : createLogger({ level: 'debug', destination });
}
