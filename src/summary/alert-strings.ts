// The alerts' own words in each language; facts and quotes bring their own.
import type { Lang } from '../facts/schema.ts';

const en = {
  priceTitle: (name: string, ticker: string, move: string) => `Price alert: ${name} (${ticker}) ${move} since the last close`,
  priceRule: (threshold: string, direction: 'both' | 'up' | 'down', by: string) =>
    `Alert set by ${by}: a move of ${direction === 'up' ? '+' : direction === 'down' ? '−' : '±'}${threshold} or more since the last close.`,
  cooldownDay: 'At most one alert per ticker per trading day in this channel.',
  cooldownFor: (d: string) => `At most one alert per ticker every ${d} in this channel.`,
  factsTitle: (n: number) => `Fact base update: ${n} fact(s) new or changed`,
  factsIntro: 'The deal’s fact base gained or changed these facts (each with its source):',
  added: (text: string) => `New: ${text}`,
  changed: (text: string) => `Changed: ${text}`,
  removed: (n: number) => `${n} fact(s) removed.`,
  footer: 'Not investment advice. Alerts follow the fact base and the provider’s quotes; they may be delayed.',
  dryTitle: 'Alert dry run',
  dryNothingPosted: 'Dry run: nothing was saved or posted. This is what the alert would post now:',
  dryNoPost: (why: string) => `Dry run: nothing was saved or posted. No alert would go out now: ${why}.`,
  why: {
    'no-provider': 'live quotes are unavailable (no market-data provider configured)',
    'no-quote': 'no live quote for the current session',
    closed: (phase: string) => `the market is not in its regular session (${phase})`,
    below: (move: string, threshold: string) => `the move since the last close is ${move}, inside ±${threshold}`,
    cooling: (until: string) => `an alert already went out here; the cooldown runs until ${until}`,
    noChange: 'no fact was added or changed since this channel was last told',
    noBaseline: 'fact-change alerts are not set in this channel: they will report changes made after you set them',
  },
};

const fr: typeof en = {
  priceTitle: (name, ticker, move) => `Alerte de cours : ${name} (${ticker}) ${move} depuis la dernière clôture`,
  priceRule: (threshold, direction, by) =>
    `Alerte réglée par ${by} : une variation de ${direction === 'up' ? '+' : direction === 'down' ? '−' : '±'}${threshold} ou plus depuis la dernière clôture.`,
  cooldownDay: 'Au plus une alerte par titre et par séance dans ce canal.',
  cooldownFor: (d) => `Au plus une alerte par titre toutes les ${d} dans ce canal.`,
  factsTitle: (n) => `Mise à jour de la base : ${n} fait(s) nouveau(x) ou modifié(s)`,
  factsIntro: 'La base de faits de l’accord a gagné ou modifié ces faits (chacun avec sa source) :',
  added: (text) => `Nouveau : ${text}`,
  changed: (text) => `Modifié : ${text}`,
  removed: (n) => `${n} fait(s) retiré(s).`,
  footer: 'Ceci n’est pas un conseil en investissement. Les alertes suivent la base de faits et les cours du fournisseur ; elles peuvent être différées.',
  dryTitle: 'Essai d’alerte',
  dryNothingPosted: 'Essai : rien n’a été enregistré ni publié. Voici ce que l’alerte publierait maintenant :',
  dryNoPost: (why) => `Essai : rien n’a été enregistré ni publié. Aucune alerte ne partirait maintenant : ${why}.`,
  why: {
    'no-provider': 'les cours en direct sont indisponibles (aucun fournisseur de données de marché configuré)',
    'no-quote': 'pas de cours en direct pour la séance en cours',
    closed: (phase) => `le marché n’est pas en séance régulière (${phase})`,
    below: (move, threshold) => `la variation depuis la dernière clôture est de ${move}, dans les ±${threshold}`,
    cooling: (until) => `une alerte est déjà partie ici ; le délai court jusqu’au ${until}`,
    noChange: 'aucun fait ajouté ni modifié depuis la dernière alerte de ce canal',
    noBaseline: 'les alertes de la base ne sont pas réglées dans ce canal : elles signaleront les changements faits après leur réglage',
  },
};

export const alertStrings: Record<Lang, typeof en> = { en, fr };

/** "2 h", "30 min", "1 day": a cooldown as people say it. */
export function formatDuration(ms: number, lang: Lang): string {
  const min = Math.round(ms / 60_000);
  if (min % 1440 === 0) return lang === 'fr' ? `${min / 1440} jour(s)` : `${min / 1440} day(s)`;
  if (min % 60 === 0) return `${min / 60} h`;
  return `${min} min`;
}

/** Parses "30m", "2h", "1d", "90min" into ms; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d{1,4})\s*(m|min|h|d|j)$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const ms = n * (unit === 'h' ? 3600_000 : unit === 'd' || unit === 'j' ? 86_400_000 : 60_000);
  return ms >= 60_000 && ms <= 7 * 86_400_000 ? ms : undefined;
}
