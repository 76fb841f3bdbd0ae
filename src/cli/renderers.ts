// The renderers `--render` can pick: each platform's own, so a preview is exactly what it sends.
import { renderText } from '../adapters/console/render.ts';
import type { Reply } from '../core/reply.ts';

/** Renders a Reply; `query` is the text the user typed (a Share button carries it). */
export type Renderer = (reply: Reply, query: string) => unknown;

export const renderers: Record<string, () => Promise<Renderer>> = {
  text: async () => renderText,
  json: async () => (reply) => reply,
  slack: async () => (await import('../adapters/slack/preview.ts')).previewSlack,
  discord: async () => (await import('../adapters/discord/preview.ts')).previewDiscord,
};

/** What a message posted to a channel looks like (the daily summary), per platform. */
export const channelRenderers: Record<string, () => Promise<Renderer>> = {
  text: renderers.text!,
  json: renderers.json!,
  slack: async () => {
    const { renderSlack } = await import('../adapters/slack/render.ts');
    return (reply) => renderSlack(reply);
  },
  discord: async () => {
    const { renderDiscord } = await import('../adapters/discord/render.ts');
    const { withChartImage } = await import('../adapters/discord/chart.ts');
    // With a chart, the payload references the PNG attached alongside (`dealbot summary --out FILE` writes it).
    return (reply) => (reply.chart ? withChartImage(renderDiscord(reply), reply.chart) : renderDiscord(reply));
  },
};
