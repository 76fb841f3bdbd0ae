// Shared bits for the operations tests: a log capture and a temporary copy of the fact base.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/ops/log.ts';
import { FACTS_DIR } from '../helpers/bot.ts';

export interface LogCapture {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  raw: () => string;
}

/** A real pino logger writing JSON lines into memory. */
export function captureLog(level = 'debug'): LogCapture {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  const raw = () => chunks.join('');
  return {
    logger,
    raw,
    lines: () =>
      raw()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A throwaway copy of the shipped facts/ directory; `cleanup()` removes it. */
export function copyFacts(): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'dealbot-facts-'));
  const dir = join(root, 'facts');
  cpSync(FACTS_DIR, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
