/**
 * The browser editor's configuration (Decap CMS, served as /admin/config.yml)
 * made from the document schema: one collection per document kind, each with
 * exactly the fields the schema gives that kind, their Chinese labels,
 * required flags, patterns and options. A schema field without a form field
 * stops the build here, so the form and the build's validation cannot drift
 * apart. Framework-free; src/pages/admin/config.yml.ts writes it as YAML.
 */
import type { z } from 'astro/zod';
import { documentSchema, partialDate } from '../../schemas/document.ts';
import { FIELD_LABELS } from '../field-labels.ts';
import { PARTIAL_DATE_PATTERN } from '../open-data.ts';
import { ruleSkeleton } from '../rule-skeleton.ts';
import { EDITOR_FORMAT, FOLDER_KEY } from './constants.ts';
import { DOCUMENT_TYPES, QUALITY_FLAG_KINDS, type DocumentType } from '../vocabulary.ts';

/** One Decap field (`name`, `label`, `widget` and the widget's options). */
export type EditorField = { name: string; label: string; widget: string; required?: boolean } & Record<string, unknown>;

/** One Decap folder collection. */
export type EditorCollection = { name: string; label: string; fields: EditorField[] } & Record<string, unknown>;

/** The hosted backend, when the site is edited through GitHub or GitLab (see README, Staff publishing). */
export interface HostedBackend {
  name: 'github' | 'gitlab';
  /** `owner/name` of the repository, e.g. org/archive. */
  repo: string;
  /** Branch the editor commits to; default main. */
  branch?: string;
  /** GitHub: the OAuth server that holds the OAuth app's secret, e.g. https://auth.example.org; GitLab: a self-hosted GitLab's address. */
  base_url?: string;
  /** GitLab: `pkce` with an OAuth application's id. */
  auth_type?: string;
  app_id?: string;
  /** A self-hosted GitLab, e.g. https://gitlab.example.org. */
  api_root?: string;
}

/** What the configuration depends on besides the schema. */
export interface EditorConfigOptions {
  /** The content folder relative to the repository root (where the backend writes), e.g. content. */
  folder: string;
  /** The local backend's address (decap-server), default Decap's http://localhost:8081/api/v1. */
  localBackendUrl?: string;
  /** A hosted backend; without one the editor works only with the local backend. */
  backend?: HostedBackend;
  /** The archive's public address, for Decap's "view site" link. */
  siteUrl?: string;
}

export { EDITOR_FORMAT, FOLDER_KEY };

const DATE_RULE: [string, string] = [PARTIAL_DATE_PATTERN, '请写成 YYYY、YYYY-MM 或 YYYY-MM-DD，如 2019、2019-10、2019-10-29'];
const DATE_HINT = '只写原文给出的部分：2019、2019-10 或 2019-10-29；不知道就留空';
const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]*$';

/**
 * 发文字号 as the archive writes them: the issuer's abbreviation, the year in
 * 〔〕 and the number (青人常发〔2023〕4号, 国发〔2007〕第19号), or an order's
 * number (国务院令第588号, 主席令第十二号).
 */
export const DOC_NUMBER_PATTERN = '^[^\\s〔〕]{1,20}(〔\\d{4}〕第?\\d+号|第[\\d一二三四五六七八九十百千零〇]+号)$';

/** Chinese labels of the fields that have none on the page. */
const EXTRA_LABELS: Record<string, string> = {
  body: '正文',
  quality: '质量标注',
  'source.name': '来源名称',
  'source.url': '原文链接',
  'source.retrieved': '收录日期',
  'source.sha256': '原始文件校验值（SHA-256）',
  'quality.flags': '问题',
  'flag.kind': '问题类别',
  'flag.note': '说明',
  'flag.line': '正文行号',
  'flag.column': '列号',
  'flag.text': '涉及文字',
  'flag.field': '涉及著录项目',
  'flag.candidates': '其他候选',
};

function label(path: string): string {
  const known = (FIELD_LABELS as Record<string, string>)[path] ?? EXTRA_LABELS[path];
  if (!known) throw new Error(`editor config: field "${path}" has no Chinese label; add it to src/lib/field-labels.ts or EXTRA_LABELS in src/lib/editor/config.ts`);
  return known;
}

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; element?: AnySchema; shape?: Record<string, AnySchema> } };

/** The schema under `optional` and `default` wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  while (current.def.type === 'optional' || current.def.type === 'default') current = current.def.innerType!;
  return current;
}

/** True when the field may be left out (optional, or has a default). */
function isOptional(schema: AnySchema): boolean {
  return schema.safeParse(undefined).success;
}

/** True for a field a kind must not have (`z.never().optional()`): it gets no form field. */
export function isForbidden(schema: AnySchema): boolean {
  return unwrap(schema).def.type === 'never';
}

function enumValues(schema: AnySchema): string[] {
  const inner = unwrap(schema) as unknown as { options?: readonly string[] };
  if (!inner.options) throw new Error('editor config: expected an enum');
  return [...inner.options];
}

/** The widget of one field, from its schema and name; fields the form cannot express stop the build. */
function fieldFor(path: string, name: string, schema: AnySchema, kind: DocumentType): EditorField {
  const base = { name, label: label(path), required: !isOptional(schema) };
  const inner = unwrap(schema);
  const string = (extra: Record<string, unknown> = {}): EditorField => ({ ...base, widget: 'string', ...extra });
  if (inner === (partialDate as unknown as AnySchema)) return string({ pattern: DATE_RULE, hint: DATE_HINT });
  switch (path) {
    case 'id':
      return string({
        required: false,
        pattern: [SLUG_PATTERN, '只用小写字母 a–z、数字和连字符'],
        hint: '新建时留空：保存时由日期和标题的拼音生成（如 2025-03-01-qing-he-qu-…），此后不再改变，它决定文件的网址',
      });
    case 'type':
      return { ...base, widget: 'hidden', default: kind };
    case 'title':
      return string({ hint: '完整标题，如 青禾区人民代表大会常务委员会议事规则' });
    case 'status':
      return { ...base, widget: 'select', options: enumValues(schema), ...(kind === 'rule' ? { default: '现行有效' } : {}), hint: '时效性：新版本生效后，旧版本改为 已修订' };
    case 'doc_number':
      return string({ pattern: [DOC_NUMBER_PATTERN, '如 青人常发〔2023〕4号 或 国务院令第588号；年份用六角括号〔〕'], hint: '如 青人常发〔2023〕4号' });
    case 'work':
      return string({
        pattern: [SLUG_PATTERN, '只用小写字母 a–z、数字和连字符'],
        hint: '同一法规各版本共用的编号；新建时留空则由标题生成，新版本填旧版本的 所属法规',
      });
    case 'original_script':
      // No default: left empty it is not written, as the importer writes it only for zh-Hant.
      return { ...base, widget: 'select', options: [{ label: '简体', value: 'zh-Hans' }, { label: '繁体（已转为简体）', value: 'zh-Hant' }] };
    case 'tags':
    case 'aliases':
    case 'flag.candidates':
      return { ...base, widget: 'list', hint: '多项用逗号分隔' };
    case 'source.url':
      return string({ pattern: ['^https?://\\S+$', '须为以 http:// 或 https:// 开头的完整网址'] });
    case 'source.sha256':
      return string({ pattern: ['^[0-9a-f]{64}$', '64 位小写十六进制'], hint: '导入程序填写；手工录入时留空' });
    case 'flag.kind':
      return { ...base, widget: 'select', options: enumValues(schema).map((value) => ({ label: QUALITY_FLAG_KINDS[value as keyof typeof QUALITY_FLAG_KINDS], value })) };
    case 'flag.line':
    case 'flag.column':
      return { ...base, widget: 'number', value_type: 'int', min: 1 };
  }
  if (inner.def.type === 'object') {
    const childPath = (key: string) => (path === 'quality.flags' ? `flag.${key}` : `${path}.${key}`);
    return { ...base, widget: 'object', collapsed: true, fields: objectFields(inner, childPath, kind) };
  }
  if (inner.def.type === 'array' && unwrap(inner.def.element!).def.type === 'object') {
    return { ...base, widget: 'list', collapsed: true, fields: objectFields(unwrap(inner.def.element!), (key) => `flag.${key}`, kind) };
  }
  if (inner.def.type === 'string') return string();
  throw new Error(`editor config: no form field for "${path}" (${inner.def.type}); add one in src/lib/editor/config.ts`);
}

function objectFields(schema: AnySchema, pathOf: (key: string) => string, kind: DocumentType): EditorField[] {
  return Object.entries(schema.def.shape!)
    .filter(([, field]) => !isForbidden(field))
    .map(([key, field]) => fieldFor(pathOf(key), key, field, kind));
}

/** The form fields of one document kind, in the order files carry them, then the body. */
export function kindFields(kind: DocumentType): EditorField[] {
  const variant = documentSchema.options.find((option) => (option.shape.type as unknown as { value: string }).value === kind);
  if (!variant) throw new Error(`editor config: the schema has no kind ${kind}`);
  const fields = objectFields(variant as unknown as AnySchema, (key) => key, kind);
  const body: EditorField = {
    name: 'body',
    label: label('body'),
    widget: 'text',
    required: false,
    hint: kind === 'rule' ? 'Markdown：## 第一章　总则 作章标题，每条一段，以 第X条 开头' : 'Markdown：## 一、… 作标题，每段之间空一行',
    ...(kind === 'rule' ? { default: ruleSkeleton() } : {}),
  };
  return [...fields, body];
}

/** One collection per document kind, all in the content folder, told apart by `type`. */
export function editorCollections(folder: string): EditorCollection[] {
  return (Object.keys(DOCUMENT_TYPES) as DocumentType[]).map((kind) => ({
    name: kind,
    label: DOCUMENT_TYPES[kind],
    label_singular: DOCUMENT_TYPES[kind],
    folder,
    // A new file goes where `npm run new` puts it: <year or undated>/<id>.md (the editor sets both on save).
    // Not {{fields.…}}: Decap turns the dots of a path template into hyphens.
    path: `{{${FOLDER_KEY}}}/{{slug}}`,
    slug: '{{fields.id}}',
    extension: 'md',
    format: EDITOR_FORMAT,
    filter: { field: 'type', value: kind },
    create: true,
    summary: '{{title}}（{{date}}）',
    sortable_fields: ['date', 'title'],
    fields: kindFields(kind),
  }));
}

/** The whole configuration, as Decap reads it from config.yml. */
export function editorConfig(options: EditorConfigOptions): Record<string, unknown> {
  const backend = options.backend ?? { name: 'proxy', proxy_url: options.localBackendUrl ?? 'http://localhost:8081/api/v1' };
  return {
    locale: 'zh_Hans',
    backend: { branch: 'main', commit_messages: { create: '新增{{collection}}：{{slug}}', update: '修改{{collection}}：{{slug}}', delete: '删除{{collection}}：{{slug}}', uploadMedia: '上传 {{path}}', deleteMedia: '删除 {{path}}' }, ...backend },
    local_backend: options.localBackendUrl ? { url: options.localBackendUrl } : true,
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    // The archive has no images; Decap requires a media folder all the same.
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    publish_mode: 'simple',
    slug: { encoding: 'ascii', clean_accents: true },
    collections: editorCollections(options.folder),
  };
}

/**
 * The options from the environment (README, Staff publishing): the content
 * folder as the backend sees it (WENYUAN_ADMIN_FOLDER, default content), the
 * local backend's address (WENYUAN_ADMIN_LOCAL_URL, set by `npm run admin`),
 * a hosted backend (WENYUAN_ADMIN_BACKEND=github:org/archive or
 * gitlab:group/archive, with WENYUAN_ADMIN_BRANCH, WENYUAN_ADMIN_AUTH_URL,
 * WENYUAN_ADMIN_GITLAB_APP_ID, WENYUAN_ADMIN_GITLAB_URL). A bad value throws,
 * naming the variable.
 */
export function editorOptionsFromEnv(env: Record<string, string | undefined>, siteUrl?: string): EditorConfigOptions {
  const folder = (env.WENYUAN_ADMIN_FOLDER ?? 'content').replace(/^\.?\/+|\/+$/g, '');
  if (!folder || folder.split('/').includes('..')) throw new Error(`WENYUAN_ADMIN_FOLDER "${env.WENYUAN_ADMIN_FOLDER}" must be a folder inside the repository, e.g. content`);
  const options: EditorConfigOptions = { folder, ...(siteUrl ? { siteUrl } : {}) };
  const local = env.WENYUAN_ADMIN_LOCAL_URL;
  if (local !== undefined) {
    if (!/^https?:\/\/[^/\s]+\/\S*$/.test(local)) throw new Error(`WENYUAN_ADMIN_LOCAL_URL "${local}" must be the local backend's address, e.g. http://localhost:8081/api/v1`);
    options.localBackendUrl = local;
  }
  const hosted = env.WENYUAN_ADMIN_BACKEND;
  if (hosted) {
    const match = /^(github|gitlab):([\w.-]+(?:\/[\w.-]+)+)$/.exec(hosted);
    if (!match) throw new Error(`WENYUAN_ADMIN_BACKEND "${hosted}" must be github:<owner>/<repository> or gitlab:<group>/<repository>`);
    const backend: HostedBackend = { name: match[1] as HostedBackend['name'], repo: match[2]!, branch: env.WENYUAN_ADMIN_BRANCH ?? 'main' };
    if (backend.name === 'github' && env.WENYUAN_ADMIN_AUTH_URL) backend.base_url = env.WENYUAN_ADMIN_AUTH_URL;
    if (backend.name === 'gitlab' && env.WENYUAN_ADMIN_GITLAB_APP_ID) {
      backend.auth_type = 'pkce';
      backend.app_id = env.WENYUAN_ADMIN_GITLAB_APP_ID;
    }
    if (backend.name === 'gitlab' && env.WENYUAN_ADMIN_GITLAB_URL) {
      const root = env.WENYUAN_ADMIN_GITLAB_URL.replace(/\/$/, '');
      if (!/^https:\/\/[^/\s]+$/.test(root)) throw new Error(`WENYUAN_ADMIN_GITLAB_URL "${root}" must be the address of a GitLab, e.g. https://gitlab.example.org`);
      backend.base_url = root;
      backend.api_root = `${root}/api/v4`;
    }
    options.backend = backend;
  }
  return options;
}
