// The renderers `--render` can pick: the console's text and JSON, and each registered platform's
// own (src/adapters/index.ts), so a preview is exactly what that platform sends.
import { renderText } from '../adapters/console/render.ts';
import type { Capacity, Delivery } from '../core/delivery.ts';
import type { Reply } from '../core/reply.ts';
import { platformRenderers } from '../platforms.ts';

/** What `dealbot ask --render X` prints for a /deal question: the platform's answer payload. */
export interface Preview {
  render(delivery: Delivery): unknown;
  /** How many items the platform's message holds (the policy cuts the reply to it). */
  capacity?: Capacity;
}

export function previews(): Record<string, Preview> {
  const out: Record<string, Preview> = {
    text: { render: (d) => renderText(d.reply) },
    json: { render: (d) => d.reply },
  };
  for (const p of platformRenderers()) out[p.name] = { render: (d) => p.preview(d), capacity: (r) => p.capacity(r) };
  return out;
}

/** What a message posted to a channel looks like (the daily summary), per surface. */
export function channelRenderers(): Record<string, () => Promise<(reply: Reply) => unknown>> {
  const out: Record<string, () => Promise<(reply: Reply) => unknown>> = {
    text: async () => (reply) => renderText(reply),
    json: async () => (reply) => reply,
  };
  for (const p of platformRenderers()) out[p.name] = async () => (reply) => p.render(reply);
  return out;
}
