// What the summary and alerts need of the deals: the base of a channel's (or a rule's) deal, and
// every deal's base. Built over the engine holder's deal set by src/start.ts; a single base for
// tools and tests that know one.
import type { ChannelRef } from '../core/command.ts';
import type { FactBase } from '../facts/load.ts';
import { dealOfChannel, type ChannelDealOptions } from './channel-deal.ts';
import type { DealSet } from './deal-set.ts';

export interface DealBases {
  /** The base of `deal` (by id) when the base holds it, else the channel's deal's (`/deal use`, DEFAULT_DEAL). */
  of(channel: ChannelRef, deal?: string | null): Promise<FactBase>;
  /** Every deal's base, in folder order. */
  all(): FactBase[];
  /** More than one deal: summaries and alerts name theirs. */
  several(): boolean;
}

export function dealBasesOf(deals: () => DealSet, opts: ChannelDealOptions = {}): DealBases {
  return {
    async of(channel, deal) {
      const set = deals();
      const own = deal ? set.get(deal) : undefined;
      return (own ?? (await dealOfChannel(set, channel, opts)).entry).engine.base;
    },
    all: () => deals().deals.map((d) => d.engine.base),
    several: () => deals().several,
  };
}

/** One base for every channel (a base with one deal, a preview). */
export function oneBase(base: () => FactBase): DealBases {
  return { of: async () => base(), all: () => [base()], several: () => false };
}

/** A reply's `deal` field: the deal named in its header, only when the base holds several. */
export function dealLabel(base: Pick<FactBase, 'deal'>, several: boolean, lang: 'en' | 'fr'): { deal?: { id: string; name: string } } {
  return several && base.deal ? { deal: { id: base.deal.id, name: base.deal.name[lang] } } : {};
}
