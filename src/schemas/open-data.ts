/**
 * The open data files' schemas (src/pages/data/): a record of
 * `data/documents.json` is a document's front matter as the site validates
 * it (src/schemas/document.ts) plus its URLs, and the citation graph is
 * `graph.json` as the graph page reads it. Both JSON Schemas are generated
 * from these zod schemas at build time, so the published schema, the build's
 * own check of every record and the site cannot drift apart.
 */
import { z } from 'astro/zod';
import { documentSchema, partialDate } from './document.ts';
import { FIELD_LABELS } from '../lib/field-labels.ts';
import type { NetworkData } from '../lib/graph/view.ts';
import { PARTIAL_DATE_PATTERN } from '../lib/open-data.ts';

/** The record fields the archive adds to the front matter. */
const urls = {
  /** The document's page, e.g. https://…/documents/2023-03-01-qinghe-yishi-guize/. */
  url: z.url({ protocol: /^https?$/ }).meta({ title: '网页地址', description: "The document's page in the archive" }),
  /** Its plain-text version, e.g. https://…/documents/2023-03-01-qinghe-yishi-guize.txt. */
  text_url: z.url({ protocol: /^https?$/ }).meta({ title: '纯文本地址', description: "The document's text as plain UTF-8 text, title and metadata on top" }),
};

type Variant = (typeof documentSchema.options)[number];
const variants = documentSchema.options.map((variant: Variant) => variant.extend(urls)) as unknown as [
  ReturnType<Variant['extend']>,
  ...Array<ReturnType<Variant['extend']>>,
];

/** One record of data/documents.json: validated front matter (defaults filled in) plus `url` and `text_url`. */
export const documentRecordSchema = z.discriminatedUnion('type', variants);

/** One record of data/documents.json. */
export type DocumentRecord = DocumentData & { url: string; text_url: string };
type DocumentData = z.infer<typeof documentSchema>;

/** A node of graph.json: an archive document (`d:<id>`) or a cited text the archive lacks (`m:<slug>`). */
const viewNode = z.object({
  /** `d:<document id>` or `m:<slug of the missing text>`. */
  id: z.string().regex(/^[dm]:/).meta({ description: '`d:<document id>` for an archive document, `m:<slug>` for a cited text the archive does not hold' }),
  /** Title. */
  label: z.string().meta({ title: '标题' }),
  /** Which of the two it is. */
  kind: z.enum(['document', 'missing']),
  /** Document type (`rule`, `speech`…) or `missing`. */
  type: z.string(),
  /** Administrative division, e.g. 北京市海淀区. */
  region: z.string().optional().meta({ title: '地区' }),
  /** The document's date as precise as the source. */
  date: z.string().optional().meta({ title: '日期' }),
  /** Its page on the site, relative to the site's root. */
  href: z.string().regex(/^\//),
}).strict();

/** graph.json: every node, and every citation edge as [citing node index, cited node index, number of citations]. */
export const networkSchema = z.object({
  nodes: z.array(viewNode),
  edges: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().positive()])).meta({
    description: 'Citations: [index of the citing node in `nodes`, index of the cited node, how many times it is cited]',
  }),
}).strict();

// graph.json is written from NetworkData; the schema must describe exactly that type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const networkMatches: Same<z.infer<typeof networkSchema>, NetworkData> = true;
void networkMatches;

const EXTRA_LABELS: Record<string, string> = { quality: '质量标注' };

/** A JSON Schema (draft 2020-12) of an open data file, from its zod schema. */
function jsonSchemaOf(schema: z.ZodType, meta: { id: string; title: string; description: string }): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    io: 'output',
    target: 'draft-2020-12',
    override: (ctx) => {
      if (ctx.zodSchema === partialDate) {
        ctx.jsonSchema.pattern = PARTIAL_DATE_PATTERN;
        ctx.jsonSchema.description = 'A date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD (never a made-up day)';
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: meta.id, title: meta.title, description: meta.description, ...rest };
}

/** Gives each top-level property of each kind the Chinese label the site shows for it. */
function labelFields(schema: Record<string, unknown>): Record<string, unknown> {
  for (const variant of (schema.oneOf ?? []) as Array<{ properties?: Record<string, Record<string, unknown>> }>) {
    for (const [name, property] of Object.entries(variant.properties ?? {})) {
      const label = (FIELD_LABELS as Record<string, string>)[name] ?? EXTRA_LABELS[name];
      if (label && property.title === undefined) property.title = label;
    }
  }
  return schema;
}

/** The JSON Schema of one record of data/documents.json, published as data/documents.schema.json. */
export function documentsJsonSchema(id: string): Record<string, unknown> {
  const record = labelFields(
    jsonSchemaOf(documentRecordSchema, {
      id,
      title: '文渊：文件元数据',
      description: "An array of the archive's documents: each record is the document's front matter as the site validates it (one kind per `type`), with `url` and `text_url`",
    }),
  );
  const { $schema, $id, title, description, ...item } = record;
  return { $schema, $id, title, description, type: 'array', items: item };
}

/** The JSON Schema of graph.json, published as data/graph.schema.json. */
export function graphJsonSchema(id: string): Record<string, unknown> {
  return jsonSchemaOf(networkSchema, {
    id,
    title: '文渊：引用关系图',
    description: 'The citation network of the archive: documents and the cited texts it lacks, and who cites what how often',
  });
}
