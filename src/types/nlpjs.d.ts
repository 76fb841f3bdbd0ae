// The two Snowball stemmers of nlp.js that the question engine uses (the packages ship no types).
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    /** Snowball (Porter 2) stem of one lower-case English word. */
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-fr' {
  export class StemmerFr {
    /** Snowball stem of one lower-case French word (accents may be folded first). */
    stemWord(word: string): string;
  }
}
