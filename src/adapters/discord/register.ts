// Compares the commands Discord has with the ones we would register, so `discord register`
// can say what it changes (and skip the PUT when nothing does).
import type { APIApplicationCommand, RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';

export type CommandChange = { name: string; change: 'created' | 'updated' | 'unchanged' | 'deleted'; fields?: string[]; /** 1 slash command, 3 message command. */ type?: number };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What Discord would keep of a command or option, with its defaults made explicit. */
function normalizeOption(o: Record<string, any>): Json {
  return {
    type: o.type,
    name: o.name,
    name_localizations: emptyToNull(o.name_localizations),
    description: o.description,
    description_localizations: emptyToNull(o.description_localizations),
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    choices: o.choices ?? null,
    channel_types: o.channel_types ?? null,
    options: (o.options ?? []).map(normalizeOption),
  };
}

function normalizeCommand(c: Record<string, any>): Record<string, Json> {
  return {
    type: c.type ?? 1,
    name: c.name,
    name_localizations: emptyToNull(c.name_localizations),
    description: c.description ?? '',
    description_localizations: emptyToNull(c.description_localizations),
    options: (c.options ?? []).map(normalizeOption),
    default_member_permissions: c.default_member_permissions ?? null,
    nsfw: c.nsfw ?? false,
    integration_types: c.integration_types ?? [0],
    contexts: c.contexts ?? null,
  };
}

function emptyToNull(o: Record<string, string> | null | undefined): Json {
  return o && Object.keys(o).length ? o : null;
}

/** JSON with sorted keys, so key order never counts as a change. */
function stable(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(value[k]!)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function diffCommands(existing: APIApplicationCommand[], wanted: RESTPutAPIApplicationCommandsJSONBody): CommandChange[] {
  const changes: CommandChange[] = [];
  for (const w of wanted) {
    const old = existing.find((e) => e.name === w.name && (e.type ?? 1) === (w.type ?? 1));
    const type = w.type ?? 1;
    if (!old) {
      changes.push({ name: w.name, change: 'created', type });
      continue;
    }
    const a = normalizeCommand(old as Record<string, any>);
    const b = normalizeCommand(w as Record<string, any>);
    const fields = Object.keys(b).filter((k) => stable(a[k]!) !== stable(b[k]!));
    changes.push(fields.length ? { name: w.name, change: 'updated', fields, type } : { name: w.name, change: 'unchanged', type });
  }
  for (const e of existing) {
    if (!wanted.some((w) => w.name === e.name && (w.type ?? 1) === (e.type ?? 1))) changes.push({ name: e.name, change: 'deleted', type: e.type ?? 1 });
  }
  return changes;
}
