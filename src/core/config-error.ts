// Bad configuration is reported once, naming every bad variable, before anything starts.
import type { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses environment variables with a zod object schema; throws ConfigError naming each bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  // Empty values in .env files ("SLACK_APP_TOKEN=") mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => {
      const name = i.path.join('.') || '(environment)';
      const missing = cleaned[String(i.path[0])] === undefined;
      const message = i.code === 'invalid_type' && missing ? 'is required' : i.message;
      return `${name}: ${message}`;
    }),
  );
}

/** Runs several config readers and reports all their problems together. */
export function collectConfig<T extends Record<string, () => unknown>>(readers: T): { [K in keyof T]: ReturnType<T[K]> } {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(readers)) {
    try {
      out[key] = read();
    } catch (err) {
      if (err instanceof ConfigError) problems.push(...err.problems);
      else throw err;
    }
  }
  // A variable two readers share (PORT) is reported once.
  if (problems.length) throw new ConfigError([...new Set(problems)]);
  return out as { [K in keyof T]: ReturnType<T[K]> };
}
