// One structured logger (pino) for the whole process. Secrets are redacted by key and by value.
import pino, { type Logger } from 'pino';

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

/**
 * Token shapes masked even when nobody registered them (a token pasted into a question, an
 * SDK error quoting a header): Slack bot/user/app tokens and Discord bot tokens.
 */
const TOKEN_PATTERNS = [
  /\bxox[abposre]-[A-Za-z0-9-]{8,}/g,
  /\bxapp-[A-Za-z0-9-]{8,}/g,
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g,
  /\b(Bot|Bearer) [A-Za-z0-9._~+/-]{20,}=*/g,
];

/**
 * URLs whose path is a credential: Discord interaction and webhook tokens (valid 15 minutes,
 * enough to answer as the bot), Slack response URLs. The part before the secret stays readable.
 */
const URL_CREDENTIALS: [RegExp, string][] = [
  [/(\/(?:interactions|webhooks)\/\d+\/)[A-Za-z0-9._-]{20,}/g, '$1[redacted]'],
  [/(hooks\.slack\.com\/(?:commands|actions|services|triggers|workflows)\/)[A-Za-z0-9/_-]+/g, '$1[redacted]'],
];

/** Values that must never reach a log line, whatever field they hide in (filled from config). */
const secretValues = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) secretValues.add(value);
}

export function scrubSecrets(text: string): string {
  let out = text;
  for (const s of secretValues) {
    out = out.split(s).join('[redacted]');
    // The same value as it appears inside a JSON string (a secret with a quote or backslash).
    const inJson = JSON.stringify(s).slice(1, -1);
    if (inJson !== s) out = out.split(inJson).join('[redacted]');
  }
  for (const re of TOKEN_PATTERNS) out = out.replace(re, '[redacted]');
  return maskUrlCredentials(out);
}

/** Masks the credential in URLs that carry one in their path (interaction, webhook, response URLs). */
export function maskUrlCredentials(text: string): string {
  let out = text;
  for (const [re, keep] of URL_CREDENTIALS) out = out.replace(re, keep);
  return out;
}

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
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino(base, pino.destination(2));
}

/** A logger that drops everything (tests, `--json` runs). */
export const silentLogger: Logger = pino({ level: 'silent' });
