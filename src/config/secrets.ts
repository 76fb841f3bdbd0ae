// Values that must never be shown (tokens, signing secrets, the database password), kept below
// every layer so the logger, the store (unanswered questions are scrubbed before they are kept)
// and the configuration readers share one registry.

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
