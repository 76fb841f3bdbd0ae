// Loads, ahead of the first question, what the engine otherwise loads on first use: the taggers
// that read unknown words (about 0.6 s) and the English and French word lists (about 1 s).
// `dealbot start` calls it before connecting, so no question waits on it.
import { warmDictionary } from './dictionary.ts';
import { warmPartsOfSpeech } from './pos.ts';

export function warmLanguageData(): void {
  warmPartsOfSpeech();
  warmDictionary();
}
