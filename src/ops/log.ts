// One structured logger (pino) for the whole process. Secrets are redacted by key and by value.
import pino, { type Logger } from 'pino';

export type { Logger };

const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'authorization', 'password', 'secret'];

/** Values that must never reach a log line, whatever field they hide in (filled from config). */
const secretValues = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) secretValues.add(value);
}

export function scrubSecrets(text: string): string {
  let out = text;
  for (const s of secretValues) out = out.split(s).join('[redacted]');
  return out;
}

export interface LogOptions {
  level?: string;
  pretty?: boolean;
  /** Where lines go (defaults to stderr so stdout stays for answers/JSON). */
  destination?: pino.DestinationStream;
}

export function createLogger(opts: LogOptions = {}): Logger {
  const base: pino.LoggerOptions = {
    level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: '[redacted]' },
    hooks: {
      // Last line of defence: a token inside a message or an error text is masked too.
      streamWrite: (line) => (secretValues.size ? scrubSecrets(line) : line),
    },
  };
  if (opts.destination) return pino(base, opts.destination);
  if (opts.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino(base, pino.destination(2));
}

/** A logger that drops everything (tests, `--json` runs). */
export const silentLogger: Logger = pino({ level: 'silent' });
