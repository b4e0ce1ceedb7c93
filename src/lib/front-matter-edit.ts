/**
 * Edits front matter line by line, so everything a staff member wrote (field
 * order, comments, quoting) stays as it was. Used by `npm run new` and by the
 * fixture generator.
 */
const FENCE = /^---\s*$/;

/** The lines of the front matter block and where it ends (index of the closing ---). */
function frontMatterLines(source: string): { lines: string[]; end: number } {
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) throw new Error('the file has no front matter (it must start with ---)');
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end === -1) throw new Error('the front matter is not closed (no second --- line)');
  return { lines, end };
}

/** A YAML scalar as staff would type it: plain when safe, else single-quoted. */
export function yamlScalar(value: string): string {
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value)) return value;
  if (value === '' || /^[\s#&*!|>'"%@`{[\]},?:-]|: | #|\s$/.test(value) || /^(true|false|null|yes|no|~|[\d.+-]+)$/i.test(value)) {
    return `'${value.replace(/'/g, "''")}'`;
  }
  return value;
}

/**
 * Sets top-level front-matter fields: replaces `key: …` where it is (with any
 * indented lines under it), adds missing keys before the closing ---, and
 * removes keys whose value is undefined.
 */
export function setFrontMatterFields(source: string, fields: ReadonlyArray<readonly [string, string | undefined]>): string {
  const { lines, end } = frontMatterLines(source);
  const head = lines.slice(1, end);
  for (const [key, value] of fields) {
    const at = head.findIndex((line) => line.startsWith(`${key}:`));
    let stop = at + 1;
    while (at !== -1 && stop < head.length && /^(\s+|\s*-\s)/.test(head[stop]!) && head[stop]!.trim() !== '') stop++;
    const replacement = value === undefined ? [] : [`${key}: ${yamlScalar(value)}`];
    if (at === -1) head.push(...replacement);
    else head.splice(at, stop - at, ...replacement);
  }
  return [lines[0]!, ...head, ...lines.slice(end)].join('\n');
}

/** The value of a top-level front-matter field as written (quotes removed), if present on one line. */
export function frontMatterField(source: string, key: string): string | undefined {
  const { lines, end } = frontMatterLines(source);
  const line = lines.slice(1, end).find((l) => l.startsWith(`${key}:`));
  if (!line) return undefined;
  const raw = line.slice(key.length + 1).trim();
  if (raw === '') return undefined;
  const quoted = /^'(.*)'$/.exec(raw) ?? /^"(.*)"$/.exec(raw);
  return quoted ? quoted[1]!.replace(/''/g, "'") : raw.replace(/\s+#.*$/, '');
}
