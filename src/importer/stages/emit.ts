/**
 * Stage 5, emit: front matter + Markdown body → one document, validated
 * against the site's schema before anything is written. `renderDocument` is
 * pure; `writeDocumentFile` is the only importer code besides the CLI that
 * touches the file system, and it never overwrites without `force`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasStatus, validateFrontMatter, type FrontMatterProblem } from '../../schemas/document.ts';
import type { Block, QualityFlag } from '../types.ts';
import type { DetectedMeta } from '../meta.ts';
import type { CleanStats } from './clean.ts';
import { positionOf, renderBody } from '../markdown.ts';
import { findPlaceholders } from '../text/anonymised.ts';
import { documentId } from '../slug.ts';
import { documentSource } from '../../lib/front-matter-write.ts';

/** Everything emit needs about one document. */
export interface EmitInput {
  meta: DetectedMeta;
  blocks: Block[];
  consumed: ReadonlyMap<number, string>;
  /** Flags from structure (dates, inferred title). */
  flags: QualityFlag[];
  script: 'zh-Hans' | 'zh-Hant';
  stats: CleanStats;
  sha256: string;
  retrieved?: string;
}

/** A rendered document ready to write, or why it cannot be. */
export type Rendered =
  | { ok: true; id: string; path: string; frontMatter: Record<string, unknown>; body: string; content: string; flags: QualityFlag[] }
  | { ok: false; reason: string; problems: FrontMatterProblem[] };

/** Flags for the text as it stands in the rendered body: garbled spans and placeholders. */
function bodyFlags(body: string, garbled: Array<{ text: string; offset: number }>, placeholders: boolean): QualityFlag[] {
  const flags: QualityFlag[] = garbled.map((g) => ({
    kind: 'garbled',
    note: `第${positionOf(body, g.offset).line}行有乱码（原文编码错误，无法恢复），保留原样`,
    ...positionOf(body, g.offset),
    text: g.text,
  }));
  const forms = new Map<string, { count: number; offset: number }>();
  for (const p of placeholders ? findPlaceholders(body) : []) {
    const seen = forms.get(p.form);
    if (seen) seen.count++;
    else forms.set(p.form, { count: 1, offset: p.index });
  }
  for (const [form, { count, offset }] of forms) {
    const at = positionOf(body, offset);
    flags.push({ kind: 'anonymised', note: `原文以"${form}"隐去姓名或数字，共${count}处（首次见第${at.line}行）`, ...at, text: form });
  }
  return flags;
}

/** Builds the front matter and body, and validates them with the site's schema. */
export function renderDocument(input: EmitInput): Rendered {
  const { meta } = input;
  const title = meta.title?.value ?? '';
  const date = meta.date?.value;
  const id = documentId(title, date, {
    ...(meta.subtitle && meta.type.value === 'rule' ? { subtitle: meta.subtitle.value } : {}),
    disambiguate: meta.type.value === 'rule',
  });
  const rendered = renderBody(input.blocks.filter((_, i) => !input.consumed.has(i)));
  // In rules, ×× is a form template (国械注准××××) or multiplication, not a withheld name.
  const flags: QualityFlag[] = [...bodyFlags(rendered.markdown, rendered.garbled, meta.type.value !== 'rule'), ...input.flags];
  if (input.script === 'zh-Hant') flags.push({ kind: 'converted-script', note: `原文为繁体中文，已转换为简体（${input.stats.converted}字）` });
  if (input.stats.pinyinRemoved > 0) flags.push({ kind: 'pinyin-removed', note: `已删除转换工具插入的拼音注音${input.stats.pinyinRemoved}处` });

  const data: Record<string, unknown> = { id, title };
  if (meta.subtitle) data.subtitle = meta.subtitle.value;
  data.type = meta.type.value;
  if (meta.status && hasStatus(meta.type.value)) data.status = meta.status.value;
  if (date) data.date = date;
  if (meta.date_note) data.date_note = meta.date_note.value;
  for (const key of ['issuer', 'region', 'doc_number', 'speaker', 'meeting', 'effective'] as const) {
    if (meta[key]) data[key] = meta[key]!.value;
  }
  if (meta.aliases) data.aliases = meta.aliases.value;
  const source: Record<string, string> = {};
  if (meta.source_name) source.name = meta.source_name.value;
  if (meta.source_url) source.url = meta.source_url.value;
  if (input.retrieved) source.retrieved = input.retrieved;
  source.sha256 = input.sha256;
  data.source = source;
  if (input.script === 'zh-Hant') data.original_script = 'zh-Hant';
  if (flags.length > 0) data.quality = { flags };
  // Last, where `npm run new -- revision` adds them to an imported file, so both ways give the same layout.
  if (meta.type.value === 'rule') {
    if (meta.work) data.work = meta.work.value;
    if (meta.adopted) data.adopted = meta.adopted.value;
  }

  const checked = validateFrontMatter(data);
  if (!checked.ok) {
    return {
      ok: false,
      reason: `front matter invalid: ${checked.problems.map((p) => `${p.field || '(document)'}: ${p.message}`).join('; ')}`,
      problems: checked.problems,
    };
  }
  const folder = date ? date.slice(0, 4) : 'undated';
  const content = documentSource(data, rendered.markdown);
  return { ok: true, id, path: `${folder}/${id}.md`, frontMatter: data, body: rendered.markdown, content, flags };
}

/** Result of writing one document. */
export type WriteResult = { written: true; file: string } | { written: false; file: string; reason: string };

/** Writes a rendered document under `outDir`; refuses to overwrite unless `force`. */
export function writeDocumentFile(outDir: string, relativePath: string, content: string, force: boolean): WriteResult {
  const file = join(outDir, relativePath);
  if (!force && existsSync(file)) {
    return { written: false, file, reason: `${file} already exists; use --force to overwrite it` };
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return { written: true, file };
}
