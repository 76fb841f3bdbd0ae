// The English↔French vocabulary of the deal: built-in synonym groups plus the base's own words
// (topic labels and words, party names, aliases and tickers). A query word expands to the other
// members of its groups, so "bourse" finds "stock" and "énergie" finds "gigawatts".
import type { FactBase } from '../facts/load.ts';
import { normalizeText, stem, tokenize } from './normalize.ts';
import { STOP_WORDS } from './stopwords.ts';
import type { WordSides } from './index.ts';

/** One concept in both languages. Single words only: a phrase would be split into its words. */
interface Group {
  en: string[];
  fr: string[];
}

// Why these: the questions people ask about a chip/compute investment deal, in both languages.
const BUILT_IN: Group[] = [
  { en: ['energy', 'power', 'electricity', 'electric', 'gigawatt', 'gw', 'consumption', 'consume', 'consumes', 'watt'], fr: ['énergie', 'énergétique', 'puissance', 'électricité', 'électrique', 'consommation', 'consomme', 'consommer', 'alimenter'] },
  { en: ['timeline', 'schedule', 'calendar', 'roadmap', 'dates', 'milestones'], fr: ['calendrier', 'chronologie', 'échéancier', 'échéances', 'étapes'] },
  { en: ['start', 'starts', 'begin', 'begins', 'beginning', 'launch', 'kickoff'], fr: ['commence', 'commencer', 'début', 'débute', 'démarre', 'démarrage', 'lancement'] },
  { en: ['shares', 'share', 'stock', 'stocks', 'market', 'markets', 'equity', 'exchange'], fr: ['bourse', 'boursier', 'marché', 'marchés', 'action', 'actions', 'cours', 'titre'] },
  { en: ['move', 'moves', 'moved', 'jump', 'jumped', 'rose', 'rise', 'fell', 'fall', 'drop', 'dropped', 'gain', 'gained', 'surge', 'react', 'reacted', 'reaction', 'reactions'], fr: ['variation', 'hausse', 'baisse', 'bondi', 'bondir', 'reculé', 'recul', 'progressé', 'chute', 'réagi', 'réagir', 'réagit', 'réaction', 'réactions'] },
  { en: ['invest', 'invests', 'investment', 'investing', 'funding', 'fund', 'money', 'financing'], fr: ['investir', 'investira', 'investissement', 'financement', 'argent', 'fonds'] },
  { en: ['billion', 'billions', 'bn'], fr: ['milliard', 'milliards', 'mds'] },
  { en: ['million', 'millions'], fr: ['million', 'millions'] },
  { en: ['chips', 'chip', 'processors', 'processor', 'gpu', 'gpus', 'semiconductors', 'semiconductor', 'silicon'], fr: ['puces', 'puce', 'processeurs', 'processeur', 'semi-conducteurs'] },
  { en: ['hardware', 'systems', 'equipment'], fr: ['matériel', 'systèmes', 'équipement'] },
  { en: ['own', 'in-house', 'inhouse', 'custom', 'homegrown', 'proprietary'], fr: ['maison', 'propre', 'propres', 'autonomie'] },
  { en: ['develop', 'develops', 'developing', 'development', 'build', 'builds', 'building', 'design', 'designs', 'designing'], fr: ['développe', 'développer', 'développement', 'construire', 'construit', 'concevoir', 'conçoit', 'fabrique', 'fabriquer', 'travaille'] },
  { en: ['competition', 'competitors', 'competitor', 'rivals', 'rival', 'compete', 'competitive'], fr: ['concurrence', 'concurrents', 'concurrent', 'rivaux', 'rivaliser', 'concurrentielle'] },
  { en: ['antitrust', 'regulators', 'regulator', 'regulation', 'monopoly', 'authorities', 'scrutiny'], fr: ['régulateurs', 'régulation', 'monopole', 'autorités', 'surveillance'] },
  // What regulators do to a deal.
  { en: ['examine', 'investigate', 'investigation', 'investigations', 'probe', 'review', 'block', 'challenge'], fr: ['examiner', 'enquête', 'enquêtes', 'enquêter', 'bloquer', 'contester'] },
  { en: ['lawyer', 'attorney', 'counsel'], fr: ['avocat', 'juriste'] },
  { en: ['analyst', 'analysts'], fr: ['analyste', 'analystes'] },
  { en: ['ceo', 'boss', 'chief', 'head'], fr: ['pdg', 'patron', 'dirigeant'] },
  { en: ['agi', 'superintelligence'], fr: ['agi'] },
  { en: ['ai', 'intelligence'], fr: ['ia', 'intelligence'] },
  { en: ['homes', 'households', 'household'], fr: ['foyers', 'ménages', 'foyer'] },
  { en: ['deal', 'partnership', 'agreement', 'alliance', 'contract', 'accord'], fr: ['accord', 'partenariat', 'entente', 'contrat'] },
  // Who is in the deal.
  { en: ['parties', 'party', 'partners', 'partner', 'involved', 'participants'], fr: ['parties', 'partenaires', 'partenaire', 'impliqué', 'impliqués', 'participants'] },
  { en: ['role', 'influence'], fr: ['rôle', 'influence'] },
  { en: ['intent', 'loi'], fr: ['intention'] },
  { en: ['compute', 'computing', 'computation'], fr: ['calcul'] },
  { en: ['governance', 'nonprofit', 'transparency'], fr: ['gouvernance', 'lucratif', 'transparence'] },
  { en: ['climate'], fr: ['climat', 'climatiques', 'climatique'] },
  { en: ['circular', 'circularity'], fr: ['circulaires', 'circulaire'] },
  { en: ['dependence', 'dependency', 'reliance'], fr: ['dépendance'] },
  { en: ['phase', 'stage', 'tranche'], fr: ['phase', 'étape', 'tranche'] },
  { en: ['first', 'initial'], fr: ['première', 'premier'] },
  { en: ['delivery', 'deliveries', 'deliver', 'shipment'], fr: ['livraison', 'livraisons', 'livrer'] },
  { en: ['half', 'semester'], fr: ['semestre'] },
  { en: ['platform', 'architecture'], fr: ['plateforme', 'architecture'] },
  { en: ['record', 'high'], fr: ['record'] },
  { en: ['stake', 'equity'], fr: ['participation'] },
  { en: ['price', 'valuation'], fr: ['prix', 'valorisation'] },
  // What something is worth (not a share price).
  { en: ['worth', 'value', 'valued', 'amount', 'cost', 'costs', 'size'], fr: ['vaut', 'valent', 'valeur', 'montant', 'coût', 'coûte', 'coûts', 'taille'] },
  { en: ['worry', 'worried', 'worries', 'concern', 'concerns', 'concerned', 'fears', 'risk', 'risks'], fr: ['inquiétude', 'inquiet', 'inquiets', 'inquiéter', 'préoccupations', 'risques', 'craintes'] },
  { en: ['future', 'tomorrow', 'outlook'], fr: ['avenir', 'demain', 'perspectives'] },
  { en: ['data', 'datacenter', 'datacenters', 'infrastructure'], fr: ['données', 'infrastructure'] },
];

/**
 * How much a group member stands for another: a party's aliases name the same company; built-in
 * synonyms mean nearly the same; a topic's words are only related (Broadcom is not "chips").
 */
const GROUP_WEIGHT = { party: 0.9, builtIn: 0.5, topic: 0.3 } as const;

/** Normalised, stemmed, stop-word-free terms of a text (what the index and the query compare). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const tok of tokenize(normalizeText(text))) {
    if (STOP_WORDS.has(tok)) continue;
    out.push(stem(tok));
  }
  return out;
}

export class Vocabulary {
  /** Synonym groups as stems, with how much a member stands for another; ids index this array. */
  readonly groups: { stems: string[]; weight: number }[] = [];
  readonly groupsOf = new Map<string, number[]>();
  /** Stems seen only on the French / only on the English side (for language detection). */
  readonly frOnly = new Set<string>();
  readonly enOnly = new Set<string>();
  /** Normalised topic label or word phrase → topic ids. */
  readonly topicByPhrase = new Map<string, string[]>();
  /** Stem → topics whose label or words contain it. */
  readonly topicsOfTerm = new Map<string, string[]>();
  /** Stem → a word as people write it. */
  readonly surface: Map<string, string>;

  /** sides: what indexing the facts learnt (language sides and spellings of the base's words). */
  constructor(base: FactBase, sides: WordSides) {
    const en = sides.en;
    const fr = sides.fr;
    this.surface = sides.surface;
    const addGroup = (weight: number, words: { word: string; lang?: 'en' | 'fr' }[]) => {
      const stems = new Set<string>();
      for (const { word, lang } of words) {
        for (const tok of tokenize(normalizeText(word))) {
          if (STOP_WORDS.has(tok) && tok !== 'ai') continue;
          const s = stem(tok);
          stems.add(s);
          this.noteSurface(s, tok);
          if (lang === 'en') en.add(s);
          if (lang === 'fr') fr.add(s);
        }
      }
      if (stems.size < 2) return;
      const id = this.groups.length;
      this.groups.push({ stems: [...stems], weight });
      for (const s of stems) push(this.groupsOf, s, id);
    };

    for (const g of BUILT_IN) {
      addGroup(GROUP_WEIGHT.builtIn, [...g.en.map((word) => ({ word, lang: 'en' as const })), ...g.fr.map((word) => ({ word, lang: 'fr' as const }))]);
    }
    for (const t of base.topics.values()) {
      addGroup(GROUP_WEIGHT.topic, [
        { word: t.label.en, lang: 'en' },
        { word: t.label.fr, lang: 'fr' },
        ...t.words.en.map((word) => ({ word, lang: 'en' as const })),
        ...t.words.fr.map((word) => ({ word, lang: 'fr' as const })),
      ]);
      for (const phrase of [t.label.en, t.label.fr, t.id.replace(/-/g, ' '), ...t.words.en, ...t.words.fr]) {
        const key = normalizeText(phrase);
        if (key) pushUnique(this.topicByPhrase, key, t.id);
        for (const s of terms(phrase)) pushUnique(this.topicsOfTerm, s, t.id);
      }
    }
    for (const p of base.parties.values()) {
      addGroup(GROUP_WEIGHT.party, [p.name, ...p.aliases, ...(p.ticker ? [p.ticker] : [])].map((word) => ({ word })));
    }

    for (const s of fr) if (!en.has(s)) this.frOnly.add(s);
    for (const s of en) if (!fr.has(s)) this.enOnly.add(s);
  }

  private noteSurface(s: string, tok: string): void {
    const cur = this.surface.get(s);
    // Prefer the shortest spelled form (usually the singular) for messages like "enrgy → energy".
    if (cur === undefined || tok.length < cur.length) this.surface.set(s, tok);
  }

  /** Other members of the groups of a stem with their weight, strongest groups first, without the stem itself. */
  synonyms(s: string): [stem: string, weight: number][] {
    const ids = this.groupsOf.get(s);
    if (!ids) return [];
    const out: [string, number][] = [];
    const seen = new Set([s]);
    const groups = ids.map((id) => this.groups[id]!).sort((a, b) => b.weight - a.weight);
    for (const g of groups) {
      for (const m of g.stems) {
        if (!seen.has(m)) {
          seen.add(m);
          out.push([m, g.weight]);
        }
      }
    }
    return out;
  }

  /** Every stem the vocabulary knows (for typo correction). */
  allStems(): Iterable<string> {
    return this.groupsOf.keys();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushUnique<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
