// A Reply's chart on Discord: a PNG rendered on the server (src/summary/chart-png.ts), uploaded
// with the message and shown as the embed's image, with the chart in words as the attachment's
// alt text (its `description`). The image carries the source and as-of time itself.
import type { ReplyChart } from '../../core/reply.ts';
import { chartPng, DISCORD_CHART_SIZE } from '../../summary/chart-png.ts';
import type { DiscordPayload } from './render.ts';
import { cut } from './escape.ts';

export const DISCORD_CHART = {
  filename: 'deal-chart.png',
  /** Discord's upload limit for a bot without boosts (10 MiB). */
  maxBytes: 10 * 1024 * 1024,
  /** An attachment's description (alt text) is at most 1,024 characters. */
  altText: 1024,
  size: DISCORD_CHART_SIZE,
} as const;

export interface ChartAttachment {
  id: number;
  filename: string;
  description: string;
}

export type DiscordChartPayload = DiscordPayload & { attachments?: ChartAttachment[] };

/** The payload with the chart's image in its first embed and the attachment's alt text (the file goes alongside). */
export function withChartImage(payload: DiscordPayload, chart: ReplyChart): DiscordChartPayload {
  const [first, ...rest] = payload.embeds;
  if (!first) return payload;
  return {
    ...payload,
    embeds: [{ ...first, image: { url: `attachment://${DISCORD_CHART.filename}` } }, ...rest],
    attachments: [{ id: 0, filename: DISCORD_CHART.filename, description: cut(chart.altText, DISCORD_CHART.altText) }],
  };
}

/** The chart's PNG as a file for discord.js REST; throws when it would pass Discord's upload limit. */
export async function chartFile(chart: ReplyChart): Promise<{ name: string; data: Buffer; contentType: string }> {
  const data = await chartPng(chart, DISCORD_CHART.size);
  if (data.length > DISCORD_CHART.maxBytes) throw new Error(`chart PNG of ${data.length} bytes passes Discord's upload limit`);
  return { name: DISCORD_CHART.filename, data, contentType: 'image/png' };
}
