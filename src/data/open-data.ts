/**
 * The open data files, made once per build: the endpoints under
 * src/pages/data/, datapackage.json, graph.json and the data page all read
 * the same bodies, so the sizes and hashes the package and the page state are
 * those of the files served. Every record is checked against the zod schema
 * the published JSON Schema is generated from.
 */
import { allDocuments } from './documents.ts';
import { citationGraph } from './graph.ts';
import { networkOf, type NetworkData } from '../lib/graph/view.ts';
import {
  CITATION_COLUMNS,
  citationRows,
  DATA_PATHS,
  dataPackage,
  DOCUMENT_COLUMNS,
  documentRecord,
  documentsJson,
  factsOf,
  toCsv,
  type DataFileName,
  type FileFacts,
} from '../lib/open-data.ts';
import { documentRecordSchema, documentsJsonSchema, graphJsonSchema, type DocumentRecord } from '../schemas/open-data.ts';

/** A served data file. */
export interface DataFile extends FileFacts {
  /** Its path from the site's root, e.g. `data/documents.json`. */
  path: string;
  body: string;
}

let graph: { network: NetworkData; body: string } | undefined;

function citationNetwork(): { network: NetworkData; body: string } {
  if (!graph) {
    const network = networkOf(citationGraph().data);
    graph = { network, body: JSON.stringify(network) };
  }
  return graph;
}

/** graph.json: the citation network the graph page draws (src/lib/graph/view.ts). */
export function graphJson(): string {
  return citationNetwork().body;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

let files: Promise<Record<DataFileName, DataFile>> | undefined;

function dataFile(name: DataFileName, body: string): DataFile {
  return { path: DATA_PATHS[name], body, ...factsOf(body) };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every open data file of this build, by name; records in id order. */
export function openDataFiles(site: URL): Promise<Record<DataFileName, DataFile>> {
  files ??= allDocuments().then((docs) => {
    const records: DocumentRecord[] = [...docs].sort(byId).map((doc) => {
      const record = documentRecord(doc.data, site);
      const checked = documentRecordSchema.safeParse(record);
      if (!checked.success) {
        throw new Error(`data/documents.json: the record of ${doc.id} does not fit its schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      return record;
    });
    const documents = dataFile('documentsJson', documentsJson(records));
    const table = dataFile('documentsCsv', toCsv(DOCUMENT_COLUMNS, records));
    const citations = dataFile('citationsCsv', toCsv(CITATION_COLUMNS, citationRows(citationNetwork().network, site)));
    const graph = dataFile('graph', graphJson());
    const pkg = dataPackage(site, { documentsJson: documents, documentsCsv: table, citationsCsv: citations, graph });
    const url = (name: DataFileName) => new URL(`/${DATA_PATHS[name]}`, site).href;
    return {
      documentsJson: documents,
      documentsSchema: dataFile('documentsSchema', json(documentsJsonSchema(url('documentsSchema')))),
      documentsCsv: table,
      citationsCsv: citations,
      graph,
      graphSchema: dataFile('graphSchema', json(graphJsonSchema(url('graphSchema')))),
      dataPackage: dataFile('dataPackage', json(pkg)),
    };
  });
  return files;
}

/** The response serving one data file. */
export async function dataFileResponse(site: URL, name: DataFileName): Promise<Response> {
  const file = (await openDataFiles(site))[name];
  const type = file.path.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  return new Response(file.body, { headers: { 'Content-Type': type } });
}
