// Builds the core Bot: text in, Reply out. Every platform goes through here, so limits,
// language, command choice, logging and error replies are the same everywhere.
import { performance } from 'node:perf_hooks';
import { dealOfChannel, type ChannelDealStore, type ChosenDeal, type DealDefaults } from '../deals/channel-deal.ts';
import { singleDealSet, type DealEntry, type DealSet } from '../deals/deal-set.ts';
import { routerOf } from '../deals/router.ts';
import type { Lang } from '../facts/schema.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import type { QuestionEngine, Suggestion } from '../search/types.ts';
import type { AnswerOptions, Asker, Bot } from './bot.ts';
import { cleanText, fold, MAX_QUERY_CHARS } from './clean-text.ts';
import type { AlertService, Command, CommandContext, SubscriptionService } from './command.ts';
import { nextContext, readFollowUp, type FollowUp } from './follow-up.ts';
import type { GapLog } from './gaps.ts';
import { t } from './i18n.ts';
import type { LanguageSettings } from './language.ts';
import { reply, type Reply } from './reply.ts';

export interface AnswerEvent {
  platform: Asker['platform'];
  via: string;
  command: string;
  kind: Reply['kind'];
  facts: number;
  latencyMs: number;
  lang: Lang;
}

export interface BotOptions {
  /** The engine of a base with one deal (and of `langOf` for notices). */
  engine: () => QuestionEngine;
  /**
   * Every deal of the base (EngineHolder.deals). With several, each question is answered from one:
   * the deal named first (`/deal <id> …`), else the deal its words name, else the channel's.
   */
  deals?: () => DealSet;
  /** Where `/deal use` keeps each channel's deal (the store). */
  channelDeals?: ChannelDealStore;
  /** The workspace/guild defaults (DEFAULT_DEAL). */
  dealDefaults?: DealDefaults;
  /** The /deal commands (commands/index.ts), injected: the core knows no command list of its own. */
  commands: readonly Command<any>[];
  subscriptions?: SubscriptionService;
  alerts?: AlertService;
  defaultTimezone?: string;
  logger?: Logger;
  now?: () => Date;
  /** Called after each answer (metrics). */
  onAnswer?: (event: AnswerEvent) => void;
  /** Where questions that got no facts are kept for curators. */
  gaps?: GapLog;
  /** Language settings (/deal lang) kept in the store. */
  settings?: LanguageSettings;
}

interface CommandWord {
  command: Command<any>;
  alias?: string;
}

/** Folded name or alias → its commands in list order; built once per list (folding is not free). */
const wordIndexes = new WeakMap<readonly Command<any>[], Map<string, CommandWord[]>>();

function wordIndexOf(list: readonly Command<any>[]): Map<string, CommandWord[]> {
  let index = wordIndexes.get(list);
  if (index) return index;
  index = new Map();
  const add = (word: string, entry: CommandWord) => {
    const key = fold(word);
    index!.set(key, [...(index!.get(key) ?? []), entry]);
  };
  for (const command of list) {
    if (command.name) add(command.name, { command });
    for (const alias of command.aliases) add(alias, { command, alias });
  }
  wordIndexes.set(list, index);
  return index;
}

/** Finds the command a text starts with; the rest of the text is its arguments. */
export function pickCommand(
  text: string,
  list: readonly Command<any>[],
): { command: Command<any>; rest: string; alias?: string } | undefined {
  const space = text.indexOf(' ');
  const first = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? '' : text.slice(space + 1);
  // The first command of the list that answers to this word (and takes text if text follows).
  for (const { command, alias } of wordIndexOf(list).get(fold(first)) ?? []) {
    if (rest && !command.acceptsText) continue;
    return alias === undefined ? { command, rest } : { command, rest, alias };
  }
  return undefined;
}

/** French aliases answer in French: "/deal chronologie" is a French speaker. */
const FRENCH_ALIASES = new Set(['aide', 'chronologie', 'calendrier', 'citations', 'marche', 'abonner', 'desabonner', 'abonnement', 'alerte', 'alertes', 'accords', 'utiliser', 'langue', 'resumes']);

/**
 * A database that stayed locked past its busy timeout: SQLite's SQLITE_BUSY, PostgreSQL's lock
 * timeout, serialization failure or deadlock, or the store's own StorageBusyError (the same codes
 * src/store/sql.ts isBusy reads; the core imports no storage).
 */
export function isStorageBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string') return false;
  return code === 'STORAGE_BUSY' || /^SQLITE_(BUSY|LOCKED)/.test(code) || ['55P03', '40001', '40P01', '57014'].includes(code);
}

export function createBot(opts: BotOptions): Bot {
  const list = opts.commands;
  const logger = opts.logger ?? silentLogger;
  const now = opts.now ?? (() => new Date());
  const ask = list.find((c) => c.name === '');
  const pendingGaps = new Set<Promise<void>>();
  if (!ask) throw new Error('the command list needs the ask command (empty name)');

  /** The language to answer in: a French command word says French, else the words of a question (not a setting's), else the asker's. */
  function langFor(picked: { command: Command<any>; alias?: string } | undefined, rest: string, engine: QuestionEngine, asker: Pick<Asker, 'lang'>): Lang {
    if (picked?.alias && FRENCH_ALIASES.has(fold(picked.alias))) return 'fr';
    const words = rest && (picked?.command.routing ?? 'question') === 'question';
    return words ? engine.detectLang(rest, asker.lang) : (asker.lang ?? 'en');
  }

  /** `/deal <deal id> …` names its deal first (with several deals): that deal, and the text after it. */
  function explicitDeal(text: string, set: DealSet): { deal?: ChosenDeal; text: string } {
    if (!set.several) return { text };
    const space = text.indexOf(' ');
    const first = space < 0 ? text : text.slice(0, space);
    const entry = set.get(first.toLowerCase());
    if (!entry || pickCommand(first, list)) return { text };
    return { deal: { entry, via: 'explicit' }, text: space < 0 ? '' : text.slice(space + 1).trim() };
  }

  /**
   * The command a cleaned text picks (or the one asked for, `forced`), its arguments, the deal it is
   * about and the language to answer in: the text's own when it tells, else the asker's.
   */
  async function route(text: string, set: DealSet, asker: Asker, forced?: string, thread?: DealEntry) {
    const explicit = explicitDeal(text, set);
    const wanted = forced === undefined ? undefined : list.find((c) => c.name === forced);
    const picked = wanted ? { command: wanted, rest: explicit.text } : pickCommand(explicit.text, list);
    const command = picked?.command ?? ask!;
    const rest = picked ? picked.rest : explicit.text;
    let deal = explicit.deal;
    if (!deal && thread) {
      // A follow-up: the thread's deal, unless its words name another.
      const routed = rest ? routerOf(set).route(rest, thread) : thread;
      deal = { entry: routed, via: 'named' };
    }
    if (!deal) {
      const home = await dealOfChannel(set, asker.channel, {
        ...(opts.channelDeals ? { store: opts.channelDeals } : {}),
        ...(opts.dealDefaults ? { defaults: opts.dealDefaults } : {}),
        onError: (err) => logger.warn({ err, platform: asker.platform }, "could not read the channel's deal; using the default"),
      });
      const routed = set.several && rest && (command.routing ?? 'question') === 'question' ? routerOf(set).route(rest, home.entry) : home.entry;
      deal = routed === home.entry ? home : { entry: routed, via: 'named' };
    }
    const engine = deal.entry.engine;
    return { command, rest, lang: langFor(picked, rest, engine, asker), deal, set, engine };
  }

  async function run(routed: Awaited<ReturnType<typeof route>>, asker: Asker, extra: Partial<CommandContext> = {}): Promise<Reply> {
    const { command, rest, lang, engine } = routed;
    const ctx: CommandContext = {
      ...extra,
      engine,
      deal: routed.deal,
      deals: routed.set,
      ...(opts.channelDeals ? { channelDeals: opts.channelDeals } : {}),
      ...(opts.dealDefaults ? { dealDefaults: opts.dealDefaults } : {}),
      lang,
      platform: asker.platform,
      channel: asker.channel,
      user: asker.user,
      isAdmin: () => asker.isAdmin(),
      ...(asker.adminRule ? { adminRule: asker.adminRule } : {}),
      defaultTimezone: opts.defaultTimezone ?? 'UTC',
      now,
      ...(opts.subscriptions ? { subscriptions: opts.subscriptions } : {}),
      ...(opts.alerts ? { alerts: opts.alerts } : {}),
      ...(opts.settings ? { settings: opts.settings } : {}),
      ...(asker.langSource ? { langSource: asker.langSource } : {}),
    };
    const args = command.args.safeParse(command.parseArgs(rest));
    if (args.success) return command.run(ctx, args.data);
    const problem = args.error.issues.map((i) => i.message).join('; ');
    return reply({ kind: 'notice', lang, title: `/deal ${command.name}`, intro: t(lang).badArgs(`/deal ${command.name} ${command.usage}`.trim(), problem), items: [] });
  }

  /** A follow-up read in the thread's context: the ask command on the rewritten text. */
  function followUpOf(text: string, engine: QuestionEngine, o: AnswerOptions, command: Command<any>): FollowUp | undefined {
    return o.context && command === ask && !o.quoted ? readFollowUp(text, o.context, engine) : undefined;
  }

  async function answer(raw: string, asker: Asker, o: AnswerOptions = {}): Promise<Reply> {
    const started = performance.now();
    // One base for the whole question, even if a reload lands meanwhile.
    const set = opts.deals?.() ?? singleDealSet(opts.engine());
    const { text, truncated } = cleanText(raw);
    const first = await route(text, set, asker, o.command);
    // A follow-up is read with the thread's deal, and is the ask command on the rewritten text about it.
    const thread = set.several && o.context?.deal ? set.get(o.context.deal) : undefined;
    const followUp = followUpOf(text, thread?.engine ?? first.engine, o, first.command);
    const routed = followUp ? { ...(await route(followUp.text, set, asker, '', thread)), lang: followUp.lang } : first;
    const { command, rest, lang, engine } = routed;
    const extra: Partial<CommandContext> = {
      ...(o.quoted ? { quoted: true } : {}),
      ...(followUp?.exclude.length ? { exclude: new Set(followUp.exclude) } : {}),
    };

    let result: Reply;
    try {
      result = await run(routed, asker, extra);
      if (followUp) result = { ...result, intro: [t(lang).followingUp(followUp.previous), result.intro].filter(Boolean).join(' ') };
      if (truncated) result = { ...result, intro: [t(lang).truncated(MAX_QUERY_CHARS), result.intro].filter(Boolean).join(' ') };
      if (result.items.length > 0 && !result.version) result = { ...result, version: engine.base.fingerprint };
    } catch (err) {
      if (isStorageBusy(err)) {
        // Another process held the database past our short busy timeout: nothing was changed.
        logger.warn({ platform: asker.platform, command: command.name || 'ask' }, 'database busy: change not saved');
        result = reply({ kind: 'notice', lang, title: t(lang).busyTitle, intro: t(lang).busy, items: [] });
      } else {
        logger.error({ err, platform: asker.platform, command: command.name || 'ask' }, 'command failed');
        result = reply({ kind: 'error', lang, title: 'dealbot', intro: t(lang).error, items: [] });
      }
    }

    const latencyMs = performance.now() - started;
    const event: AnswerEvent = {
      platform: asker.platform,
      via: asker.via ?? 'command',
      command: command.name || 'ask',
      kind: result.kind,
      facts: result.items.length,
      latencyMs,
      lang: result.lang,
    };
    // Someone else's message (a shortcut) is neither logged nor kept for curators.
    if (logger.isLevelEnabled('info')) logger.info({ ...event, latencyMs: Math.round(latencyMs * 100) / 100, query: o.quoted ? '[a message]' : text.slice(0, 200) }, 'question answered');
    if (result.kind === 'no-facts' && text && !o.quoted) recordGap(followUp?.text ?? (command === ask ? rest : text), result.lang, asker, set.several ? routed.deal.entry.id : undefined);
    opts.onAnswer?.(event);
    // The thread is now about what the ask command answered (another command leaves it as it was).
    const asked = command === ask && (result.kind === 'answer' || result.kind === 'no-facts') && rest.trim();
    if (asked && o.onContext) {
      const deal = set.several ? { deal: routed.deal.entry.id } : {};
      o.onContext(nextContext(o.context, { subject: rest.trim(), lang: result.lang, factIds: result.items.flatMap((i) => (i.factId ? [i.factId] : [])), asker: asker.user.id, more: followUp?.mode === 'more', ...deal }));
    }
    return result;
  }

  /** Keeps a question that got no facts for curators, off the answer's path: a busy or unreachable store costs the record, never the answer. */
  function recordGap(query: string, lang: Lang, asker: Asker, deal: string | undefined): void {
    if (!opts.gaps) return;
    const workspace = asker.channel.workspace;
    const recorded = opts.gaps.record({ at: now().toISOString(), query, lang, platform: asker.platform, ...(workspace ? { workspace } : {}), ...(deal ? { deal } : {}) });
    pendingGaps.add(recorded);
    void recorded
      .catch((err: unknown) => logger.warn({ err }, 'could not record a question without facts'))
      .finally(() => pendingGaps.delete(recorded));
  }

  function langOf(raw: string, asker: Pick<Asker, 'lang'>): Lang {
    const set = opts.deals?.() ?? singleDealSet(opts.engine());
    const { text } = explicitDeal(cleanText(raw).text, set);
    const picked = pickCommand(text, list);
    return langFor(picked, picked ? picked.rest : text, set.fallback.engine, asker);
  }

  function suggest(partial: string, limit?: number, lang?: Lang): Suggestion[] {
    const set = opts.deals?.() ?? singleDealSet(opts.engine());
    if (!set.several) return set.deals[0]!.engine.suggest(partial, limit, lang);
    const named = routerOf(set).named(partial)[0]?.entry;
    const l = lang ?? 'en';
    const lists = (named ? [named] : set.deals).map((d) =>
      d.engine.suggest(partial, limit, lang).map((s) => ({ label: `${d.name[l]} · ${s.label}`, value: `${d.id} ${s.value}` })),
    );
    // Each deal in turn, so one deal's many matches do not hide the others'.
    const out: Suggestion[] = [];
    for (let i = 0; out.length < (limit ?? 25) && lists.some((list) => i < list.length); i++) {
      for (const list of lists) if (list[i] && out.length < (limit ?? 25)) out.push(list[i]!);
    }
    return out;
  }

  return {
    commands: list,
    engine: opts.engine,
    answer,
    suggest,
    langOf,
    flush: async () => void (await Promise.allSettled([...pendingGaps])),
  };
}
