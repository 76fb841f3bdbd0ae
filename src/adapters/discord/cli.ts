// `dealbot discord …`: `register [--guild ID]` puts /deal on Discord through REST and says what
// changed; `invite` prints the OAuth2 URL with exactly the scopes and permissions the bot uses.
import { parseArgs } from 'node:util';
import { DiscordAPIError, REST, Routes, type APIApplicationCommand, type RESTOptions } from 'discord.js';
import { ConfigError } from '../../config/env.ts';
import { EXIT_USAGE, type Io, type PlatformCliContext } from '../contract.ts';
import { dealCommandJson } from './command-json.ts';
import { readDiscordConfig } from './config.ts';
import { restOptions } from './rest.ts';
import { silentLogger } from '../../ops/log.ts';
import { INVITE_PERMISSIONS, INVITE_SCOPES, invitePermissions, inviteUrl } from './invite.ts';
import { diffCommands } from './register.ts';

export const DISCORD_USAGE = `Usage: dealbot discord register [--guild ID] [--remove] | dealbot discord invite

  register            register /deal globally (every server the bot is in)
  register --guild ID register /deal in one server only (shows up instantly: use it while testing)
  register --remove   remove the bot's commands (with --guild: from that server only, e.g. the
                      testing copy once /deal is global, which would otherwise show up twice there)
  invite              print the OAuth2 URL that adds the bot to a server`;

type Out = Io;

export interface DiscordCliOptions extends PlatformCliContext {
  /** Extra REST options (tests: `{ retries: 0, timeout: 2000 }`). */
  rest?: Partial<RESTOptions>;
}

export async function discordCli(args: string[], opts: DiscordCliOptions): Promise<number> {
  const { io: out, env } = opts;
  const [sub, ...rest] = args;
  try {
    if (sub === 'register') return await register(rest, out, env, opts);
    if (sub === 'invite') return invite(rest, out, env);
  } catch (err) {
    if (err instanceof ConfigError) {
      out.stderr(err.message);
      return EXIT_USAGE;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`dealbot discord ${sub}: ${(err as Error).message}\n\n${DISCORD_USAGE}`);
      return EXIT_USAGE;
    }
    throw err;
  }
  out.stderr(sub ? `dealbot discord: unknown subcommand "${sub}"\n\n${DISCORD_USAGE}` : DISCORD_USAGE);
  return EXIT_USAGE;
}

function invite(args: string[], out: Out, env: NodeJS.ProcessEnv): number {
  parseArgs({ args, options: {} });
  const id = env.DISCORD_APPLICATION_ID;
  if (!id || !/^\d{17,20}$/.test(id)) {
    throw new ConfigError(['DISCORD_APPLICATION_ID: is required (the numeric Application ID from the Developer Portal)']);
  }
  out.stdout(inviteUrl(id));
  out.stdout('');
  out.stdout(`Scopes: ${INVITE_SCOPES.join(', ')}`);
  out.stdout(`Permissions (${invitePermissions()}):`);
  for (const p of INVITE_PERMISSIONS) out.stdout(`  ${p.name}: ${p.why}`);
  return 0;
}

async function register(args: string[], out: Out, env: NodeJS.ProcessEnv, opts: DiscordCliOptions): Promise<number> {
  const { values } = parseArgs({ args, options: { guild: { type: 'string' }, remove: { type: 'boolean' } } });
  if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild)) {
    out.stderr('--guild must be a server id (right-click the server → Copy Server ID, with Developer Mode on)');
    return EXIT_USAGE;
  }
  const config = readDiscordConfig(env);
  if (!config) throw new ConfigError(['DISCORD_TOKEN: is required to register commands']);

  const rest = new REST(restOptions(config, silentLogger, opts.rest)).setToken(config.token);
  const route = values.guild
    ? Routes.applicationGuildCommands(config.applicationId, values.guild)
    : Routes.applicationCommands(config.applicationId);
  const where = values.guild ? `server ${values.guild}` : 'all servers (global)';
  const wanted = values.remove ? [] : dealCommandJson(opts.commands);

  try {
    // Without with_localizations Discord leaves out the *_localizations we register, and every
    // run would look like a change (and PUT again).
    const existing = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as APIApplicationCommand[];
    const changes = diffCommands(existing, wanted);
    const changed = changes.some((c) => c.change !== 'unchanged');
    if (changed) await rest.put(route, { body: wanted });
    out.stdout(`Commands for ${where}:`);
    for (const c of changes) {
      const shown = c.type === 3 ? `“${c.name}” (message command)` : `/${c.name}`;
      out.stdout(`  ${c.change.padEnd(9)} ${shown}${c.fields ? ` (${c.fields.join(', ')})` : ''}`);
    }
    if (changes.length === 0) out.stdout('  (none)');
    out.stdout(changed ? (values.remove ? 'Removed.' : 'Registered.') : 'Nothing to change.');
    return 0;
  } catch (err) {
    out.stderr(`dealbot discord register: ${explain(err, values.guild)}`);
    return 1;
  }
}

function explain(err: unknown, guild: string | undefined): string {
  if (err instanceof DiscordAPIError) {
    if (err.status === 401) return 'Discord rejected DISCORD_TOKEN (401): copy a fresh token from the Developer Portal (Bot → Reset Token).';
    if (err.code === 50001 && guild) {
      return `no access to server ${guild} (50001): invite the bot there first (dealbot discord invite), with the applications.commands scope.`;
    }
    return `Discord refused (${err.status}, code ${err.code}): ${err.message}`;
  }
  return (err as Error).message ?? String(err);
}
