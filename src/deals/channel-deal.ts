// The deal a channel asks about: the one an admin set with `/deal use <deal>` (kept per channel in
// the store), else the workspace's or guild's default (DEFAULT_DEAL), else the only deal (or, with
// several, the base's default: the deal file saying `default: true`, else the first in folder order).
import type { ChannelRef } from '../core/command.ts';
import type { DealEntry, DealSet } from './deal-set.ts';

/** A channel's deal as `/deal use` kept it. */
export interface ChannelDealSetting {
  deal: string;
  setBy: string;
  setAt: string; // ISO
}

/** Where channels' deals are kept (src/store/channel-deals.ts: SQLite or PostgreSQL, shared by replicas). */
export interface ChannelDealStore {
  get(channel: ChannelRef): Promise<ChannelDealSetting | undefined>;
  set(channel: ChannelRef, deal: string, by: string): Promise<ChannelDealSetting>;
  /** Back to the workspace default; false when the channel had no deal of its own. */
  clear(channel: ChannelRef): Promise<boolean>;
}

/** DEFAULT_DEAL read: one deal for every workspace, and per-workspace (Slack team or Discord guild) exceptions. */
export interface DealDefaults {
  all?: string;
  byWorkspace: ReadonlyMap<string, string>;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads DEFAULT_DEAL: "openai-nvidia", or "openai-nvidia,T0123ABCD=aurora-lumen,987654321=other"
 * (a bare id for every workspace, `workspace=id` for one). Throws a RangeError saying what is wrong.
 */
export function parseDealDefaults(value: string | undefined): DealDefaults {
  const byWorkspace = new Map<string, string>();
  let all: string | undefined;
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const workspace = eq < 0 ? undefined : part.slice(0, eq).trim();
    const deal = (eq < 0 ? part : part.slice(eq + 1)).trim();
    if (!ID.test(deal)) throw new RangeError(`"${deal}" is not a deal id (lower-case words joined by "-", as in facts/<deal>/)`);
    if (workspace === undefined) {
      if (all !== undefined) throw new RangeError(`two deals for every workspace ("${all}" and "${deal}"); give one, and workspace=deal for the others`);
      all = deal;
    } else if (!workspace) throw new RangeError(`"${part}" names no workspace before "="`);
    else byWorkspace.set(workspace, deal);
  }
  return { ...(all !== undefined ? { all } : {}), byWorkspace };
}

/** Deal ids DEFAULT_DEAL names that the base does not hold (checked at start and at each reload). */
export function unknownDefaults(defaults: DealDefaults, set: DealSet): string[] {
  return [...new Set([...(defaults.all ? [defaults.all] : []), ...defaults.byWorkspace.values()])].filter((id) => !set.get(id));
}

/** How the deal of a question was chosen. */
export type DealChoice = 'explicit' | 'named' | 'channel' | 'workspace' | 'only' | 'base';

export interface ChosenDeal {
  entry: DealEntry;
  via: DealChoice;
  /** A deal `/deal use` set for the channel that the base no longer holds. */
  missing?: string;
}

export interface ChannelDealOptions {
  store?: ChannelDealStore;
  defaults?: DealDefaults;
  /** Told when the store cannot be read (the workspace default answers meanwhile). */
  onError?: (err: unknown) => void;
}

/** The deal of a channel. With one deal it reads nothing; with several it reads the channel's setting. */
export async function dealOfChannel(set: DealSet, channel: ChannelRef, opts: ChannelDealOptions = {}): Promise<ChosenDeal> {
  if (!set.several) return { entry: set.deals[0]!, via: 'only' };
  let setting: ChannelDealSetting | undefined;
  try {
    setting = await opts.store?.get(channel);
  } catch (err) {
    opts.onError?.(err);
  }
  const chosen = setting ? set.get(setting.deal) : undefined;
  if (chosen) return { entry: chosen, via: 'channel' };
  const missing = setting ? { missing: setting.deal } : {};
  const fallback = workspaceDeal(set, channel, opts.defaults);
  return fallback ? { entry: fallback, via: 'workspace', ...missing } : { entry: set.fallback, via: 'base', ...missing };
}

/** The workspace's (or every workspace's) default deal, when DEFAULT_DEAL names one the base holds. */
export function workspaceDeal(set: DealSet, channel: Pick<ChannelRef, 'workspace'>, defaults: DealDefaults | undefined): DealEntry | undefined {
  if (!defaults) return undefined;
  const own = channel.workspace !== undefined ? defaults.byWorkspace.get(channel.workspace) : undefined;
  return (own !== undefined ? set.get(own) : undefined) ?? (defaults.all !== undefined ? set.get(defaults.all) : undefined);
}
