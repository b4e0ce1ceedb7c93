/**
 * The metadata a document ends up with, each value paired with how it was
 * found, so the report can show the evidence and overrides can say what they
 * replaced.
 */
import type { DocumentType } from '../schemas/document.ts';
import type { Detected } from './types.ts';

/** Detected front-matter values, before validation. */
export interface DetectedMeta {
  title?: Detected;
  subtitle?: Detected;
  date?: Detected;
  date_note?: Detected;
  issuer?: Detected;
  region?: Detected;
  type: Detected<DocumentType>;
  status?: Detected;
  doc_number?: Detected;
  speaker?: Detected;
  meeting?: Detected;
  effective?: Detected;
  source_name?: Detected;
  source_url?: Detected;
  /** Why no region was set, when none was (e.g. 正文未提到可确定的行政区划). */
  regionNote?: string;
}

/** Values given on the command line; they win over detection. */
export interface Overrides {
  type?: DocumentType;
  region?: string;
  issuer?: string;
  date?: string;
  sourceUrl?: string;
}
