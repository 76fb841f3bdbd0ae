// What `dealbot ask --render slack` prints: the exact response the bot sends to `/deal <text>`
// (ephemeral, with the Share button when the policy offers it).
import type { Delivery } from '../../core/delivery.ts';
import { messageOf } from './outbound.ts';

export function previewSlack(delivery: Delivery) {
  return { response_type: delivery.audience === 'asker' ? ('ephemeral' as const) : ('in_channel' as const), ...messageOf(delivery) };
}
