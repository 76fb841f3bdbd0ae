// `dealbot slack …` subcommands. Today: `manifest`, printing the app manifest to paste into
// https://api.slack.com/apps → "Create New App" → "From an app manifest".
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { EXIT_USAGE, type PlatformCliContext } from '../contract.ts';
import { slackManifest } from './manifest.ts';

export const SLACK_USAGE = `Usage: dealbot slack manifest [--json] [--http https://your.host [--oauth]] [--name NAME] [--command /deal]

  --json       JSON instead of YAML
  --http URL   HTTP mode: Slack calls URL/slack/events (default: Socket Mode, no public URL)
  --oauth      OAuth mode (installs in many workspaces): adds the redirect URL URL/slack/oauth_redirect (needs --http)
  --name NAME  app and bot name (default dealbot)
  --command    slash command name (default /deal)`;

/** Said above an OAuth manifest: what else the app's settings need, and the variables to set. */
const OAUTH_NOTES = (url: string) => [
  ' OAuth mode: install dealbot in many workspaces from ' + `${url}/slack/install.`,
  ' After creating the app from this manifest:',
  '  1. Basic Information → App Credentials: copy the Client ID, Client Secret and Signing Secret into',
  '     SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET; set SLACK_TOKEN_ENCRYPTION_KEY',
  '     to 32 random bytes (openssl rand -base64 32); leave SLACK_BOT_TOKEN and SLACK_APP_TOKEN empty.',
  '  2. Manage Distribution → Activate Public Distribution, so other workspaces may install it.',
  `  3. Start dealbot, open ${url}/slack/install in each workspace and press "Add to Slack".`,
].join('\n');

export async function slackCli(args: string[], { io: out, commands, dealNames }: PlatformCliContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'manifest') {
    out.stderr(sub ? `dealbot slack: unknown subcommand "${sub}"\n\n${SLACK_USAGE}` : SLACK_USAGE);
    return EXIT_USAGE;
  }
  let values: { json?: boolean; http?: string; oauth?: boolean; name?: string; command?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' }, http: { type: 'string' }, oauth: { type: 'boolean' }, name: { type: 'string' }, command: { type: 'string' } },
    }));
  } catch (err) {
    out.stderr(`dealbot slack manifest: ${(err as Error).message}\n\n${SLACK_USAGE}`);
    return EXIT_USAGE;
  }
  if (values.http !== undefined && !/^https:\/\/[^\s/]+/.test(values.http)) {
    out.stderr('--http must be the public https:// base URL Slack will call, e.g. https://bot.example.com');
    return EXIT_USAGE;
  }
  if (values.oauth && values.http === undefined) {
    out.stderr('--oauth needs --http https://your.public.host: Slack sends the browser back to its /slack/oauth_redirect');
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
    ...(values.oauth ? { oauth: true } : {}),
    ...(dealNames ? { dealNames: dealNames() } : {}),
  });
  if (values.json) {
    out.stdout(JSON.stringify(manifest, null, 2));
    return 0;
  }
  const doc = new YAML.Document(manifest);
  if (values.oauth && values.http) doc.commentBefore = OAUTH_NOTES(values.http.replace(/\/+$/, ''));
  out.stdout(doc.toString({ lineWidth: 0 }).trimEnd());
  return 0;
}
