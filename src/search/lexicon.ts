// The deal domain's vocabulary: concepts people ask about when a deal is in the news, each with
// the words and phrases that mean it in English and French. A concept is matched on both sides:
// a fact whose text says "au fur et à mesure" and a question saying "all at once?" both hold
// the concept `~staged`, so they meet even with no word in common. General language (stop words,
// stemming, number words) comes from libraries; what is specific to deals lives here.
//
// Add a word by adding it to its concept. A phrase is written as people type it; it is matched on
// normalised, lightly stemmed tokens, longest phrase first ("un coup dur" before "un coup").

/** One concept of the deal domain, in both languages. */
export interface DomainConcept {
  id: string;
  en: readonly string[];
  fr: readonly string[];
  /** A person's role (CEO, analyst…): asked with an organisation, the organisation must be the person's. */
  role?: boolean;
  /** A vague word ("role", "place"): what a fact lacks of it costs little. */
  vague?: boolean;
  /** Things that come in order (phases, deliveries): "second phase", "phase 2" name one of them. */
  sequence?: boolean;
  /** An attribute a fact base may lack (a unit price, a valuation…): asking for it is the focus of a question. */
  attribute?: boolean;
  /**
   * Names (a regulator, a place) rather than something asked for: one the base lacks, in a question that
   * checks who or what it was ("C'est la Commission européenne qui enquête ?", "…, right?"), is a premise
   * the answer corrects; asked for itself ("What does Brussels say?") it is refused like any attribute.
   */
  named?: boolean;
  /**
   * The deal itself ("the deal", "l'accord"): what a deal's whole base is about. In a base where few facts say
   * the word, naming it narrows nothing ("when does the deal close?").
   */
  subject?: boolean;
}

export const CONCEPTS: readonly DomainConcept[] = [
  // Money and its size.
  {
    id: 'money',
    en: [
      'what’s the damage', 'monies', 'moola', 'loot', 'lolly', 'readies', 'benjamins', 'cash pile', 'pile of money', 'amount of money', 'sum of money', 'monetary value', 'cash value', 'costing', 'warchest', 'financial scale', 'financial size', 'big money', 'mega bucks', 'cash outlay', 'capital outlay',
      'amount', 'sum', 'money', 'cost', 'costs', 'price', 'how much does it cost', 'how much is it worth', 'worth', 'value',
      'cash', 'funds', 'funding', 'capital', 'dollars', 'dollar', 'bucks', 'cheque', 'price tag', 'war chest', 'budget',
      'financing', 'ticket size', 'dough', 'how big is the cheque', 'how big is the check', 'check size', 'how much cash',
      'chunk of change', 'moolah', 'headline number', 'big number', 'total amount', 'the figure', 'price of the deal', 'bread',
      'coin', 'greenbacks', 'funny money', 'how much money', 'dollar amount', 'dollar figure', 'dollar value', 'deal value',
      'deal size', 'size of the deal', 'size of the investment', 'total cost', 'overall cost', 'total value', 'usd',
      'us dollars', 'big bucks', 'megabucks', 'serious money', 'serious cash', 'a fortune', 'dosh', 'wonga', 'pile of cash',
      'mountain of cash', 'wad of cash', 'capex', 'capital expenditure', 'outlay', 'expenditure', 'size of the check', 'sticker price',
      'size of the cheque', 'how big is the deal', 'how big is this deal', 'how large is the deal', 'how big is the investment',
      'how large is the investment',
    ],
    fr: [
      'de la fraîche', 'pèze', 'artiche', 'flouse', 'pépètes', 'cennes', 'motton', 'gros motton', 'stutz', 'galette', 'lovés', 'bacon', 'somme d’argent', 'coûtent', 'coûtait', 'coûterait', 'poids financier', 'ampleur financière', 'ticket d’entrée',
      'bidous', 'bidou', 'piasses', 'piastres',
      'montant', 'somme', 'argent', 'coût', 'coûte', 'coûtera', 'prix', 'vaut', 'valeur', 'taille', 'pèse', 'ça pèse', 'ça vaut',
      'fric', 'pognon', 'thune', 'thunes', 'fonds', 'financement', 'capital', 'dollars', 'dollar', 'enveloppe', 'budget',
      'chèque', 'blé', 'oseille', 'pactole', 'mise', 'billets', 'grosse somme', 'combien d’argent',
      'flouze', 'pépettes', 'radis', 'biftons', 'balles', 'de balles', 'patates', 'ronds', 'des sous', 'sous', 'coûter',
      'valent', 'vaudra', 'pèsera', 'pèsent', 'tune', 'moula', 'la maille', 'biff', 'bif', 'caillasse', 'kopecks', 'une blinde',
      'un pognon de dingue', 'une fortune', 'combien de fric', 'combien de thunes', 'combien de pognon', 'combien ça coûte',
      'ça coûte combien', 'valeur du deal', 'valeur de l’accord', 'montant de l’accord', 'montant du deal', 'montant total',
      'taille du deal', 'taille de l’accord', 'taille du ticket', 'gros ticket', 'la douloureuse', 'liquidités', 'du cash',
      'dépenses', 'capex', 'dollars américains', 'dollars us', 'usd', 'grisbi',
    ],
  },
  {
    id: 'billion',
    en: [
      'b', 'multibillion-dollar', 'multi-billion-dollar',
      'billion', 'billions', 'bn', 'bln', 'multibillion', 'multi-billion', 'billion-dollar', 'tens of billions',
      'hundreds of billions', 'bil', 'bns', 'bilion', 'billions of dollars',
    ],
    fr: [
      'milliar',
      'milliard', 'milliards', 'md', 'mds', 'mrd', 'mrds', 'milliards de dollars', 'plusieurs milliards',
      'des dizaines de milliards', 'des centaines de milliards', 'miliard',
    ],
  },
  {
    id: 'million',
    en: [
      'multi-million-dollar',
      'million', 'millions', 'mn', 'mil', 'mill', 'mln', 'mio', 'multimillion', 'multi-million', 'million-dollar',
      'tens of millions', 'hundreds of millions', 'milion',
    ],
    fr: [
      'million', 'millions', 'mio', 'mln', 'des millions', 'plusieurs millions', 'dizaines de millions', 'centaines de millions',
      'millions de', 'milion',
    ],
  },
  {
    id: 'percent',
    en: [
      'percentagewise',
      'what proportion', 'by what proportion',
      'percent', 'per cent', 'pct', 'percentage', 'percentage points',
    ],
    fr: [
      'p. cent',
      'dans quelle proportion', 'proportion',
      'pour cent', 'pourcent', 'pourcentage', 'pourcents', 'points de pourcentage',
    ],
  },
  {
    id: 'invest',
    en: [
      'put on the table', 'puts on the table', 'putting on the table', 'bring to the table', 'brings to the table',
      'invest', 'invests', 'invested', 'investing', 'investment', 'investments', 'put in', 'puts in', 'putting in', 'pour in',
      'pouring in', 'pump', 'pumping', 'inject', 'injecting', 'bankroll', 'bankrolling', 'finance', 'finances', 'financing',
      'fund', 'funds', 'funding', 'backing', 'chip in', 'spend', 'spending', 'commit', 'committed', 'commitment', 'pledge',
      'pledged', 'put money', 'putting money', 'throw money', 'throwing money', 'sink money', 'sinking', 'write a check',
      'writing a check', 'cough up', 'shell out', 'shelling out', 'plough', 'pour', 'bet', 'betting', 'wager', 'stake money',
      'footing the bill', 'foot the bill', 'pays for', 'paying for', 'picking up the tab', 'bankrolls', 'put into', 'puts into',
      'putting into', 'pumping into', 'pouring into', 'plowing into', 'ploughing into', 'sinking into',
    ],
    fr: [
      'posent sur la table', 'pose sur la table', 'mettent sur la table', 'met sur la table', 'mis sur la table', 'mettre sur la table',
      'investir', 'investit', 'investira', 'investi', 'investissement', 'investissements', 'injecter', 'injecte', 'miser',
      'mise', 'financer', 'finance', 'financera', 'placer', 'apport', 'apporter', 'débourser', 'claquer', 'allonger', 'engager',
      'engagement', 'sortir', 'mettre de l’argent', 'met de l’argent', 'apporte', 'parier', 'parie', 'lâcher', 'lâche',
      'débourse', 'financement', 'met la main au portefeuille', 'main au portefeuille', 'paie la note', 'règle l’addition',
      'régler l’addition', 'sort le chéquier', 'mettre au pot', 'met au pot', 'cracher', 'crache', 'aligner', 'aligne', 'raquer',
      'casquer', 'banquer', 'mettre dans', 'met dans', 'mis dans', 'mettra dans', 'mettre combien', 'compte mettre',
    ],
  },
  {
    id: 'staged',
    en: [
      'in step with', 'in lockstep with', 'in lockstep', 'in step with the build-out', 'tied to the build-out', 'as it is built out',
      'incrementally', 'incremental', 'in increments', 'in chunks', 'chunk by chunk', 'phased', 'phased in', 'phase-in', 'spread out', 'spread over', 'spread over time', 'paid over time', 'pay-as-you-go', 'as deployed', 'per milestone', 'milestone payments', 'tied to milestones', 'one fell swoop', 'at one go', 'in a single tranche', 'paid in full', 'disburse', 'disbursing', 'payment schedule', 'dribs and drabs', 'in lockstep', 'paying out', 'gradual release',
      'progressively', 'progressive', 'gradually', 'gradual', 'over time', 'in stages', 'in phases', 'staged', 'stagger',
      'staggered', 'tranche', 'tranches', 'installment', 'installments', 'instalments', 'step by step', 'upfront', 'up front',
      'all at once', 'at once', 'in one go', 'in one hit', 'in one shot', 'one shot', 'lump sum', 'lump', 'payout', 'paid out',
      'pay out', 'payments', 'disbursed', 'disbursement', 'as the systems are deployed', 'as systems are deployed',
      'as it deploys', 'pay as', 'how is the money paid', 'how will the money be paid', 'paid', 'in installments', 'bit by bit',
      'little by little', 'over the years', 'over several years', 'tied to deployment', 'milestone-based', 'as it is built',
      'drip', 'drip-fed', 'piecemeal', 'all upfront', 'all up front', 'in one lump', 'one payment', 'single payment',
    ],
    fr: [
      'graduellement', 'graduel', 'graduelle', 'par morceaux', 'morceau par morceau', 'bout par bout', 'par bouts', 'en plusieurs étapes', 'étape par étape', 'pas à pas', 'palier par palier', 'au prorata', 'selon l’avancement', 'en un coup', 'd’un seul tenant', 'tout cash', 'd’une traite', 'en bloc', 'échelonnée', 'échelonner', 'étalée', 'étaler', 'étalement', 'lissé dans le temps', 'fractionné', 'fractionnement', 'décaissé', 'décaissement', 'décaisser', 'déblocage', 'débloquée', 'acompte', 'par acomptes', 'au goutte-à-goutte',
      'progressivement', 'progressif', 'progressive', 'au fur et à mesure', 'petit à petit', 'peu à peu', 'par étapes',
      'par tranches', 'tranche', 'tranches', 'échelonné', 'échelonnés', 'échelonnement', 'en plusieurs fois', 'd’un coup',
      'd’un seul coup', 'en une fois', 'en une seule fois', 'tout de suite', 'versement', 'versements', 'verser', 'versé',
      'versés', 'versée', 'payer', 'payé', 'payés', 'paiement', 'paiements', 'débloqué', 'débloquer', 'en plusieurs versements',
      'au fil du temps', 'au compte-gouttes', 'par paliers', 'd’un bloc', 'en un seul versement', 'tout d’un coup',
      'cash d’un coup', 'la charrue avant les bœufs', 'avant les machines', 'arrive avant', 'par petits bouts', 'petits bouts',
      'tombe direct', 'direct ou', 'en une traite', 'par à-coups', 'étalé', 'étalés', 'étalé dans le temps', 'au fil de l’eau',
    ],
  },
  // What was signed, and how final it is.
  {
    id: 'signed',
    en: [
      'initial agreement', 'put in writing', 'in writing', 'firmed up', 'firming up', 'definite', 'finalization', 'signed sealed and delivered', 'just talk', 'just words', 'intentions', 'declaration of intent', 'expression of interest', 'gentlemen’s agreement', 'gentleman’s agreement', 'pre-agreement', 'memo of understanding', 'noncommittal', 'non-committal', 'contractually binding', 'still a draft', 'just a draft', 'non-final',
      'signed by both', 'signed by both parties', 'signed by both sides', 'signed by the two',
      'signed', 'sign', 'signs', 'signing', 'signature', 'done deal', 'final', 'finalized', 'finalised', 'binding',
      'non binding', 'legally binding', 'official', 'officially', 'confirmed', 'definitive', 'set in stone', 'sealed', 'inked',
      'firm', 'formal', 'for real', 'letter of intent', 'loi', 'memorandum', 'preliminary', 'real contract', 'final contract',
      'actual contract', 'legal form', 'a done deal', 'finished deal', 'closed deal', 'official deal', 'just a letter', 'mou',
      'memorandum of understanding', 'term sheet', 'handshake', 'tentative', 'non-binding', 'draft agreement', 'firm commitment',
      'binding agreement', 'officially signed', 'confirmed deal', 'closed', 'completed', 'finalized deal', 'type of document',
      'kind of document', 'type of agreement', 'kind of agreement', 'what kind of deal', 'what type of deal', 'on paper',
      'just a promise', 'promise', 'pinky promise', 'signed and sealed', 'done and dusted', 'in the bag', 'rubber-stamped',
      'rubber stamped', 'nothing signed', 'not signed yet', 'inks', 'inking', 'sealed the deal', 'seal the deal', 'finalize',
      'finalise', 'finalizing', 'finalising', 'binding contract', 'enforceable', 'legally enforceable', 'on the dotted line',
      'signed on the dotted line', 'nonbinding', 'not binding', 'not legally binding', 'intent letter', 'statement of intent',
      'heads of terms', 'heads of agreement', 'framework agreement', 'preliminary agreement', 'agreement in principle',
      'tentative agreement', 'tentative deal', 'definitive agreement', 'final agreement', 'signed deal', 'signed contract',
      'wrapped up', 'all wrapped up', 'nailed down', 'set in concrete', 'written in stone', 'ironclad', 'cast-iron',
      'formalized', 'formalised', 'formalize', 'formalise', 'countersigned', 'at what stage', 'what stage is',
      'signed for good', 'for good', 'a sure thing', 'official yet',
      'paperwork', 'the paperwork', 'what document', 'which document', 'what paper',
      'handshake stage', 'at the handshake stage', 'handshake deal', 'handshake agreement', 'still talking',
    ],
    fr: [
      'signé par les deux', 'signée par les deux', 'signé par les deux parties', 'signée par les deux parties', 'signé des deux côtés',
      'signé de manière définitive', 'signé de façon définitive', 'de manière définitive', 'de façon définitive', 'c du vent', 'que du vent', 'juste du vent', 'ou du vent',
      'signeront', 'signerait', 'a signé', 'provisoire', 'lettre d’intent', 'lettre d’entente', 'entente de principe', 'protocole d’intention', 'officialisation', 'ratifié', 'ratifiée', 'ratifier', 'ratification', 'conclus', 'scellée', 'sceller', 'paraphée', 'parapher', 'emballé c’est pesé', 'affaire conclue', 'affaire faite', 'marché conclu', 'deal conclu', 'rien n’est fait', 'pré-contrat', 'précontrat', 'avant-contrat', 'promesse de contrat', 'valeur juridique', 'valeur contraignante', 'portée juridique', 'opposable', 'en bonne et due forme',
      'au stade', 'à quel stade', 'quel stade', 'juridiquement', 'juridique', 'engagement préalable', 'engagement de principe', 'simple engagement', 'quel type de document', 'quel document', 'type de document', 'paperasse', 'signé', 'signée', 'signer', 'signe', 'signature', 'conclu', 'conclue', 'acté', 'officiel', 'officielle',
      'officiellement', 'définitif', 'définitive', 'ferme', 'engageant', 'pour de bon', 'c’est fait', 'lettre d’intention',
      'lettre d’intentions', 'préliminaire', 'vrai contrat', 'contrat définitif', 'contrat final', 'juste une lettre',
      'une simple lettre', 'pour de vrai', 'forme juridique', 'vrai accord', 'protocole d’accord', 'accord de principe',
      'préaccord', 'pré-accord', 'engagement ferme', 'officialisé', 'scellé', 'paraphé', 'contrat signé', 'signé pour de vrai',
      'engageant juridiquement', 'juste une intention', 'intention', 'type de document', 'quel document', 'type d’accord',
      'genre d’accord', 'nature de l’accord', 'ficelé', 'ficelée', 'promesse sur papier', 'juste une promesse', 'promesse',
      'c’est plié', 'plié', 'dans la poche', 'signé tamponné', 'dans la boîte', 'pas encore signé', 'rien de signé', 'signent',
      'signera', 'ont signé', 'a été signé', 'signature officielle', 'boucler',
      // "Bouclé" (closed) reads like "boucle" (a loop, the circular financing) once accents go: only with what closes.
      'est bouclé', 'est bouclée', 'c’est bouclé', 'a bouclé', 'ont bouclé', 'bouclé l’accord', 'deal bouclé', 'accord bouclé', 'affaire bouclée', 'pas bouclé', 'bouclé ou pas', 'déjà bouclé', 'finalisé', 'finalisée', 'finaliser',
      'finalisation', 'entériné', 'entérinée', 'entériner', 'officialisée', 'officialiser', 'contraignant',
      'juridiquement contraignant', 'non contraignant', 'accord-cadre', 'protocole d’entente', 'mémorandum',
      'mémorandum d’entente', 'term sheet', 'accord préliminaire', 'accord définitif', 'accord contraignant', 'accord ferme',
      'gravé dans le marbre', 'c’est signé', 'c’est acté', 'c’est officiel', 'c’est bouclé', 'noir sur blanc', 'poignée de main',
      'déclaration d’intention', 'simple déclaration d’intention', 'pas encore acté', 'rien d’officiel', 'pas officiel',
    ],
  },
  {
    id: 'deal',
    subject: true,
    en: [
      'deal', 'partnership', 'agreement', 'alliance', 'contract', 'accord', 'tie up', 'tie-up', 'pact', 'collaboration',
      'project', 'initiative', 'plan', 'arrangement', 'transaction', 'tie-ups', 'tieup', 'joint venture', 'team-up',
      'teaming up', 'teamed up', 'link-up', 'linkup', 'strategic alliance', 'strategic partnership', 'mega-deal', 'megadeal',
      'blockbuster deal', 'collab', 'marriage', 'bromance', 'partnership deal',
    ],
    fr: [
      'accord', 'partenariat', 'entente', 'contrat', 'alliance', 'pacte', 'collaboration', 'affaire', 'deal', 'projet',
      'initiative', 'plan', 'transaction', 'coentreprise', 'joint-venture', 'rapprochement', 'mariage', 'alliance stratégique',
      'partenariat stratégique', 'collab', 'méga-accord', 'méga-deal', 'mégadeal', 'contrat du siècle', 'coopération',
    ],
  },
  {
    id: 'comparison',
    en: [
      'match', 'would match', 'matches',
      'comparing', 'compared', 'equivalently', 'comparably', 'analogy', 'in relatable terms', 'enough to supply', 'tantamount to', 'comparative',
      'equivalent', 'equivalent to', 'equals', 'equal to', 'same as', 'compared to', 'compared with', 'comparable', 'comparison',
      'as much as', 'amounts to', 'like powering', 'equivalent of', 'the equivalent of', 'equivalence', 'equate', 'equates to',
      'compare', 'compare to', 'how does it compare', 'relative to', 'on par with', 'akin to', 'similar to', 'as big as',
      'as large as', 'bigger than', 'same amount as', 'to put it in perspective', 'in perspective', 'for perspective',
      'for scale', 'translates to', 'translates into', 'works out to', 'corresponds to', 'enough to power',
      'into perspective', 'put into perspective', 'puts into perspective', 'put that into perspective', 'put in context',
    ],
    fr: [
      'comparativement', 'correspondant à', 'correspondrait à', 'mettre en perspective', 'en perspective', 'remettre en perspective', 'ordre d’idée', 'à titre comparatif', 'mettre en regard', 'mis en regard', 'analogie', 'pour situer', 'équivaudraient', 'équivalait', 'rapporté à', 'comparatif',
      'équivalent', 'équivalente', 'équivaut', 'équivalent à', 'équivaloir', 'comparable', 'comparé', 'comparée', 'comme',
      'autant que', 'revient à', 'l’équivalent de', 'équivaudrait', 'équivaudra', 'correspond à', 'correspondre à', 'comparer',
      'comparable à', 'comparaison', 'aussi gros que', 'de quoi alimenter', 'assez pour alimenter', 'pour donner une idée',
      'pour se donner une idée', 'soit l’équivalent', 'se traduit par', 'c’est l’équivalent',
    ],
  },
  {
    id: 'parties',
    en: [
      'partnering', 'partnering with', 'partnered', 'partnered with', 'partners with', 'teaming up', 'team up', 'teamed up', 'teams up',
      'protagonists', 'who is in the deal', 'who’s in the deal', 'participating', 'participate', 'take part', 'taking part', 'in on the deal', 'who’s on board', 'counterpart',
      'parties', 'party', 'partners', 'partner', 'involved', 'participants', 'players', 'sides', 'companies involved',
      'in the loop', 'in on it', 'at the table', 'who’s involved', 'who is involved', 'counterparties', 'involving', 'involves',
      'partner companies', 'contracting parties', 'both parties', 'both sides', 'each side', 'partners in the deal',
      'who is behind the deal', 'who’s behind the deal', 'which companies are involved',
    ],
    fr: [
      's’associe', 's’associent', 'associé à', 'associée à', 'fait équipe', 'font équipe', 'faire équipe', 's’allie', 's’allient',
      'impliquer', 'prend part', 'prendre part', 'prennent part', 'intervenants', 'les deux camps', 'chaque camp', 'de part et d’autre', 'dans le bateau',
      'parties', 'partenaires', 'partenaire', 'impliqué', 'impliqués', 'participants', 'acteurs', 'dans la boucle',
      'dans le coup', 'autour de la table', 'de la partie', 'impliquée', 'impliquent', 'qui est impliqué', 'qui participe',
      'participent', 'participe', 'cocontractants', 'contractants', 'les deux parties', 'chaque partie', 'qui est dans le deal',
      'protagonistes', 'derrière l’accord', 'qui est derrière l’accord',
    ],
  },
  // Energy, hardware and compute.
  {
    id: 'energy',
    en: [
      'kw', 'guzzling', 'energy footprint', 'electricity footprint', 'power budget', 'power envelope', 'power supply', 'electricity supply', 'energy supply',
      'energy', 'power', 'electricity', 'electric', 'juice', 'watts', 'watt', 'gigawatt', 'gigawatts', 'gw', 'megawatt',
      'megawatts', 'consumption', 'consume', 'consumes', 'consuming', 'power bill', 'power draw', 'grid', 'power hungry',
      'energy hungry', 'capacity', 'power consumption', 'energy use', 'energy usage', 'power usage', 'how much power',
      'electricity use', 'kilowatt', 'kilowatts', 'terawatt', 'power demand', 'energy demand', 'load', 'electric bill', 'guzzle',
      'guzzles', 'gobble', 'eat up', 'eats up', 'slurp', 'electrical', 'power needs', 'energy needs', 'energy requirements',
      'power requirements', 'energy consumption', 'electricity consumption', 'electricity demand', 'energy appetite',
      'appetite for power', 'gigawatt-hours', 'gwh', 'twh', 'terawatt-hours', 'megawatt-hours', 'mwh', 'kwh', 'mw',
      'energy-guzzling', 'power-guzzling', 'energy guzzler', 'power guzzler', 'how much juice', 'draws power', 'wattage',
      'gigawatts of power', 'energy intensive', 'power-intensive', 'electrical load', 'consumed',
    ],
    fr: [
      'gigawattheure', 'mégawattheure', 'électro-intensif', 'électro-intensive', 'consos', 'boulimique', 'boulimie énergétique',
      'énergie', 'énergétique', 'électricité', 'électrique', 'élec', 'puissance', 'consommation', 'consommer', 'consomme',
      'consommera', 'courant', 'jus', 'alimenter', 'gigawatt', 'gigawatts', 'gw', 'capacité', 'énergivore',
      'consommation électrique', 'consommation d’énergie', 'besoin en énergie', 'besoins énergétiques', 'demande énergétique',
      'kilowatt', 'térawatt', 'bouffer', 'bouffe', 'engloutir', 'avaler', 'pomper', 'gourmand', 'gourmandise', 'consomment',
      'consommée', 'consommeront', 'consommerait', 'mégawatt', 'mw', 'gwh', 'twh', 'kwh', 'térawattheure', 'watts',
      'besoins en électricité', 'appétit énergétique', 'gouffre énergétique', 'glouton', 'gloutonne', 'bouffe de l’énergie',
      'bouffer de l’électricité', 'avale', 'engloutit', 'consommation de courant', 'courant électrique', 'réseau électrique',
      'alimentation électrique', 'gros consommateur', 'consommateur d’énergie',
    ],
  },
  {
    id: 'homes',
    en: [
      'small town', 'a town', 'a city', 'a small city', 'a big city', 'town', 'city',
      'how many homes worth', 'how many homes’ worth', 'how many households worth', 'how many households’ worth', 'how many houses worth',
      'homes worth', 'households worth', 'houses worth', 'houses’ worth',
      'housing units', 'housing', 'condos', 'townhouses', 'single-family homes', 'abodes', 'homes’ worth', 'households’ worth',
      'homes', 'home', 'households', 'household', 'houses', 'families', 'american homes', 'residences', 'apartments', 'us homes', 'keep lit', 'keep the lights on', 'light up',
      'american households', 'keep the lights on', 'lights on', 'power homes', 'light up', 'dwellings', 'us households',
      'american families', 'residential', 'residential customers', 'flats', 'how many homes', 'how many households',
      'million homes',
    ],
    fr: [
      'petite ville', 'une ville', 'grande ville', 'ville', 'village',
      'maisonnées', 'chaumières', 'pavillons', 'logis', 'demeures', 'bungalows', 'bicoques', 'clients résidentiels',
      'éclairer', 'chauffer', 'foyers', 'foyer', 'ménages', 'ménage', 'maisons', 'logements', 'familles', 'habitations',
      'foyers américains', 'maisons américaines', 'domiciles', 'résidences', 'appartements', 'apparts', 'ménages américains',
      'familles américaines', 'foyers aux états-unis', 'combien de foyers', 'combien de maisons', 'baraques',
      'consommation résidentielle', 'résidentiel',
    ],
  },
  {
    id: 'chips',
    en: [
      'graphics processing units', 'microchips', 'microprocessors', 'integrated circuits', 'npu', 'cpu', 'chipset', 'xpu', 'chiplets', 'processing units',
      'chips', 'chip', 'gpu', 'gpus', 'processors', 'processor', 'semiconductors', 'semiconductor', 'silicon', 'accelerators',
      'accelerator', 'graphics cards', 'components', 'superchip', 'superchips', 'asic', 'asics', 'tpu', 'tpus', 'silicon chips',
      'wafers',
    ],
    fr: [
      'accélérateurs', 'microprocesseurs', 'micropuces', 'micro-puces', 'cartes accélératrices', 'superpuce',
      'puces', 'puce', 'processeurs', 'processeur', 'semi-conducteurs', 'semi-conducteur', 'semiconducteurs',
      'cartes graphiques', 'gpu', 'composants', 'cartes', 'asic', 'circuits', 'silicium', 'semis', 'wafers',
    ],
  },
  {
    id: 'hardware',
    en: [
      'bare metal', 'computers', 'pods', 'hardware stack',
      'hardware', 'systems', 'equipment', 'servers', 'racks', 'machines', 'kit', 'gear', 'boxes', 'iron', 'rigs', 'server racks',
      'supercomputers', 'gpu clusters', 'clusters', 'superpod', 'dgx', 'machinery', 'physical hardware', 'tech gear',
    ],
    fr: [
      'armoires', 'nœuds', 'ordinateurs', 'ordis', 'ordi', 'super-ordinateur', 'quincaille', 'parc informatique', 'parc matériel', 'châssis',
      'matériel', 'systèmes', 'équipement', 'équipements', 'serveurs', 'machines', 'matos', 'bécanes', 'bécane', 'ferraille',
      'engins', 'baies', 'baies de serveurs', 'racks', 'supercalculateur', 'superordinateur', 'grappes', 'clusters', 'hardware',
      'le hard', 'quincaillerie', 'parc de serveurs',
    ],
  },
  {
    id: 'performance',
    en: [
      'quicker', 'quickest', 'speedup', 'top-notch', 'next-level', 'world-class', 'high-powered', 'a beast', 'absolute beast', 'perf', 'push the boundaries', 'pushes the boundaries', 'pushing the boundaries', 'pushing the envelope', 'latest and greatest', 'top of the range', 'top-end', 'turbocharged', 'supercharged', 'beefed up', 'high-spec', 'spec sheet', 'oomph', 'zippy', 'performance per watt', 'perf per watt', 'best-of-breed',
      'powerful', 'performance', 'high-performance', 'high performance', 'performant', 'fast', 'faster', 'speed', 'capable',
      'cutting-edge', 'cutting edge', 'state of the art', 'push the limits', 'limits', 'special about', 'so good about',
      'more powerful', 'most powerful', 'fastest', 'speedy', 'blazing fast', 'beefy', 'beefier', 'high-end', 'top-of-the-line',
      'top-tier', 'best-in-class', 'bleeding-edge', 'leading-edge', 'specs', 'benchmark', 'throughput', 'push the envelope',
      'pushes the limits', 'pushing the limits', 'souped-up',
    ],
    fr: [
      'ultra-performant', 'ultraperformant', 'hyper-performant', 'hyper puissant', 'hyperpuissant', 'rapidité', 'ultrarapide', 'véloce', 'dépote', 'envoie du pâté', 'envoie du bois', 'ça arrache', 'perfs', 'repousser les frontières', 'repousse les frontières', 'mastoc', 'survitaminé', 'survitaminée', 'bête de compétition', 'ça décoiffe',
      'puissant', 'puissante', 'puissants', 'performant', 'performante', 'performance', 'performances', 'haute performance',
      'rapide', 'repousser les limites', 'limites', 'de pointe', 'plus puissant', 'ultra-puissant', 'surpuissant',
      'haut de gamme', 'dernier cri', 'à la pointe', 'vitesse', 'costaud', 'balèze', 'envoie du lourd', 'qui envoie du lourd',
      'bête de course', 'monstre de puissance', 'repousse les limites', 'pousser les limites', 'bancs d’essai', 'benchmarks',
    ],
  },
  {
    id: 'platform',
    en: [
      'which generation', 'what generation', 'hardware generation', 'gpu generation',
      'platform', 'architecture', 'generation', 'next-gen', 'next generation', 'product line', 'chip family', 'product family',
      'engine', 'powerhouse', 'microarchitecture', 'arch', 'powers the', 'powered by', 'runs on', 'run on', 'running on',
      'built on', 'based on', 'chip generation', 'successor', 'new platform', 'product lineup', 'lineup', 'line-up',
      'flagship platform', 'system architecture', 'built around', 'underpinned by', 'which technology', 'what technology', 'what tech',
    ],
    fr: [
      'génération technologique', 'génération de technologie',
      'quelle génération', 'génération de matériel', 'génération de puces', 'génération de gpu',
      'plateforme', 'architecture', 'génération', 'nouvelle génération', 'gamme', 'famille de puces', 'moteur', 'archi',
      'microarchitecture', 'tourne sur', 'tourner sur', 'tourneront sur', 'repose sur', 'basé sur', 'basée sur',
      'fonctionne sur', 'prochaine génération', 'next-gen', 'famille de produits', 'propulsé par', 'propulsée par',
      'alimentée par la plateforme', 'alimenté par la plateforme', 'sous le capot', 's’appuie sur', 's’appuiera sur',
      'reposera sur', 'successeur', 'techno', 'quelle techno', 'quelle technologie', 'p’tit nom', 'petit nom',
    ],
  },
  {
    id: 'compute',
    en: [
      'gpu cycles', 'crunching power', 'supercomputing', 'calculating power', 'zettaflops', 'exascale', 'zettascale',
      'compute', 'computing', 'computation', 'computational', 'firepower', 'horsepower', 'muscle', 'processing power',
      'computing power', 'compute power', 'compute capacity', 'computing capacity', 'processing capacity', 'gpu power',
      'gpu capacity', 'gpu hours', 'gpu time', 'compute resources', 'computing resources', 'raw compute', 'flops', 'petaflops',
      'exaflops', 'teraflops', 'hpc', 'high-performance computing', 'number crunching', 'compute-hungry',
    ],
    fr: [
      'capacité informatique', 'ressources informatiques', 'supercalcul', 'informatique haute performance', 'capacité calculatoire', 'puissance calculatoire', 'calculatoire', 'gpu-heures', 'ressources gpu', 'puissance gpu', 'capacité gpu',
      'calcul', 'calculs', 'puissance de calcul', 'puissance de feu', 'capacité de calcul', 'muscle', 'puissance informatique',
      'ressources de calcul', 'calcul intensif', 'calcul haute performance', 'puissance de traitement', 'capacité de traitement',
      'compute', 'flops', 'pétaflops', 'exaflops', 'heures gpu', 'hpc',
    ],
  },
  {
    id: 'infrastructure',
    en: [
      'infrastructural', 'building out', 'built out', 'next-gen infra', 'infrastucture',
      'next-generation infrastructure', 'next generation infrastructure', 'next-gen infrastructure',
      'infrastructure', 'infra', 'build-out', 'buildout', 'ai infrastructure', 'compute infrastructure', 'infra build-out',
      'backbone', 'physical infrastructure',
    ],
    fr: [
      'socle technologique', 'infrastructure de nouvelle gen', 'infra nouvelle génération', 'infrastructure next-gen',
      'infrastructure de nouvelle génération', 'infrastructure de prochaine génération',
      'infrastructure', 'infrastructures', 'infra', 'infrastructure ia', 'infrastructure de calcul', 'colonne vertébrale',
      'socle technique', 'nouvelle infrastructure',
    ],
  },
  {
    id: 'deploy',
    en: [
      'build-out', 'buildout', 'built out', 'building out',
      'in operation', 'into service', 'enter service', 'entered service', 'placed in service', 'wiring up', 'hooked up', 'hooking up', 'operationalize', 'operationalise', 'become operational', 'goes operational', 'fully operational',
      'deploy', 'deploys', 'deployed', 'deploying', 'deployment', 'deployments', 'install', 'installed', 'installation',
      'roll out', 'rolled out', 'bring online', 'come online', 'stand up', 'plug in', 'switch on', 'wire up', 'installing',
      'stood up', 'standing up', 'brought online', 'bringing online', 'put into service', 'put into operation', 'commissioned',
      'commissioning', 'up and running', 'plugged in', 'plugging in', 'switched on', 'switching on', 'wired up', 'spin up',
      'spun up', 'spinning up', 'deployable',
    ],
    fr: [
      'déploierait', 'déployant', 'installent', 'installeront', 'mise en exploitation', 'mettre en exploitation', 'entrer en service', 'entre en service', 'entrée en service', 'mis en production', 'mis en fonction', 'mise en fonction', 'branchement', 'brancheront', 'branchera', 'raccordement', 'en service', 'mise en opération', 'mettre en opération', 'mis en opération', 'déployement', 'mise en marche', 'mise sous tension', 'sortent de terre',
      'déployer', 'déploie', 'déployé', 'déployée', 'déployés', 'déploiement', 'déploiements', 'installer', 'installé',
      'installation', 'mise en service', 'mettre en service', 'brancher', 'branchent', 'branché', 'mettre en route', 'déploient',
      'déploiera', 'déploieront', 'installée', 'installera', 'mis en service', 'mettre en place', 'mise en place',
      'mis en place', 'mis en route', 'opérationnel', 'opérationnelle', 'mettre en production', 'mise en production',
      'sortir de terre', 'raccorder', 'raccordé',
    ],
  },
  {
    id: 'bound',
    en: [
      'at the very least', 'at the most', 'as many as', 'no more than', 'not more than', 'not less than', 'upwards of', 'in excess of', 'north of', 'lower bound', 'upper bound', 'over and above', 'minimally', 'upto', 'topping out at', 'tops out at', 'maxes out at', 'at the least', 'as little as', 'not exceeding',
      'minimum', 'at least', 'at a minimum', 'maximum', 'max', 'min', 'at most', 'up to', 'cap', 'capped', 'ceiling', 'floor',
      'more than', 'over', 'no less than', 'upper limit', 'lower limit',
    ],
    fr: [
      'au plus', 'tout au plus', 'grand max', 'minimal', 'à tout le moins', 'pas plus de', 'plafonné', 'plafonnée', 'plafonner', 'seuil', 'borne supérieure', 'borne inférieure', 'à concurrence de', 'a minima', 'a maxima', 'maxi', 'minimalement',
      'minimum', 'au moins', 'au minimum', 'maximum', 'au maximum', 'jusqu’à', 'plafond', 'plancher', 'plus de', 'au bas mot',
      'pas moins de', 'limite',
    ],
  },
  // Time.
  {
    id: 'start',
    en: [
      'kickstart', 'kick-start', 'kickstarted', 'got going', 'got started', 'getting started', 'ramped up', 'off the ground', 'power on', 'goes into effect', 'takes effect', 'comes into force', 'come into effect', 'effective date', 'effective from', 'from what date', 'first shovel', 'broke ground', 'starting gun', 'starting line', 'out of the gate', 'commencement', 'get cracking', 'debuts', 'starts rolling',
      'gets things rolling', 'get things rolling', 'got things rolling', 'gets the ball rolling', 'get the ball rolling', 'kicks things off', 'kick things off',
      'start', 'starts', 'started', 'starting', 'begin', 'begins', 'beginning', 'kick off', 'kicks off', 'kickoff', 'launch',
      'launches', 'get going', 'gets going', 'commence', 'roll out', 'rolls out', 'rollout', 'go live', 'goes live',
      'first steps', 'ramp up', 'ramp', 'first shipments', 'switch on', 'come online', 'comes online', 'kicks in', 'kicking off',
      'kicked off', 'launched', 'launching', 'began', 'begun', 'commenced', 'commencing', 'get started', 'start date',
      'gets underway', 'underway', 'under way', 'went live', 'ramping', 'ramping up', 'break ground', 'from when', 'start time',
      'plugged in', 'get plugged in', 'switched on', 'get switched on', 'turned on', 'powered up', 'fired up',
    ],
    fr: [
      'commencerait', 'démarrerait', 'débuterait', 'montée en puissance', 'monter en puissance', 'monte en puissance', 'entrée en vigueur', 'date de départ', 'enclencher', 'enclenché', 'mise en branle', 'mettre en branle', 'se met en branle', 'coup de départ', 'première pelletée de terre',
      'donne le coup d’envoi', 'lance le bal', 'ouvre le bal', 'lancer le bal',
      'commence', 'commencer', 'commencera', 'début', 'débute', 'débuter', 'démarre', 'démarrer', 'démarrage', 'démarrera',
      'lancement', 'lance', 'coup d’envoi', 'déploiement', 'mise en route', 'lancer', 'débutera', 'premiers pas', 'ça part',
      'c’est parti', 'ça commence', 'ça démarre', 'ça débute', 'commencent', 'commenceront', 'débutent', 'débuteront',
      'démarrent', 'démarreront', 'lancée', 'lancent', 'lancera', 'lanceront', 'donner le coup d’envoi', 'date de début',
      'date de lancement', 'date de démarrage', 'à partir de quand', 's’amorcer', 'amorcé', 'entre en vigueur', 'branchées', 'seront branchées', 'premier coup de pioche', 'coup de pioche',
      'entrer en vigueur', 'prend effet', 'prendre effet', 'top départ', 'kick-off', 'kickoff', 'se lance',
      'poser la première pierre',
    ],
  },
  {
    id: 'first',
    en: [
      'firstly', 'first off', 'first up', 'for starters', '1st', 'inaugural', 'maiden', 'stage 1', 'step one', 'step 1', 'round one', 'round 1', 'phase i', 'earliest', 'tranche 1', 'wave 1', 'wave one', 'batch 1',
      'first', 'initial', 'phase one', 'phase 1', 'stage one', 'first batch', 'first wave', 'opening', 'at first',
      'at the start', 'to start with', 'to begin with',
    ],
    fr: [
      '1er', '1re', '1ère', 'premièrement', 'primo', 'inaugurale', 'étape 1', 'étape un', 'vague 1', 'volet 1', 'initiaux',
      'premier', 'première', 'premiers', 'premières', 'initial', 'initiale', 'phase 1', 'phase un', 'première vague',
      'au début', 'au départ', 'dans un premier temps', 'pour commencer',
    ],
  },
  { id: 'phase', sequence: true, en: ['phase', 'stage', 'step', 'wave', 'batch'], fr: ['phase', 'étape', 'vague', 'volet'] },
  {
    id: 'delivery',
    sequence: true,
    en: [
      'land', 'lands', 'landing', 'landed',
      'handing over', 'consignment', 'dispatching', 'handoff', 'hand-off', 'shipping out',
      'delivery', 'deliveries', 'deliver', 'delivers', 'delivered', 'ship', 'ships', 'shipped', 'shipment', 'shipments',
      'shipping', 'arrival', 'hand over', 'receive', 'received', 'drop of hardware', 'drop of', 'product drop',
      'tranche of hardware', 'delivering', 'ships out', 'shipped out', 'dispatch', 'dispatched', 'handed over', 'handover',
      'receiving', 'arrive', 'arriving', 'arrived', 'delivery date', 'ship date', 'fulfillment', 'fulfilment',
    ],
    fr: [
      'livrerait', 'livrait', 'réceptionné', 'réceptionnée', 'réceptionnera', 'acheminé', 'acheminée', 'cargaison', 'expédiera', 'remise du matériel', 'délivrer', 'délivré', 'délivrera',
      'livraison', 'livraisons', 'livrer', 'livré', 'livrés', 'livrée', 'expédition', 'arrivée', 'recevoir', 'reçoit',
      'arrivage', 'arrivages', 'réception', 'livrera', 'livreront', 'livrent', 'expédier', 'expédié', 'expédiées', 'acheminer',
      'acheminement', 'reçu', 'reçoivent', 'recevra', 'réceptionner', 'date de livraison', 'mise à disposition', 'tranche de matériel',
    ],
  },
  {
    id: 'timeline',
    en: [
      'medium and long term', 'short and medium term', 'near and long term', 'short, medium and long term',
      'timeline', 'schedule', 'calendar', 'roadmap', 'dates', 'milestones', 'timing', 'timeframe', 'time frame', 'horizon',
      'time line', 'timetable', 'deadlines', 'key dates', 'eta', 'time horizon', 'timescale', 'time scale', 'chronology',
      'sequence of events',
    ],
    fr: [
      'moyen et long terme', 'à moyen et long terme', 'court et moyen terme', 'court, moyen et long terme', 'à court et moyen terme',
      'calendrier', 'chronologie', 'échéancier', 'échéances', 'échéance', 'étapes', 'planning', 'feuille de route', 'horizon',
      'agenda', 'dates clés', 'date butoir', 'deadline', 'jalons', 'étapes clés', 'frise chronologique', 'rétroplanning',
      'horizon temporel', 'd’ici quand', 'à quelle échéance',
    ],
  },
  {
    id: 'h2',
    en: [
      'latter part of the year', 'late in the year', 'end of year', 'year-end', 'second semester', 'second six months', 'july to december', 'back end of the year', '2nd half',
      'second half', 'h2', 'latter half', 'back half', 'end of the year', 'semester',
    ],
    fr: [
      'deuxième moitié', 'seconde moitié', 'deuxième partie de l’année', 'seconde partie de l’année', 'fin de l’an', 'juillet à décembre', 'deuxième demi-année',
      'second semestre', 'deuxième semestre', 's2', 'semestre', 'fin d’année', 'fin de l’année',
    ],
  },
  // The market.
  {
    id: 'stock',
    en: [
      'shareprice', 'stockprice', 'financial markets', 'capital markets', 'premarket', 'pre-market', 'after-hours', 'intraday', 'bulls', 'securities', 'public markets', 'sharemarket', 'share market', 'investor sentiment', 'market sentiment', 'wall streeters', 'hedge funds',
      'shares', 'share', 'stock', 'stocks', 'share price', 'stock price', 'stock market', 'equity', 'exchange', 'wall street',
      'wall st', 'investors', 'ticker', 'trading', 'traders', 'the street', 'bullish', 'bearish',
    ],
    fr: [
      'boursicoteurs', 'boursicoter', 'boursicotage', 'la corbeille', 'place financière', 'haussier', 'baissier', 'petits porteurs', 'sentiment de marché', 'marché actions', 'fonds spéculatifs', 'opérateurs de marché',
      'bourse', 'boursier', 'boursière', 'action', 'actions', 'cours', 'titre', 'titres', 'investisseurs', 'wall street',
      'marchés financiers', 'bullish', 'bearish', 'séance', 'quelles valeurs', 'les valeurs', 'valeurs technologiques',
      'valeurs tech',
    ],
  },
  { id: 'market', vague: true, en: ['market', 'markets', 'marketplace', 'mkt'], fr: ['marché', 'marchés'] },
  {
    id: 'move',
    en: [
      'push', 'pushed', 'pushes',
      'do on the day', 'did on the day', 'do that day', 'did that day', 'do after the announcement', 'did after the announcement', 'do on the news', 'did on the news', 'do on announcement day', 'did on announcement day',
      'move', 'moves', 'moved', 'jump', 'jumped', 'jumps', 'rose', 'rise', 'rises', 'risen', 'climb', 'climbed', 'surge',
      'surged', 'soar', 'soared', 'gain', 'gained', 'gains', 'rally', 'rallied', 'pop', 'popped', 'spike', 'spiked', 'go up',
      'went up', 'gone up', 'up', 'higher', 'fell', 'fall', 'falls', 'fallen', 'drop', 'dropped', 'drops', 'slip', 'slipped',
      'slide', 'slid', 'dip', 'dipped', 'decline', 'declined', 'sink', 'sank', 'go down', 'went down', 'down', 'lose', 'lost',
      'lower', 'react', 'reacted', 'reaction', 'reactions', 'response', 'perform', 'performed', 'do on the market',
      'did on the market', 'take it', 'took it', 'fare', 'fared', 'bump', 'bumped', 'in the red', 'in the green', 'tank',
      'tanked', 'slump', 'tumbled', 'tumble', 'shed', 'gained ground', 'lost ground', 'went', 'stock reaction', 'took a hit',
      'nosedived', 'nosedive', 'cratered', 'mooned', 'ripped', 'pumped', 'dumped', 'stonks', 'moon', 'to the moon', 'greeted',
      'received the news', 'took the news', 'treat', 'lift', 'got a lift', 'a lift', 'took a small hit', 'a small hit', 'got hit',
      'ticked up', 'ticked down', 'edged up', 'edged down', 'inched up', 'inched down', 'got punished', 'punished', 'sold off', 'selloff',
      'sell-off', 'outperformed', 'underperformed', 'did better', 'did worse', 'traded', 'trade on the news', 'trade on the headline', 'traded on the news',
      'caught a bid', 'catch a bid', 'caught bids', 'got a bid', 'bid up',
      'trade on the announcement', 'traded on the announcement', 'trading on the announcement', 'trade on the deal', 'traded on the deal',
    ],
    fr: [
      'a évolué le titre', 'a évolué le cours', 'a évolué l’action', 'le titre a évolué', 'le cours a évolué', 'l’action a évolué', 'évolution du cours', 'évolution du titre', 'évolution de l’action',
      'piquer du nez',
      'variation', 'variations', 'hausse', 'bondi', 'bondir', 'bond', 'monté', 'monter', 'grimpé', 'grimper', 'progressé',
      'progresser', 'gagné', 'pris', 'ont bougé', 'bougent', 'baisse', 'baissé', 'reculé', 'reculer', 'recul', 'chute', 'chuté', 'chuter', 'perdu',
      'perdre', 'glissé', 'dégringolé', 'réagi', 'réagir', 'réagit', 'réaction', 'réactions', 'évolution', 'envolée', 'envolé',
      'dans le rouge', 'dans le vert', 'dégringolade', 's’envoler', 'dévissé', 'dévisser', 'plongé', 'plonger',
      'gagné du terrain', 'perdu du terrain', 'a pris', 'a perdu', 'piqué du nez', 'pique du nez', 'bouillon',
      'pris un bouillon', 'boire la tasse', 'plongeon', 'au plafond', 'décroché', 's’est pris', 'lâché du terrain',
      'lâche du terrain', 'jusqu’où', 'cartonné', 's’est envolé', 'pumpé', 'dumpé', 'a pumpé', 'a dumpé', 'stonks', 'accueilli',
      'accueil', 'a accueilli', 'fait la grimace', 'a fait la grimace', 'grimace', 'tiré la tête', 'fait grise mine', 'grise mine',
      'encaissé la nouvelle', 'encaisse la nouvelle', 'encaisser la nouvelle', 'digéré la nouvelle', 'digère la nouvelle',
      // "Broadcom a pris cher": slang for a heavy loss, no price ("cher").
      'pris cher', 'a pris cher', 'ont pris cher', 'prend cher', 'prendre cher', 'pris très cher',
    ],
  },
  {
    id: 'record',
    en: [
      'peaked', 'uncharted territory', 'fresh high', 'lifetime high', 'historic high', 'never been higher', 'blue sky territory',
      'record', 'all time high', 'all-time high', 'ath', 'peak', 'new high', 'highest', 'record high',
      'its own history', 'its history', 'historical high', 'historical highs',
    ],
    fr: [
      'jamais aussi haut', 'pic historique', 'zénith', 'culminé', 'meilleur niveau', 'haut historique', 'apogée', 'niveau inédit',
      'record', 'sommet', 'plus haut', 'plus haut historique', 'record historique', 'niveau historique', 'sommet historique', 'niveau record', 'du jamais vu en bourse',
    ],
  },
  // Competition and its regulators.
  {
    // Nvidia's own rivals, the chipmakers (AMD, Intel): not OpenAI's, the model makers. The phrases stay
    // competition words too; holding this concept ranks the chipmakers' fact first.
    id: 'chip-rivals',
    en: [
      'chip rivals', 'rival chipmakers', 'rival chip makers', 'rival chip vendors', 'rival chip designers', 'competing chipmakers',
      'other chipmakers', 'chipmaker rivals', 'semiconductor rivals', 'semiconductor players', 'semiconductor companies',
      'chip competitors', 'gpu rivals', 'rival gpu makers', 'nvidia rivals', 'nvidia competitors', 'nvidia s rivals',
      'nvidia s competitors', 'rivals of nvidia', 'competitors of nvidia', 'rivals in chips', 'competitors in chips',
    ],
    fr: [
      'fondeurs rivaux', 'fondeurs concurrents', 'fabricants de puces concurrents', 'fabricants de puces rivaux',
      'concurrents de nvidia', 'rivaux de nvidia', 'acteurs des semi-conducteurs', 'acteurs des semiconducteurs',
      'fabricants concurrents', 'puces concurrentes', 'concurrents dans les puces', 'rivaux dans les puces',
      'autres fabricants de puces', 'autres fondeurs', 'concurrents de nvidia dans les puces',
    ],
  },
  {
    id: 'competition',
    en: [
      'adversaries', 'opponents', 'competitively', 'outcompete', 'out-compete', 'outcompeted', 'rivalling', 'rivaling', 'rivalled', 'rivaled', 'neck and neck', 'jockeying', 'vying', 'catching up', 'the rest of the pack', 'second-tier players', 'smaller players', 'little guys', 'cutthroat', 'dog-eat-dog', 'newcomers', 'new entrants', 'market entrants', 'the other guys',
      'fight against', 'go up against', 'up against', 'take on', 'square off', 'model race', 'ai model race', 'tougher time', 'harder time', 'tougher time keeping up',
      'competition', 'competitors', 'competitor', 'rivals', 'rival', 'compete', 'competes', 'competing', 'competitive',
      'challengers', 'rest of the industry', 'other players', 'rest of the market', 'other chipmakers', 'chipmakers', 'keep up',
      'catch up', 'compete with', 'labs', 'ai labs', 'startups', 'chatbots', 'chatbot makers', 'ai companies',
      'challenger', 'everyone else', 'the rest of the field', 'other ai labs', 'upstarts', 'competing labs', 'rival labs',
      'keeping up', 'keeps up', 'keep pace', 'keeping pace', 'rivalry', 'competing with', 'competed', 'competitive pressure',
      'chip rivals', 'rival chipmakers', 'rival chip makers', 'chip makers', 'peers', 'frenemies', 'contenders', 'arms race',
      'ai race', 'ai arms race', 'head-to-head', 'go head to head', 'competitive landscape', 'landscape', 'left behind', 'fall behind', 'falling behind',
      'ai model developers', 'model developers', 'model makers', 'model builders', 'ai developers', 'uphill battle',
      'uphill struggle', 'struggle to keep up', 'hard time keeping up', 'a hard time keeping up',
    ],
    fr: [
      'concurrencer', 'concurrencée', 'compétitrice', 'compétitif', 'compétitivité', 'rivalisera', 'dans la course', 'course effrénée', 'guerre des puces', 'guerre de l’ia', 'bataille de l’ia', 'outsiders', 'petits acteurs', 'rattrapent', 'rattrapage', 'combler son retard', 'combler l’écart', 'jeunes pousses', 'nouveaux entrants', 'autres joueurs', 'joueurs de l’industrie', 'joueurs du secteur',
      'd’en face', 'en face',
      'se battre contre', 'affronter', 'faire face à', 'course aux modèles',
      'concurrence', 'concurrents', 'concurrent', 'concurrente', 'rivaux', 'rival', 'rivaliser', 'concurrentiel', 'se mesurer à', 'se mesurer', 'distancer', 'se fait distancer', 'distancé', 'distancés', 'paysage concurrentiel', 'labos d’ia', 'labos d’IA', 'développeurs de modèles', 'du mal à suivre', 'peine à suivre',
      'concurrentielle', 'autres acteurs', 'fabricants', 'suivre le rythme', 'rattraper', 'rivaliser avec', 'laboratoires',
      'labos', 'challengers', 'les autres', 'le reste du secteur', 'autres laboratoires', 'autres labos', 'rivaux d’openai',
      'la concu', 'concu', 'la concurrence directe', 'suivre la cadence', 'tenir le rythme', 'rivalité', 'rivalise',
      'rivalisent', 'course à l’ia', 'course aux armements', 'course à l’armement', 'compétition', 'compétiteurs', 'adversaires',
      'rester dans la course', 'faire face à la concurrence',
    ],
  },
  {
    id: 'dominance',
    en: [
      'dominance', 'dominant', 'dominate', 'dominates', 'dominating', 'domination', 'monopoly', 'monopolies', 'too powerful',
      'too big', 'too strong', 'market power', 'lock in', 'lock-in', 'stranglehold', 'chokehold', 'grip', 'unrivalled',
      'unrivaled', 'unmatched', 'without equal', 'no equal', 'no match', 'undisputed', 'king', 'leader', 'gatekeeper',
      'kingmaker', 'unassailable', 'moat', 'too much power', 'too dominant', 'market dominance', 'dominant position',
      'monopolistic', 'concentration', 'eat everyone’s lunch', 'crush', 'crushes', 'steamroll', 'juggernaut', 'behemoth',
      'gorilla', '800-pound gorilla', 'runs the show', 'dominated', 'monopolist', 'monopolize', 'monopolise', 'monopolizing',
      'quasi-monopoly', 'near-monopoly', 'virtual monopoly', 'duopoly', 'market leader', 'leading position', 'top dog', 'leading the pack', 'leads the pack', 'lead the pack', 'ahead of the pack', 'front-runner', 'frontrunner', 'leading player',
      'lion’s share', 'cornered the market', 'corner the market', 'entrenched', 'entrench', 'cement its position',
      'cements its lead', 'supremacy', 'hegemony', 'unbeatable', 'untouchable', 'winner takes all', 'choke point', 'chokepoint',
    ],
    fr: [
      'domination', 'dominant', 'dominante', 'dominer', 'monopole', 'monopoles', 'trop puissant', 'trop puissants', 'trop gros',
      'trop fort', 'verrouiller', 'verrouillage', 'emprise', 'position dominante', 'hégémonie', 'sans équivalent', 'incontesté',
      'leader', 'mainmise', 'toute-puissance', 'trop de pouvoir', 'trop dominant', 'concentration', 'monopolistique',
      'ultra-dominant', 'écraser la concurrence', 'écrase', 'rouleau compresseur', 'tout rafler', 'rafler', 'ultra dominant',
      'dominé', 'dominent', 'dominera', 'domination du marché', 'quasi-monopole', 'situation de monopole', 'position de force',
      'leader incontesté', 'incontestée', 'incontestable', 'numéro un', 'hégémonique', 'suprématie', 'régner', 'règne sur',
      'verrouille', 'verrouillent', 'position écrasante', 'part du lion', 'chasse gardée', 'indétrônable', 'intouchable',
      'sans rival', 'sans concurrent', 'abus de position dominante', 'hyperdominant', 'hyper-dominant', 'archi-dominant',
    ],
  },
  {
    id: 'regulator',
    en: [
      'keeping an eye on', 'keep an eye on', 'keeps an eye on', 'kept an eye on', 'watching closely', 'already watching',
      'trust-busters', 'enforcers', 'uncle sam', 'congress', 'senators', 'investigators', 'probing', 'probed', 'investigating', 'examining', 'examined', 'reviewing', 'scrutinizing', 'scrutinized', 'scrutinised', 'scrutinising', 'regulating', 'regulated', 'crack down', 'crackdown', 'intervention', 'intervening', 'stepping in', 'stepped in', 'anti-monopoly', 'competition law', 'federal officials', 'us officials', 'bureaucrats', 'blocking',
      'cops', 'antitrust cops', 'competition cops',
      'in the crosshairs', 'crosshairs', 'under the microscope',
      'antitrust', 'anti-trust', 'regulators', 'regulator', 'regulation', 'regulatory', 'watchdog', 'watchdogs', 'authorities', 'competition watchdog', 'competition watchdogs', 'competition authorities', 'competition regulators', 'competition police',
      'authority', 'government', 'governments', 'justice department', 'department of justice', 'competition authority',
      'scrutiny', 'probe', 'probes', 'investigate', 'investigated', 'investigation', 'investigations', 'examine', 'review',
      'block', 'blocked', 'regulate', 'lawmakers', 'feds', 'trustbusters', 'agency', 'agencies', 'intervene', 'step in',
      'get involved', 'weigh in', 'poke its nose', 'stick its nose', 'antitrust angle', 'justice dept',
      'federal trade commission', 'antitrust regulators', 'competition regulators', 'antitrust enforcers', 'regulatory scrutiny',
      'regulatory risk', 'regulatory-wise', 'frown upon', 'look into', 'comb through', 'administration', 'public authorities',
      'policymakers', 'policy makers', 'under antitrust watch', 'in the crosshairs of regulators', 'on regulators’ radar',
      // The DOJ and the FTC are American: "Washington" stands for them as it does in the press.
      'washington', 'us regulators', 'us authorities', 'american regulators', 'american authorities', 'poke at', 'poke around',
      'hard look', 'take a hard look', 'scrutinize', 'scrutinise',
    ],
    fr: [
      'garder à l’œil', 'gardent à l’œil', 'à l’œil', 'surveillent', 'surveillé de près', 'surveillés de près',
      'surveiller', 'surveille', 'surveillera', 'surveilleront', 'surveillance', 'sous surveillance', 'mettre sous surveillance',
      'régulatrice', 'réguler', 'régule', 'réglementer', 'réglementé', 'oncle sam', 'enquêteurs', 'enquêtent', 'enquêtera', 'enquêteront', 'examinent', 'examineront', 'examinera', 'scruter', 'scrutent', 'scrutera', 'passe au crible', 'épluché', 'éplucheront', 'mettre le nez dans', 'mettent leur nez', 's’en mêlent', 'interviennent', 'interviendront', 'interviendra', 'bloquent', 'bloqueront', 'bloquera', 'droit de la concurrence', 'anti-monopole', 'antimonopole', 'parlementaires', 'congrès américain', 'sénateurs', 'autorités de contrôle', 'organe de contrôle', 'autorités fédérales', 'chien de garde', 'police de la concurrence',
      'flics de la concurrence',
      'dans le collimateur', 'collimateur', 'sous la loupe',
      'antitrust', 'anti-trust', 'régulateurs', 'régulateur', 'régulation', 'réglementation', 'réglementaire', 'autorités',
      'autorité', 'gouvernement', 'gouvernements', 'gendarme', 'gendarmes', 'autorité de la concurrence', 'surveillance', 'gendarmes de la concurrence', 'gendarme de la concurrence', 'autorités de la concurrence', 'autorités de concurrence',
      'enquête', 'enquêtes', 'enquêter', 'examiner', 'examen', 'bloquer', 'état', 'états', 'législateurs', 'agence', 'agences',
      'intervenir', 's’en mêler', 'mêler', 'se pencher', 'mettre son nez', 'fourrer son nez', 'autorités de la concurrence',
      'régulateurs américains', 'autorités antitrust', 'contrôle antitrust', 'enquête antitrust', 'éplucher', 'épluchent',
      'passer au crible', 'froncer les sourcils', 'à la loupe', 'administrations', 'administration', 'pouvoirs publics',
      'puissance publique', 'dans le viseur des autorités', 'dans le viseur des régulateurs',
      'dans le collimateur des autorités', 'dans le viseur de la justice', 'washington', 'côté washington',
      'autorités américaines',
    ],
  },
  // Governance and money flows.
  {
    id: 'nonprofit',
    en: [
      'non-commercial', 'noncommercial', 'public-benefit', 'benefit corporation', 'money-driven', 'went commercial', 'turning commercial', 'pivot to profit', 'philanthropic', 'philanthropy', 'tax-exempt', 'profit-maximizing', 'profit-maximising', 'chasing profits', 'altruistic',
      'legal set-up', 'legal setup', 'legal structure', 'legal status', 'legal form', 'corporate structure',
      'nonprofit', 'non-profit', 'non profit', 'not-for-profit', 'not for profit', 'charity', 'for-profit', 'for profit',
      'commercial', 'capped profit', 'profit-driven', 'business model', 'foundation', 'mission-driven', 'capped-profit',
      'for profit company', 'profit-making', 'non-profit organization', 'nonprofit organization', 'npo', 'charitable',
      'for-profit arm', 'public benefit corporation', 'pbc', 'profit-seeking', 'money-making', 'commercialization',
      'commercialisation', 'commercialize', 'going commercial', 'goes commercial', 'for-profit conversion',
      'conversion to for-profit', 'nonprofit roots', 'nonprofit status', 'profit motive', 'profit-oriented',
    ],
    fr: [
      'mode business', 'en mode business', 'mode commercial', 'en mode commercial', 'plus business', 'virage business', 'tourne business',
      'non lucrative', 'organisme de bienfaisance', 'œuvre de charité', 'caritatif', 'caritative', 'philanthropique', 'philanthropie', 'asbl', 'utilité publique', 'but idéal', 'mercantile', 'mercantilisme', 'logique de profit', 'course au profit', 'appât du gain', 'recherche de profit', 'profits plafonnés', 'plafonnement des profits', 'entreprise à profit limité',
      'statut juridique', 'structure juridique', 'forme juridique',
      'but non lucratif', 'à but non lucratif', 'sans but lucratif', 'non lucratif', 'lucratif', 'association', 'commercial',
      'commerciale', 'modèle commercial', 'à but lucratif', 'fondation', 'association à but non lucratif',
      'organisation à but non lucratif', 'entreprise commerciale', 'société commerciale', 'asso', 'une asso', 'but lucratif',
      'structure à but non lucratif', 'entreprise à but lucratif', 'organisme à but non lucratif', 'obnl', 'osbl',
      'modèle lucratif', 'virage commercial', 'tournant commercial', 'commercialisation', 'loi 1901',
      'fondation à but non lucratif', 'société à mission', 'entreprise à mission', 'lucrative', 'faire du profit',
    ],
  },
  {
    id: 'planned',
    vague: true,
    en: [
      'in the works', 'on the agenda', 'projected', 'foreseen', 'envisaged', 'envisioned', 'contemplated', 'intended', 'teed up', 'lined up', 'timed for', 'upcoming', 'forthcoming', 'on deck', 'mooted', 'envisions', 'envisages',
      'planned', 'plan', 'scheduled', 'expected', 'slated', 'due', 'set for', 'on track', 'planning to', 'plans to',
      'intends to', 'expected to', 'scheduled for', 'slated for', 'due in', 'set to', 'on schedule', 'on the cards',
      'in the cards', 'in the pipeline', 'pencilled in', 'penciled in', 'earmarked', 'targeted for', 'anticipated',
      'supposed to',
    ],
    fr: [
      'prévoit', 'prévoient', 'prévoyait', 'prévoira', 'planifier', 'envisagent', 'à l’ordre du jour', 'au menu', 'en préparation', 'planche à dessin', 'en chantier', 'en gestation', 'dans le pipe', 'dans le pipeline', 'calé pour', 'calée pour', 'prévisionnel', 'agendé', 'agendée', 'cédulé', 'céduler',
      'prévu', 'prévue', 'prévus', 'prévues', 'programmé', 'programmée', 'attendu', 'attendue', 'planifié', 'planifiée',
      'planifiés', 'attendus', 'censé', 'censée', 'au programme', 'prévu pour', 'annoncé pour', 'annoncée pour', 'sur les rails',
      'dans les tuyaux', 'dans les cartons', 'en projet', 'envisagé', 'envisagée',
    ],
  },
  {
    id: 'origin',
    en: [
      'original status', 'original structure', 'original form', 'original', 'originally set up',
      'originated', 'first started', 'early years', 'its beginnings', 'humble beginnings', 'started life as', 'began life as', 'born as', 'historically', 'genesis', 'at birth', 'in its infancy', 'before becoming', 'was set up as', 'set up as', 'created as',
      'originally', 'initially', 'at first', 'started as', 'founded as', 'at the start', 'used to be', 'origin', 'origins',
      'in the beginning', 'to begin with', 'back then', 'back in the day', 'roots', 'began as', 'begun as', 'started out as',
      'started off as', 'was once', 'at inception', 'inception', 'early days', 'in the early days', 'formerly', 'how it started',
      'since its founding', 'since it was founded', 'at its founding', 'when it was founded', 'since its creation',
      'start out as', 'start off as', 'start as', 'start life as', 'begin life as', 'start out', 'started out',
    ],
    fr: [
      'statut d’origine', 'statut originel', 'forme originelle', 'statut initial', 'initial',
      'dès l’origine', 'historiquement', 'dans ses débuts', 'à sa naissance', 'genèse', 'racines', 'balbutiements', 'dans sa jeunesse', 'à ses premières heures', 'première mouture', 'à la genèse',
      'à l’origine', 'initialement', 'd’origine', 'au départ', 'au début', 'autrefois', 'origine', 'à la base',
      'au commencement', 'originellement', 'originel', 'originelle', 'aux origines', 'à ses débuts', 'à ses origines',
      'au tout début', 'à l’époque', 'naguère', 'jadis', 'anciennement', 'auparavant', 'depuis sa création', 'à sa création',
      'lors de sa création', 'depuis sa fondation', 'à sa fondation',
    ],
  },
  {
    id: 'governance',
    en: [
      'governance', 'transparency', 'transparent', 'oversight', 'control', 'controls', 'corporate model', 'corporate structure',
      'legal status', 'status of openai', 'board control', 'who controls', 'governing', 'corporate governance', 'governed',
      'governs', 'opacity', 'opaque', 'accountability', 'accountable', 'disclosure', 'checks and balances', 'board structure',
      'corporate setup', 'org structure', 'legal structure', 'company structure', 'independent oversight', 'board oversight',
    ],
    fr: [
      'gouvernance', 'transparence', 'transparent', 'contrôle', 'statut', 'statut juridique', 'modèle d’entreprise',
      'qui contrôle', 'pilotage', 'gouvernement d’entreprise', 'opacité', 'opaque', 'redevabilité', 'reddition de comptes',
      'rendre des comptes', 'structure juridique', 'structure de gouvernance', 'contre-pouvoirs',
    ],
  },
  {
    id: 'voting',
    en: [
      'kind of say', 'sort of say', 'type of say', 'much say', 'any say over',
      'vote rights', 'controlling interest', 'decision power', 'decision rights', 'blocking minority', 'blocking stake', 'golden share', 'hands-off investor', 'silent investor', 'sleeping partner', 'say-so', 'governance rights', 'voteless', 'dual-class', 'voting equity', 'voting interest',
      'in decisions', 'in the decisions', 'over decisions', 'in its decisions',
      'voting rights', 'voting', 'vote', 'votes', 'non-voting', 'non voting', 'a say', 'any say', 'say in how', 'voice',
      'control', 'controls', 'in control', 'take control', 'takes control', 'controlling stake', 'is run', 'are run',
      'is governed', 'call the shots', 'pull the strings', 'voting power', 'voting stake', 'voting shares', 'non-voting shares',
      'nonvoting', 'vote on', 'voted', 'right to vote', 'no say', 'without voting rights', 'non-voting stake', 'passive stake',
      'passive investor', 'passive investment', 'silent partner', 'control rights', 'veto', 'veto power', 'veto rights',
      'say in corporate decisions', 'say in decisions', 'decision-making', 'decision making power', 'say over decisions',
      'weigh in on decisions', 'weigh in on the decisions', 'weigh in on corporate decisions', 'influence decisions', 'sway decisions',
      'shareholder meetings', 'shareholder meeting', 'shareholders meeting', 'general meeting', 'agm',
    ],
    fr: [
      'votera', 'voteront', 'pouvoir décisionnel', 'poids décisionnel', 'voix délibérative', 'voix consultative', 'minorité de blocage', 'action en or', 'action spécifique', 'investisseur dormant', 'partenaire dormant', 'actionnaire silencieux', 'actionnaire dormant', 'contrôleront', 'droit de regard', 'peser sur les choix', 'décisionnaire',
      'dans les décisions', 'aux décisions', 'sur les décisions', 'sur ses décisions',
      'droit de vote', 'droits de vote', 'droit de voter', 'le droit de voter', 'vote', 'sans droit de vote', 'voix', 'mot à dire', 'son mot à dire',
      'voix au chapitre', 'pouvoir en assemblée', 'assemblée générale', 'contrôle', 'contrôler', 'prendre le contrôle',
      'piloter openai', 'tirer les ficelles', 'mainmise', 'pouvoir de décision', 'droit de véto', 'veto', 'voter', 'votent',
      'actions sans droit de vote', 'actionnaire passif', 'participation passive', 'investisseur passif',
      'sans voix au chapitre', 'pouvoir de vote', 'contrôlera', 'poids dans les décisions', 'peser sur les décisions',
      'voix dans les décisions', 'son mot à dire dans les décisions', 'peser dans les décisions',
    ],
  },
  {
    id: 'circular',
    en: [
      // What the money is then used for: the circular fact says it buys Nvidia's chips.
      'do with the money', 'do with the cash', 'does with the money', 'does with the cash', 'where does the money go', 'where the money goes', 'where does the cash go',
      'end up being spent', 'ends up being spent', 'spent on', 'spend it on', 'spends it on', 'use the money', 'uses the money',
      'round and round', 'going round and round', 'goes round and round', 'go round and round', 'round in circles', 'going in circles',
      'circular', 'circularity', 'circle', 'round trip', 'round-trip', 'roundtrip', 'loop', 'comes back', 'come back',
      'flows back', 'goes back', 'back to nvidia', 'vendor financing', 'vicious circle', 'virtuous circle', 'same money',
      'money go round', 'merry-go-round', 'round-tripping', 'round tripping', 'recycled', 'recycling money', 'money goes back',
      'money flows back', 'boomerang', 'circular financing', 'circular investment', 'circular deal', 'self-financing',
      'walks out one door', 'right back in', 'going round in a loop', 'round in a loop', 'in a loop', 'back in the other', 'comes right back', 'money back to nvidia', 'pays itself',
      'paying itself', 'goes round', 'back and forth', 'ouroboros', 'snake eating its tail', 'eating its own tail',
      'self-dealing', 'circular flow', 'circular arrangement', 'circularly', 'money loop', 'funding loop', 'closed loop',
      'pays itself back', 'round-trip deal', 'roundtripping', 'infinite money glitch', 'infinite money', 'vendor finance',
      'customer financing', 'financing its own customer', 'funding its own customers', 'pays customers to buy',
      'perpetual motion', 'incestuous', 'full circle', 'comes full circle', 'financial setup', 'financial structure',
      'how the money flows', 'money flows',
    ],
    fr: [
      'le dépense', 'la dépense', 'dépense où', 'où va l’argent', 'où part l’argent', 'où passe l’argent', 'utilise l’argent', 'à quoi sert l’argent',
      'tourner en rond', 'tournent en rond', 'en boucle',
      'circulaire', 'circulaires', 'cercle', 'boucle', 'revient', 'reviennent', 'retourne', 'retour', 'cercle vertueux',
      'cercle vicieux', 'même argent', 'tourne en rond', 'l’argent revient', 'retour à l’envoyeur', 'circuit fermé',
      'financement circulaire', 'investissement circulaire', 'recycle', 'recyclé', 'boomerang', 'revient dans la poche',
      'se paie lui-même', 'retourne chez nvidia', 'repart chez nvidia', 'aller-retour', 'fait l’aller-retour', 'aller retour',
      'tourne en boucle', 'se mord la queue', 'serpent qui se mord la queue', 'vases communicants', 'argent magique',
      'circularité', 'boucle fermée', 'revient à nvidia', 'revient chez nvidia', 'reviennent chez nvidia', 'retour chez nvidia',
      'financement fournisseur', 'crédit fournisseur', 'autofinancement', 'auto-financement', 's’autofinance',
      'argent qui tourne', 'l’argent tourne', 'recyclage', 'recycler', 'le même fric', 'mouvement perpétuel', 'montage financier',
      'le montage financier', 'montage',
    ],
  },
  {
    id: 'role',
    vague: true,
    en: [
      'part played', 'plays a part', 'play a role', 'playing a role', 'played a role', 'fit into', 'specializing in', 'specialising in', 'specialization', 'specialisation', 'area of focus', 'line of work', 'remit', 'purview', 'job description',
      'role', 'roles', 'part', 'influence', 'influential', 'clout', 'position', 'standing', 'involvement', 'say in', 'stake in', 'job',
      'title', 'function', 'does for a living', 'do for a living', 'works as', 'what does he do', 'what does she do', 'fit in',
      'responsibilities', 'occupation', 'profession', 'job title', 'lose influence', 'losing influence', 'lose its influence',
      'lose sway', 'losing sway', 'loss of influence', 'specialty', 'speciality', 'specializes in', 'specialises in',
      'specialized in', 'specialised in', 'area of expertise', 'his expertise', 'her expertise', 'field of expertise', 'background',
    ],
    fr: [
      'joue un rôle', 'a joué un rôle', 'casquette', 'jobine', 'gagne-pain', 'influent', 'perd de l’influence', 'domaine d’expertise', 'domaine de spécialité', 'attributions', 'champ d’action',
      'rôle', 'rôles', 'influence', 'position', 'place', 'poids', 'implication', 'joue quel rôle', 'fonction', 'métier', 'poste',
      'travaille comme', 'fait dans la vie', 'son job', 'rôle joué', 'jouer un rôle', 'responsabilités', 'profession', 'boulot',
      'taf', 'taff', 'job', 'quel poste', 'intitulé de poste', 'il fait quoi', 'elle fait quoi', 'bosse dans',
      'perdre de l’influence', 'perdre son influence', 'perdre en influence', 'perte d’influence', 'spécialisé en',
      'spécialisée en', 'spécialisé dans', 'spécialisée dans', 'sa spécialité', 'son domaine', 'son expertise', 'son parcours',
    ],
  },
  {
    id: 'customer',
    en: [
      'backlog', 'order book', 'procure', 'procurement', 'procuring', 'procured', 'offtake', 'off-take', 'offtaker', 'big spender', 'whale', 'shopping spree', 'buying spree', 'purchase commitment', 'purchase agreement', 'shopping list', 'pre-order', 'preorder',
      'customer', 'customers', 'client', 'clients', 'buyer', 'buyers', 'buy', 'buys', 'buying', 'bought', 'purchase',
      'purchases', 'purchased', 'customer base', 'clientele', 'purchaser', 'buys from', 'buying from', 'purchase orders',
      'anchor customer', 'anchor client', 'key customer', 'biggest customer', 'top customer', 'major customer', 'purchasing',
      'snapping up', 'snap up', 'snapped up', 'big order', 'orders',
    ],
    fr: [
      'achèterait', 'achetait', 'commander', 'commandée', 'se procurer', 'se procure', 's’équipe chez', 's’équiper chez', 'engagement d’achat', 'fait son shopping', 'faire son shopping', 'fait ses courses chez', 'magasiner', 'magasine chez', 'précommande', 'débouché',
      'client', 'clients', 'acheteur', 'acheteurs', 'achète', 'acheter', 'achat', 'achats', 'acheté', 'achetée', 'achetés',
      'achetées', 'achètera', 'clientèle', 'gros client', 'client majeur', 'client clé', 'premier client', 'plus gros client',
      'client principal', 'achètent', 'achèteront', 'acheteuse', 'rachète', 'rachètent', 'racheter', 'rachètera', 'commandes', 'passe commande', 'passer commande',
      'bon de commande', 'se fournit chez', 'se fournir chez', 's’approvisionne', 'emplettes',
    ],
  },
  {
    id: 'stake',
    en: [
      'shareholding', 'own part of', 'co-own', 'co-owner', 'part-owner', 'buy into', 'buying into', 'bought into', 'own shares', 'get shares', 'receives shares', 'piece of the action', 'skin in the game', 'cap table',
      'stake', 'equity', 'ownership', 'own a piece', 'piece of', 'shareholder', 'holding', 'hold', 'holds', 'take a stake',
      'shares in openai', 'acquired', 'acquires', 'slice', 'slice of', 'end up owning', 'owning', 'a cut of', 'chunk of openai',
    ],
    fr: [
      'au capital', 'dans le capital', 'entrer au capital', 'entre au capital', 'rentre au capital', 'rentrer au capital', 'rentrera au capital', 'entrera au capital', 'entrée dans le capital', 'entre dans le capital', 'entrée au capital', 'monter au capital', 'monte au capital', 'actionnariat', 'détenteur', 'détiennent', 'possèdent', 'copropriétaire', 'co-propriétaire', 'parts sociales', 'part du gâteau', 'morceau du gâteau', 'prend des parts', 'prendre une participation', 'prend une participation', 'au capital de', 'bout du gâteau', 'met un pied dans le capital', 'table de capitalisation',
      'participation', 'prise de participation', 'actionnaire', 'part du capital', 'détenir', 'détient', 'détiendra',
      'des parts', 'prendre des parts', 'pris des parts', 'acquises', 'acquiert', 'acquérir', 'posséder', 'possède', 'possédera', 'morceau d’openai', 'bout d’openai',
    ],
  },
  {
    id: 'access',
    en: [
      'reserved capacity', 'first in line', 'head of the line', 'head of the queue', 'jump the queue', 'skip the line', 'cut the line', 'fast lane', 'allotment', 'get its hands on', 'getting its hands on', 'get their hands on', 'first call on', 'spoken for', 'first pick',
      'access', 'guaranteed', 'guarantee', 'secured', 'supply', 'priority', 'guaranteed access', 'secure supply',
      'secured supply', 'supply guarantee', 'priority access', 'first dibs', 'dibs', 'front of the line', 'front of the queue',
      'allocation', 'supply deal', 'assured supply', 'security of supply', 'supply security', 'preferential access',
      'preferred access', 'capacity reservation', 'access to chips',
    ],
    fr: [
      'sécurisation', 'garantissent', 'garantira', 'passe-droit', 'mettre la main sur', 'met la main sur', 'premiers servis', 'capacités réservées', 'passer en premier',
      'accès', 'garanti', 'garantie', 'approvisionnement', 'priorité', 'garantis', 'garanties', 'garantir', 'garantit',
      'accès garanti', 'accès prioritaire', 'approvisionnement garanti', 'sécuriser', 'sécurise',
      'sécuriser l’approvisionnement', 'priorité d’accès', 'servi en premier', 'prioritaire', 'réservation de capacité',
      'allocation', 'accès aux puces',
    ],
  },
  // Independence from a supplier.
  {
    id: 'independence',
    en: [
      'explores other', 'exploring other', 'explore other', 'exploring other alliances', 'testing the waters', 'test the waters',
      'put everything on', 'bet everything on', 'all-in on', 'all in on', 'bet it all on', 'betting everything on',
      'non-exclusive', 'nonexclusive', 'other vendors', 'multiple suppliers', 'unhook', 'decouple', 'decoupling', 'go elsewhere', 'shop around', 'shopping around', 'tethered', 'captive', 'relying', 'relied', 'depended', 'weaning', 'weaned', 'more than one supplier', 'hedged', 'spreading its bets', 'eggs in different baskets', 'chained to',
      'held hostage', 'hostage', 'exclusively', 'exclusive', 'solely', 'only on nvidia',
      'dependence', 'dependency', 'dependent', 'depend', 'depends', 'reliance', 'rely', 'relies', 'reliant', 'tied to', 'hooked', 'lean on',
      'reduce its dependence', 'hedging its bets', 'hedge their bets', 'hedging their bets', 'diversify', 'diversifies',
      'diversifying', 'diversification', 'hedge', 'hedges', 'hedging', 'hedge its bets', 'all its eggs in one basket',
      'all their eggs in one basket', 'eggs in one basket', 'all its eggs', 'all their eggs', 'eggs', 'basket', 'alternatives',
      'alternative', 'other options', 'plan b', 'independence', 'independent', 'autonomy', 'autonomous', 'other suppliers',
      'other partners', 'other alliances', 'spread its bets', 'wean', 'wean itself off', 'less reliant', 'less dependent',
      'reduce reliance', 'alternative suppliers', 'not rely', 'not depend', 'avoid dependence', 'independent from nvidia',
      'backup plan', 'fallback', 'safety net', 'spare tyre', 'spare tire', 'single supplier', 'single-sourcing',
      'single sourcing', 'single source', 'sole supplier', 'one supplier', 'betting the farm', 'bet the farm',
      'put all its chips on', 'only nvidia', 'just nvidia', 'nvidia only', 'courting', 'court', 'flirting with', 'on the side', 'dance card', 'on its dance card', 'cozying up to', 'cosying up to', 'cozy up to', 'cosy up to', 'cozying up', 'cosying up', 'in bed with', 'eyeing', 'other buddies', 'other pals', 'other friends',
      'cut the cord', 'go it alone', 'wean off', 'reduce dependence', 'reduce dependency', 'cut dependence', 'less reliance',
      'over-reliance', 'overreliance', 'overdependence', 'over-dependence', 'vendor lock-in', 'multi-vendor', 'multi-sourcing',
      'multisourcing', 'dual-sourcing', 'second source', 'second supplier', 'supplier diversification', 'diversified',
      'self-sufficient', 'self-sufficiency', 'self-reliance', 'self-reliant', 'stand on its own', 'on its own feet',
      'break free', 'breaking free', 'not beholden', 'beholden', 'at the mercy of', 'keep its options open',
      'keeping its options open', 'play the field', 'playing the field', 'cheating on nvidia', 'strategic autonomy', 'allies',
      'ally', 'other allies',
    ],
    fr: [
      'tâter le terrain', 'tâte le terrain', 'tâtent le terrain', 'explore d’autres', 'explorer d’autres', 'explore d’autres alliances',
      'tout miser sur', 'miser tout sur', 'mise tout sur', 'tout mettre sur', 'met tout sur', 'tout parier sur',
      'dépendront', 'dépendra', 'tributaire', 'captif', 'à la botte de', 'esclave de', 'sevrage', 'sevrer', 'non exclusif', 'pas le seul fournisseur', 'diversifiée', 'multiplier les partenaires', 'multiplie les partenaires', 'jouer sur plusieurs tableaux', 'joue sur plusieurs tableaux', 'plusieurs cordes à son arc', 'faire cavalier seul', 'fait cavalier seul', 'sans exclusivité',
      'pris en otage', 'otage', 'à la merci', 'exclusivement', 'exclusif', 'uniquement sur nvidia', 's’appuyer exclusivement',
      'dépendance', 'dépendre', 'dépend', 'dépendant', 'dépendante', 'compter sur', 'moins compter sur', 'compte sur', 'se lier', 'lier', 'lié', 'liée', 'trop lié', 'attaché',
      'réduire sa dépendance', 'diversifier', 'diversifie', 'diversification', 'œufs', 'oeufs', 'panier', 'tous ses œufs',
      'alternatives', 'alternative', 'autonomie', 'autonome', 'indépendance', 'indépendant', 'plan b', 'autres alliances',
      'autres partenaires', 'autres copains', 'autres potes', 'autres amis', 'autres fournisseurs', 'moins dépendante', 'moins dépendant', 'se sevrer', 'ne pas dépendre',
      's’affranchir', 's’émanciper', 'indépendante', 'alternative à nvidia', 'roue de secours', 'plan de secours',
      'solution de repli', 'au cas où', 'un seul fournisseur', 'fournisseur unique', 'accro', 'dépend uniquement',
      'uniquement de nvidia', 'seulement nvidia', 'autre que nvidia', 'autres que nvidia', 'draguent', 'draguer', 'drague', 'courtiser',
      'alliés', 'allié', 'alliée', 'alliées', 'autres alliés', 'courtise', 'flirte avec', 'flirter avec', 'à côté', 'lorgne', 'lorgne vers', 'lorgner', 'lorgne du côté de', 'fait les yeux doux', 'jase avec', 'jase',
      'voler de ses propres ailes', 'se passer de nvidia', 'se passer de', 'dépendait', 'moins dépendre',
      'réduire la dépendance', 'diversifier ses fournisseurs', 'diversifiés', 'se diversifie', 'diversifient',
      'autonomie stratégique', 'souveraineté technologique', 'pieds et poings liés', 'à la merci de', 'otage de nvidia',
      'sous perfusion', 'multi-fournisseurs', 'double source', 'deuxième source', 'second fournisseur',
      'garder ses options ouvertes', 'plusieurs fers au feu', 'aller voir ailleurs', 'va voir ailleurs', 'autosuffisant',
      'autosuffisance', 'émancipation',
    ],
  },
  {
    id: 'in-house',
    en: [
      'homemade', 'home-made', 'self-designed', 'self-developed', 'internally', 'own-brand', 'own design', 'bespoke', 'diy', 'do-it-yourself', 'roll its own', 'rolling its own', 'first-party', 'vertical integration', 'vertically integrated', 'in-housing', 'self-made', 'make them itself', 'internal chips', 'internal silicon',
      'own chips', 'own processors', 'own silicon', 'own hardware', 'in-house', 'in house', 'inhouse', 'custom', 'homegrown',
      'home-grown', 'proprietary', 'its own chips', 'their own chips', 'chips of its own', 'by itself', 'custom silicon',
      'make its own', 'making its own', 'build its own', 'building its own', 'develop its own', 'developing its own',
      'proprietary silicon', 'design its own', 'own accelerators',
    ],
    fr: [
      'dans son coin', 'dans leur coin', 'de son côté',
      'conçu en interne', 'intégration verticale', 'intégrer verticalement', 'verticalement intégré', 'autoproduit', 'autoproduction', 'en propre',
      'maison', 'propres', 'propre', 'ses propres', 'fait maison', 'sur mesure', 'interne', 'internes', 'lui-même', 'elle-même',
      'eux-mêmes',
    ],
  },
  {
    id: 'supplier',
    en: [
      'supplier', 'suppliers', 'vendor', 'vendors', 'provider', 'foundry', 'fab', 'manufacturer', 'manufacture', 'makes',
      'develop', 'develops', 'developing', 'development', 'design', 'designs', 'designing',
      'working on', 'work on', 'produce',
    ],
    fr: [
      'fournisseur', 'fournisseurs', 'fondeur', 'fabricant', 'fabrique', 'fabriquer', 'fabrik', 'développe', 'développer',
      'développement', 'concevoir', 'conçoit', 'travaille sur', 'travaillent sur', 'construire', 'produire',
    ],
  },
  // What each side gets, and what could go wrong.
  {
    id: 'benefit',
    en: [
      'receive in return', 'receives in return', 'get in return', 'gets in return', 'receive in exchange', 'get in exchange',
      'benefit', 'benefits', 'benefited', 'benefitted', 'gain', 'gains', 'in it for', 'get out of', 'gets out of', 'upside',
      'advantage', 'advantages', 'win', 'wins', 'winner', 'winners', 'good for', 'secures', 'secure', 'obtains', 'obtain',
      'gets', 'profit from', 'profits from', 'helps', 'help', 'boost', 'momentum', 'rode the wave', 'ride the wave', 'riding the wave', 'rode the momentum', 'bull case', 'pros', 'payoff', 'pay off',
      'return', 'returns', 'upside for', 'what’s in it', 'what is in it', 'benefit from', 'winner from', 'what nvidia gets',
      'what openai gets', 'advantageous', 'walk away with', 'walks away with', 'come away with', 'take home', 'takes home',
      'pocket', 'pockets', 'score', 'scores', 'bag', 'bags', 'jackpot', 'win-win', 'good deal for', 'sweet deal',
    ],
    fr: [
      'point positif', 'points positifs', 'aspect positif', 'côté positif',
      'reçoit quoi', 'reçoit en échange', 'obtient en échange', 'touche en échange', 'récupère en échange',
      'sécurise', 'sécurise quoi', 's’assure', 's’assurer', 'débouché', 'débouchés',
      'gagnent', 'y gagnent', 'gagneront', 'gagnera', 'y gagneront',
      'avantage', 'avantages', 'gagner', 'gagne', 'y gagne', 'y gagner', 'gagnant', 'gagnants', 'bénéfice', 'bénéficier',
      'bénéficie', 'profiter', 'profite', 'profité', 'intérêt', 's’assure', 'assure', 'obtient', 'obtenir', 'obtiennent', 'obtiendra', 'obtiendront', 'obtenu', 'aide', 'élan',
      'retombées', 'y gagne quoi', 'qu’est-ce qu’il y gagne', 'qu’est-ce qu’ils y gagnent', 'intérêt pour', 'avantageux',
      'tirer profit', 'tire profit', 'repart avec', 'en retire', 'tire de', 'récupère', 'y gratte', 'gratte', 'grappille',
      'empoche', 'rafle', 'jackpot', 'le gros lot', 'tirer son épingle du jeu', 'tire son épingle', 'bonne affaire',
      'gagnant-gagnant',
    ],
  },
  {
    // "Les analystes saluent l'audace du projet": how the experts greet it, asked as enthusiasm or praise.
    id: 'praise',
    en: [
      'praise', 'praised', 'praises', 'praising', 'hail', 'hailed', 'applaud', 'applauded', 'applauding', 'enthusiastic',
      'impressed', 'boldness', 'bold', 'audacity', 'audacious', 'daring', 'gutsy',
      'thumbs up', 'kudos', 'compliment', 'compliments', 'admire', 'admired', 'welcomed',
    ],
    fr: [
      'saluent', 'saluer', 'salue', 'salué', 'saluée', 'audace', 'audacieux', 'audacieuse', 'enthousiaste', 'enthousiastes',
      'applaudissent', 'applaudir', 'applaudi', 'emballés', 'emballé', 'impressionnés', 'impressionné',
      'louent', 'louer', 'félicitent', 'culot', 'culotté', 'admirent', 'élogieux', 'éloges', 'saluent l’audace',
    ],
  },
  {
    id: 'risk',
    en: [
      'risk', 'risks', 'risky', 'concern', 'concerns', 'concerned', 'mis en garde', 'met en garde', 'mettre en garde', 'mise en garde', 'gripe', 'gripes', 'beef', 'baggage', 'bone of contention', 'sore point', 'sticking point', 'worry', 'worries', 'worried', 'worrying', 'fear', 'fears',
      'danger', 'dangers', 'downside', 'downsides', 'what could go wrong', 'go wrong', 'problem', 'problems', 'issue', 'issues',
      'threat', 'red flag', 'red flags', 'criticism', 'critics', 'skeptics', 'sceptics', 'caveat', 'caveats', 'catch',
      'pitfalls', 'controversy', 'controversial', 'challenges', 'headwinds', 'hurdles', 'obstacles', 'roadblocks', 'bear case',
      'downside risk', 'ethical', 'ethics', 'cons', 'fragile', 'fragility', 'skepticism', 'scepticism', 'sceptical', 'skeptical',
      'doubts', 'doubt', 'warning', 'warnings', 'red light', 'raise the alarm', 'raised the alarm', 'sound the alarm',
      'warning sign', 'alarm bells', 'rings alarm bells', 'complain', 'complains', 'complaining', 'object', 'objects',
      'objecting', 'push back', 'pushback', 'grumble', 'grumbling', 'headache', 'headaches', 'snag', 'snags', 'gotchas', 'scary',
      'dicey', 'sketchy', 'shaky', 'dilemma', 'issues raised', 'questions raised', 'big issues', 'riskier', 'riskiest',
      'drawback', 'weakness', 'vulnerability', 'systemic risk', 'contagion', 'froth', 'frothy', 'overheating', 'house of cards',
      'worrisome', 'alarming', 'troubling', 'qualms', 'reservations', 'misgivings', 'unease', 'nervous', 'jitters', 'jittery',
      'wary', 'warns', 'warned', 'cautioned', 'achilles heel', 'weak spot', 'weak point', 'backlash', 'criticize', 'criticise',
      'criticized', 'criticised',
    ],
    fr: [
      'redoute', 'redouter', 'redoute-t-on', 'redoutée', 'redoutés', 'craint-on',
      'risque', 'risques', 'risqué', 'inquiétude', 'inquiétudes', 'inquiet', 'inquiets', 'inquiéter', 'inquiète',
      'préoccupation', 'préoccupations', 'crainte', 'craintes', 'craindre', 'danger', 'dangers', 'problème', 'problèmes',
      'souci', 'soucis', 'menace', 'critique', 'critiques', 'bémol', 'hic', 'polémique', 'défis', 'défi', 'vents contraires',
      'éthique', 'éthiques', 'inconvénients', 'fragilité', 'fragile', 'scepticisme', 'sceptique', 'doutes', 'doute',
      'mise en garde', 'alerte', 'points faibles', 'sonnette d’alarme', 'tire la sonnette', 'tiré la sonnette',
      'signal d’alarme', 'met en garde', 'mettre en garde', 'tempère', 'tempérer', 'râler', 'râlent', 'râle', 'se plaindre',
      'se plaignent', 'grogne', 'grognent', 'rouspètent', 'contestent', 'casse-tête', 'écueils', 'écueil', 'ça coince',
      'ça pose quel souci', 'pose problème', 'sent le roussi', 'casse-gueule', 'inquiétant', 'flippant', 'c’est chaud',
      'dangereux', 'dilemme', 'enjeux soulevés', 'questions soulevées', 'grands enjeux', 'risquée', 'préoccupant', 'préoccupé',
      'alarmant', 's’alarment', 's’inquiètent', 'mettent en garde', 'avertissement', 'talon d’achille', 'faiblesse',
      'vulnérabilité', 'vulnérable', 'revers de la médaille', 'l’envers du décor', 'zones d’ombre', 'ombre au tableau',
      'épée de damoclès', 'château de cartes', 'réserves', 'émettent des réserves', 'émettre des réserves', 'des réserves', 'réticences', 'méfiance', 'se méfier', 'piège', 'craignent', 'redoutent',
      'redouter', 'peur', 'flippe', 'flippent', 'ça craint', 'chelou', 'louche', 'pas net', 'dérives', 'critiquent',
    ],
  },
  {
    id: 'climate',
    en: [
      'green targets', 'green commitments', 'climate targets', 'sustainability targets',
      'climate', 'climate goals', 'emissions', 'carbon', 'environment', 'environmental', 'green', 'sustainability',
      'sustainable', 'planet', 'ecological', 'esg', 'footprint', 'carbon footprint', 'greenhouse', 'co2', 'net zero', 'net-zero',
      'environmental impact', 'climate impact', 'green goals', 'greenwashing', 'pollution', 'pollute',
    ],
    fr: [
      'engagements environnementaux', 'objectifs environnementaux', 'engagements verts',
      'objectifs verts', 'engagements climatiques',
      'climat', 'climatique', 'climatiques', 'environnement', 'environnemental', 'environnementale', 'émissions', 'carbone',
      'écologie', 'écologique', 'durable', 'planète', 'gaz à effet de serre', 'co2', 'neutralité carbone',
      'impact environnemental', 'impact climatique', 'objectifs climatiques', 'écolo', 'greenwashing', 'pollution', 'polluer',
      'pollue',
    ],
  },
  // Goals.
  {
    id: 'agi',
    en: [
      'agi', 'artificial general intelligence', 'general intelligence', 'human-level', 'human level', 'human intelligence',
      'rival humans', 'as smart as humans', 'smarter than humans', 'as smart as a human', 'human-level intelligence',
      'strong ai', 'super ai', 'smarter than us',
    ],
    fr: [
      'agi', 'iag', 'intelligence artificielle générale', 'intelligence générale', 'ia générale', 'niveau humain',
      'intelligence humaine', 'aussi maligne qu’un humain', 'aussi intelligente qu’un humain', 'aussi intelligent qu’un humain',
      'égaler l’humain', 'rivaliser avec l’intelligence humaine', 'ia forte', 'super ia', 'aussi intelligente que nous',
    ],
  },
  {
    id: 'goal',
    en: [
      'final goal', 'main goal', 'primary goal', 'stated goal', 'stated aim', 'overarching goal', 'ultimate objective', 'final objective', 'long-term vision', 'long-term ambition', 'long-term objective', 'long-term target', 'lofty goals', 'lofty ambitions', 'aspire to', 'strive for', 'striving for', 'set its sights on', 'set their sights on', 'eyes on the prize', 'where are they headed', 'what are they aiming for', 'to what purpose', 'raison d’être',
      'goal', 'goals', 'aim', 'aims', 'aiming', 'target', 'targets', 'targeting', 'ambition', 'ambitions', 'ambitious',
      'objective', 'objectives', 'endgame', 'end game', 'vision', 'long term', 'long-term', 'ultimately', 'end goal', 'heading',
      'mission', 'purpose', 'north star', 'ultimate aim', 'ultimate goal', 'long run', 'in the long run', 'end state',
      'big picture goal', 'aspiration', 'aspirations', 'dream', 'what’s the point', 'what is the point', 'point of', 'what for',
      'why all this', 'holy grail', 'grail', 'final boss', 'gunning for', 'shooting for', 'going for', 'aimed', 'aimed at',
      'aiming for', 'long-term goal', 'long-term aim', 'grand plan', 'grand vision', 'moonshot', 'trying to achieve',
      'hope to achieve', 'seeks to', 'seeking to', 'striving', 'quest', 'dreams of', 'the point of', 'what are they after',
      'endgoal', 'what is it for', 'what s it for', 'what s it all for', 'purpose of', 'stated purpose', 'to what end',
      'what do they want to build', 'what are they building', 'what do they want to do with', 'circled', 'pencilled in',
      'penciled in', 'earmarked', 'in their sights', 'sights set on',
    ],
    fr: [
      'objectif ultime', 'objectif principal', 'but principal', 'but final', 'but visé', 'objectif visé', 'objectifs ambitieux', 'vision à long terme', 'ambition à long terme', 'objectif à long terme', 'ce qu’ils visent', 'où veulent-ils aller', 'où ils veulent aller', 'visait', 'aspire à', 'aspirent à', 'le but ultime', 'raison d’être', 'à quoi ça rime', 'vise à terme', 'objectif de long terme',
      'faire quoi avec', 'veut faire quoi', 'fera quoi avec', 'va faire quoi avec', 'servira à quoi',
      'objectif', 'objectifs', 'but', 'ambition', 'ambitions', 'ambitieux', 'viser', 'vise', 'visent', 'à terme', 'long terme',
      'cible', 'finalité', 'mission', 'en arriver', 'objectif final', 'but ultime', 'à long terme', 'sur le long terme',
      'ambition ultime', 'rêve', 'horizon', 'à quoi ça sert', 'à quoi bon', 'à quoi sert', 'pour quoi faire', 'graal',
      'saint-graal', 'le graal', 'boss final', 'vise quoi', 'visent quoi', 'veut taper', 'cherche à atteindre', 'but du jeu',
      'en ligne de mire', 'dans le viseur', 'visées', 'visera', 'ambitionne', 'ambitionner', 'ambitionnent', 'rêve de',
      'rêvent de', 'objectif affiché', 'ambition affichée', 'quête', 'la quête de', 'veut en venir', 'où veut en venir',
      'le but c’est', 'dessein', 'à quoi va servir', 'à quoi doit servir', 'à quoi servira', 'à quoi vont servir',
      'à quoi doivent servir', 'servir à quoi', 'sert à quoi', 'ça sert à quoi', 'dans quel but', 'à quelle fin',
    ],
  },
  {
    id: 'future',
    en: [
      'future', 'tomorrow', 'outlook', 'next', 'ahead', 'coming years', 'later', 'beyond', 'after that', 'end of the decade',
      'by the end of the decade', 'decade', 'long-range', 'long range',
    ],
    fr: [
      'avenir', 'demain', 'perspectives', 'perspective', 'ensuite', 'suite', 'au-delà', 'et après', 'prochaines années',
      'fin de la décennie', 'd’ici la fin de la décennie', 'décennie', 'à long terme',
    ],
  },
  {
    id: 'models',
    en: [
      'language model', 'fine-tuning', 'fine-tune', 'finetuning', 'pretrain', 'pre-train', 'pretrained', 'model serving', 'serve models', 'serving models', 'inferencing', 'ai training', 'ai inference', 'training workloads', 'ai workloads', 'generative models', 'generative ai models', 'reasoning models', 'multimodal models', 'train and run',
      'models', 'model', 'train', 'training', 'inference', 'ai models', 'run models', 'running models', 'llm',
      'large language model', 'frontier models', 'foundation models', 'model training', 'train models', 'training runs',
      'pretraining', 'pre-training', 'inference workloads', 'run inference', 'trained', 'workloads', 'neural networks',
      'neural nets',
    ],
    fr: [
      'entraînée', 'entraîner des modèles', 'entraînement des modèles', 'faire tourner des modèles', 'faire tourner les modèles', 'fine-tuning', 'affinage', 'réglage fin', 'charges de travail', 'charges de travail ia', 'modèles génératifs', 'modèles de raisonnement', 'pré-entraîner', 'préentraînement', 'réseaux neuronaux', 'former et exécuter',
      'modèles', 'modèle', 'former', 'entraîner', 'entraînement', 'exécuter', 'llm',
      'grands modèles de langage', 'modèles de langage', 'modèles d’ia', 'modèles d’intelligence artificielle',
      'modèles de fondation', 'modèles frontières', 'entraîne', 'entraînent', 'entraînera', 'former des modèles',
      'formation des modèles', 'inférence', 'exécuter des modèles', 'réseaux de neurones', 'pré-entraînement',
    ],
  },
  {
    id: 'economy',
    en: [
      'global economy', 'world economy', 'us economy', 'american economy', 'broader economy', 'the broader economy', 'economy of the future', 'tomorrow’s economy', 'basis of the economy', 'foundation of the economy', 'backbone of the economy', 'bedrock of the economy', 'economic engine', 'macro economy', 'gross domestic product', 'digital economy', 'ai economy', 'real economy', 'economic backbone', 'economic foundation',
      'economy', 'economic', 'economics', 'economically', 'gdp', 'macroeconomic', 'economic growth', 'economy of tomorrow',
      'future economy', 'economic impact', 'wider economy',
    ],
    fr: [
      'économie mondiale', 'économie américaine', 'économie du futur', 'économie de l’avenir', 'économie numérique', 'macroéconomie', 'produit intérieur brut', 'base de l’économie', 'socle de l’économie', 'fondement de l’économie', 'moteur de l’économie', 'moteur économique', 'pilier de l’économie', 'colonne vertébrale de l’économie', 'économie réelle', 'conjoncture', 'conjoncture économique', 'économie de l’ia',
      'économie', 'économique', 'économiquement', 'pib', 'macroéconomique', 'croissance économique', 'l’économie de demain',
      'tissu économique', 'impact économique',
    ],
  },
  {
    id: 'shock',
    en: [
      'earthquake', 'shock', 'shockwave', 'game changer', 'game-changer', 'big deal', 'huge', 'historic', 'unprecedented',
      'record-breaking', 'biggest', 'never seen', 'hype', 'overhyped', 'buzz', 'a big deal', 'hot air', 'smoke and mirrors',
      'vaporware', 'why is everyone talking', 'everyone talking about', 'big news', 'such a big deal', 'bombshell',
      'blockbuster', 'landmark', 'watershed', 'watershed moment', 'seismic', 'seismic shift', 'earth-shattering',
      'groundbreaking', 'mind-blowing', 'jaw-dropping', 'eye-popping', 'eye-watering', 'staggering', 'massive deal', 'huge deal',
      'monster deal', 'whopping', 'paradigm shift', 'turning point', 'tectonic', 'largest ever', 'unheard of',
      'first of its kind', 'unparalleled', 'record-setting', 'historic deal', 'overblown', 'hyped', 'publicity stunt',
      'marketing stunt', 'all hype', 'just hype', 'nothingburger',
      'past deals', 'past tech deals', 'previous deals', 'earlier deals', 'deals before it', 'compared with past',
    ],
    fr: [
      'séisme', 'choc', 'tremblement de terre', 'révolution', 'historique', 'inédit', 'inédite', 'jamais vu', 'énorme',
      'colossal', 'colossale', 'hype', 'buzz', 'battage', 'effet d’annonce', 'du flan', 'du vent', 'du pipeau', 'bidon',
      'esbroufe', 'pourquoi on en parle', 'grosse nouvelle', 'si important', 'pourquoi ça compte', 'onde de choc',
      'coup de tonnerre', 'bombe', 'révolutionnaire', 'sans précédent', 'du jamais-vu', 'gigantesque', 'monstrueux',
      'ce qui s’est déjà fait', 'déjà fait', 'déjà vu', 'ce qu’on a déjà vu', 'les précédents', 'précédents accords', 'accords passés',
      'titanesque', 'pharaonique', 'démesuré', 'hallucinant', 'dingue', 'de ouf', 'un truc de fou', 'changement de paradigme',
      'change la donne', 'coup de com', 'coup de pub', 'opération de com', 'poudre aux yeux', 'pétard mouillé',
    ],
  },
  {
    id: 'impact',
    en: [
      'ousted', 'pushed aside', 'cut out', 'edged out',
      'get eaten', 'eaten alive', 'get crushed', 'get steamrolled', 'get swallowed',
      'hit hard', 'hard hit', 'body blow', 'gut punch', 'kick in the teeth', 'blow to', 'takes a beating', 'boxed out', 'elbowed out', 'squeezed out', 'hemmed in', 'boxed in', 'wiggle room', 'leeway', 'elbow room', 'breathing room', 'less room', 'collateral damage', 'casualties', 'who loses', 'who gets hurt', 'who suffers', 'pay the price', 'on the ropes', 'feel the pinch', 'feeling the heat', 'feel the heat', 'domino effect', 'what it means for', 'what that means for', 'in a tough spot', 'dead in the water', 'upend', 'upended', 'redraws the map', 'reshuffle', 'reshuffles the deck', 'reshaping', 'redefining', 'disrupt', 'disrupted', 'less leeway', 'getting squeezed',
      'in deep trouble',
      'hard blow', 'blow', 'hurt', 'hurts', 'harm', 'bad news', 'setback', 'squeeze', 'squeezed', 'pressure',
      'room for manoeuvre', 'room for maneuver', 'room to manoeuvre', 'losers', 'loser', 'lose out', 'loses', 'suffer', 'threat',
      'make life tougher', 'make life harder', 'make life difficult', 'tougher for', 'harder for', 'stand to lose', 'stands to lose',
      'threatened', 'impact', 'impacted', 'affected', 'affect', 'affects', 'in trouble', 'in hot water', 'screwed', 'struggle',
      'squeeze out', 'reduced', 'what does it mean for', 'what does this mean for', 'what happens to', 'redefine', 'redefined',
      'reshape', 'reshaped', 'transform', 'transforms', 'rewrite', 'consequences', 'implications', 'fallout', 'effect on',
      'shake-up', 'shake up', 'shakeup', 'upheaval', 'disruption', 'disruptive', 'big change', 'shrink', 'shrinks', 'shrinking',
      'narrow', 'narrows', 'narrowing', 'smaller', 'sucker', 'patsy', 'left holding the bag', 'trampled', 'steamrolled', 'toast',
      'cooked', 'left behind', 'sidelined', 'out in the cold', 'hurting', 'hurt by', 'harmed', 'disadvantage', 'disadvantaged',
      'at a disadvantage', 'worse off', 'losing out', 'lost out', 'squeezing', 'crowded out', 'crowd out', 'pushed out',
      'shut out', 'frozen out', 'knock-on effects', 'knock-on', 'ripple effects', 'spillover', 'repercussions', 'ramifications',
      'affecting', 'impacting', 'bad news for', 'bad for', 'game over for', 'in a bind', 'on the back foot', 'under pressure',
      'hamstrung', 'marginalized', 'marginalised', 'out of the game', 'rekt', 'good news',
      'takes the hit', 'take the hit', 'took the hit', 'taking the hit', 'bears the brunt', 'bear the brunt',
    ],
    fr: [
      'évincé', 'évincée', 'évincer', 'mis à l’écart', 'mise à l’écart', 'écarté', 'écartée',
      'met la pression', 'mettre la pression', 'mettent la pression', 'sous pression', 'mis sous pression',
      'se faire bouffer', 'se faire manger', 'se faire écraser', 'bouffés', 'mangés tout crus', 'se faire avaler',
      'encaisser', 'encaisse le coup', 'en pâtir', 'pâtir', 'pâtit', 'pâtissent', 'souffrent', 'souffre', 'souffrira', 'victimes', 'dommages collatéraux', 'les grands perdants', 'grand perdant', 'qui trinque', 'effet domino', 'effet boule de neige', 'contrecoup', 'moins de marge', 'moins de latitude', 'coudées franches', 'peau de chagrin', 'réduite à peau de chagrin', 'coincée', 'étranglés', 'asphyxiés', 'pris en étau', 'en étau', 'acculés', 'mis sur la touche', 'sur la touche', 'relégués', 'marginalisé', 'dans le trouble', 'mal pris', 'ça fait mal', 'chamboule', 'redessine', 'redessiner', 'ça change quoi pour', 'qu’est-ce que ça change', 'quel effet', 'quelles conséquences', 'impactée', 'affectée', 'touchée', 'menacée', 'fragilisé', 'affaiblis', 'se prendre une claque', 'prend une claque', 'camouflet', 'dans la mélasse',
      'dans la marde', 'dans la merde', 'dans de beaux draps',
      'se faire tasser', 'tassés', 'tasser', 'se faire bousculer', 'bousculés',
      'coup dur', 'un coup dur', 'mal', 'pénalise', 'pénaliser', 'pénalisé', 'souffrir', 'trinquer', 'trinque',
      'marge de manœuvre', 'perdants', 'perdant', 'menace', 'menacé', 'impact', 'impacté', 'touché', 'touchés', 'affecté',
      'affectés', 'dans la sauce', 'dans le pétrin', 'mal barré', 'mal barrés', 'en difficulté', 'en danger', 'en souffrance',
      'réduite', 'réduit', 'devient quoi', 'redéfinir', 'redéfini', 'redéfinie', 'transformer', 'bouleverser', 'bouleverse',
      'conséquences', 'conséquence', 'répercussions', 'effet sur', 'bouleversement', 'chamboulement', 'rétrécir', 'se réduire',
      'fondre', 'à l’étroit', 'serrés', 'étouffés', 'étouffer', 'coincés', 'dindon de la farce', 'pigeon',
      'se fait marcher dessus', 'marcher dessus', 'le perdant', 'les perdants', 'à la peine', 'dans le dur', 'galère', 'il risque quoi', 'risque quoi', 'risquent quoi', 'compliquer la vie', 'plus dur pour', 'plus difficile pour', 'qui perd', 'qui perdent', 'qui y perd',
      'galèrent', 'dans la panade', 'dans la mouise', 'à la ramasse', 'largués', 'largué', 'pénalisée', 'pénalisent', 'handicap',
      'handicapant', 'désavantage', 'affaibli', 'affaiblit', 'coup de massue', 'coup de grâce', 'douche froide', 'prend cher',
      'prendre cher', 'morfler', 'morfle', 'déguster', 'trinquent', 'paient les pots cassés', 'pots cassés', 'ça sent le sapin',
      'à la traîne', 'distancés', 'hors jeu', 'hors course', 'impacter', 'affecter', 'rebattre les cartes', 'rebat les cartes',
      'redistribuer les cartes', 'mauvaise nouvelle', 'bonne nouvelle', 'mauvaises nouvelles', 'une mauvaise nouvelle', 'y laisser des plumes',
      'laisser des plumes', 'perdre des plumes',
    ],
  },
  {
    id: 'regulation-balance',
    en: [
      'balancing', 'balance between', 'balancing innovation', 'juggle', 'juggling', 'juggling act', 'walk a tightrope', 'walking a tightrope', 'innovate', 'innovating', 'stifle innovation', 'stifling innovation', 'kill innovation', 'hurt innovation', 'free and fair competition', 'open competition', 'healthy competition', 'even playing field', 'level the playing field', 'uneven playing field', 'fairer competition', 'middle ground', 'happy medium', 'weigh innovation against',
      'balance', 'innovation', 'fair competition', 'fairness', 'arbitrate', 'strike a balance', 'trade-off', 'tradeoff',
      'balancing act', 'level playing field', 'fair play', 'competitive fairness', 'balance innovation',
      'strike the right balance', 'find a balance', 'fine line', 'tightrope', 'decide between', 'choose between', 'weigh up',
    ],
    fr: [
      'trancher', 'trancheront', 'tranchent', 'devront trancher',
      'équilibrer', 'équilibrage', 'trouver un équilibre', 'ménager la chèvre et le chou', 'la chèvre et le chou', 'jeu d’équilibriste', 'équilibriste', 'funambule', 'sur la corde raide', 'corde raide', 'étouffer l’innovation', 'freiner l’innovation', 'brider l’innovation', 'tuer l’innovation', 'saine concurrence', 'concurrence saine', 'concurrence juste', 'jeu équitable', 'terrain de jeu équitable', 'mêmes règles pour tous', 'juste milieu', 'jongler entre', 'soupeser', 'peser le pour et le contre', 'arbitrera entre', 'équité de la concurrence',
      'arbitrer', 'équilibre', 'innovation', 'équité', 'équité concurrentielle', 'concurrence loyale', 'arbitrage entre',
      'arbitrent', 'arbitrera', 'trouver l’équilibre', 'trouver le bon équilibre', 'juste équilibre', 'concurrence équitable',
      'concurrence libre et non faussée', 'innover', 'compromis', 'à armes égales', 'règles du jeu équitables', 'trancher entre', 'devoir trancher', 'devront trancher', 'choisir entre', 'impératifs',
    ],
  },
  // People by role.
  {
    id: 'ceo',
    role: true,
    en: [
      'executive', 'executives', 'exec', 'execs', 'top executive', 'senior executive',
      'who’s running', 'who is running', 'top guy', 'top dog', 'top brass', 'helms', 'runs the show', 'running the show', 'calls the shots at',
      'ceo', 'chief executive', 'chief executive officer', 'boss', 'head', 'chief', 'runs', 'run by', 'in charge', 'top boss',
      'big boss', 'leads', 'heads', 'at the helm',
    ],
    fr: [
      'cadre dirigeant', 'haut dirigeant', 'hauts dirigeants', 'dirigeants',
      'à la tête de', 'aux commandes', 'tient la barre', 'grand chef', 'le boss de', 'numéro un de',
      'pdg', 'p-dg', 'patron', 'patronne', 'dirigeant', 'dirigeante', 'chef', 'directeur général', 'dg', 'grand patron', 'boss',
      'dirige', 'diriger', 'à la tête', 'dirigé par',
    ],
  },
  {
    id: 'loyalty',
    en: [
      'keep', 'keeps', 'keeping', 'maintain', 'maintains', 'stick with', 'sticks with', 'stay with', 'stays with', 'still with',
      'still working with', 'drop', 'drops', 'ditch', 'ditches', 'dump', 'dumps', 'abandon', 'walk away from', 'loyal',
      'remains with', 'remain partners', 'still partners', 'continue working with', 'continues to work with', 'maintained',
      'maintaining', 'abandoned', 'abandoning', 'walked away from', 'cut ties', 'cutting ties', 'part ways', 'parting ways',
      'parted ways', 'break up', 'breakup', 'split with', 'divorce', 'faithful', 'loyalty', 'stays loyal',
      'ends the partnership',
    ],
    fr: [
      'maintient', 'maintenir', 'garde', 'garder', 'reste avec', 'fidèle', 'lâche', 'lâcher', 'abandonne', 'abandonner',
      'encore dans le coup', 'toujours dans le coup', 'toujours avec', 'encore avec', 'maintenu', 'maintiennent', 'maintiendra',
      'gardent', 'conserve', 'conserver', 'reste fidèle', 'restent fidèles', 'fidélité', 'rester avec', 'restent avec',
      'abandonnent', 'plaquer', 'rompre avec', 'rompt avec', 'rupture', 'divorce', 'divorcer', 'se sépare de', 'se séparer de',
      'tourne le dos', 'tourner le dos', 'laisse tomber', 'laisser tomber', 'toujours partenaire', 'encore partenaires',
      'reste partenaire', 'poursuit son partenariat',
    ],
  },
  {
    id: 'significance',
    vague: true,
    en: [
      'what are the stakes', 'high stakes', 'why should i care', 'why care', 'why should we care', 'who cares', 'consequential', 'noteworthy', 'why is this important', 'why is it important', 'why is it significant', 'what’s the significance', 'how important', 'how significant', 'key takeaway', 'takeaway', 'signify', 'crucial', 'pivotal',
      'matters', 'matter', 'why it matters', 'why this matters', 'why does it matter', 'significance', 'significant',
      'important', 'importance',
    ],
    fr: [
      'signification', 'significatif', 'significative', 'pourquoi c’est important', 'en quoi c’est important', 'en quoi ça compte', 'en quoi ça importe', 'crucial', 'déterminant', 'décisif', 'décisive', 'quels enjeux', 'à retenir', 'ce qu’il faut retenir', 'à quel point c’est important', 'pourquoi on devrait s’y intéresser',
      'compte', 'importe', 'important', 'importance', 'pourquoi ça compte', 'enjeu', 'enjeux', 'portée',
    ],
  },
  {
    id: 'strategy',
    vague: true,
    en: [
      'tactical', 'master plan', 'chess move', 'chess game', 'power play', 'power move', 'strategic move', 'calculated move', 'calculated bet', 'long-term play', 'what’s the play', 'playing chess', 'masterstroke', 'strategic bet', 'strategic shift', 'strategic pivot', 'pivot', 'gambit', 'maneuver', 'manoeuvre', 'maneuvering', 'manoeuvring', 'motive', 'motivation', 'reasoning', 'the logic', 'blueprint', 'strategize', 'strategise', 'why are they doing this',
      'strategy', 'strategic', 'approach', 'game plan', 'playbook', 'strategically', 'tactic', 'gameplan', 'long game',
      'playing the long game', 'positioning', 'rationale', 'logic behind', 'thinking behind', 'reasoning behind',
    ],
    fr: [
      'stratège', 'coup d’échecs', 'coup tactique', 'manœuvre', 'pari stratégique', 'positionnement', 'se positionner', 'motivation', 'la logique', 'quelle logique', 'plan d’attaque', 'stratégie d’ensemble', 'vision stratégique', 'orientation stratégique', 'virage stratégique', 'pivot', 'jouer aux échecs', 'joue aux échecs', 'joue le long terme', 'jouer le long terme', 'coup de poker', 'dessous des cartes', 'pourquoi font-ils ça',
      'stratégie', 'stratégique', 'approche', 'démarche', 'stratégies', 'stratégiquement', 'tactique', 'plan de match',
      'coup stratégique', 'calcul stratégique', 'partie d’échecs', 'la logique derrière', 'raisonnement',
    ],
  },
  {
    id: 'lead',
    role: true,
    attribute: true,
    en: [
      'project manager', 'program manager', 'programme manager', 'project director', 'program director', 'programme director', 'team lead', 'team leader', 'heading up', 'headed up', 'heading the project', 'leads the project', 'led the project', 'running the project', 'runs the program', 'oversees the project', 'overseeing the project', 'who oversees', 'steers the project', 'point man', 'point woman', 'quarterbacking', 'project owner', 'helming the project', 'at the helm of the project',
      'leads the', 'heads the', 'in charge of', 'runs the project', 'project lead', 'leading the project', 'who is leading',
      'who leads', 'leading', 'heads up', 'running the team', 'project leader', 'project head', 'head of the project',
      'program lead', 'programme lead', 'spearhead', 'spearheading', 'spearheaded', 'point person', 'steering the project',
      'driving the project',
    ],
    fr: [
      'cheffe du projet', 'directeur de projet', 'directrice de projet', 'directeur du projet', 'directrice du projet', 'directeur de programme', 'directrice de programme', 'responsable de projet', 'responsable de programme', 'qui chapeaute', 'qui pilote le projet', 'qui porte le projet', 'pilotera', 'chapeautée par', 'supervisé par', 'supervisée par', 'qui supervise', 'gère le projet', 'qui gère le projet', 'mène la barque', 'qui mène la barque', 'tient les rênes du projet', 'à la tête du projet', 'chef d’équipe', 'cheffe d’équipe', 'coordonnateur', 'coordonnatrice', 'coordinateur', 'coordinatrice',
      'pilote', 'pilote le', 'piloter', 'chef de projet', 'responsable du projet', 'en charge de', 'qui mène', 'mène le projet',
      'pilotée par', 'piloté par', 'pilotent', 'chapeaute', 'chapeauter', 'chapeauté par', 'responsable du programme',
      'cheffe de projet', 'chef du projet', 'porte le projet', 'porteur du projet', 'aux commandes du projet',
      'supervise le projet', 'qui pilote',
    ],
  },
  {
    id: 'negotiation',
    attribute: true,
    en: [
      'dealmaker', 'deal maker', 'who brokered', 'mediated', 'mediator', 'go-between', 'intermediary', 'worked out the deal', 'put the deal together', 'put together the deal', 'pulled off the deal', 'bargained', 'horse-trading', 'wheeling and dealing', 'back-channel', 'backchannel', 'talks between', 'negotiation process', 'months of talks', 'in discussions', 'tough negotiations', 'talks began', 'talks started',
      'negotiated', 'negotiate', 'negotiating', 'negotiator', 'negotiators', 'negotiation', 'negotiations', 'brokered', 'broker',
      'hammered out', 'in talks', 'held talks', 'deal talks', 'bargaining', 'haggle', 'haggled', 'haggling', 'dealmaking',
      'deal-making', 'brokering', 'hammer out', 'hammering out', 'struck a deal', 'strike a deal', 'cut a deal', 'cut the deal',
      'negotiating table', 'discussions', 'orchestrated the deal',
    ],
    fr: [
      'négociera', 'négociés', 'négo', 'la négo', 'marchandé', 'âpres négociations', 'dur en affaires', 'a mené les négociations', 'mené les négociations', 'mené les discussions', 'médiateur', 'médiatrice', 'entremetteur', 'monté l’accord', 'qui a monté l’accord', 'palabres', 'discussions ont commencé', 'négociations ont duré', 'ficelé l’accord',
      'négocié', 'négocier', 'négociateur', 'négociateurs', 'négociation', 'négociations', 'ficelé', 'négocient', 'négociée',
      'négociatrice', 'pourparlers', 'tractations', 'marchandage', 'marchander', 'âprement négocié', 'bras de fer', 'ficeler',
      'a ficelé', 'monté le deal', 'a monté le deal', 'orchestré', 'table des négociations', 'en discussion', 'en pourparlers',
      'en négociation',
    ],
  },
  {
    id: 'analyst',
    role: true,
    en: [
      'street analysts', 'buy-side analyst', 'equity research', 'research note', 'analyst note', 'analyst report', 'analyst commentary', 'analysts say', 'analyst take', 'analyst view', 'analyst reaction', 'market experts', 'finance experts', 'financial analysts', 'stock analysts', 'tech analyst', 'semis analyst', 'wall street experts', 'wall street pros', 'talking heads', 'market pundits',
      'analyst', 'analysts', 'wall street analyst', 'sell-side', 'research analyst', 'expert', 'experts', 'observers', 'pundits',
      'bernstein analyst', 'sell-side analyst', 'market watchers', 'wall street analysts', 'equity analyst', 'industry analyst',
      'market analyst', 'chip analyst', 'semiconductor analyst', 'wall st analyst', 'commentators', 'market commentators',
      'market strategist', 'industry watchers', 'industry observers',
      // The analyst's firm, named by its trade: "which research firm is quoted?" is the analyst's quote.
      'research firm', 'research house', 'which research house', 'what research house', 'research shop', 'brokerage', 'broker', 'investment research',
    ],
    fr: [
      'analyste de marché', 'analyste boursier', 'analyste actions', 'analyste tech', 'observatrice', 'commentatrice', 'experts financiers', 'spécialistes des marchés', 'analyste de wall street', 'note d’analyste', 'note de recherche', 'analyste sectorielle', 'les pros de la finance', 'spécialistes de la bourse',
      'analyste', 'analystes', 'expert', 'experts', 'observateurs', 'spécialiste', 'analyste de bernstein', 'spécialistes',
      'observateurs du marché', 'le mec de bernstein', 'le gars de bernstein', 'le type de bernstein', 'analyste financier',
      'analystes du secteur', 'analyste sectoriel', 'spécialistes du secteur', 'commentateurs', 'experts du secteur',
      'analyste chez bernstein', 'stratégiste', 'spécialiste des semi-conducteurs',
      'bureau d’études', 'bureau d’analyse', 'quel bureau d’études', 'maison de recherche', 'quelle maison de recherche', 'société d’analyse', 'maison de courtage', 'courtier', 'société de recherche', 'cabinet d’analyse',
    ],
  },
  {
    id: 'lawyer',
    role: true,
    en: [
      'legal eagle', 'competition attorney', 'litigator', 'trial lawyer', 'legal scholar', 'legal analyst', 'antitrust specialist', 'legal specialist', 'the antitrust guy',
      'law office', 'law practice', 'legal practice',
      'lawyer', 'lawyers', 'attorney', 'counsel', 'legal expert', 'antitrust expert', 'antitrust lawyer', 'jurist', 'law firm',
      // An expert may be the lawyer as much as the analyst: both are quoted as experts.
      'expert', 'experts',
      'legal', 'legal counsel', 'antitrust attorney', 'competition lawyer', 'barrister', 'solicitor', 'lawyers say',
    ],
    fr: [
      'avocat spécialisé', 'avocat spécialisé en concurrence', 'avocat en droit antitrust', 'avocat de la concurrence', 'homme de loi', 'ténor du barreau', 'avocat-conseil', 'spécialiste du droit antitrust', 'expert en concurrence', 'juriste spécialisé',
      'avocat', 'avocats', 'avocate', 'juriste', 'expert juridique', 'expert antitrust', 'spécialiste antitrust', 'cabinet',
      'expert', 'experts', 'spécialiste', 'spécialistes', 'spécialiste de l’antitrust', 'spécialiste de la concurrence',
      'juridique', 'droit', 'avocat d’affaires', 'avocat en droit de la concurrence', 'avocat antitrust',
      'spécialiste du droit de la concurrence', 'expert en droit', 'cabinet d’avocats',
    ],
  },
  // A person's life outside what they said: the article gives a role and a quote, never a biography.
  {
    id: 'biography',
    attribute: true,
    en: [
      'year of birth', 'date of birth', 'birth date', 'where was he born', 'where was she born', 'grew up', 'childhood', 'college', 'dropped out', 'college dropout', 'graduated', 'graduate of', 'phd', 'mba', 'diploma', 'spouse', 'wife', 'husband', 'personal life', 'private life', 'where does he live', 'where does she live', 'nationality', 'biography', 'bio', 'life story', 'career', 'cv', 'previous job', 'compensation', 'pay package', 'how rich', 'how wealthy', 'billionaire', 'personal fortune', 'wealth', 'years old', 'cases won', 'won cases',
      'how old', 'age', 'born', 'birthday', 'birthplace', 'studied', 'education', 'degree', 'university', 'went to school',
      'alma mater', 'net worth', 'salary', 'married', 'track record', 'hometown',
    ],
    fr: [
      'âgé de', 'il a quel âge', 'elle a quel âge', 'née', 'lieu de naissance', 'ville natale', 'enfance', 'études supérieures', 'a étudié', 'école', 'fac', 'la fac', 'cursus', 'parcours scolaire', 'doctorat', 'mba', 'époux', 'mari', 'enfants', 'vie privée', 'vie perso', 'biographie', 'bio', 'cv', 'son cv', 'carrière', 'sa carrière', 'rémunération', 'milliardaire', 'patrimoine', 'fortune personnelle', 'nationalité', 'habite où', 'où il habite', 'originaire de', 'il vient d’où', 'dossiers plaidés', 'affaires plaidées',
      'quel âge', 'âge', 'date de naissance', 'naissance', 'fait ses études', 'études', 'diplôme', 'diplômé', 'diplômée',
      'université', 'salaire', 'fortune', 'marié', 'mariée', 'affaires gagnées', 'dossiers gagnés', 'palmarès', 'vit où', 'habite',
    ],
  },
  {
    id: 'founder',
    role: true,
    attribute: true,
    en: [
      'founding members', 'founding team', 'who founded', 'who created', 'set up in', 'set up by', 'established by', 'incorporated in', 'date of incorporation', 'founding father', 'founded back in', 'how old is the company', 'company age',
      'founder', 'founders', 'founded', 'co-founder', 'cofounder', 'created by', 'created', 'founded in', 'year founded',
      'when was openai founded', 'started in', 'founded by', 'co-founded', 'cofounded', 'founding year', 'year of founding',
      'when was it founded', 'when was it created', 'founding date', 'date of founding', 'established in', 'started by',
    ],
    fr: [
      'fondée quand', 'fondé quand', 'créée quand', 'créé quand', 'quand a été créée', 'quand a été fondée', 'qui l’a fondée', 'qui l’a créée', 'année de fondation', 'membres fondateurs', 'pères fondateurs', 'équipe fondatrice', 'existe depuis quand', 'depuis quand existe', 'âge de l’entreprise', 'immatriculée',
      'fondateur', 'fondateurs', 'fondé', 'fondée', 'cofondateur', 'créé par', 'créé', 'créée', 'fondée en', 'création',
      'année de création', 'fondatrice', 'cofondatrice', 'co-fondateur', 'fondé par', 'fondée par', 'fondé en', 'créée par',
      'créée en', 'créé en', 'date de création', 'date de fondation', 'a fondé', 'ont fondé', 'qui a fondé', 'qui a créé',
    ],
  },
  {
    id: 'cfo',
    role: true,
    attribute: true,
    en: [
      'chief financial', 'finance boss', 'head of finance', 'finance head', 'treasurer', 'cio', 'chief information officer', 'chief marketing officer', 'cmo', 'chief product officer', 'chief legal officer', 'general counsel', 'chief strategy officer', 'chief ai officer', 'chief research officer', 'senior vp', 'head of communications', 'communications director', 'press officer', 'press secretary', 'executive team', 'leadership team', 'management team', 'chairmen', 'chairwomen',
      'cfo', 'chief financial officer', 'finance chief', 'cto', 'chief technology officer', 'coo', 'chairman', 'chairwoman',
      'chair', 'president', 'board member', 'spokesperson', 'spokesman', 'chairing', 'chairs', 'chaired', 'chairperson',
      'chief operating officer', 'chief technical officer', 'finance director', 'chair of the board', 'board chair',
      'board chairman', 'vice president', 'vp', 'evp', 'executive vice president', 'senior vice president', 'spokeswoman',
      'spokespeople', 'top brass', 'chief scientist',
    ],
    fr: [
      'responsable financier', 'directeur administratif et financier', 'directrice administrative et financière', 'trésorier', 'directeur juridique', 'directrice juridique', 'directeur de la stratégie', 'directrice de la stratégie', 'directeur marketing', 'directrice marketing', 'directeur de la communication', 'directrice de la communication', 'dircom', 'responsable de la communication', 'attaché de presse', 'attachée de presse', 'équipe dirigeante', 'état-major', 'haute direction', 'cadres supérieurs', 'chef de la direction financière', 'cheffe de la direction financière', 'vice-président aux finances', 'chef des finances', 'grand argentier', 'directeur des technologies', 'directrice des technologies', 'chef de la technologie', 'directeur de l’exploitation', 'chef de l’exploitation', 'directrice scientifique',
      'directeur financier', 'daf', 'directeur technique', 'président', 'présidente', 'porte-parole', 'membre du conseil',
      'préside', 'présidée par', 'directrice financière', 'directrice technique', 'cfo', 'cto', 'coo',
      'directeur des opérations', 'directrice des opérations', 'directeur scientifique', 'président du conseil',
      'vice-président', 'vp', 'comité exécutif', 'comex', 'codir', 'cadres dirigeants', 'directeur des finances',
    ],
  },
  // Attributes a deal's facts may not give: asking for them is the focus of a question.
  {
    id: 'unit-price',
    attribute: true,
    en: [
      'price per', 'cost per', 'per unit', 'per chip', 'per gpu', 'per share', 'a share', 'unit price', 'unit cost', 'each chip',
      'each gpu', 'price of a', 'cost of a', 'cost to build', 'price of one', 'how much does a', 'how much does one',
      'share price in dollars', 'trading at', 'price target', 'each tranche', 'each payment', 'each installment',
      'price of each', 'cost of each', 'per piece', 'apiece', 'how much each', 'how much is each', 'how much does each',
      'each one cost', 'per card', 'per system', 'per rack', 'per server', 'unit economics', 'average selling price', 'a pop',
      'price each', 'closing price', 'closing level', 'per kwh', 'kwh', 'kilowatt-hour', 'electricity price', 'electricity prices',
      'power prices', 'gpu prices', 'chip prices', 'price of gpus', 'price of chips', 'prices of gpus',
      'prices of chips', 'price of the chips', 'price of the gpus',
      // Where a share closed or trades, in money: the article gives moves in percent only.
      'closed in dollars', 'closed at', 'trading volume', 'volume traded',
      'shares traded', 'how many shares traded',
    ],
    fr: [
      'prix par', 'coût par', 'prix unitaire', 'coût unitaire', 'par action', 'par puce', 'par gpu', 'prix d’une', 'prix d’un',
      'coût d’une', 'coût d’un', 'combien coûte une', 'combien coûte un', 'cours en dollars', 'objectif de cours', 'chaque gpu',
      'chaque puce', 'chaque tranche', 'chaque versement', 'chaque carte', 'l’unité', 'à l’unité', 'par carte', 'par serveur',
      'par rack', 'combien coûte chaque', 'combien coûtent les', 'combien vaut une', 'combien vaut un', 'prix de vente moyen',
      'la pièce', 'prix à la pièce', 'le kwh', 'par kwh', 'kwh', 'prix de l’électricité', 'tarif de l’électricité', 'cours de clôture',
      'à combien cote', 'combien cote', 'cote à combien', 'volume d’échanges', 'volume des échanges', 'volume de transactions', 'titres échangés', 'clôturé à', 'a clôturé à', 'prix des gpu', 'prix des puces', 'prix des processeurs', 'prix des cartes graphiques',
    ],
  },
  {
    id: 'pricing',
    attribute: true,
    en: [
      'pricing', 'priced', 'expensive', 'cheap', 'list price', 'msrp', 'price list', 'discount', 'discounted', 'markup',
      'mark-up', 'pricey', 'overpriced', 'costly', 'affordable', 'rate card', 'price point', 'sticker price', 'retail price',
      'at cost', 'at a discount', 'cheaper', 'cheapest', 'pricier', 'more expensive',
    ],
    fr: [
      'tarif', 'tarifs', 'tarification', 'cher', 'prix catalogue', 'tarifaire', 'grille tarifaire', 'ristourne', 'rabais',
      'prix cassé', 'prix d’ami', 'prix coûtant', 'chère', 'coûteux', 'coûteuse', 'onéreux', 'onéreuse', 'hors de prix',
      'abordable', 'bon marché', 'pas cher', 'moins cher', 'plus cher', 'prix public', 'prix de vente', 'au prix fort',
    ],
  },
  // How much of a company a stake is: a percentage the base may not give ("what percentage of OpenAI will Nvidia own?").
  {
    id: 'ownership-share',
    attribute: true,
    en: [
      'how big a stake', 'how large a stake', 'size of stake', 'stake in percent',
      'what percentage of openai', 'what percent of openai', 'percentage of openai', 'percent of openai', 'what share of openai',
      'how much of openai', 'ownership percentage', 'stake size', 'size of the stake', 'size of its stake', 'equity percentage',
      'percentage stake', 'percent stake', 'what fraction of openai',
    ],
    fr: [
      'percent d’openai', 'pour cent d’openai', 'pourcentage d’openai',
      'quelle part du capital', 'quel pourcentage du capital', 'pourcentage du capital',
      'quelle part d’openai', 'quel pourcentage d’openai', 'combien d’openai', 'taille de la participation', 'quelle fraction du capital',
    ],
  },
  // A company's own official word on the deal: the article quotes a CEO, an analyst and a lawyer, no statement.
  {
    id: 'official-statement',
    attribute: true,
    en: [
      'official statement', 'put out a statement', 'issued a statement', 'issue a statement', 'press release', 'official response',
      'official comment', 'official reaction', 'officially react', 'reacted officially', 'react officially', 'respond officially',
      'responded officially', 'spokesperson', 'spokesman', 'spokeswoman', 'communique',
    ],
    fr: [
      'communiqué', 'communiqué de presse', 'réaction officielle', 'réagi officiellement', 'réagir officiellement',
      'déclaration officielle', 'porte-parole', 'répondu officiellement', 'réponse officielle',
    ],
  },
  {
    id: 'valuation',
    attribute: true,
    en: [
      'paper valuation', 'what is the company worth', 'what’s the company worth', 'company worth', 'how much are they worth', 'trillion-dollar valuation', 'marketcap', 'implied value', 'equity value', 'revalued', 'revaluation', 'most valuable company', 'world’s most valuable', 'trillion-dollar club', 'worth trillions', 'overvalued', 'undervalued', 'overvaluation', 'valuation multiple', 'pe ratio', 'price-to-earnings', 'p/e ratio', 'valuated',
      'valuation', 'valued', 'valued at', 'worth of openai', 'market cap', 'market capitalization', 'market capitalisation',
      'capitalization', 'valuing', 'post-money', 'pre-money', 'post-money valuation', 'implied valuation', 'worth on paper',
      'how much is the company worth', 'market value', 'mkt cap', 'mcap', 'enterprise value', 'trillion-dollar company',
    ],
    fr: [
      'valorisera', 'capitalisation de marché', 'valeur boursière', 'valeur en bourse', 'pèse combien en bourse', 'survalorisé', 'survalorisée', 'surévalué', 'surévaluée', 'sous-évalué', 'sous-évaluée', 'survalorisation', 'surévaluation', 'valeur de l’entreprise', 'valeur de la société', 'multiple de valorisation', 'valo', 'la valo', 'entreprise la plus valorisée', 'club des mille milliards',
      'valorisation', 'valorisé', 'valorisée', 'capitalisation', 'capitalisation boursière', 'valoriser', 'valorisé à',
      'valorisée à', 'valeur de marché', 'capitalisation en bourse', 'capi', 'capi boursière', 'vaut combien en bourse',
      'pèse en bourse', 'valeur d’entreprise', 'post-money', 'pré-money',
    ],
  },
  {
    id: 'revenue',
    attribute: true,
    en: [
      'top line', 'topline', 'annual revenue', 'quarterly results', 'quarterly earnings', 'earnings report', 'earnings call', 'financial results', 'sales figures', 'gross margin', 'operating margin', 'operating income', 'operating profit', 'net loss', 'burn rate', 'cash burn', 'burning cash', 'burns cash', 'losing money', 'loses money', 'run rate', 'revenue run rate', 'arr', 'annual recurring revenue', 'earnings per share', 'eps', 'revenue guidance', 'sales guidance', 'data center revenue', 'how much money does it make', 'how much do they make',
      'revenue', 'revenues', 'sales', 'turnover', 'income', 'net income', 'earnings', 'profitability', 'margin', 'margins',
      'ebitda', 'cash flow', 'net profit',
    ],
    fr: [
      'ca annuel', 'recettes', 'perte nette', 'déficit', 'déficitaire', 'perd de l’argent', 'perdre de l’argent', 'brûle du cash', 'brûle de l’argent', 'crame du cash', 'cramer du cash', 'excédent brut d’exploitation', 'marge brute', 'marge opérationnelle', 'résultat opérationnel', 'résultat d’exploitation', 'résultats trimestriels', 'résultats annuels', 'publication des résultats', 'bénéfice par action', 'bpa', 'ventes annuelles', 'revenus annuels', 'flux de trésorerie', 'trésorerie',
      'chiffre d’affaires', 'revenus', 'revenu', 'ventes', 'bénéfices', 'rentabilité', 'marge', 'marges', 'résultats', 'le ca',
      'son ca', 'leur ca', 'ca de', 'bénéfice net', 'bénéfices nets', 'résultat net',
    ],
  },
  // What consumers buy: gaming cards, subscriptions. A deal between companies gives none of it.
  {
    id: 'consumer',
    attribute: true,
    en: [
      'gaming', 'gamer', 'gamers', 'video games', 'video game', 'graphics card', 'graphics cards', 'gaming gpu', 'gaming pc',
      'subscription', 'subscriptions', 'chatgpt plus', 'retail price', 'monthly fee',
      'per month', 'a month',
    ],
    fr: [
      'gaming', 'gamer', 'gamers', 'joueurs', 'jeux vidéo', 'jeu vidéo', 'carte graphique', 'cartes graphiques', 'abonnement',
      'abonnements', 'prix public', 'prix en magasin', 'par mois', 'mensuel', 'mensualité',
    ],
  },
  {
    id: 'market-share',
    attribute: true,
    en: [
      'marketshare', 'percent of the gpu market', 'share of the chip market', 'share of the ai market', 'share of ai chips', 'how much of the market', 'percentage of the market', 'fraction of the market', 'piece of the market', 'share of the data center market', 'share of gpu sales', 'share of sales', 'share of the accelerator market',
      'market share', 'share of the market', 'market shares', 'slice of the market', 'market penetration',
      'percent of the market', 'portion of the market', 'share of the gpu market', 'share of the ai chip market',
    ],
    fr: [
      'pourcentage de marché', 'proportion du marché', 'quelle portion du marché', 'portion du marché', 'fraction du marché', 'taux de pénétration', 'pénétration du marché', 'contrôle combien du marché', 'détient combien du marché', 'pèse combien sur le marché', 'poids sur le marché', 'part du marché des puces', 'part du marché des gpu', 'quelle part du gâteau',
      'part de marché', 'parts de marché', 'part du marché', 'pourcentage du marché', 'pdm', 'pour cent du marché',
      'combien du marché',
    ],
  },
  {
    id: 'headcount',
    attribute: true,
    en: [
      'employee count', 'staff count', 'staffing', 'number of staff', 'how many staff', 'how many workers', 'how many engineers', 'employed', 'employing', 'hired', 'recruit', 'recruiting', 'recruitment', 'laid off', 'job losses', 'redundancies', 'jobs lost', 'new jobs', 'create jobs', 'labor force', 'labour force', 'manpower', 'payroll', 'staff size', 'size of the team', 'size of the workforce', 'workforce size', 'people on staff',
      'employees', 'employee', 'staff', 'headcount', 'workers', 'jobs', 'hires', 'hiring', 'people work', 'employs', 'workforce',
      'personnel', 'head count', 'team size', 'number of employees', 'how many employees', 'how many people work', 'staffers',
      'layoffs', 'job cuts', 'job creation', 'jobs created', 'full-time employees', 'fte',
    ],
    fr: [
      'nombre de collaborateurs', 'combien de collaborateurs', 'combien de personnes travaillent', 'combien de gens travaillent', 'combien d’ingénieurs', 'embauchera', 'licencier', 'plan social', 'plans sociaux', 'suppression d’emplois', 'postes supprimés', 'créer des emplois', 'crée des emplois', 'emplois créés', 'taille de l’équipe', 'taille des équipes', 'masse salariale', 'nombre d’emplois', 'combien d’emplois', 'nombre de personnes employées',
      'employés', 'salariés', 'effectifs', 'emplois', 'embauches', 'personnel', 'salarié', 'salariées', 'employées',
      'main-d’œuvre', 'nombre d’employés', 'nombre de salariés', 'combien d’employés', 'combien de salariés', 'recrutements',
      'recrute', 'recruter', 'embaucher', 'emploie', 'emploient', 'suppressions de postes', 'licenciements',
      'création d’emplois', 'etp', 'staff',
    ],
  },
  {
    id: 'datacenter',
    attribute: true,
    en: [
      'ai data center', 'locate', 'geographic', 'geography', 'geographically', 'based where', 'where are they located', 'whereabouts', 'built where', 'where will they be built', 'compute campus', 'ai campus', 'gigafactory', 'server hall', 'data hall', 'colo', 'cloud region', 'which region', 'what region', 'site selection', 'construction site', 'in which country',
      'data center', 'data centers', 'data centre', 'data centres', 'datacenter', 'datacenters', 'datacentre', 'campus', 'site',
      'sites', 'facility', 'facilities', 'location', 'located', 'country', 'countries', 'city', 'host', 'hosted', 'hosting',
      'server farm', 'ai factory', 'colocation', 'which country', 'what country', 'which city', 'what city', 'which state',
      'where will it be built', 'where are they built', 'region',
    ],
    fr: [
      'où ça sera construit', 'où seront construits', 'où sera construit', 'construit où', 'installé où', 'implantée', 'implanter', 'localisée', 'quelle région', 'quel endroit', 'à quel endroit', 'hébergé', 'hébergement', 'héberger', 'salles serveurs', 'campus ia', 'gigafactory', 'quelle province', 'dans quelle région',
      'centre de données', 'centres de données', 'datacenter', 'datacenters', 'data center', 'site', 'sites', 'lieu',
      'quel pays', 'dans quel pays', 'le pays', 'ville', 'région', 'implanté', 'emplacement', 'datacentre', 'centre de calcul',
      'ferme de serveurs', 'usine d’ia', 'localisation', 'localisé', 'implantation', 'quelle ville', 'dans quelle ville',
      'quel état', 'campus', 'situé', 'situées',
    ],
  },
  {
    id: 'energy-source',
    attribute: true,
    en: [
      'nukes', 'atomic', 'atomic energy', 'fission', 'fusion power', 'nuclear reactors', 'modular reactors', 'gas-powered', 'lng', 'oil', 'diesel', 'diesel generators', 'generators', 'backup generators', 'batteries', 'battery storage', 'fuel cells', 'photovoltaic', 'solar panels', 'wind turbines', 'windfarms', 'dams', 'power company', 'electric utility', 'electricity supplier', 'energy supplier', 'energy provider', 'power supplier', 'carbon-free power', 'carbon-free energy', 'zero-carbon energy', 'low-carbon energy', 'where will they get the power', 'where does the energy come from', 'where will the energy come from', 'how will it be powered', 'how will they power it', 'source of electricity', 'electricity source', 'powerplant', 'on-site power', 'onsite generation',
      'energy source', 'power source', 'source of energy', 'source of power', 'nuclear', 'gas', 'natural gas', 'solar',
      'renewable', 'renewables', 'coal', 'wind power', 'power plant', 'power plants', 'utility', 'utilities', 'nuclear power',
      'nuclear energy', 'nuclear plants', 'smr', 'small modular reactors', 'reactors', 'gas turbines', 'gas-fired', 'gas plants',
      'fossil fuels', 'solar power', 'solar farms', 'wind farms', 'wind energy', 'hydro', 'hydropower', 'hydroelectric',
      'geothermal', 'clean energy', 'green energy', 'power purchase agreement', 'ppa', 'electricity provider', 'power provider',
      'utility company', 'energy mix', 'power mix', 'where does the power come from', 'where will the power come from',
      'where does the electricity come from', 'coal plants',
    ],
    fr: [
      'atome', 'atomique', 'énergie atomique', 'fission', 'fusion nucléaire', 'réacteur nucléaire', 'mini-réacteurs', 'petits réacteurs', 'gaz de schiste', 'pétrole', 'fioul', 'diesel', 'groupes électrogènes', 'générateurs', 'batteries', 'stockage d’énergie', 'piles à combustible', 'ferme solaire', 'centrale solaire', 'hydroélectricité', 'énergie hydraulique', 'énergie décarbonée', 'électricité décarbonée', 'énergie bas carbone', 'énergie propre', 'énergies propres', 'électricité verte', 'producteur d’énergie', 'compagnie d’électricité', 'distributeur d’électricité', 'quelle énergie', 'quel type d’énergie', 'd’où viendra l’énergie', 'provenance de l’électricité', 'origine de l’électricité', 'centrales à charbon', 'centrales au gaz', 'centrale thermique',
      'source d’énergie', 'sources d’énergie', 'source d’électricité', 'nucléaire', 'gaz', 'solaire', 'renouvelable',
      'renouvelables', 'charbon', 'éolien', 'centrale', 'centrales', 'fournisseur d’électricité', 'énergie nucléaire',
      'centrales nucléaires', 'réacteurs', 'petits réacteurs modulaires', 'smr', 'gaz naturel', 'centrale à gaz',
      'turbines à gaz', 'énergies fossiles', 'fossiles', 'énergie solaire', 'panneaux solaires', 'photovoltaïque', 'éolienne',
      'parc éolien', 'hydroélectrique', 'hydraulique', 'barrage', 'géothermie', 'énergies renouvelables', 'énergie verte',
      'mix énergétique', 'mix électrique', 'fournisseur d’énergie', 'contrat d’achat d’électricité', 'ppa',
      'd’où vient l’électricité', 'd’où vient l’énergie', 'd’où viendra l’électricité', 'producteur d’électricité', 'cotait',
      'cotaient', 'cours de clôture', 'clôturé à',
    ],
  },
  {
    id: 'decision',
    attribute: true,
    en: [
      'will decide', 'ruling on', 'rules on', 'thumbs up', 'thumbs down', 'final say', 'settlement', 'consent decree', 'remedies', 'penalized', 'penalised', 'prosecuted', 'indicted', 'court case', 'litigation', 'legal action', 'take to court', 'taken to court', 'outcome of the review', 'result of the review', 'findings of the probe', 'cleared the deal', 'cleared by', 'got approval', 'regulatory approval', 'antitrust approval', 'approved by regulators', 'disallowed', 'prohibited', 'thrown out', 'turned down',
      'decide', 'decided', 'decision', 'decisions', 'ruling', 'ruled', 'approve', 'approved', 'approval', 'verdict', 'cleared',
      'clearance', 'greenlight', 'green light', 'green-lit', 'sued', 'lawsuit', 'fine', 'fined', 'conclude', 'concluded',
      'conclusion', 'outcome', 'findings', 'result of the probe', 'deciding', 'approving', 'signs off', 'signed off', 'blessing',
      'greenlit', 'green-lighted', 'okayed', 'gets the nod', 'rejected', 'reject', 'sues', 'suing', 'judgment', 'judgement',
      'court ruling', 'ruled against', 'probe outcome', 'result of the investigation',
    ],
    fr: [
      'décidée', 'approuvera', 'validera', 'autorisera', 'feu rouge', 'retoquée', 'recalée', 'rejetée', 'refusée', 'interdiction', 'condamnation', 'sanction', 'sanctionnée', 'sanctionner', 'mis à l’amende', 'poursuivre en justice', 'attaquer en justice', 'attaqué en justice', 'porter plainte', 'portent plainte', 'procédure judiciaire', 'contentieux', 'litige', 'tribunal', 'devant les tribunaux', 'en justice', 'décision finale', 'blanc-seing', 'bénédiction', 'donne sa bénédiction', 'tranchera', 'homologuer', 'homologation', 'débouté', 'classé sans suite', 'classée sans suite', 'règlement à l’amiable', 'mesures correctives',
      'décider', 'décidé', 'décision', 'décisions', 'approuvé', 'approuver', 'approbation', 'feu vert', 'autorisé', 'verdict',
      'tranché', 'trancher', 'poursuivi', 'amende', 'conclu l’enquête', 'conclusions', 'issue de l’enquête', 'décident',
      'décidera', 'approuvée', 'approuvent', 'validé', 'validée', 'valider', 'validation', 'autorisée', 'autoriser',
      'autorisation', 'donne son feu vert', 'a donné son feu vert', 'aval', 'donne son aval', 'a donné son aval', 'retoqué',
      'recalé', 'rejeté', 'rejette', 'refusé', 'interdit', 'interdire', 'condamné', 'condamnée', 'sanctionné', 'poursuites',
      'procès', 'plainte', 'a porté plainte', 'jugement', 'statué', 'statuer', 'conclusions de l’enquête',
      'résultat de l’enquête',
    ],
  },
  {
    id: 'rate',
    attribute: true,
    en: [
      'per second', 'per minute', 'each day', 'every week', 'weekly', 'per quarter', 'quarterly', 'yearly consumption', 'monthly consumption', 'daily consumption', 'annualized', 'annualised', 'how much per year', 'how much a year', 'twh per year', 'twh a year',
      'per year', 'a year', 'yearly', 'annual', 'annually', 'per month', 'monthly', 'per day', 'yearly bill', 'electricity bill',
      'energy bill', 'per annum', 'every year', 'each year', 'every month', 'each month', 'per week', 'daily', 'per hour',
      'hourly', 'annual cost', 'yearly cost', 'annual consumption', 'monthly bill', 'per yr',
    ],
    fr: [
      'par semaine', 'hebdomadaire', 'par trimestre', 'trimestriel', 'trimestrielle', 'à l’année', 'chaque jour', 'journalier', 'par seconde', 'consommation quotidienne', 'consommation mensuelle', 'coût mensuel', 'coût par an', 'par an et par foyer', 'combien par an', 'twh par an',
      'par an', 'par année', 'annuel', 'annuelle', 'par mois', 'mensuel', 'facture d’électricité', 'facture annuelle', 'facture',
      'par jour', 'chaque année', 'tous les ans', 'chaque mois', 'tous les mois', 'annuellement', 'mensuellement', 'mensuelle',
      'quotidien', 'quotidienne', 'par heure', 'facture mensuelle', 'coût annuel', 'consommation annuelle',
    ],
  },
  {
    // The people of a firm the article names only one of: "les autres associés du cabinet".
    id: 'firm-members',
    attribute: true,
    en: ['partners at the firm', 'other partners at', 'other partners of the firm', 'name partners', 'partners of the firm', 'other lawyers at', 'other lawyers of the firm'],
    fr: ['associés du cabinet', 'autres associés', 'associé du cabinet', 'associée du cabinet', 'associés de doyle', 'autres avocats du cabinet'],
  },
  {
    id: 'signatory',
    attribute: true,
    en: [
      'who signs', 'who will sign', 'co-signed', 'cosigned', 'co-signatory', 'cosignatory', 'signing parties',
      'who signed', 'signatory', 'signatories', 'signed it for', 'signed for', 'signed on behalf', 'put pen to paper',
      'signed by whom', 'signed by who', 'signed by', 'whose signature', 'whose name is on', 'name on the contract', 'inked by', 'who inked', 'undersigned',
    ],
    fr: [
      'qui va signer', 'qui signera', 'signataire de la lettre', 'cosignataire', 'co-signataire', 'paraphée par', 'qui a mis sa signature', 'qui a posé sa signature', 'signé de la main de', 'signée de la main de', 'signataires de l’accord',
      'qui a signé', 'qui a paraphé', 'paraphé', 'paraphé pour', 'signataire', 'signataires', 'a signé pour', 'signé au nom',
      'signé par qui', 'signée par qui', 'signé par', 'signée par', 'qui signe', 'qui l’a signée', 'apposé sa signature', 'qui a apposé',
    ],
  },
  {
    id: 'advisers',
    attribute: true,
    en: [
      'adviser to', 'investment banker', 'legal advisor', 'underwriter', 'arranger', 'lead arranger', 'hired to advise', 'm&a advisers', 'm&a advisors', 'advisory firm', 'advisory fees', 'boutique bank', 'bulge bracket',
      'advised', 'adviser', 'advisor', 'advisers', 'advisors', 'investment bank', 'investment banks', 'bankers', 'counsel for',
      'advising', 'advises', 'advisory', 'financial adviser', 'financial advisor', 'legal adviser', 'm&a bankers', 'which bank',
      'what bank', 'consultants', 'consulting firm', 'consultancy', 'outside counsel',
    ],
    fr: [
      'conseils juridiques', 'mandat de conseil', 'qui conseille', 'qui a conseillé', 'conseiller en fusions-acquisitions', 'honoraires de conseil',
      'conseillé', 'conseiller', 'conseillers', 'banque d’affaires', 'banques d’affaires', 'banque conseil', 'banquiers',
      'conseillée', 'conseillent', 'conseil financier', 'conseiller financier', 'banquier d’affaires', 'quelle banque',
      'cabinet de conseil', 'consultants', 'mandaté', 'mandatée', 'conseillers juridiques', 'banque d’investissement',
    ],
  },
  {
    id: 'terms',
    attribute: true,
    en: [
      'key terms', 'contract terms', 'contractual terms', 'terms of the agreement', 'terms of the contract', 'conditions attached', 'exclusivity agreement', 'exclusivity terms', 'lock-up', 'lockup', 'lock-up period', 'non-solicit', 'right of first refusal', 'most favored nation', 'mfn clause', 'change of control clause', 'change-of-control', 'termination clause', 'walk-away clause', 'break clause', 'get-out clause', 'opt-out clause', 'penalty clause', 'liquidated damages', 'conditions precedent', 'closing conditions', 'what’s in the contract', 'what does the contract say', 'contract details', 'stipulated', 'obligated',
      'penalties', 'penalty', 'clauses', 'clause', 'conditions', 'covenants', 'fine print', 'break fee', 'termination',
      'terms of the deal', 'deal terms', 'terms and conditions', 't&cs', 'conditions of the deal', 'strings attached',
      'no strings attached', 'exclusivity', 'exclusivity clause', 'exit clause', 'opt-out', 'breakup fee', 'break-up fee',
      'termination fee', 'kill fee', 'provisions', 'stipulations', 'stipulate', 'small print', 'obligations', 'contractual',
      'contractually', 'escape clause', 'non-compete',
    ],
    fr: [
      'clauses contractuelles', 'clause de résiliation', 'clause de rupture', 'clause pénale', 'clause de changement de contrôle', 'droit de préemption', 'droit de premier refus', 'conditions suspensives', 'conditions préalables', 'pénalités de sortie', 'indemnités', 'dédommagement', 'période de blocage', 'lock-up', 'conditions du contrat', 'termes du deal', 'conditions du deal', 'modalités du deal', 'modalités du contrat', 'détail du contrat', 'résilier', 'résiliable', 'rompre le contrat', 'sortie anticipée', 'conditions particulières', 'stipulée', 'prévu au contrat', 'prévu dans le contrat', 'contractualisé',
      'pénalités', 'pénalité', 'clauses', 'clause', 'conditions', 'petites lignes', 'résiliation', 'dédit', 'modalités',
      'modalités de l’accord', 'termes de l’accord', 'termes du contrat', 'conditions de l’accord', 'exclusivité',
      'clause d’exclusivité', 'clause de sortie', 'indemnité de rupture', 'frais de rupture', 'pénalités de retard',
      'dispositions', 'stipule', 'stipulations', 'contractuel', 'contractuelle', 'contractuellement', 'sous conditions',
      'non-concurrence', 'clause de non-concurrence', 'engagements contractuels', 'ce que dit le contrat', 'petits caractères',
    ],
  },
  {
    id: 'missing-word',
    attribute: true,
    en: [
      'missing word', 'the word', 'word is missing', 'word missing', 'cut off', 'truncated', 'typo in the article', 'blank in',
    ],
    fr: [
      'le mot', 'mot manquant', 'a sauté', 'mot qui manque', 'manque un mot', 'coquille', 'tronqué', 'trou dans',
    ],
  },
  // What the article cannot say: where a price goes next, whether to buy.
  {
    id: 'forecast',
    attribute: true,
    en: [
      'will it go up', 'will it go down', 'keep rallying', 'keep dropping', 'price prediction', 'short it', 'shorting', 'short the stock', 'buy the dip', 'hold or sell', 'bag holder', 'bagholder', 'overbought', 'oversold', 'target price', 'price objective', 'year-end target', 'upside potential', 'will it crash', 'pullback', 'bubble burst', 'stock tip', 'buy signal', 'price forecast', 'where is the stock heading', 'where will the stock go', 'future price', 'fomo', 'too late to buy', 'still a buy', 'time to buy', 'time to sell', 'take profits',
      'keep climbing', 'keep rising', 'keep going up', 'keep falling', 'continue to rise', 'continue to climb',
      'continue to fall', 'from here', 'in the coming months', 'next few months', 'next quarter', 'price target', 'forecast',
      'forecasts', 'prediction', 'predictions', 'predict', 'should i buy', 'should i sell', 'buy now', 'is it a buy', 'good buy',
      'good investment', 'bubble', 'ai bubble', 'call options', 'put options', 'buy calls', 'buy puts', 'options this week',
      'buy or sell', 'rated buy', 'rated sell', 'buy rating', 'sell rating', 'rating', 'ratings', 'analyst rating', 'upgrade', 'downgrade',
      'profitable', 'profitability', 'turn a profit', 'claw back', 'bounce back', 'rebound', 'recover its loss',
      'keep my shares', 'hold my shares', 'sell my shares', 'keep my stock', 'hold my stock', 'sell my stock', 'dump my shares',
      'overweight', 'underweight', 'what’s your call', 'what is your call', 'your call on', 'sous-pondérer', 'surpondérer',
    ],
    fr: [
      'va monter', 'va baisser', 'va encore monter', 'poursuivre sa hausse', 'poursuivre la hausse', 'pronostic', 'objectif de prix', 'cours cible', 'prix cible', 'vendre ou garder', 'garder ou vendre', 'acheter le creux', 'acheter la baisse', 'vendre à découvert', 'à découvert', 'options d’achat', 'options de vente', 'krach', 'va s’effondrer', 'éclatement de la bulle', 'surachat', 'survente', 'bon moment pour acheter', 'trop tard pour acheter', 'encore temps d’acheter', 'conseil boursier', 'prévision de cours', 'potentiel de hausse', 'potentiel haussier', 'va remonter', 'remontera', 'prendre ses bénéfices',
      'continuer de monter', 'continuer à monter', 'continuer de baisser', 'continuer à baisser', 'dans les prochains mois',
      'les prochains mois', 'prochain trimestre', 'prévision', 'prévisions', 'objectif de cours', 'faut-il acheter',
      'dois-je acheter', 'je dois acheter', 'acheter maintenant', 'bon placement', 'bulle', 'bulle de l’ia', 'bulle spéculative',
      'acheter ou vendre', 'recommandation d’achat', 'recommandation de vente', 'relèvement', 'dégradation de la note',
      'rentable', 'rentabilité', 'rebondir', 'rebondira', 'se refaire', 'récupérer ses pertes',
      // The asker's own holdings: "garder mes actions", "vendre mes titres" ask for advice.
      'garder mes actions', 'garder mes titres', 'conserver mes actions', 'conserver mes titres', 'vendre mes actions', 'vendre mes titres',
      'acheter des actions', 'placer mes économies', 'placer mon argent', 'investir mes économies',
    ],
  },
  // Regulators and places outside the United States, which the article never brings in.
  {
    id: 'jurisdiction',
    attribute: true,
    named: true,
    en: [
      'the eu', 'uk', 'britain', 'british', 'england', 'london', 'beijing', 'chinese authorities', 'tokyo', 'seoul', 'accc', 'competition bureau', 'comco', 'dg comp', 'dg competition', 'competition commissioner', 'european competition commissioner', 'digital markets act', 'ai act', 'eu ai act', 'gdpr', 'uk competition watchdog', 'british competition watchdog', 'chinese competition regulator',
      'european commission', 'eu commission', 'brussels', 'european union', 'european regulators', 'eu regulators',
      'eu antitrust', 'cma', 'competition and markets authority', 'uk regulator', 'uk regulators', 'british regulator',
      'samr', 'chinese regulators', 'china', 'chinese', 'japan', 'japanese', 'korea', 'korean', 'india', 'indian',
      'french competition authority', 'bundeskartellamt', 'germany', 'german regulator', 'ecb', 'european central bank', 'imf',
      'international monetary fund',
    ],
    fr: [
      'ue', 'grande-bretagne', 'britanniques', 'londres', 'pékin', 'autorités chinoises', 'régulateur chinois', 'tokyo', 'séoul', 'coréen', 'coréenne', 'indien', 'indienne', 'règlement sur les marchés numériques', 'règlement européen sur l’ia', 'rgpd', 'comco', 'commission de la concurrence', 'bureau de la concurrence', 'dg concurrence', 'commissaire européen à la concurrence', 'commissaire à la concurrence', 'cma britannique', 'autorité britannique',
      'commission européenne', 'bruxelles', 'union européenne', 'régulateurs européens', 'autorités européennes',
      'autorité de la concurrence', 'autorité de la concurrence française', 'autorité française', 'régulateur français',
      'régulateur britannique', 'royaume-uni', 'chine', 'chinois', 'chinoise', 'japon', 'japonais', 'corée', 'inde',
      'allemagne', 'régulateur allemand', 'bce', 'banque centrale européenne', 'fmi', 'fonds monétaire international',
    ],
  },
  // "A sign of possible concern", "signe d'une inquiétude": an indication, not a signature (read longest first,
  // so the word "sign" / "signe" in it never reaches ~signed).
  {
    id: 'indication',
    en: [
      'indicates', 'indicating', 'indicative of', 'suggests', 'suggesting', 'sign that', 'a hint of', 'hint of', 'hints at', 'symptom of', 'telltale sign', 'reflects', 'reflecting', 'suggestive of', 'evidence of', 'a signal that', 'signalling', 'signaling', 'a reflection of', 'symptomatic of','a sign of', 'sign of', 'signs of', 'signal of', 'indication of'],
    fr: [
      'signe que', 'un signal', 'signal que', 'signaux de', 'indice de', 'indice d’une', 'témoigne de', 'témoignent de', 'ce qui traduit', 'traduit une', 'traduisant', 'reflète', 'reflet de', 'le reflet de', 'symptôme de', 'symptôme d’une', 'révélateur de', 'révélatrice de', 'trahit une', 'laisse entrevoir', 'suggère', 'augure', 'présage', 'marque d’une','signe de', 'signes de', 'un signe', 'signal de'],
  },
  // Details of the deal the article never gives: a stock-market listing, how the hardware is cooled.
  {
    id: 'listing',
    attribute: true,
    en: [
      'went public', 'gone public', 'will go public', 'public listing', 'stock listing', 'stock market listing', 'list on the stock exchange', 'publicly traded', 'publicly listed', 'public company', 'flotation', 'floatation', 'stock market flotation', 'market debut', 'direct listing', 'spac', 'pre-ipo', 'float on the stock market','go public', 'going public', 'goes public', 'ipo', 'initial public offering', 'stock market debut', 'list its shares', 'listed company'],
    fr: [
      'introduction boursière', 'introduit en bourse', 'entre en bourse', 'entrera en bourse', 'cotée en bourse', 'coté en bourse', 'cotation', 'cotation en bourse', 'se faire coter', 'être coté', 'société cotée', 'entreprise cotée', 'non cotée', 'premier jour de cotation', 'débuts en bourse', 'faire son entrée en bourse', 'faire son ipo', 'aller en bourse', 'va en bourse', 'ira en bourse', 'appel public à l’épargne', 'premier appel public à l’épargne', 'inscription en bourse', 'inscrite en bourse', 'spac','introduction en bourse', 'entrer en bourse', 'entrée en bourse', 'être cotée', 'coter en bourse', 'ipo'],
  },
  {
    id: 'cooling',
    attribute: true,
    en: [
      'cooling towers', 'chillers', 'water use', 'water usage', 'water consumption', 'how much water', 'uses water', 'water-cooled', 'liquid-cooled', 'air-cooled', 'immersion cooling', 'heat management', 'thermal management', 'waste heat', 'dissipate heat', 'hvac', 'coolant', 'evaporative cooling', 'water footprint', 'cold plates','cooling', 'cooled', 'cool the', 'liquid cooling', 'water cooling', 'heat dissipation', 'air conditioning'],
    fr: [
      'refroidit', 'refroidissent', 'tours de refroidissement', 'consommation d’eau', 'besoins en eau', 'combien d’eau', 'utilise de l’eau', 'climatiseurs', 'clim', 'la clim', 'dégagement de chaleur', 'dissipation de chaleur', 'dissipation thermique', 'gestion thermique', 'chaleur fatale', 'évacuer la chaleur', 'ventilateurs', 'refroidissement par immersion', 'plaques froides', 'empreinte eau', 'empreinte hydrique', 'liquide de refroidissement', 'refroidisseurs', 'refroidissement liquide','refroidissement', 'refroidis', 'refroidies', 'refroidir', 'refroidi', 'refroidie', 'climatisation', 'watercooling'],
  },
  // A verdict the article leaves to its reader: whether a goal is realistic, whether someone betrayed a mission.
  {
    id: 'verdict',
    attribute: true,
    en: [
      'should our client', 'should my client', 'should our clients', 'should our fund', 'should our firm', 'should our data center', 'should they buy', 'good time to buy', 'good time to sell', 'good time to short', 'a good time to', 'time to short', 'better bet', 'a better bet', 'the better bet', 'better investment', 'the better investment', 'worth investing in',
      'realistic', 'unrealistic', 'feasible', 'achievable', 'doable', 'plausible', 'credible', 'pipe dream', 'betray',
      'betrayed', 'betrayal', 'sell out', 'sold out', 'you believe it', 'you buy it',
      // The bot's own opinion, or a grade: the article reports others' views, it gives none of its own.
      'in your view', 'your view', 'in your opinion', 'your opinion', 'your take', 'out of 10', 'out of ten', 'rate this',
      'a good deal', 'a good deal for', 'a bad deal', 'good investment', 'bad investment', 'worth buying', 'should i buy',
      'should i sell', 'bubble', 'personal take', 'your personal', 'should we', 'should our company', 'should my company',
      'real winner', 'bigger winner', 'biggest winner', 'ultimate winner', 'comes out ahead',
      'come out ahead', 'is it ethical', 'is this ethical', 'is that ethical', 'morally', 'is it moral', 'your own opinion', 'in your own opinion', 'your own view', 'you personally', 'are you worried',
      'are you personally',
      // Advice on what to do, and whether a decision is right: the article reports, it does not advise.
      'should i', 'should i invest', 'would you invest', 'would you buy', 'would you sell', 'would you put money', 'should i hold',
      'should we switch', 'should our startup', 'should my startup', 'the right call', 'right call', 'the right decision',
      'right move', 'smart move', 'wise move', 'a good idea', 'a bad idea', 'a good thing', 'a bad thing',
    ],
    fr: [
      'notre client devrait', 'mon client devrait', 'nos clients devraient', 'bon moment pour acheter', 'bon moment pour vendre', 'le bon moment pour', 'meilleur placement', 'meilleur investissement', 'vendre à découvert', 'shorter',
      'réaliste', 'irréaliste', 'faisable', 'réalisable', 'crédible', 'plausible', 'tu y crois', 'vous y croyez', 'y croire',
      'trahi', 'trahir', 'trahison', 'vendu son âme', 'à ton avis', 'à votre avis', 'selon toi', 'selon vous', 'ton avis',
      'votre avis', 'tu penses que', 'vous pensez que', 'sur 10', 'sur dix', 'une bonne affaire', 'une mauvaise affaire', 'quoi toi', 'tu en penses', 'toi tu en penses', 'tu penses quoi', 'vous pensez quoi',
      'vous en pensez', 'vrai gagnant', 'grand gagnant', 'plus grand gagnant', 'sort gagnant', 'est-ce éthique', 'c’est éthique', 'est-il éthique', 'moralement', 'est-ce moral', 'ton opinion', 'votre opinion', 'ton propre avis', 'toi personnellement', 'vous personnellement',
      'tu es inquiet', 't’inquiète pas',
      'bon investissement', 'bon plan', 'vaut le coup', 'faut-il acheter', 'dois-je acheter', 'bulle',
      'faut-il vendre', 'faut-il investir', 'dois-je vendre', 'je dois vendre', 'dois-je investir', 'devrais', 'devrait-on',
      'tu investirais', 'vous investiriez', 'tu achèterais', 'le bon choix', 'la bonne décision', 'bonne décision',
      'une bonne idée', 'bonne idée', 'mauvaise idée', 'une bonne chose', 'une mauvaise chose',
    ],
  },
  {
    id: 'interest-rate',
    attribute: true,
    en: [
      'loaned', 'loaning', 'creditors', 'bond issue', 'bond sale', 'bond offering', 'debt-funded', 'debt-financed', 'convertible notes', 'owe', 'owed', 'iou', 'payback', 'pay it back', 'paid back', 'paying back', 'repaying', 'collateral', 'secured loan', 'debt load', 'debt pile', 'borrowing costs', 'cost of borrowing', 'basis points', 'bps', 'coupon rate', 'rate hike', 'rate cut',
      'interest rate', 'interest', 'rate of interest', 'loan', 'loans', 'debt', 'terms of the loan', 'yield', 'coupon', 'apr',
      'borrow', 'borrowing', 'borrowed', 'lend', 'lending', 'lent', 'lender', 'credit line', 'credit facility', 'loan terms',
      'debt financing', 'indebted', 'repay', 'repayment', 'repaid', 'pay back',
    ],
    fr: [
      'empruntera', 'emprunt obligataire', 's’endetter', 'effet de levier', 'remboursera', 'doit de l’argent', 'dette convertible', 'obligations convertibles', 'points de base', 'coût de l’emprunt', 'coût du crédit', 'baisse des taux', 'hausse des taux', 'taux directeurs', 'taux fixe', 'taux variable', 'financement par la dette', 'financé par la dette', 'financée par la dette',
      'taux', 'taux d’intérêt', 'intérêts', 'prêt', 'prêts', 'dette', 'emprunt', 'emprunter', 'prêté', 'prêteur', 'créancier',
      'endettement', 'endetté', 'endettée', 'rembourser', 'remboursement', 'remboursé', 'émission obligataire', 'obligataire',
      'ligne de crédit', 'facilité de crédit', 'coupon',
    ],
  },
  {
    id: 'board-seat',
    attribute: true,
    en: [
      'board observer seat', 'observer rights', 'observer status', 'boardroom', 'sit on the board', 'director seat', 'nominate directors', 'appoint a director', 'board appointment', 'board nominee', 'representation on the board', 'gets a seat', 'board composition', 'who sits on the board', 'joining the board',
      'board seat', 'board seats', 'seat on the board', 'board', 'directors', 'observer seat', 'board of directors',
      'directorship', 'join the board', 'on the board', 'board position', 'board representation', 'board observer',
      'nominate a director', 'appoint directors',
    ],
    fr: [
      'siéger au conseil', 'siège au conseil d’administration', 'observateur au conseil', 'statut d’observateur', 'poste d’administrateur', 'nommer un administrateur', 'nommer des administrateurs', 'au board', 'composition du conseil', 'qui siège', 'siéger', 'siège au board', 'entrer au board', 'conseil de surveillance', 'conseil d’admin', 'un siège au conseil', 'place au conseil',
      'siège au conseil', 'conseil d’administration', 'siège', 'administrateur', 'administrateurs', 'siège d’administrateur',
      'strapontin', 'siège d’observateur', 'entrer au conseil', 'entre au conseil', 'au conseil d’administration', 'le board',
      'membre du board', 'représenté au conseil', 'représentation au conseil', 'administratrice',
    ],
  },
  {
    id: 'gpu-count',
    attribute: true,
    en: [
      'how many gpus', 'how many chips', 'number of gpus', 'number of chips', 'gpu count', 'units', 'how many processors',
      'number of processors', 'how many units', 'unit count', 'number of units', 'chip count', 'how many accelerators',
      'how many cards', 'quantity of chips', 'how many graphics cards',
    ],
    fr: [
      'combien de gpu', 'combien de puces', 'nombre de gpu', 'nombre de puces', 'unités', 'combien de processeurs',
      'nombre de processeurs', 'combien de cartes', 'combien d’unités', 'nombre d’unités', 'quantité de puces',
      'quantité de gpu', 'volume de puces', 'combien de cartes graphiques',
    ],
  },
  {
    id: 'author',
    attribute: true,
    en: [
      'which journalist', 'who is the journalist', 'which reporter', 'penned by', 'which publication', 'what publication', 'what newspaper', 'which news outlet', 'what outlet', 'media outlet', 'what website', 'where was it published', 'published where', 'published when', 'date of the article', 'article date', 'when was the article written', 'when was this written', 'last updated', 'updated on',
      'author', 'who wrote', 'written by', 'byline', 'publisher', 'published', 'publication date', 'which newspaper',
      'which outlet', 'authored', 'writer', 'who published', 'which website', 'news site', 'publish date', 'date published',
      'when was it published', 'posted on', 'dated',
    ],
    fr: [
      'qui a rédigé', 'quel journaliste', 'quelle journaliste', 'quelle publication', 'quel quotidien', 'quel magazine', 'quel blog', 'date de l’article', 'l’article date de quand', 'publié quand', 'paru quand', 'parue', 'publiée', 'publiée le', 'publiée par', 'quelle gazette', 'quelle feuille de chou', 'd’où vient l’article', 'quel journal a publié',
      'auteur', 'qui a écrit', 'écrit par', 'rédigé par', 'éditeur', 'publié', 'date de publication', 'quel journal',
      'quel média', 'signe le papier', 'signé le papier', 'signe l’article', 'signataire de l’article', 'quel site web',
      'publié par', 'publié le', 'parution', 'date de parution', 'paru le', 'rédigé', 'autrice', 'quel canard', 'mis en ligne',
    ],
  },
  {
    id: 'duration',
    attribute: true,
    en: [
      'duration', 'years long', 'length of the deal', 'expire', 'expires', 'end date', 'last until',
    ],
    fr: [
      'combien de temps', 'durée', 'expire', 'jusqu’à quand', 'date de fin',
    ],
  },
];

/**
 * Chat spellings (French SMS style and English shorthand) → the word they stand for. Applied to
 * whole tokens before anything else, so "c koi le montant" reads as "c'est quoi le montant".
 */
export const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  // English contractions typed without the apostrophe (not "dont": French "dont" is a word).
  whats: 'what is', hows: 'how is', whos: 'who is', wheres: 'where is', whens: 'when is', whys: 'why is', thats: 'that is',
  isnt: 'is not', arent: 'are not', wasnt: 'was not', werent: 'were not', doesnt: 'does not', didnt: 'did not',
  hasnt: 'has not', havent: 'have not', cant: 'can not', couldnt: 'could not', wouldnt: 'would not', shouldnt: 'should not',
  // "lia" is l'IA typed without its apostrophe (too short for the general elision rule).
  lia: 'ia',
  koi: 'quoi', kwa: 'quoi', quoa: 'quoi', qd: 'quand', kan: 'quand', qand: 'quand', cb: 'combien', cmb: 'combien', cbn: 'combien', combi1: 'combien',
  pk: 'pourquoi', pq: 'pourquoi', pkoi: 'pourquoi', pourkoi: 'pourquoi', ki: 'qui', kel: 'quel', kelle: 'quelle', ke: 'que', ya: 'il y a', yen: 'il y en',
  pb: 'problème', pbs: 'problèmes', elec: 'électricité', bcp: 'beaucoup', tt: 'tout', tjs: 'toujours', tjrs: 'toujours', mtn: 'maintenant', ds: 'dans',
  pr: 'pour', pcq: 'parce que', psk: 'parce que', qqn: 'quelqu’un', qqch: 'quelque chose', jsp: 'je sais pas', dsl: 'désolé', slt: 'salut',
  stp: 's’il te plaît', svp: 's’il vous plaît', mm: 'même', ms: 'mais', vrmt: 'vraiment', oqp: 'occupé', d: 'de', g: 'j’ai', chui: 'je suis', chuis: 'je suis',
  c: 'c’est', u: 'you', dun: 'd’un', dune: 'd’une', ur: 'your', r: 'are', pls: 'please', plz: 'please', thx: 'thanks', ty: 'thanks', bc: 'because', cuz: 'because', abt: 'about', w: 'with',
  tldr: 'tl;dr', fase: 'phase', gigas: 'gigawatts', giga: 'gigawatt', krosoft: 'microsoft', blaze: 'nom', intension: 'intention', conso: 'consommation', rite: 'right', gm: 'good morning', wdym: 'what do you mean', idk: 'i do not know', wat: 'what', wut: 'what', wot: 'what', wht: 'what', whn: 'when', hw: 'how', rn: 'right now', imo: 'in my opinion', tbh: 'to be honest', nvm: 'never mind',
  wich: 'which', whic: 'which', wihch: 'which', nan: 'non', nn: 'non', ouep: 'oui', yep: 'yes', yup: 'yes', nope: 'no', wen: 'when',
  // Common SMS French and English shorthand beyond what the blind sets showed (checked against both word lists: none is a word with another sense).
  kesk: 'qu’est-ce que', keske: 'qu’est-ce que', kesako: 'qu’est-ce que c’est', koman: 'comment', komen: 'comment', cmt: 'comment',
  kand: 'quand', kels: 'quels', kelles: 'quelles', kils: 'qu’ils', prkoi: 'pourquoi', cbien: 'combien',
  ptet: 'peut-être', ptetre: 'peut-être', auj: 'aujourd’hui', ajd: 'aujourd’hui', ojd: 'aujourd’hui', jms: 'jamais',
  dac: 'd’accord', dacc: 'd’accord', entk: 'en tout cas', kom: 'comme', moin: 'moins', fo: 'faut', ct: 'c’était',
  tps: 'temps', qlq: 'quelques', mnt: 'maintenant', psq: 'parce que', pck: 'parce que', avc: 'avec', dla: 'de la', chépa: 'je sais pas',
  chepa: 'je sais pas', jsais: 'je sais',
  b4: 'before', '2day': 'today', tmrw: 'tomorrow', tmr: 'tomorrow', tho: 'though', cos: 'because', coz: 'because', bcuz: 'because',
  wanna: 'want to', gotta: 'got to', dunno: 'do not know', lemme: 'let me', gimme: 'give me', kinda: 'kind of', sorta: 'sort of',
  ppl: 'people', yrs: 'years', govt: 'government', approx: 'approximately', rly: 'really', srsly: 'seriously', prolly: 'probably',
  nb: 'nombre', dcp: 'du coup', msg: 'message', wbu: 'what about you', hbu: 'how about you', afaik: 'as far as i know', iirc: 'if i remember correctly', fyi: 'for your information',
};

/**
 * Words of chat that carry no question (greetings, addressing the bot, hedges). Together with
 * the general stop-word lists they are never the focus of a question, known to the base or not.
 */
export const CHAT_FILLERS: ReadonlySet<string> = new Set(
  `tabarnak tabarnac tabarouette taboire calisse caliss crisse criss ostie osti esti estie sacrament ciboire calvaire torrieu viarge
  hey hi hello hiya yo sup howdy morning evening cheers thanks thank thx please pls bot dealbot bro dude guys folks team all
  quick question q sorry bother dumb stupid silly honest honestly wondering curious asking ask asked manager colleague
  keeps keep again remind reminder recap sanity check confirm confirming real quick just btw fyi lol haha ok okay cool great
  nice wow hmm um uh eh so well anyway anyways actually basically literally exactly precisely really truly still yet already
  total overall altogether whole entire roughly approximately around about exact right correct true wrong sure understand
  understanding mean meant guy gal fellow person people someone somebody everybody anyone thing stuff bit little lot lots
  kind sort number numbers figure figures details detail info information explain explanation tell know knows knew
  article articles text source sources mention mentions mentioned cited named listed report reported story piece news headline
  company companies firm firms business businesses outfit corporation group entity player players side sides
  link links relationship relationships relation relations connection connections tie ties
  announcement announced announce news unveiled friend friends cousin uncle aunt editor standup meeting call sync lunch
  newsletter paper thesis essay homework class podcast blog radio tv morning gm key main notable important general idea
  analysis angle context overview whole thing things picture vibe rough basically bottom line quick summary
  bonjour bonsoir salut coucou hello merci stp svp sil plait petite petit question questions desole excuse pardon
  deja vraiment exactement encore toujours total totale precisement grosso modo environ juste simplement bref rapide
  rapidement dis dites moi nous svp collegue truc machin chose trucs choses gars mec type gens quelqu quelque
  chiffre chiffres detail details info infos explique expliquer expliquez savoir sais sait rappelle rappel confirme
  confirmer confirmes vrai faux bien compris comprendre hein bah ben bon alors euh oui non ok okay dac daccord svp
  texte mentionne mentionnes mentionnees cites citees nommes evoque evoques dans histoire
  entreprise entreprises societe societes boite boites firme groupe acteur acteurs lien liens rapport relation relations
  annonce annonces wesh frere frerot mdr ptdr jpp bref delire bail truc trucs histoire papier memoire master revue presse
  journaliste journal radio emission ami amie cousin cousine oncle tante redacteur reunion analyse cle cles principales
  principaux importants generale idee contexte american americans americain americaine americaines americains usa
  etats unis hier yesterday today aujourd aujourdhui tonight bazar machin fat hefty juicy massive gros grosse pis ouais ouai enthousiasme enthusiasm excitement hype concerne concernent concerner concernant porte portent besoin
  need needs needed raise raises raised flag flags flagged highlight highlights highlighted savez saurais sauriez savent
  connais connaissez clue thoughts anyone anybody aide help wait hold attends attendez tiens perso personnellement personally
  interessant interessante interesting read reads dossier parallele concernee concernees concernes
  heya matin soir soiree nuit weekend semaine tonight afternoon apres midi capte captes capter pige piges piger
  appears appear appeared apparait apparaissent figure figurent revient reviennent
  camarade camarades classmate classmates coworker coworkers cowork pote potes buddy buddies collegues prof
  totally absolutely completely huh
  comprends comprend comprenez comprenons chum expliques
  night desk debate debating atelier workshop afterwork standfirst lede lecteur lectrice reader readers debute debutant debutante newbie beginner intern
  tkt wsh shop shops clickbait courriel email mail presentation presentations prez expose exposes slides deck pitch pitches`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Chat phrases that wrap a question without being part of it ("my boss keeps asking", "is that
 * right?"). Matched like concepts, longest first, and then dropped.
 */
export const FILLER_PHRASES: readonly string[] = [
  // "prêt à" is ready to, not a loan ("prêt").
  'prêt à', 'prête à', 'prêts à', 'prêtes à', 'ready to',
  // Turning back to the conversation: "Thanks for the earlier answer! Follow-up: …".
  'follow up', 'follow-up', 'followup', 'earlier answer', 'previous answer', 'last answer', 'your answer', 'ta réponse',
  'votre réponse', 'question de suivi',
  // Disbelief around a question: "c'est une blague ?", "are you kidding?".
  'c’est une blague', 'c une blague', 'une blague', 'is this a joke', 'is that a joke', 'you kidding', 'are you kidding',
  'no way', 'sans déconner', 'sérieux',
  // "en mode business": chat French for "like", "as a".
  'en mode',
  'my boss', 'my manager', 'my team', 'my colleague', 'our team', 'the team', 'quick one', 'quick question', 'real quick', 'sanity check', 'quick sanity check',
  'is that right', 'is that correct', 'did i get that right', 'am i right', 'right', 'is it true', 'true or false', 'sorry to bother', 'sorry if dumb question',
  'dumb question', 'stupid question', 'keeps asking', 'keep asking', 'people mention', 'people keep', 'i heard', 'heard that', 'in total', 'all in all', 'all told',
  'again', 'once more', 'in power terms', 'in terms of', 'in money terms', 'that day', 'on the day', 'ce jour-là', 'ce jour là', 'le jour de l’annonce', 'en termes de', 'asking for a friend', 'one more', 'per the article', 'in the piece', 'in the article', 'according to the article', 'which firm', 'at stake', 'on the table', 'at play',
  'du coup', 'en vrai', 'en fait', 'genre', 'bref', 'tu vois', 'vous voyez', 'dans l’article', 'selon l’article', 'd’après l’article', 'quel cabinet', 'dans quel cabinet', 'quelle boîte', 'en jeu', 'sur la table', 'idée générale', 'dans les grandes lignes', 'is asking', 'asked me', 'keeps asking me', 'wants to know', 'want to know', 'wondering', 'i wonder', 'part of', 'one of',
  'me demande', 'nous demande', 'se demande', 'je me demande', 'veut savoir', 'voudrait savoir', 'fait partie', 'font partie', 'partie de', 'l’un des', 'l’une des', 'what kind of', 'what sort of', 'what type of', 'which kind of', 'quel genre de', 'quel type de', 'quelle sorte de', 'if you know', 'do you know', 'any idea', 'any ideas', 'can you tell me', 'could you tell me', 'let me know',
  'mon boss', 'mon patron', 'ma patronne', 'mon chef', 'ma cheffe', 'mon manager', 'mon équipe', 'petite question', 'question rapide', 'rapide question',
  'c’est bien ça', 'c’est ça', 'c’est vrai', 'vrai ou faux', 'au total', 'en tout', 'désolé de déranger', 'si tu sais', 'tu sais', 'vous savez', 'tu peux me dire',
  'm’a demandé', 'a demandé', 'ai demandé', 'm’ont demandé', 'm’a posé la question', 'asked me', 'asks me', 'asked us', 'was asking', 'were asking',
  'mon père', 'ma mère', 'mon frère', 'ma sœur', 'mon fils', 'ma fille', 'ma femme', 'mon mari', 'mon voisin', 'ma voisine', 'mon pote', 'ma pote', 'mon copain', 'ma copine', 'mon oncle', 'ma tante', 'ma belle-sœur', 'mon beau-frère', 'mon beau-père', 'ma belle-mère', 'mon coloc', 'ma coloc',
  'my dad', 'my father', 'my mom', 'my mum', 'my mother', 'my son', 'my daughter', 'my wife', 'my husband', 'my brother', 'my sister', 'my neighbour', 'my neighbor', 'my buddy', 'my mate', 'my roommate', 'my partner', 'my kid', 'my kids', 'my uncle', 'my aunt', 'my girlfriend', 'my boyfriend', 'my in-laws',
  'according to the piece', 'according to the report', 'according to the story', 'according to', 'the subject of', 'subject of',
  'quel bureau',
  'il a raison', 'elle a raison', 'ils ont raison', 'qui a raison', 'a-t-il raison', 'is he right', 'is she right', 'are they right', 'who is right',
  'qui a tort', 'il a tort', 'elle a tort', 'who is wrong', 'who’s wrong',
  'ou l’inverse', 'ou c’est l’inverse', 'ou le contraire', 'or the other way around', 'or vice versa', 'the other way round',
  'that kind of', 'this kind of', 'that sort of', 'ce genre de', 'ce type de', 'ce niveau de',
  'entre les deux sociétés', 'entre les deux entreprises', 'entre les deux groupes', 'entre les deux firmes', 'entre les deux géants', 'between the two companies', 'between the two firms', 'between the two giants', 'between both companies',
  'pouvez-vous me dire', 'dis-moi', 'dites-moi', 'pour quelle maison', 'quelle maison', 'pour qui', 'which firm', 'what firm', 'works for', 'work for', 'bosse pour', 'travaille pour', 'tu peux m’aider', 'can you help', 'help me', 'j’ai entendu', 'on m’a dit', 'merci d’avance', 'merci bien', 'déjà',
  // Asking for help around the question, and the asker's state of mind ("coffee hasn't kicked in yet").
  'help a guy out', 'help me out', 'help a brother out', 'help a girl out', 'help out', 'un coup de main', 'donne-moi un coup de main',
  'aide-moi', 'aidez-moi', 'sauve-moi', 'hasn’t kicked in', 'has not kicked in', 'kicked in', 'pas encore réveillé', 'pas réveillé',
  'i forgot', 'j’ai oublié', 'remind me', 'rappelle-moi', 'rappelez-moi', 'me rappeler', 'can you remind me',
  // The article's subject is American: "aux US", "in the United States" place nothing the facts could lack.
  'united states', 'états-unis', 'etats-unis', 'aux états-unis',
  // What one side gets for the other: the getting is asked, "in exchange" is no stock exchange.
  'en échange du', 'en échange de', 'en échange', 'in exchange for', 'in exchange', 'in return for', 'in return', 'en retour',
  'en contrepartie',
  // How a name figures in the article ("in what capacity is Oracle mentioned?"): any fact naming it answers.
  'in what capacity', 'in which capacity', 'en quelle qualité', 'à quel titre',
  // Thanks, and who told the asker: "Un camarade m'a dit que…, merci pour votre aide".
  'merci pour votre aide', 'merci pour ton aide', 'merci de votre aide', 'thanks for your help', 'thanks for the help',
  'm’a dit que', 'm’a dit', 'told me that', 'told me', 'says that', 'a dit que',
  'prétend que', 'prétendent que', 'prétendait que', 'soutient que', 'claims that', 'claimed that', 'insists that', 'reckons that',
  // Reassuring the bot is no worry asked about.
  'don’t worry', 'no worries', 'pas de souci', 'pas de soucis',
  // Apologies for asking, a friend's word, and timing that places nothing: "sorry to bug you", "mon chum me jure".
  'sorry to bug you', 'to bug you', 'bugging you', 'désolé de te déranger', 'désolé de vous déranger', 'me jure', 'm’a juré',
  'swears that', 'swore that', 'dans la foulée', 'in the wake of', 'in the wake',
  'tout le monde', 'à propos de', 'à propos des', 'à propos du', 'en matière de', 'in three lines', 'en trois lignes',
  'settle it', 'settle this', 'settle the debate', 'settle an argument', 'settle the argument', 'on se clashe', 'se clashe', 'tranche stp', 'tranchez svp', 'tranche s’il te plaît', 'tranche s’il vous plaît', 'tranchez s’il vous plaît', 'au final', 'en fin de compte', 'at the end of the day', 'the shape of', 'what shape is', 'what flavour of', 'what flavor of', 'which flavour of', 'which flavor of',
  // The deal's two sides named as a pair: "between the two", "les deux boîtes" count no figure.
  'between the two', 'the two of them', 'both of them', 'les deux boîtes', 'les deux sociétés', 'les deux entreprises',
  'les deux compagnies', 'the two companies', 'the two firms', 'both companies', 'both firms',
  // …and so do the two sides something is good for: "une boucle qui profite aux deux parties", "good for both sides".
  'aux deux parties', 'pour les deux parties', 'aux deux camps', 'pour les deux camps', 'to both parties', 'for both parties', 'to both sides', 'for both sides',
  // When, relative to the news, without asking a date: "à la suite de la nouvelle", "au bout du compte".
  'au bout du compte', 'à la suite de', 'à la suite du', 'à la suite des', 'à la suite de la nouvelle', 'à la suite de l’annonce',
  'suite à la nouvelle', 'suite à l’annonce', 'après la nouvelle', 'after the news', 'following the news',
  'corrigez-moi si je me trompe', 'corrige-moi si je me trompe', 'si je ne me trompe pas', 'correct me if i’m wrong', 'correct me if i am wrong',
  'if i’m not mistaken', 'unless i’m mistaken',
  // What the answer is for: "a one-line answer I can paste into an email", "une phrase à coller dans un courriel".
  'one-line answer', 'one line answer', 'paste into an email', 'paste in an email', 'for an email', 'into an email', 'in an email',
  'à coller dans un courriel', 'dans un courriel', 'pour un courriel', 'dans un mail', 'pour un mail', 'pourriez-vous me fournir', 'pourriez-vous',
  'compte-t-elle', 'compte-t-il', 'comptent-elles', 'comptent-ils',
  // Joining a chat server or channel is no hardware: "new to the server", "nouveau sur le serveur".
  'new to the server', 'new on the server', 'new to this server', 'new in the server', 'new to the channel', 'new here',
  'nouveau sur le serveur', 'nouvelle sur le serveur', 'nouveau sur ce serveur', 'nouvelle sur ce serveur', 'nouveau ici', 'nouvelle ici',
  'get my bearings', 'getting my bearings', 'trouver mes repères', 'prendre mes repères',
  // How one goes about it, when it shows up: "comment OpenAI s'y prend", "on le voit arriver quand".
  's’y prend', 's’y prendre', 's’y prennent', 's’y prendra', 'on le voit arriver', 'voit arriver', 'voir arriver',
  // "au même titre que Google" is "just like", no stock ("titre"); "présenté comme" is how a name is cited.
  'quel établissement', 'pour quel établissement', 'quelle institution', 'pour quelle institution', 'gm gamers', 'good morning gamers', 'morning gamers', 'hey gamers', 'hi gamers', 'yo gamers', 'hello gamers', 'salut les gamers', 'side-eyeing', 'side eyeing', 'side-eye', 'side eye',
  'de manière', 'de façon', 'une fois prêts', 'une fois prêt', 'une fois prête', 'une fois prêtes', 'fin prêt', 'fin prêts', 'so-called', 'so called', 'soi-disant', 'prétendu', 'prétendue', 'side of things', 'side of the story', 'au même titre que', 'au même titre', 'présenté comme', 'présentée comme', 'présentés comme', 'présentées comme', 'est-il présenté', 'présenté',
  // Where the asker heard something, and how someone named it: "a guy on the forum calls this…", "entendu à la radio".
  'on the forum', 'on a forum', 'on reddit', 'on twitter', 'on discord', 'on the radio', 'on tv', 'on the news', 'a guy on',
  'someone on', 'sur le forum', 'sur un forum', 'sur reddit', 'sur twitter', 'à la radio', 'à la télé', 'aux infos', 'un gars sur',
  'quelqu’un sur', 'anything like that', 'something like that',
  'quelque chose comme ça', 'un truc comme ça',
  // How something is done, not money ("sous" is also slang for money): "sous quelle forme", "in what form".
  'sous quelle forme', 'sous forme de', 'sous la forme de', 'in what form', 'in which form',
  // The author saying or citing something is the article itself: "quels rivaux l'auteur cite-t-il ?".
  'l’auteur cite', 'l’auteur mentionne', 'l’auteur évoque', 'l’auteur dit', 'l’auteur parle', 'l’auteur nomme', 'le journaliste cite',
  'the author mentions', 'the author says', 'the author cites', 'the author names', 'the writer says', 'the writer mentions', 'the writer cites',
  // "Dans quel sens évolue…", "in which direction": how something changes is what the facts say of it.
  'dans quel sens', 'in which direction', 'in what direction', 'which way',
  // "In plain terms", "en clair": how to answer, not what.
  'in plain terms', 'in plain english', 'in simple terms', 'simply put', 'put simply', 'en clair', 'en termes simples', 'en gros',
  // "Vous pouvez m'éclairer ?", "enlighten me": asking for an explanation, no light or power.
  'pouvez m’éclairer', 'peux m’éclairer', 'pourriez m’éclairer', 'pourrais m’éclairer', 'pouvez-vous m’éclairer', 'peux-tu m’éclairer',
  'éclairez-moi', 'éclaire-moi', 'éclairer ma lanterne', 'éclairez ma lanterne', 'enlighten me', 'shed some light', 'shed light on',
  // Politeness around the question: "je voulais savoir…", "si ce n'est pas trop demander", "if it's not too much to ask".
  'je voulais savoir', 'je voudrais savoir', 'j’aimerais savoir', 'je souhaiterais savoir', 'je souhaitais savoir',
  'si ce n’est pas trop demander', 'si c’est pas trop demander', 'sans vouloir abuser', 'i wanted to know', 'i was wondering',
  'i’d like to know', 'i would like to know', 'if it’s not too much to ask', 'if it is not too much to ask', 'if you don’t mind',
  // Risks "raised", "soulevés" by the article: how they are put, not what is asked.
  'dans le texte', 'selon le texte', 'd’après le texte', 'in the text', 'per the text',
  'soulevés', 'soulevées', 'soulevé', 'soulevée', 'soulève', 'soulèvent', 'pointés', 'pointées', 'formulés', 'formulées', 'relevés', 'relevées',
  // Wishes and thanks around a question: "j'aimerais savoir…", "merci d'avance à celui qui me répondra".
  'j’aimerais savoir', 'aimerais', 'aimerait', 'aimerions', 'celui qui me répondra', 'celle qui me répondra', 'me répondra', 'répondra', 'merci d’avance à',
  'je reviens vers vous', 'je reviens vers toi', 'reviens vers vous', 'points de vue', 'point de vue',
  // "De quel ordre de grandeur ?": how big, asked by the question word, not a comparison.
  'ordre de grandeur', 'quel ordre de grandeur', 'order of magnitude', 'what order of magnitude', 'ballpark',
  // "le monsieur avocat", "la dame de Bernstein": polite words before a role.
  'le monsieur', 'la dame', 'monsieur', 'madame',
  // "OpenAI est en train de fabriquer…": in the course of, no training of models.
  'en train de', 'en train d’', 'est en train', 'sont en train',
  // What the answer is for: "dans notre note client", "for a client memo".
  'note client', 'note clients', 'notre note client', 'note aux clients', 'note de synthèse', 'client note', 'client memo', 'client notes',
  'pourrions', 'pourrions-nous', 'pourriez', 'pourriez-vous', 'pourrais-je', 'pourrait-on', 'devrions', 'devrions-nous',
  // The day of the news and what the answer is for: "le jour J", "accueilli la nouvelle", "je prépare un slide pour le comité".
  'le jour j', 'jour j', 'accueilli la nouvelle', 'accueillent la nouvelle', 'cette nouvelle', 'à la nouvelle', 'de bout en bout', 'from start to finish', 'end to end',
  'je prépare un slide', 'je prépare une slide', 'prépare un slide', 'prépare une slide', 'pour un slide', 'pour une slide',
  // "compagnon de route de longue date", "l'analyste reconnaît", "selon la conclusion": a tie's age, a verb of
  // saying, the article's closing section.
  'de longue date', 'reconnaît', 'reconnait', 'reconnaissent', 'concède', 'admet', 'selon la conclusion', 'dans la conclusion',
  'en conclusion', 'in the conclusion', 'in its conclusion', 'the conclusion says',
  'au fond', 'dans le fond', 'sur le fond',
];
