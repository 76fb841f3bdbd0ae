// Every /deal command, in the order help lists them. Adding a command: one file, one line here.
import type { Command } from '../src/core/command.ts';
import { alert } from './alert.ts';
import { alerts } from './alerts.ts';
import { ask } from './ask.ts';
import { deals } from './deals.ts';
import { help } from './help.ts';
import { lang } from './lang.ts';
import { market } from './market.ts';
import { overview } from './overview.ts';
import { quotes } from './quotes.ts';
import { sources } from './sources.ts';
import { subscribe } from './subscribe.ts';
import { subscription } from './subscription.ts';
import { summaries } from './summaries.ts';
import { unsubscribe } from './unsubscribe.ts';
import { timeline } from './timeline.ts';
import { use } from './use.ts';

export const commands: readonly Command<any>[] = [ask, overview, timeline, quotes, market, sources, deals, use, help, subscribe, unsubscribe, subscription, summaries, alert, alerts, lang];
