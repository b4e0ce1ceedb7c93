import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { documentSchema } from '../../../src/schemas/document.ts';
import {
  DOC_NUMBER_PATTERN,
  editorCollections,
  editorConfig,
  editorOptionsFromEnv,
  type EditorField,
} from '../../../src/lib/editor/config.ts';
import { PARTIAL_DATE_PATTERN } from '../../../src/lib/open-data.ts';
import { ruleSkeleton } from '../../../src/lib/rule-skeleton.ts';
import { DOCUMENT_TYPES, STATUSES, TYPES_WITH_STATUS, type DocumentType } from '../../../src/lib/vocabulary.ts';
import { GET } from '../../../src/pages/admin/config.yml.ts';

type Node = z.ZodType & { def: { type: string; innerType?: Node; element?: Node; shape?: Record<string, Node> } };

const unwrap = (schema: Node): Node => (schema.def.type === 'optional' || schema.def.type === 'default' ? unwrap(schema.def.innerType!) : schema);

/** Every field path the schema allows for a kind (nested objects and lists of objects too), with whether it is required. */
function schemaFields(schema: Node, prefix = ''): Array<{ path: string; required: boolean }> {
  return Object.entries(schema.def.shape!).flatMap(([name, field]) => {
    const inner = unwrap(field);
    if (inner.def.type === 'never') return [];
    const path = `${prefix}${name}`;
    const own = { path, required: !field.safeParse(undefined).success };
    if (inner.def.type === 'object') return [own, ...schemaFields(inner, `${path}.`)];
    if (inner.def.type === 'array' && unwrap(inner.def.element!).def.type === 'object') return [own, ...schemaFields(unwrap(inner.def.element!), `${path}.`)];
    return [own];
  });
}

/** Every field path of a form, with its required flag (Decap's default is required). */
function formFields(fields: EditorField[], prefix = ''): Array<{ path: string; required: boolean }> {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`;
    const own = { path, required: field.required !== false };
    return Array.isArray(field.fields) ? [own, ...formFields(field.fields as EditorField[], `${path}.`)] : [own];
  });
}

const variants = documentSchema.options as unknown as Node[];
const kindOf = (variant: Node) => (variant.def.shape!.type as unknown as { value: DocumentType }).value;
const collections = editorCollections('content');
const collection = (kind: DocumentType) => collections.find((c) => c.name === kind)!;
const field = (kind: DocumentType, name: string) => collection(kind).fields.find((f) => f.name === name);

describe('the editor configuration, made from the schema', () => {
  it('has one collection per document kind, in the content folder, writing <year>/<id>.md in the archive format', () => {
    expect(collections.map((c) => c.name)).toEqual(Object.keys(DOCUMENT_TYPES));
    for (const c of collections) {
      expect(c).toMatchObject({ label: DOCUMENT_TYPES[c.name as DocumentType], folder: 'content', path: '{{folder}}/{{slug}}', slug: '{{fields.id}}', extension: 'md', format: 'wenyuan-md', filter: { field: 'type', value: c.name }, create: true });
    }
  });

  it.each(variants.map((variant) => [kindOf(variant), variant] as const))('%s: the form has every schema field, with its required flag, and no other', (kind, variant) => {
    const schema = schemaFields(variant);
    const form = formFields(collection(kind).fields);
    const formPaths = new Map(form.map((f) => [f.path, f.required]));
    const missing = schema.filter((f) => !formPaths.has(f.path)).map((f) => f.path);
    expect(missing, `schema fields missing from the ${kind} form`).toEqual([]);
    expect(form.map((f) => f.path).filter((path) => path !== 'body' && !schema.some((f) => f.path === path))).toEqual([]);
    for (const f of schema) {
      // The id is made on saving a new document (src/lib/editor/new-entry.ts), so the clerk may leave it empty.
      const expected = f.path === 'id' ? false : f.required;
      expect(formPaths.get(f.path), `${kind}.${f.path} required`).toBe(expected);
    }
  });

  it('labels every field in Chinese', () => {
    const labels = (fields: EditorField[]): string[] => fields.flatMap((f) => [f.label, ...(Array.isArray(f.fields) ? labels(f.fields as EditorField[]) : [])]);
    for (const c of collections) for (const label of labels(c.fields)) expect(label).toMatch(/\p{Script=Han}/u);
    expect(field('rule', 'doc_number')!.label).toBe('发文字号');
    expect(field('rule', 'work')!.label).toBe('所属法规');
  });

  it('offers status only for the kinds that have it, with the schema options', () => {
    for (const kind of Object.keys(DOCUMENT_TYPES) as DocumentType[]) {
      const status = field(kind, 'status');
      if ((TYPES_WITH_STATUS as readonly string[]).includes(kind)) expect(status).toMatchObject({ widget: 'select', options: [...STATUSES], required: false });
      else expect(status).toBeUndefined();
    }
    expect(field('rule', 'status')!.default).toBe('现行有效');
    expect(field('rule', 'work')).toBeDefined();
    expect(field('opinion', 'work')).toBeUndefined();
    expect(field('opinion', 'adopted')).toBeUndefined();
  });

  it('asks for dates as YYYY, YYYY-MM or YYYY-MM-DD text, and for document numbers in the archive form', () => {
    const dates = collection('rule').fields.filter((f) => ['date', 'effective', 'adopted'].includes(f.name));
    expect(dates).toHaveLength(3);
    for (const date of dates) expect(date).toMatchObject({ widget: 'string', pattern: [PARTIAL_DATE_PATTERN, expect.any(String)] });
    const retrieved = (field('rule', 'source')!.fields as EditorField[]).find((f) => f.name === 'retrieved');
    expect(retrieved!.pattern).toEqual([PARTIAL_DATE_PATTERN, expect.any(String)]);
    const date = new RegExp(PARTIAL_DATE_PATTERN);
    for (const good of ['2019', '2019-10', '2019-10-29']) expect(good).toMatch(date);
    for (const bad of ['19', '2019-13', '2019-10-32', '2019/10/29', '2019年10月']) expect(bad).not.toMatch(date);
    expect(field('notice', 'doc_number')!.pattern).toEqual([DOC_NUMBER_PATTERN, expect.any(String)]);
    const number = new RegExp(DOC_NUMBER_PATTERN);
    for (const good of ['青人常发〔2023〕4号', '国发〔2007〕第19号', '国务院令第588号', '主席令第十二号']) expect(good).toMatch(number);
    for (const bad of ['青人常发[2023]4号', '青人常发〔23〕4号', '4号', '青人常发〔2023〕4']) expect(bad).not.toMatch(number);
  });

  it('starts a new rule from the 第X条 skeleton, and other kinds from an empty text', () => {
    expect(field('rule', 'body')).toMatchObject({ widget: 'text', default: ruleSkeleton() });
    expect(ruleSkeleton()).toContain('第一条　为了……');
    expect(field('opinion', 'body')!.default).toBeUndefined();
    expect(field('rule', 'type')).toMatchObject({ widget: 'hidden', default: 'rule' });
  });

  it('is in Chinese, uses the local backend without login, and names a hosted backend only when asked', () => {
    const local = editorConfig(editorOptionsFromEnv({ WENYUAN_ADMIN_LOCAL_URL: 'http://127.0.0.1:9000/api/v1' }));
    expect(local).toMatchObject({ locale: 'zh_Hans', local_backend: { url: 'http://127.0.0.1:9000/api/v1' }, backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:9000/api/v1' } });
    expect(editorConfig(editorOptionsFromEnv({}))).toMatchObject({ local_backend: true, backend: { name: 'proxy', proxy_url: 'http://localhost:8081/api/v1' } });
    const github = editorConfig(editorOptionsFromEnv({ WENYUAN_ADMIN_BACKEND: 'github:org/archive', WENYUAN_ADMIN_AUTH_URL: 'https://auth.example.org' }));
    expect(github.backend).toMatchObject({ name: 'github', repo: 'org/archive', branch: 'main', base_url: 'https://auth.example.org' });
    const gitlab = editorConfig(editorOptionsFromEnv({ WENYUAN_ADMIN_BACKEND: 'gitlab:group/sub/archive', WENYUAN_ADMIN_BRANCH: 'publish', WENYUAN_ADMIN_GITLAB_APP_ID: 'abc' }));
    expect(gitlab.backend).toMatchObject({ name: 'gitlab', repo: 'group/sub/archive', branch: 'publish', auth_type: 'pkce', app_id: 'abc' });
    expect(() => editorOptionsFromEnv({ WENYUAN_ADMIN_BACKEND: 'bitbucket:x/y' })).toThrow(/WENYUAN_ADMIN_BACKEND "bitbucket:x\/y"/);
    expect(() => editorOptionsFromEnv({ WENYUAN_ADMIN_LOCAL_URL: 'localhost:8081' })).toThrow(/WENYUAN_ADMIN_LOCAL_URL/);
    expect(() => editorOptionsFromEnv({ WENYUAN_ADMIN_FOLDER: '../elsewhere' })).toThrow(/WENYUAN_ADMIN_FOLDER/);
  });

  it('is served as /admin/config.yml, YAML that reads back as the configuration', async () => {
    const response = await GET({ site: new URL('https://archive.example.org/') } as Parameters<typeof GET>[0]);
    expect(response.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^# Generated from src\/schemas\/document.ts/);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(editorConfig({ ...editorOptionsFromEnv(process.env), siteUrl: 'https://archive.example.org/' }))));
  });
});
