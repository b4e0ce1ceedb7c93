/**
 * The one writer of document files: front matter in the archive's field
 * order, then the Markdown body. The importer's emit stage and the browser
 * editor (/admin/, src/client/admin/) both write through it, so a document
 * saved from the form reads exactly like an imported one. Framework-free:
 * gray-matter's stringify (js-yaml) runs in Node and in the browser bundle.
 */
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';

/**
 * Top-level front-matter fields in the order files carry them: the order the
 * importer writes, with `tags` (which it never writes) beside `aliases`, and
 * `work`/`adopted` last, where `npm run new -- revision` adds them.
 */
export const FRONT_MATTER_ORDER = [
  'id', 'title', 'subtitle', 'type', 'status', 'date', 'date_note', 'issuer', 'region', 'doc_number',
  'speaker', 'meeting', 'effective', 'aliases', 'tags', 'source', 'original_script', 'quality', 'work', 'adopted',
] as const;

/** The fields of `source`, in the order the importer writes them. */
const SOURCE_ORDER = ['name', 'url', 'retrieved', 'sha256'] as const;

/** True for what a form leaves behind in an unused field: '', null, [], {}. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function ordered(value: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...order, ...Object.keys(value).filter((k) => !order.includes(k))]) {
    const field = value[key];
    if (!isEmpty(field)) out[key] = field;
  }
  return out;
}

/** Drops empty values (recursively) and puts fields in the archive's order. */
export function orderFrontMatter(data: Record<string, unknown>): Record<string, unknown> {
  const out = ordered(data, FRONT_MATTER_ORDER);
  if (out.source && typeof out.source === 'object') {
    const source = ordered(out.source as Record<string, unknown>, SOURCE_ORDER);
    if (isEmpty(source)) delete out.source;
    else out.source = source;
  }
  const quality = out.quality as { flags?: unknown } | undefined;
  if (quality) {
    const flags = Array.isArray(quality.flags)
      ? // A flag keeps its own key order (the importer's differs by kind).
        quality.flags.map((flag) => ordered(flag as Record<string, unknown>, [])).filter((flag) => !isEmpty(flag))
      : [];
    if (flags.length === 0) delete out.quality;
    else out.quality = { flags };
  }
  for (const key of ['aliases', 'tags'] as const) {
    if (Array.isArray(out[key])) {
      const list = (out[key] as unknown[]).map((item) => String(item).trim()).filter(Boolean);
      if (list.length === 0) delete out[key];
      else out[key] = list;
    }
  }
  return out;
}

/** A document file: front matter (ordered, empty fields dropped) and the body, ending in one newline. */
export function documentSource(data: Record<string, unknown>, body: string): string {
  const text = body.replace(/\r\n?/g, '\n').replace(/^\n+/, '');
  return matter.stringify(text.endsWith('\n') ? text : `${text}\n`, orderFrontMatter(data)).replace(/\n+$/, '\n');
}

/**
 * Reads a document file into its front matter and body, values as written:
 * YAML 1.2 core schema, so `date: 2019-10-29` stays the text 2019-10-29, and a
 * bare year (`date: 2019`) is turned back into text.
 */
export function parseDocumentSource(source: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { data: {}, body: source };
  const data = (parseYaml(match[1]!, { schema: 'core' }) ?? {}) as Record<string, unknown>;
  for (const key of ['date', 'effective', 'adopted'] as const) {
    if (typeof data[key] === 'number') data[key] = String(data[key]);
  }
  const source_ = data.source as Record<string, unknown> | undefined;
  if (source_ && typeof source_.retrieved === 'number') source_.retrieved = String(source_.retrieved);
  return { data, body: source.slice(match[0].length) };
}
