// What `dealbot ask --render slack` prints: the exact response the bot sends to `/deal <text>`
// (ephemeral, with the Share button when the answer can be shared).
import type { Reply } from '../../core/reply.ts';
import { renderSlack } from './render.ts';
import { encodeShare } from './share.ts';

export function previewSlack(reply: Reply, query: string) {
  return {
    response_type: 'ephemeral' as const,
    ...renderSlack(reply, reply.shareable ? { shareValue: encodeShare(query, reply.lang) } : {}),
  };
}
