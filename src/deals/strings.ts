// The words of `/deal deals`, `/deal use` and the deal lines of other commands, in each language.
import type { DealStatus, Lang } from '../facts/schema.ts';
import type { DealChoice } from './channel-deal.ts';

interface Named {
  id: string;
  name: string;
}

const en = {
  dealsTitle: 'Deals',
  useTitle: 'This channel’s deal',
  status: {
    rumoured: 'rumoured',
    announced: 'announced',
    'letter-of-intent': 'letter of intent',
    signed: 'signed',
    'pending-approval': 'pending approval',
    completed: 'completed',
    terminated: 'terminated',
  } satisfies Record<DealStatus, string>,
  facts: (n: number) => `${n} fact${n === 1 ? '' : 's'}`,
  sources: (n: number) => `${n} source${n === 1 ? '' : 's'}`,
  here: '← this channel',
  dealsIntro: (n: number) => (n === 1 ? 'The fact base follows one deal.' : `The fact base follows ${n} deals. A question naming a deal or one of its parties is answered from that deal; anything else from this channel’s deal.`),
  dealsHow: 'Pick this channel’s deal with /deal use <deal> (admins); ask one deal directly with /deal <deal> <question>.',
  via: {
    explicit: (d: Named) => `This question asks about ${d.name} (${d.id}).`,
    named: (d: Named) => `This question names ${d.name} (${d.id}).`,
    channel: (d: Named, by?: string, at?: string) => `This channel asks about ${d.name} (${d.id})${by ? `, set by ${by}${at ? ` on ${at}` : ''}` : ''}.`,
    workspace: (d: Named) => `This channel asks about ${d.name} (${d.id}), this workspace’s default deal (DEFAULT_DEAL).`,
    only: (d: Named) => `The fact base follows one deal: ${d.name} (${d.id}).`,
    base: (d: Named) => `This channel asks about ${d.name} (${d.id}), the fact base’s default deal: no deal was set here with /deal use, and DEFAULT_DEAL names none.`,
  } satisfies Record<DealChoice, (d: Named, by?: string, at?: string) => string>,
  implicit: 'The fact base has no deal file: all its facts form one deal. Add deals as folders, facts/<deal>/deal.yaml (see the README’s curator workflow).',
  missing: (id: string) => `The deal set here earlier, “${id}”, is no longer in the fact base.`,
  set: (d: Named) => `This channel now asks about ${d.name} (${d.id}). A question naming another deal or its parties is still answered from that deal.`,
  cleared: (d: Named) => `This channel’s own deal was removed: it now asks about ${d.name} (${d.id}).`,
  notSet: (d: Named) => `This channel had no deal of its own; it asks about ${d.name} (${d.id}).`,
  unknown: (word: string, ids: string) => `No deal “${word}” in the fact base. Its deals: ${ids}.`,
  refused: (rule?: string) => `Only ${rule ?? 'administrators'} can change this channel’s deal.`,
  noDatabase: 'Changing a channel’s deal needs the database, and this bot runs without one.',
  usage: 'Usage: /deal use <deal> (admins) · /deal use reset · /deal deals',
  otherDeals: (list: string) => `Another deal of the base has facts on this: ${list}.`,
  summaryOf: (d: Named, tied: boolean) => (tied ? `Summaries are about ${d.name} (${d.id}), whatever this channel’s deal.` : `Summaries are about this channel’s deal, now ${d.name} (${d.id}).`),
  alertsOf: (d: Named) => `Set in ${d.name} (${d.id}).`,
  notTicker: (ticker: string, d: Named, others: string) => `${ticker} is not a listed party of ${d.name}${others ? `; it is one of ${others}: ask there with /deal <deal> alert …` : ''}.`,
};

const fr: typeof en = {
  dealsTitle: 'Accords',
  useTitle: 'L’accord de ce canal',
  status: {
    rumoured: 'rumeur',
    announced: 'annoncé',
    'letter-of-intent': 'lettre d’intention',
    signed: 'signé',
    'pending-approval': 'en attente d’autorisation',
    completed: 'finalisé',
    terminated: 'abandonné',
  },
  facts: (n) => `${n} fait${n > 1 ? 's' : ''}`,
  sources: (n) => `${n} source${n > 1 ? 's' : ''}`,
  here: '← ce canal',
  dealsIntro: (n) => (n === 1 ? 'La base de faits suit un accord.' : `La base de faits suit ${n} accords. Une question qui nomme un accord ou l’une de ses parties reçoit la réponse de cet accord ; les autres, celle de l’accord de ce canal.`),
  dealsHow: 'Choisissez l’accord de ce canal avec /deal use <accord> (admins) ; interrogez un accord directement avec /deal <accord> <question>.',
  via: {
    explicit: (d) => `Cette question porte sur ${d.name} (${d.id}).`,
    named: (d) => `Cette question nomme ${d.name} (${d.id}).`,
    channel: (d, by, at) => `Ce canal porte sur ${d.name} (${d.id})${by ? `, choisi par ${by}${at ? ` le ${at}` : ''}` : ''}.`,
    workspace: (d) => `Ce canal porte sur ${d.name} (${d.id}), l’accord par défaut de cet espace (DEFAULT_DEAL).`,
    only: (d) => `La base de faits suit un accord : ${d.name} (${d.id}).`,
    base: (d) => `Ce canal porte sur ${d.name} (${d.id}), l’accord par défaut de la base : aucun accord n’a été choisi ici avec /deal use, et DEFAULT_DEAL n’en nomme aucun.`,
  },
  implicit: 'La base de faits n’a pas de fichier d’accord : tous ses faits forment un seul accord. Ajoutez des accords en dossiers, facts/<accord>/deal.yaml (voir le « curator workflow » du README).',
  missing: (id) => `L’accord choisi ici auparavant, « ${id} », n’est plus dans la base de faits.`,
  set: (d) => `Ce canal porte désormais sur ${d.name} (${d.id}). Une question qui nomme un autre accord ou ses parties reçoit toujours la réponse de cet accord.`,
  cleared: (d) => `L’accord propre à ce canal a été retiré : il porte désormais sur ${d.name} (${d.id}).`,
  notSet: (d) => `Ce canal n’avait pas d’accord propre ; il porte sur ${d.name} (${d.id}).`,
  unknown: (word, ids) => `Aucun accord « ${word} » dans la base de faits. Ses accords : ${ids}.`,
  refused: (rule) => `Seuls ${rule ?? 'les administrateurs'} peuvent changer l’accord de ce canal.`,
  noDatabase: 'Changer l’accord d’un canal demande la base de données, et ce bot tourne sans.',
  usage: 'Usage : /deal use <accord> (admins) · /deal use reset · /deal deals',
  otherDeals: (list) => `Un autre accord de la base a des faits à ce sujet : ${list}.`,
  summaryOf: (d, tied) => (tied ? `Les résumés portent sur ${d.name} (${d.id}), quel que soit l’accord de ce canal.` : `Les résumés portent sur l’accord de ce canal, actuellement ${d.name} (${d.id}).`),
  alertsOf: (d) => `Réglée dans ${d.name} (${d.id}).`,
  notTicker: (ticker, d, others) => `${ticker} n’est pas une partie cotée de ${d.name}${others ? ` ; c’est l’une de ${others} : demandez-le là avec /deal <accord> alert …` : ''}.`,
};

export const dealStrings: Record<Lang, typeof en> = { en, fr };
