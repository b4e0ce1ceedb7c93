/**
 * The archive as open data: every document's metadata as JSON (full, nested)
 * and as CSV (flat, for spreadsheets and data frames), the citations as CSV,
 * and the Frictionless Data Package (datapackage.json) that describes them
 * and the citation graph (graph.json). Framework-free: the endpoints in
 * src/pages/data/ serve what these functions return, and the tests call them
 * directly.
 */
import { createHash } from 'node:crypto';
import type { DocumentData } from '../schemas/document.ts';
import type { DocumentRecord } from '../schemas/open-data.ts';
import { documentHref } from './graph/urls.ts';
import type { NetworkData } from './graph/view.ts';
import { DOCUMENT_TYPES, QUALITY_FLAG_KINDS, STATUSES } from './vocabulary.ts';

/** Where each file is, relative to the site's root (datapackage.json sits at the root, so its paths are these). */
export const DATA_PATHS = {
  documentsJson: 'data/documents.json',
  documentsSchema: 'data/documents.schema.json',
  documentsCsv: 'data/documents.csv',
  citationsCsv: 'data/citations.csv',
  graph: 'graph.json',
  graphSchema: 'data/graph.schema.json',
  dataPackage: 'datapackage.json',
} as const;

/** A data file's name. */
export type DataFileName = keyof typeof DATA_PATHS;

/** Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as a pattern for JSON Schema and Table Schema; impossible days are left to the site's own check. */
export const PARTIAL_DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';

/** The Data Package profile the descriptor follows. */
export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/** Front-matter fields in the order a record lists them; fields not named here follow in their own order. */
const RECORD_ORDER = [
  'id', 'type', 'title', 'subtitle', 'date', 'date_note', 'issuer', 'region', 'doc_number', 'speaker', 'meeting',
  'effective', 'status', 'work', 'adopted', 'source', 'original_script', 'tags', 'aliases', 'quality',
] as const;

/** The URL of a document's page and of its plain text, on `site`. */
export function documentUrls(id: string, site: URL): { url: string; text_url: string } {
  return { url: new URL(documentHref(id), site).href, text_url: new URL(`/documents/${id}.txt`, site).href };
}

/** One record of data/documents.json: the validated front matter in a fixed field order, then its URLs. */
export function documentRecord(data: DocumentData, site: URL): DocumentRecord {
  const record: Record<string, unknown> = {};
  const fields = data as Record<string, unknown>;
  for (const key of RECORD_ORDER) if (fields[key] !== undefined) record[key] = fields[key];
  for (const [key, value] of Object.entries(fields)) if (!(key in record) && value !== undefined) record[key] = value;
  return { ...record, ...documentUrls(data.id, site) } as DocumentRecord;
}

/** data/documents.json: a JSON array, one record per line (so it diffs and reads line by line), ending in a newline. */
export function documentsJson(records: readonly DocumentRecord[]): string {
  return records.length === 0 ? '[]\n' : `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

/** A Table Schema field with how to get its cell from a row. */
interface Column<T> {
  /** The field as the Table Schema in datapackage.json describes it. */
  field: { name: string; title: string; type: 'string' | 'integer' | 'array'; format?: string; description?: string; constraints?: Record<string, unknown> };
  cell: (row: T) => string | number | readonly string[] | undefined;
}

const dateField = (name: string, title: string): Column<DocumentRecord>['field'] => ({
  name,
  title,
  type: 'string',
  description: 'YYYY、YYYY-MM 或 YYYY-MM-DD，与原文所载一样精确，不补造月日',
  constraints: { pattern: PARTIAL_DATE_PATTERN },
});

const text = (name: keyof DocumentRecord & string, title: string): Column<DocumentRecord> => ({
  field: { name, title, type: 'string' },
  cell: (r) => r[name] as string | undefined,
});

/** The columns of data/documents.csv; lists are JSON arrays (Table Schema `array`). */
export const DOCUMENT_COLUMNS: ReadonlyArray<Column<DocumentRecord>> = [
  { field: { name: 'id', title: '编号', type: 'string', constraints: { required: true, unique: true } }, cell: (r) => r.id },
  { field: { name: 'type', title: '类型', type: 'string', constraints: { required: true, enum: Object.keys(DOCUMENT_TYPES) } }, cell: (r) => r.type },
  { field: { name: 'type_label', title: '类型名称', type: 'string', description: '类型的中文名称，如 讲话' }, cell: (r) => DOCUMENT_TYPES[r.type] },
  { field: { name: 'title', title: '标题', type: 'string', constraints: { required: true } }, cell: (r) => r.title },
  text('subtitle', '副标题'),
  { field: dateField('date', '日期'), cell: (r) => r.date },
  text('date_note', '日期说明'),
  text('issuer', '发文机关'),
  text('region', '地区'),
  text('doc_number', '发文字号'),
  text('speaker', '讲话人'),
  text('meeting', '会议'),
  { field: dateField('effective', '施行日期'), cell: (r) => r.effective },
  { field: { name: 'status', title: '时效性', type: 'string', constraints: { enum: [...STATUSES] } }, cell: (r) => ('status' in r ? r.status : undefined) },
  { field: { name: 'work', title: '所属法规', type: 'string' }, cell: (r) => ('work' in r ? r.work : undefined) },
  { field: dateField('adopted', '通过日期'), cell: (r) => ('adopted' in r ? r.adopted : undefined) },
  { field: { name: 'source_name', title: '来源', type: 'string' }, cell: (r) => r.source?.name },
  { field: { name: 'source_url', title: '来源网址', type: 'string', format: 'uri' }, cell: (r) => r.source?.url },
  { field: dateField('source_retrieved', '采集日期'), cell: (r) => r.source?.retrieved },
  { field: { name: 'original_script', title: '原文字体', type: 'string', constraints: { enum: ['zh-Hans', 'zh-Hant'] } }, cell: (r) => r.original_script },
  { field: { name: 'tags', title: '主题词', type: 'array', description: 'JSON 数组，如 ["人大工作"]' }, cell: (r) => r.tags },
  { field: { name: 'aliases', title: '又称', type: 'array', description: '文件被引用时的其他名称，JSON 数组' }, cell: (r) => r.aliases },
  {
    field: { name: 'quality_flags', title: '质量标注', type: 'array', description: `已知问题的类别（${Object.keys(QUALITY_FLAG_KINDS).join('、')}），说明与位置见 documents.json` },
    cell: (r) => r.quality.flags.map((flag) => flag.kind),
  },
  { field: { name: 'url', title: '网页地址', type: 'string', format: 'uri', description: '文件在本档案中的网页', constraints: { required: true } }, cell: (r) => r.url },
  { field: { name: 'text_url', title: '纯文本地址', type: 'string', format: 'uri', description: '文件的纯文本（UTF-8，标题与著录项目在前）', constraints: { required: true } }, cell: (r) => r.text_url },
];

/** One row of data/citations.csv: a citing document, what it cites, how often. */
export interface CitationRow {
  citing_id: string;
  cited_kind: 'document' | 'missing';
  cited_id?: string;
  cited_title: string;
  cited_url: string;
  citations: number;
}

/** The columns of data/citations.csv. */
export const CITATION_COLUMNS: ReadonlyArray<Column<CitationRow>> = [
  { field: { name: 'citing_id', title: '引用文件编号', type: 'string', constraints: { required: true } }, cell: (r) => r.citing_id },
  { field: { name: 'cited_kind', title: '被引文本类别', type: 'string', description: 'document：档案中的文件；missing：被引用但档案未收录', constraints: { required: true, enum: ['document', 'missing'] } }, cell: (r) => r.cited_kind },
  { field: { name: 'cited_id', title: '被引文件编号', type: 'string', description: '被引文件的编号；未收录的文本为空' }, cell: (r) => r.cited_id },
  { field: { name: 'cited_title', title: '被引文本标题', type: 'string', constraints: { required: true } }, cell: (r) => r.cited_title },
  { field: { name: 'cited_url', title: '被引文本网页', type: 'string', format: 'uri', constraints: { required: true } }, cell: (r) => r.cited_url },
  { field: { name: 'citations', title: '引用次数', type: 'integer', constraints: { required: true, minimum: 1 } }, cell: (r) => r.citations },
];

/** The rows of data/citations.csv, in the order of graph.json's edges (by citing document, then cited node). */
export function citationRows(network: NetworkData, site: URL): CitationRow[] {
  return network.edges.map(([from, to, count]) => {
    const citing = network.nodes[from]!;
    const cited = network.nodes[to]!;
    return {
      citing_id: citing.id.slice(2),
      cited_kind: cited.kind,
      ...(cited.kind === 'document' ? { cited_id: cited.id.slice(2) } : {}),
      cited_title: cited.label,
      cited_url: new URL(cited.href, site).href,
      citations: count,
    };
  });
}

/** A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break; lists as JSON arrays. */
function csvCell(value: string | number | readonly string[] | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file of `rows`: a header of field names, CRLF line ends (RFC 4180),
 * UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese text
 * without being told the encoding (pandas, readr and Frictionless skip it).
 */
export function toCsv<T>(columns: ReadonlyArray<Column<T>>, rows: readonly T[]): string {
  const lines = [columns.map((c) => c.field.name).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.cell(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Size and SHA-256 of a file's body, as the data package and the data page state them. */
export interface FileFacts {
  bytes: number;
  sha256: string;
}

/** Bytes and SHA-256 of a body as served (UTF-8). */
export function factsOf(body: string): FileFacts {
  const buffer = Buffer.from(body, 'utf8');
  return { bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') };
}

/** A size for readers: 812 字节, 12.3 KB, 4.5 MB (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The licence note, in one sentence, as the data package states it (the data page says it in full). */
export const LICENCE_TITLE =
  '依《中华人民共和国著作权法》第五条，法律、法规，国家机关的决议、决定、命令和其他具有立法、行政、司法性质的文件及其官方正式译文不受著作权法保护；本档案对数据与文本不附加任何限制';

/**
 * datapackage.json: the documents (JSON and CSV), the citations (CSV) and
 * the citation graph (graph.json), each with its size and SHA-256, the
 * tables with their Table Schema, the JSON files with their JSON Schema
 * (the JSON Data Resource pattern of the Data Package standard).
 */
export function dataPackage(site: URL, facts: Record<'documentsJson' | 'documentsCsv' | 'citationsCsv' | 'graph', FileFacts>): Record<string, unknown> {
  const file = (name: keyof typeof facts, format: 'json' | 'csv') => ({
    path: DATA_PATHS[name],
    format,
    mediatype: format === 'json' ? 'application/json' : 'text/csv',
    encoding: 'utf-8',
    bytes: facts[name].bytes,
    hash: `sha256:${facts[name].sha256}`,
  });
  const table = (columns: ReadonlyArray<Column<never>>, extra: Record<string, unknown>) => ({
    type: 'table',
    dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
    schema: { fields: columns.map((c) => c.field), missingValues: [''], ...extra },
  });
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: 'wenyuan',
    title: '文渊 · 政策文本档案：开放数据',
    description: "Metadata of every document in the Wenyuan archive of Chinese policy texts, with links to each document's page and plain text, and the citations between them.",
    homepage: new URL('/data/', site).href,
    keywords: ['政策文本', '法规', 'policy texts', 'China'],
    languages: ['zh-Hans'],
    licenses: [{ path: new URL('/data/#licence', site).href, title: LICENCE_TITLE }],
    resources: [
      {
        name: 'documents',
        title: '文件元数据（JSON）',
        description: "Every document's front matter as the site validates it, with `url` (its page) and `text_url` (its plain text); an array, one record per line",
        profile: 'json-data-resource',
        ...file('documentsJson', 'json'),
        schema: DATA_PATHS.documentsSchema,
      },
      {
        name: 'documents-table',
        title: '文件元数据（CSV）',
        description: 'The same documents as a flat table, one row per document: source fields flattened, lists as JSON arrays, quality flags by kind only',
        ...file('documentsCsv', 'csv'),
        ...table(DOCUMENT_COLUMNS as ReadonlyArray<Column<never>>, { primaryKey: ['id'] }),
      },
      {
        name: 'citations',
        title: '引用关系（CSV）',
        description: 'One row per citing document and cited text, with how often it is cited: the edges of graph.json with ids and titles instead of node numbers',
        ...file('citationsCsv', 'csv'),
        ...table(CITATION_COLUMNS as ReadonlyArray<Column<never>>, {
          foreignKeys: [
            { fields: ['citing_id'], reference: { resource: 'documents-table', fields: ['id'] } },
            { fields: ['cited_id'], reference: { resource: 'documents-table', fields: ['id'] } },
          ],
        }),
      },
      {
        name: 'citation-graph',
        title: '引用关系图（JSON）',
        description: "The citation network the site's graph page draws: nodes (documents, and cited texts the archive lacks) and edges [citing node, cited node, citations]",
        profile: 'json-data-resource',
        ...file('graph', 'json'),
        schema: DATA_PATHS.graphSchema,
      },
    ],
  };
}
