import { parse as parseCsv } from 'csv-parse/sync';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { documentSchema, DOCUMENT_TYPES } from '../../../src/schemas/document.ts';
import { documentRecordSchema, documentsJsonSchema, graphJsonSchema } from '../../../src/schemas/open-data.ts';
import {
  CITATION_COLUMNS,
  citationRows,
  DATA_PACKAGE_PROFILE,
  dataPackage,
  DOCUMENT_COLUMNS,
  documentRecord,
  documentsJson,
  factsOf,
  formatBytes,
  toCsv,
} from '../../../src/lib/open-data.ts';
import { networkOf } from '../../../src/lib/graph/view.ts';

const site = new URL('https://archive.example.org');

const rule = documentSchema.parse({
  id: '2023-03-01-qinghe-yishi-guize',
  type: 'rule',
  title: '青禾区人民代表大会常务委员会议事规则',
  date: '2023-03-01',
  issuer: '青禾区人大常委会',
  region: '北京市青禾区',
  doc_number: '青人常发〔2023〕4号',
  status: '现行有效',
  source: { name: '青禾区人大常委会网站', url: 'https://example.org/qinghe/rule.html', retrieved: '2024-05' },
  tags: ['议事规则', '含,逗号与"引号"'],
  work: 'qinghe-yishi-guize',
});
const speech = documentSchema.parse({
  id: 'undated-zai-quwei-renda-gongzuo',
  type: 'speech',
  title: '在区委人大工作会议上的讲话',
  subtitle: '第一行\n第二行',
  quality: { flags: [{ kind: 'anonymised', note: '姓名已隐去' }] },
});
const records = [documentRecord(rule, site), documentRecord(speech, site)];

function ajv() {
  const instance = new Ajv2020({ strict: true, allErrors: true });
  instance.addFormat('uri', (value: string) => URL.canParse(value));
  return instance;
}

describe('document records', () => {
  it('are the validated front matter in a fixed order, then the page and text URLs', () => {
    expect(Object.keys(records[0]!)).toEqual([
      'id', 'type', 'title', 'date', 'issuer', 'region', 'doc_number', 'status', 'work', 'source', 'original_script', 'tags', 'aliases', 'quality', 'url', 'text_url',
    ]);
    expect(records[0]!.url).toBe('https://archive.example.org/documents/2023-03-01-qinghe-yishi-guize/');
    expect(records[1]!.text_url).toBe('https://archive.example.org/documents/undated-zai-quwei-renda-gongzuo.txt');
    expect(records.every((r) => documentRecordSchema.safeParse(r).success)).toBe(true);
  });

  it('are one JSON array, one record per line', () => {
    const text = documentsJson(records);
    expect(JSON.parse(text)).toEqual(records);
    expect(text.split('\n')).toHaveLength(records.length + 3);
    expect(JSON.parse(documentsJson([]))).toEqual([]);
  });
});

describe('the JSON Schema of documents.json', () => {
  const schema = documentsJsonSchema('https://archive.example.org/data/documents.schema.json');
  const validate = ajv().compile(schema);

  it('accepts the records the site makes', () => {
    expect(validate(records), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what the site rejects: unknown fields, a status on a speech, a date that is no date, a missing URL', () => {
    const [r, s] = records as unknown as [Record<string, unknown>, Record<string, unknown>];
    for (const bad of [{ ...r, colour: 'red' }, { ...s, status: '现行有效' }, { ...r, date: '2023-13-01' }, { ...r, date: '2023-3-1' }, { ...s, url: undefined }, { ...r, type: 'poem' }]) {
      expect(validate([JSON.parse(JSON.stringify(bad))]), JSON.stringify(bad)).toBe(false);
    }
  });

  it('has exactly the fields of each kind of the site schema, plus url and text_url (generated, so it cannot drift)', () => {
    const kinds = (schema.items as { oneOf: Array<{ properties: Record<string, { title?: string }> }> }).oneOf;
    expect(kinds).toHaveLength(Object.keys(DOCUMENT_TYPES).length);
    documentSchema.options.forEach((kind, i) => {
      expect(Object.keys(kinds[i]!.properties).sort()).toEqual([...Object.keys(kind.shape), 'url', 'text_url'].sort());
    });
    expect(kinds[0]!.properties.issuer!.title).toBe('发文机关');
  });
});

describe('the CSV files', () => {
  it('read back with a CSV parser to the same values: BOM, commas, quotes, line breaks and lists intact', () => {
    const text = toCsv(DOCUMENT_COLUMNS, records);
    expect(text.startsWith('\uFEFFid,type,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(DOCUMENT_COLUMNS.map((c) => c.field.name));
    expect(rows[0]!.title).toBe(rule.title);
    expect(rows[0]!.type_label).toBe('规则/办法/条例');
    expect(rows[0]!.source_retrieved).toBe('2024-05');
    expect(JSON.parse(rows[0]!.tags!)).toEqual(['议事规则', '含,逗号与"引号"']);
    expect(rows[1]!.subtitle).toBe('第一行\n第二行');
    expect(rows[1]!.status).toBe('');
    expect(JSON.parse(rows[1]!.quality_flags!)).toEqual(['anonymised']);
  });

  it('list citations by document ids and titles', () => {
    const network = networkOf({
      documents: {
        a: { title: '甲', type: 'rule', date: '2023' },
        b: { title: '乙', type: 'speech' },
      } as never,
      missing: [{ slug: '丙-海淀区', title: '丙' }] as never,
      citations: [
        { from: 'b', target: { type: 'document', id: 'a' } },
        { from: 'b', target: { type: 'document', id: 'a' } },
        { from: 'a', target: { type: 'missing', slug: '丙-海淀区' } },
        { from: 'a' },
      ] as never,
    });
    const rows = citationRows(network, site);
    expect(rows).toEqual([
      { citing_id: 'a', cited_kind: 'missing', cited_title: '丙', cited_url: 'https://archive.example.org/cited/%E4%B8%99-%E6%B5%B7%E6%B7%80%E5%8C%BA/', citations: 1 },
      { citing_id: 'b', cited_kind: 'document', cited_id: 'a', cited_title: '甲', cited_url: 'https://archive.example.org/documents/a/', citations: 2 },
    ]);
    const parsed = parseCsv(toCsv(CITATION_COLUMNS, rows), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(parsed.map((r) => [r.citing_id, r.cited_id, r.citations])).toEqual([['a', '', '1'], ['b', 'a', '2']]);
    const validate = ajv().compile(graphJsonSchema('https://archive.example.org/data/graph.schema.json'));
    expect(validate(network), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...network, edges: [[0, 1]] })).toBe(false);
  });
});

describe('datapackage.json', () => {
  const facts = { documentsJson: factsOf('[]\n'), documentsCsv: factsOf('\uFEFFid\r\n'), citationsCsv: factsOf('x'), graph: factsOf('{}') };
  const pkg = dataPackage(site, facts) as { $schema: string; name: string; licenses: Array<Record<string, string>>; resources: Array<Record<string, unknown>> };

  it('names the Data Package v2 profile, a valid name and a licence with its note', () => {
    expect(pkg.$schema).toBe(DATA_PACKAGE_PROFILE);
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.licenses[0]!.path).toBe('https://archive.example.org/data/#licence');
    expect(pkg.licenses[0]!.title).toContain('著作权法》第五条');
  });

  it('describes every file with a relative path, size and hash; tables by Table Schema, JSON by JSON Schema', () => {
    const names = pkg.resources.map((r) => r.name);
    expect(names).toEqual(['documents', 'documents-table', 'citations', 'citation-graph']);
    for (const resource of pkg.resources) {
      expect(resource.path).toMatch(/^(?=[^./~])(?!.*\.\.).*$/);
      expect(resource.bytes).toBeTypeOf('number');
      expect(resource.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(resource.encoding).toBe('utf-8');
    }
    expect(pkg.resources[0]!.bytes).toBe(3);
    const table = pkg.resources[1] as { type: string; schema: { fields: Array<{ name: string }>; primaryKey: string[] } };
    expect(table.type).toBe('table');
    expect(table.schema.fields.map((f) => f.name)).toEqual(DOCUMENT_COLUMNS.map((c) => c.field.name));
    expect(table.schema.primaryKey).toEqual(['id']);
    expect(pkg.resources[0]!.schema).toBe('data/documents.schema.json');
    expect(pkg.resources[3]!.path).toBe('graph.json');
  });
});

describe('sizes', () => {
  it('read in bytes, KB or MB', () => {
    expect([formatBytes(812), formatBytes(12_595), formatBytes(4_718_592)]).toEqual(['812 字节', '12.3 KB', '4.5 MB']);
    expect(factsOf('文').bytes).toBe(3);
  });
});
