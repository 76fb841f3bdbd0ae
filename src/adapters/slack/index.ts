// Slack as one adapter of the registry (src/adapters/index.ts): its variables, how it starts and
// posts, how it renders, previews and who counts as an admin. Everything about Slack is in this folder.
import type { PlatformAdapter } from '../contract.ts';
import { SLACK_ADMIN_RULE } from './admin.ts';
import { readSlackConfig, SLACK_SWITCHES, SlackEnv, type SlackConfig } from './config.ts';
import { PLATFORM } from './inbound.ts';
import { previewSlack } from './preview.ts';
import { standaloneSlackPublisher } from './publisher.ts';
import { renderSlack, slackCapacity } from './render.ts';

export const slack: PlatformAdapter<SlackConfig> = {
  name: PLATFORM,
  label: 'Slack',
  env: { schema: SlackEnv, switches: SLACK_SWITCHES, read: readSlackConfig },
  adminRule: SLACK_ADMIN_RULE,
  async start(config, runtime) {
    const { startSlack } = await import('./start.ts');
    return startSlack(config, runtime);
  },
  publisher: (config, logger, installations) => standaloneSlackPublisher(config, logger, installations),
  capacity: slackCapacity,
  render: (reply) => renderSlack(reply),
  preview: previewSlack,
  cli: {
    usage: 'slack manifest [--json] [--http URL [--oauth]]',
    async run(args, ctx) {
      const { slackCli } = await import('./cli.ts');
      return slackCli(args, ctx);
    },
  },
};
