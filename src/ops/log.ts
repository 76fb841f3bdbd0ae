// One structured logger (pino) for the whole process. Secrets are redacted by key and by value.
import pino, { type Logger } from 'pino';
import { scrubSecrets } from '../config/secrets.ts';

export { maskUrlCredentials, registerSecret, scrubSecrets } from '../config/secrets.ts';

export type { Logger };

const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'signing_secret',
  'clientSecret',
  'client_secret',
  'authorization',
  'password',
  'secret',
  'apiKey',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DISCORD_TOKEN',
  'FINNHUB_TOKEN',
];

export interface LogOptions {
  level?: string;
  pretty?: boolean;
  /** Where lines go (defaults to stderr so stdout stays for answers/JSON). */
  destination?: pino.DestinationStream;
  /**
   * Called for every line at level error or above, with the logger's bindings: adapters log
   * through `logger.child({ platform })`, so this is how platform errors reach /metrics.
   */
  onError?: (bindings: { platform?: string }) => void;
}

export function createLogger(opts: LogOptions = {}): Logger {
  const base: pino.LoggerOptions = {
    level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: '[redacted]' },
    hooks: {
      // Last line of defence: a token inside a message, an error text or a deeper field is masked too.
      streamWrite: (line) => scrubSecrets(line),
      ...(opts.onError
        ? {
            logMethod(this: Logger, args: Parameters<pino.LogFn>, method: pino.LogFn, level: number) {
              if (level >= 50) {
                try {
                  opts.onError!(this.bindings() as { platform?: string });
                } catch {
                  // counting must never break logging
                }
              }
              return method.apply(this, args);
            },
          }
        : {}),
    },
  };
  if (opts.destination) return pino(base, opts.destination);
  if (opts.pretty) {
    // Colours only on a terminal: `npm start 2>file` gets plain text.
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: process.stderr.isTTY === true } } });
  }
  return pino(base, pino.destination(2));
}

/** A logger that drops everything (tests, `--json` runs). */
export const silentLogger: Logger = pino({ level: 'silent' });
