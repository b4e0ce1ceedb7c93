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
  /** Other names the text is cited by: the rule a 关于印发《…》的通知 carries. */
  aliases?: Detected<string[]>;
  /** Rules only: the work this version belongs to, set when the batch or the output folder holds other versions (versions.ts). */
  work?: Detected;
  /** Rules only: when this version was adopted (通过/修订/修正), set with `work`. */
  adopted?: Detected;
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
