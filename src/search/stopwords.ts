// Stop words of English and French questions, after normalizeText (no accents, lower case).
// Removing them mattered more than any fuzzy-matching option: "what is the …" must not match facts.
// Question words are stop words here; intent.ts reads them before they are dropped. So are
// generic verbs ("make", "use", "happen", "mean"): "does OpenAI make its own chips" is about chips.
// "own" is not: it is what "its own processors" is about.

const EN = `a about above after again against all am an and any are aren as at be because been before
being below between both but by can cannot could couldn did didn do does doesn doing don down during each
few for from further had has have having he her here hers herself him himself his how i if in into is isn
it its itself just let me more most my myself no nor not now of off on once only or other ought our ours
ourselves out over same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was wasn we were what whats when where which while
who whom whose why will with won would you your yours yourself yourselves also any anything something
tell please show give know say said says saying told think thing things get got go going much many
hi hello hey thanks thank ok okay yes yeah want wanna need like info information explain could can may might
shall whats wheres whos hows ll ve re d s t m
make makes making made use uses used using put puts putting happen happens happened happening mean means meant`;

const FR = `a au aux avec ce ces cet cette ceci cela ca celle celles celui ceux chez comme comment dans de des
du elle elles en entre est et etre eu ete etes etait etaient il ils je la le les leur leurs lui ma mais me
meme mes moi mon ne ni nos notre nous on ont ou par pas pour qu que quel quelle quelles quels qui quoi sa
sans se ses si son sont sur ta te tes toi ton tu un une vos votre vous y a ai as avons avez avoir sera
seront serait fait faire quand combien pourquoi ou dont lequel laquelle lesquels va vont peut peuvent
pourrait pourraient doit tout tous toute toutes tres bien aussi alors donc car plus moins
dit dire disent raconte montre donne explique bonjour salut merci stp svp sil plait veux voudrais
est-ce quoi ya cest jai passe signifie utilise utilisee utiliser`;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

export const STOP_EN: ReadonlySet<string> = new Set(words(EN));
export const STOP_FR: ReadonlySet<string> = new Set(words(FR));
export const STOP_WORDS: ReadonlySet<string> = new Set([...STOP_EN, ...STOP_FR]);

/** French words that are frequent enough to tell the language on their own (for detectLang). */
export const FR_MARKERS: ReadonlySet<string> = new Set(
  words(`le la les des du de est et un une dans pour sur avec quand combien qui quoi quel quelle quels
  quelles pourquoi comment que qu au aux ce cette ces sont ont il elle ils nous vous leur pas mais ou
  dit a-t-il est-ce faire fait premiere phase commence`).filter((w) => w !== 'phase' && w !== 'a'),
);
/** English words that tell the language on their own. */
export const EN_MARKERS: ReadonlySet<string> = new Set(
  words(`the what when who whom whose how why which is are was were does did do of and to in on for with
  will would could should much many about say said tell me show give first start starts begin this that`),
);
