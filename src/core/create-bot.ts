// Builds the core Bot: text in, Reply out. Every platform goes through here, so limits,
// language, command choice, logging and error replies are the same everywhere.
import { performance } from 'node:perf_hooks';
import type { Lang } from '../facts/schema.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import type { QuestionEngine } from '../search/types.ts';
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
  engine: () => QuestionEngine;
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
const FRENCH_ALIASES = new Set(['aide', 'chronologie', 'calendrier', 'citations', 'marche', 'abonner', 'desabonner', 'abonnement', 'alerte', 'alertes', 'langue', 'resumes']);

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

  /**
   * The command a cleaned text picks (or the one asked for), its arguments and the language to
   * answer in: the text's own when it tells, else the asker's.
   */
  function route(text: string, engine: QuestionEngine, asker: Pick<Asker, 'lang'>, forced?: string) {
    const wanted = forced === undefined ? undefined : list.find((c) => c.name === forced);
    const picked = wanted ? { command: wanted, rest: text } : pickCommand(text, list);
    const command = picked?.command ?? ask!;
    const rest = picked ? picked.rest : text;
    const alias = picked && 'alias' in picked ? picked.alias : undefined;
    const lang: Lang = alias && FRENCH_ALIASES.has(fold(alias)) ? 'fr' : rest ? engine.detectLang(rest, asker.lang) : (asker.lang ?? 'en');
    return { command, rest, lang };
  }

  async function run(command: Command<any>, rest: string, lang: Lang, engine: QuestionEngine, asker: Asker, extra: Partial<CommandContext> = {}): Promise<Reply> {
    const ctx: CommandContext = {
      ...extra,
      engine,
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
    const engine = opts.engine(); // one base for the whole question, even if a reload lands meanwhile
    const { text, truncated } = cleanText(raw);
    const routed = route(text, engine, asker, o.command);
    const followUp = followUpOf(text, engine, o, routed.command);
    const { command, rest, lang } = followUp ? { command: ask!, rest: followUp.text, lang: followUp.lang } : routed;
    const extra: Partial<CommandContext> = {
      ...(o.quoted ? { quoted: true } : {}),
      ...(followUp?.exclude.length ? { exclude: new Set(followUp.exclude) } : {}),
    };

    let result: Reply;
    try {
      result = await run(command, rest, lang, engine, asker, extra);
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
    if (result.kind === 'no-facts' && text && !o.quoted) recordGap(followUp?.text ?? text, result.lang, asker);
    opts.onAnswer?.(event);
    // The thread is now about what the ask command answered (another command leaves it as it was).
    const asked = command === ask && (result.kind === 'answer' || result.kind === 'no-facts') && rest.trim();
    if (asked && o.onContext) {
      o.onContext(nextContext(o.context, { subject: rest.trim(), lang: result.lang, factIds: result.items.flatMap((i) => (i.factId ? [i.factId] : [])), asker: asker.user.id, more: followUp?.mode === 'more' }));
    }
    return result;
  }

  /** Keeps a question that got no facts for curators, off the answer's path: a busy or unreachable store costs the record, never the answer. */
  function recordGap(query: string, lang: Lang, asker: Asker): void {
    if (!opts.gaps) return;
    const workspace = asker.channel.workspace;
    const recorded = opts.gaps.record({ at: now().toISOString(), query, lang, platform: asker.platform, ...(workspace ? { workspace } : {}) });
    pendingGaps.add(recorded);
    void recorded
      .catch((err: unknown) => logger.warn({ err }, 'could not record a question without facts'))
      .finally(() => pendingGaps.delete(recorded));
  }

  function langOf(raw: string, asker: Pick<Asker, 'lang'>): Lang {
    return route(cleanText(raw).text, opts.engine(), asker).lang;
  }

  return {
    commands: list,
    engine: opts.engine,
    answer,
    langOf,
    flush: async () => void (await Promise.allSettled([...pendingGaps])),
  };
}
