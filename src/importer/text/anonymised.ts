/**
 * Placeholders for withheld names and numbers: ×同志, ×××, ×名, ×个, XX县.
 * They are kept (they are what the source says) and flagged, one flag per
 * distinct form, so an editor can see what was withheld.
 */

/** A run of placeholder marks and the word it stands in for. */
const PLACEHOLDER = /(?<![A-Za-z\d])([×✕╳Ｘ]+|X{2,}|X(?=[\p{Script=Han}]))(同志|书记|副书记|区长|县长|市长|省长|主任|部长|局长|同学|先生|女士|名|个|件|位|人|项|次|家|条|处|村|镇|乡|县|区|市|省|河|山)?/gu;

/** One occurrence of a placeholder. */
export interface Placeholder {
  /** The form as it stands, e.g. `×同志`. */
  form: string;
  index: number;
}

/** Placeholders in `text`; a × between digits (3×4) is multiplication, not a placeholder. */
export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const before = text[m.index - 1];
    const after = text[m.index + m[0].length];
    if (before !== undefined && /[\d.]/.test(before) && after !== undefined && /\d/.test(after)) continue;
    if (/^X/.test(m[0]) && before !== undefined && /[A-Za-z]/.test(before)) continue;
    found.push({ form: m[0], index: m.index });
  }
  return found;
}
