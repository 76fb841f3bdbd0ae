// `dealbot slack …` subcommands. Today: `manifest`, printing the app manifest to paste into
// https://api.slack.com/apps → "Create New App" → "From an app manifest".
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { EXIT_USAGE, type PlatformCliContext } from '../contract.ts';
import { slackManifest } from './manifest.ts';

export const SLACK_USAGE = `Usage: dealbot slack manifest [--json] [--http https://your.host] [--name NAME] [--command /deal]

  --json       JSON instead of YAML
  --http URL   HTTP mode: Slack calls URL/slack/events (default: Socket Mode, no public URL)
  --name NAME  app and bot name (default dealbot)
  --command    slash command name (default /deal)`;

export async function slackCli(args: string[], { io: out, commands }: PlatformCliContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'manifest') {
    out.stderr(sub ? `dealbot slack: unknown subcommand "${sub}"\n\n${SLACK_USAGE}` : SLACK_USAGE);
    return EXIT_USAGE;
  }
  let values: { json?: boolean; http?: string; name?: string; command?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' }, http: { type: 'string' }, name: { type: 'string' }, command: { type: 'string' } },
    }));
  } catch (err) {
    out.stderr(`dealbot slack manifest: ${(err as Error).message}\n\n${SLACK_USAGE}`);
    return EXIT_USAGE;
  }
  if (values.http !== undefined && !/^https:\/\/[^\s/]+/.test(values.http)) {
    out.stderr('--http must be the public https:// base URL Slack will call, e.g. https://bot.example.com');
    return EXIT_USAGE;
  }
  if (values.command !== undefined && !/^\/[a-z0-9_-]{1,31}$/.test(values.command)) {
    out.stderr('--command must look like /deal (lower-case letters, digits, - or _)');
    return EXIT_USAGE;
  }
  const manifest = slackManifest(commands, {
    ...(values.name ? { name: values.name } : {}),
    ...(values.command ? { command: values.command } : {}),
    ...(values.http ? { requestUrl: values.http } : {}),
  });
  out.stdout(values.json ? JSON.stringify(manifest, null, 2) : YAML.stringify(manifest, { lineWidth: 0 }).trimEnd());
  return 0;
}
