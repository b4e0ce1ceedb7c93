/**
 * The text a new rule starts from, for `npm run new -- rule` and the browser
 * editor's new-rule form: 第一章　总则 and a first 第一条 to fill in.
 * Framework-free, so the editor's bundle can use it.
 */

/** What a rule calls itself in its text: 本条例, 本办法, 本细则, 本规定, else 本规则. */
export function selfName(title: string): string {
  const kind = /(实施细则|实施办法|条例|办法|细则|规定|规则|章程|准则)$/.exec(title.trim())?.[1];
  return `本${kind ?? '规则'}`;
}

/** The body skeleton of a new rule, e.g. …结合本地实际，制定本办法。 for a title ending 办法. */
export function ruleSkeleton(title = ''): string {
  return ['## 第一章　总则', '', `第一条　为了……，根据……，结合本地实际，制定${selfName(title)}。`, ''].join('\n');
}
