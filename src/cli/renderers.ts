// The renderers `--render` can pick: each platform's own, so a preview is exactly what it sends.
import { renderText } from '../adapters/console/render.ts';
import type { Reply } from '../core/reply.ts';

export type Renderer = (reply: Reply) => unknown;

export const renderers: Record<string, () => Promise<Renderer>> = {
  text: async () => renderText,
  json: async () => (reply) => reply,
  slack: async () => (await import('../adapters/slack/render.ts')).renderSlack,
  discord: async () => (await import('../adapters/discord/render.ts')).renderDiscord,
};
