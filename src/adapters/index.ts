// The registry: every platform dealbot can run on. A new platform is one folder exporting a
// PlatformAdapter (see contract.ts) and one line here; start-up, configuration, .env.example,
// previews, the CLI and health all read this list.
import type { PlatformAdapter } from './contract.ts';
import { discord } from './discord/index.ts';
import { slack } from './slack/index.ts';

export const platforms: readonly PlatformAdapter[] = [slack, discord];

export type { PlatformAdapter } from './contract.ts';
