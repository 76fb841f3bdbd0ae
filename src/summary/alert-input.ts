// What `/deal alert` accepts, and the alert commands' words in each language.
import { fold } from '../core/clean-text.ts';
import type { AlertHistoryEntry, AlertRuleView } from '../core/command.ts';
import type { Lang } from '../facts/schema.ts';
import { formatDuration, parseDuration } from './alert-strings.ts';
import { formatDateTime } from './strings.ts';

export type AlertInput =
  | { ok: true; action: 'list' }
  | { ok: true; action: 'set' | 'dry-run'; kind: 'price'; ticker: string; thresholdPct: number; direction: 'both' | 'up' | 'down'; cooldownMs: number | null }
  | { ok: true; action: 'set' | 'dry-run'; kind: 'facts'; cooldownMs: number | null }
  | { ok: true; action: 'remove'; kind: 'price' | 'facts'; ticker?: string }
  | { ok: false; problem: 'ticker' | 'threshold' | 'cooldown' | 'word' | 'missing'; word: string };

const FACT_WORDS = new Set(['facts', 'fact', 'faits', 'fait', 'base']);
const OFF_WORDS = new Set(['off', 'stop', 'remove', 'delete', 'none', 'arret', 'supprimer']);
const DRY_WORDS = new Set(['dry-run', 'dryrun', '--dry-run', 'test', 'essai']);
const COOLDOWN_WORDS = new Set(['cooldown', 'every', 'delai']);

/** Reads "<TICKER> <N%>|off [cooldown 2h|day] [dry-run]" or "facts [off] [cooldown 1h] [dry-run]". */
export function parseAlertWords(words: readonly string[], tickers: readonly string[]): AlertInput {
  if (words.length === 0) return { ok: true, action: 'list' };
  let kind: 'price' | 'facts' | undefined;
  let ticker: string | undefined;
  let threshold: { pct: number; direction: 'both' | 'up' | 'down' } | undefined;
  let cooldownMs: number | null = null;
  let off = false;
  let dry = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const w = fold(word);
    const pct = /^([+\-−]?)(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/.exec(word);
    if (FACT_WORDS.has(w)) kind = 'facts';
    else if (OFF_WORDS.has(w)) off = true;
    else if (DRY_WORDS.has(w)) dry = true;
    else if (COOLDOWN_WORDS.has(w) || w.startsWith('cooldown=')) {
      const value = w.startsWith('cooldown=') ? w.slice('cooldown='.length) : words[++i];
      if (value === undefined) return { ok: false, problem: 'cooldown', word };
      if (['day', 'jour', 'session', 'seance'].includes(fold(value))) cooldownMs = null;
      else {
        const ms = parseDuration(value);
        if (ms === undefined) return { ok: false, problem: 'cooldown', word: value };
        cooldownMs = ms;
      }
    } else if (pct && kind !== 'facts' && (word.includes('%') || ticker)) {
      const value = Number(pct[2]!.replace(',', '.'));
      if (!(value > 0 && value <= 100)) return { ok: false, problem: 'threshold', word };
      threshold = { pct: value, direction: pct[1] === '+' ? 'up' : pct[1] ? 'down' : 'both' };
    } else if (/^\$?[A-Za-z][A-Za-z0-9.\-]{0,9}$/.test(word)) {
      const t = word.replace(/^\$/, '').toUpperCase();
      if (!tickers.includes(t)) return { ok: false, problem: 'ticker', word };
      kind = 'price';
      ticker = t;
    } else return { ok: false, problem: 'word', word };
  }
  if (kind === 'facts') {
    if (off) return { ok: true, action: 'remove', kind: 'facts' };
    return { ok: true, action: dry ? 'dry-run' : 'set', kind: 'facts', cooldownMs };
  }
  if (!ticker) return { ok: false, problem: 'missing', word: words.join(' ') };
  if (off) return { ok: true, action: 'remove', kind: 'price', ticker };
  if (!threshold) return { ok: false, problem: 'threshold', word: words.join(' ') };
  return { ok: true, action: dry ? 'dry-run' : 'set', kind: 'price', ticker, thresholdPct: threshold.pct, direction: threshold.direction, cooldownMs };
}

const USAGE = '/deal alert <TICKER> <N%>|off [cooldown 2h] [dry-run] · /deal alert facts [off] [dry-run] · /deal alerts';

const pctText = (r: Pick<AlertRuleView, 'thresholdPct' | 'direction'>, lang: Lang) =>
  `${r.direction === 'up' ? '+' : r.direction === 'down' ? '−' : '±'}${String(r.thresholdPct).replace('.', lang === 'fr' ? ',' : '.')}${lang === 'fr' ? ' %' : '%'}`;

const en = {
  title: 'Alerts',
  noDatabase: 'Alerts are not available here: the bot runs without its database.',
  /** `who`: the platform's own rule when it has one (a noun phrase from its adapter). */
  refused: (who?: string): string => `Only ${who ?? 'administrators'} can change this channel’s alerts.`,
  bad: (p: Extract<AlertInput, { ok: false }>, tickers: readonly string[]) =>
    p.problem === 'ticker'
      ? `“${p.word}” is not one of the deal’s tickers: ${tickers.join(', ')}.`
      : p.problem === 'threshold'
        ? `Give the move as a percentage from 0 to 100, e.g. 5% (either way), +5% (up only) or -5% (down only).`
        : p.problem === 'cooldown'
          ? `“${p.word}” is not a cooldown: use day (one per trading day, the default) or a duration from 1m to 7d, e.g. 30m or 2h.`
          : p.problem === 'missing'
            ? 'Name a ticker (or facts).'
            : `“${p.word}” is not understood.`,
  usage: `Usage: ${USAGE}`,
  setPrice: (r: AlertRuleView) =>
    `This channel will get an alert when ${r.subject} moves ${pctText(r, 'en')} or more since the last close, checked during the regular session; ${r.cooldownMs ? `at most one every ${formatDuration(r.cooldownMs, 'en')}` : 'at most one per trading day'}.`,
  setFacts: (r: AlertRuleView) =>
    `This channel will get an alert when the deal’s fact base gains or changes a fact, with the fact and its source; edits within ${formatDuration(r.cooldownMs ?? 0, 'en')} come as one alert.`,
  removed: (what: string) => `Alert removed: ${what}.`,
  notFound: (what: string) => `This channel has no alert for ${what}.`,
  none: 'This channel has no alert.',
  rules: 'Alerts in this channel:',
  rule: (r: AlertRuleView) =>
    r.kind === 'facts'
      ? `Fact base changes (edits within ${formatDuration(r.cooldownMs ?? 0, 'en')} grouped) — set by ${r.createdBy}`
      : `${r.subject}: ${pctText(r, 'en')} since the last close, ${r.cooldownMs ? `one every ${formatDuration(r.cooldownMs, 'en')}` : 'one per trading day'} — set by ${r.createdBy}`,
  historyHead: 'Latest alerts here:',
  noHistory: 'No alert has gone out here yet.',
  entry: (e: AlertHistoryEntry, timezone: string) =>
    `${formatDateTime(new Date(e.at), 'en', timezone)} · ${e.state === 'sent' ? 'posted' : e.state === 'claimed' ? 'being posted' : e.state}${e.detail ? `: ${e.detail}` : ''}`,
  dryHint: 'Try one without saving or posting anything: add dry-run, e.g. /deal alert NVDA 5% dry-run.',
};

const fr: typeof en = {
  title: 'Alertes',
  noDatabase: 'Les alertes ne sont pas disponibles ici : le bot tourne sans sa base de données.',
  refused: (who) => `Seuls ${who ?? 'les administrateurs'} peuvent modifier les alertes de ce canal.`,
  bad: (p, tickers) =>
    p.problem === 'ticker'
      ? `« ${p.word} » n’est pas un des titres de l’accord : ${tickers.join(', ')}.`
      : p.problem === 'threshold'
        ? 'Donnez la variation en pourcentage de 0 à 100, par ex. 5 % (dans les deux sens), +5 % (hausse) ou -5 % (baisse).'
        : p.problem === 'cooldown'
          ? `« ${p.word} » n’est pas un délai : utilisez jour (une par séance, par défaut) ou une durée de 1m à 7d, par ex. 30m ou 2h.`
          : p.problem === 'missing'
            ? 'Nommez un titre (ou facts).'
            : `« ${p.word} » n’est pas compris.`,
  usage: `Usage : ${USAGE}`,
  setPrice: (r) =>
    `Ce canal recevra une alerte quand ${r.subject} varie de ${pctText(r, 'fr')} ou plus depuis la dernière clôture, vérifié pendant la séance régulière ; ${r.cooldownMs ? `au plus une toutes les ${formatDuration(r.cooldownMs, 'fr')}` : 'au plus une par séance'}.`,
  setFacts: (r) =>
    `Ce canal recevra une alerte quand la base de faits de l’accord gagne ou modifie un fait, avec le fait et sa source ; les modifications à moins de ${formatDuration(r.cooldownMs ?? 0, 'fr')} d’intervalle arrivent en une alerte.`,
  removed: (what) => `Alerte supprimée : ${what}.`,
  notFound: (what) => `Ce canal n’a pas d’alerte pour ${what}.`,
  none: 'Ce canal n’a pas d’alerte.',
  rules: 'Alertes de ce canal :',
  rule: (r) =>
    r.kind === 'facts'
      ? `Changements de la base (groupés sur ${formatDuration(r.cooldownMs ?? 0, 'fr')}) — réglée par ${r.createdBy}`
      : `${r.subject} : ${pctText(r, 'fr')} depuis la dernière clôture, ${r.cooldownMs ? `une toutes les ${formatDuration(r.cooldownMs, 'fr')}` : 'une par séance'} — réglée par ${r.createdBy}`,
  historyHead: 'Dernières alertes ici :',
  noHistory: 'Aucune alerte n’est encore partie ici.',
  entry: (e, timezone) =>
    `${formatDateTime(new Date(e.at), 'fr', timezone)} · ${e.state === 'sent' ? 'publiée' : e.state === 'claimed' ? 'en cours' : e.state}${e.detail ? ` : ${e.detail}` : ''}`,
  dryHint: 'Essayez-en une sans rien enregistrer ni publier : ajoutez dry-run, par ex. /deal alert NVDA 5% dry-run.',
};

export const alertInputStrings: Record<Lang, typeof en> = { en, fr };
