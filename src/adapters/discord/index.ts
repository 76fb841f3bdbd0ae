// Discord as one adapter of the registry (src/adapters/index.ts): its variables, how it starts and
// posts, how it renders, previews and who counts as an admin. Everything about Discord is in this folder.
import type { PlatformAdapter } from '../contract.ts';
import { DISCORD_ADMIN_RULE } from './admin.ts';
import { withChartImage } from './chart.ts';
import { DISCORD_SWITCHES, DiscordEnv, readDiscordConfig, type DiscordConfig } from './config.ts';
import { PLATFORM } from './messages.ts';
import { INTERACTIONS_PATH } from './paths.ts';
import { previewDiscord } from './preview.ts';
import { standaloneDiscordPublisher } from './publisher.ts';
import { discordCapacity, renderDiscord } from './render.ts';

export const discord: PlatformAdapter<DiscordConfig> = {
  name: PLATFORM,
  label: 'Discord',
  env: { schema: DiscordEnv, switches: DISCORD_SWITCHES, read: readDiscordConfig },
  adminRule: DISCORD_ADMIN_RULE,
  async start(config, runtime) {
    const { startDiscord } = await import('./start.ts');
    return startDiscord(config, runtime);
  },
  // With DISCORD_PUBLIC_KEY, interactions come over HTTP (any replica answers them).
  endpoints: (config) => (config.publicKey ? { paths: [INTERACTIONS_PATH], port: config.port } : undefined),
  publisher: (config, logger) => standaloneDiscordPublisher(config, logger),
  capacity: discordCapacity,
  // With a chart, the payload references the PNG attached alongside (`dealbot summary --out FILE` writes it).
  render: (reply) => (reply.chart ? withChartImage(renderDiscord(reply), reply.chart) : renderDiscord(reply)),
  preview: previewDiscord,
  cli: {
    usage: 'discord register [--guild ID] [--remove] | discord invite',
    async run(args, ctx) {
      const { discordCli } = await import('./cli.ts');
      return discordCli(args, ctx);
    },
  },
};
