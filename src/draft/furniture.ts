// What a news page carries around its article: navigation, "read also" links, share buttons, comment
// forms. The article readers drop it, so no candidate fact is ever drafted from it.

/** Phrases (fr, en) that open a block of links to other pages: the block is dropped with them. */
export const RELATED_HEADINGS =
  /^(?:[àa] lire aussi|lire aussi|voir aussi|sur le m[êe]me sujet|ceci pourrait vous plaire|vous aimerez aussi|vous pourriez aimer|articles? similaires?|read also|read more|see also|related(?: articles| stories)?|you may also like|more on this|recommended)\b/i;

/** Lines that open the comment form: everything after them is dropped. */
export const COMMENT_FORM =
  /^(?:laisser un commentaire|laissez un commentaire|ajouter un commentaire|r[ée]agir|\d+ commentaires?|commentaires|leave a (?:reply|comment)|post a comment|add a comment|\d+ comments?|comments)\s*$/i;

/** Short lines that are page chrome wherever they stand (share buttons, empty fields, prompts). */
export const CHROME_LINE =
  /^(?:partager(?: sur .*)?|share(?: on .*| this)?|tweet(?:er)?|imprimer|print|copier le lien|copy link|e-?mail|s'il vous pla[iî]t entrez votre .*|please enter your .*|votre (?:nom|commentaire|adresse e-?mail).*|date\s*:|publi[ée] le\s*:?|par\s*:|by\s*:|tags?\s*:.*|mots-cl[ée]s\s*:.*|accueil|home|menu|newsletter|abonnez-vous.*|subscribe.*)$/i;

/** Class, id or role words that mark page chrome in HTML. */
export const CHROME_ATTRIBUTE =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|related|read-?also|lire-?aussi|a-lire|comments?|respond|reply|newsletter|subscribe|advert|ads|ad|promo|sidebar|widget|cookies?|popup|modal|byline|author|tags|banner|site-header|site-footer|pagination)(?:$|[\s_-])/i;

/** ARIA roles of page chrome. */
export const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'form', 'dialog']);

/** A line that is only a date, such as the site's "sam 7 février 2026" header (not a publication date). */
export const DATE_ONLY_LINE =
  /^(?:(?:lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun)\w*\.?\s+)?\d{1,2}(?:er)?\s+\p{L}+\.?\s+\d{4}$/iu;
