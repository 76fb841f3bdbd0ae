// `dealbot slack …` subcommands. Today: `manifest`, printing the app manifest to paste into
// https://api.slack.com/apps → "Create New App" → "From an app manifest".
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { commands } from '../../../commands/index.ts';
import { slackManifest } from './manifest.ts';

const USAGE = `Usage: dealbot slack manifest [--json] [--http https://your.host] [--name NAME] [--command /deal]

  --json       JSON instead of YAML
  --http URL   HTTP mode: Slack calls URL/slack/events (default: Socket Mode, no public URL)
  --name NAME  app and bot name (default dealbot)
  --command    slash command name (default /deal)`;

interface Out {
  stdout(s: string): void;
  stderr(s: string): void;
}

export async function slackCli(args: string[], out: Out, _env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'manifest') {
    out.stderr(sub ? `dealbot slack: unknown subcommand "${sub}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  let values: { json?: boolean; http?: string; name?: string; command?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' }, http: { type: 'string' }, name: { type: 'string' }, command: { type: 'string' } },
    }));
  } catch (err) {
    out.stderr(`dealbot slack manifest: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.http !== undefined && !/^https:\/\/[^\s/]+/.test(values.http)) {
    out.stderr('--http must be the public https:// base URL Slack will call, e.g. https://bot.example.com');
    return 2;
  }
  if (values.command !== undefined && !/^\/[a-z0-9_-]{1,31}$/.test(values.command)) {
    out.stderr('--command must look like /deal (lower-case letters, digits, - or _)');
    return 2;
  }
  const manifest = slackManifest(commands, {
    ...(values.name ? { name: values.name } : {}),
    ...(values.command ? { command: values.command } : {}),
    ...(values.http ? { requestUrl: values.http } : {}),
  });
  out.stdout(values.json ? JSON.stringify(manifest, null, 2) : YAML.stringify(manifest, { lineWidth: 0 }).trimEnd());
  return 0;
}
