// Bad configuration is reported once, naming every bad variable, before anything starts.
import { z } from 'zod';

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

/** What `.env.example` and the README say about a variable; attached to its schema with `.meta()`. */
export interface EnvDoc {
  description: string;
  /** Shown as `NAME=example`; a commented line shows a default instead (`# NAME=default`). */
  example?: string;
  /** A value to leave empty in `.env.example` (a token): listed as `NAME=`. */
  secret?: boolean;
  /** Listed uncommented (the variables an operator fills in). */
  fill?: boolean;
}

/** Every variable of an object schema with its documentation, in schema order. */
export function envDocs(schema: z.ZodObject): ({ name: string } & EnvDoc)[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const meta = (field as z.ZodType).meta() as Partial<EnvDoc> | undefined;
    if (!meta?.description) throw new Error(`environment variable ${name} has no description in its schema`);
    return { name, ...(meta as EnvDoc) };
  });
}

/**
 * `.env.example` lines for one section: a heading, then each variable with its description. A
 * variable an earlier section already listed (`seen`; PORT is Slack's and Discord's) is described
 * again but not listed twice.
 */
export function envExampleSection(heading: string, schema: z.ZodObject, seen: Set<string> = new Set()): string[] {
  const lines = [`# ── ${heading} ${'─'.repeat(Math.max(3, 74 - heading.length))}`];
  for (const v of envDocs(schema)) {
    if (seen.has(v.name)) {
      lines.push(`# ${v.name} (set above): ${v.description}`);
      continue;
    }
    seen.add(v.name);
    lines.push(`# ${v.description}`);
    if (v.fill || v.secret) lines.push(`${v.name}=${v.secret ? '' : (v.example ?? '')}`);
    else lines.push(`# ${v.name}=${v.example ?? ''}`);
  }
  return lines;
}
