/**
 * Document ids in the browser editor, by the archive's rules
 * (src/lib/title-slug.ts). jieba, which groups the importer's syllables into
 * words, runs only in Node, so here every Chinese character is its own word:
 * 议事规则 gives yi-shi-gui-ze where `npm run new` gives yishi-guize. Both are
 * valid, stable ids; an id never changes once the file exists.
 */
import { sha256 } from 'js-sha256';
import { createSlugger } from '../../lib/title-slug.ts';

/** Runs of ASCII letters and digits, else single characters. */
function characters(text: string): string[] {
  return text.match(/[a-z0-9]+|[\s\S]/giu) ?? [];
}

/** The browser's id functions. */
export const browserSlugger = createSlugger({ segment: characters, sha256Hex: (value) => sha256(value) });
