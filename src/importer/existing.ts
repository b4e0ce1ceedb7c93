/**
 * The documents already in the output folder, for version recognition
 * (versions.ts): only the front-matter fields that identify a version, read
 * line by line, so a large content folder is read quickly and nothing in it
 * is changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownFiles } from '../lib/files.ts';
import { frontMatterField } from '../lib/front-matter-edit.ts';
import type { ExistingDocument } from './versions.ts';

const FIELDS = ['issuer', 'work', 'date', 'adopted', 'effective', 'status'] as const;

/**
 * Every document under `outDir` with an id, a type and a title; a file that
 * cannot be read as one is listed with the reason (it cannot be a version
 * of anything, but the staff member should know it was passed over).
 */
export function readExistingDocuments(outDir: string): { documents: ExistingDocument[]; problems: string[] } {
  const documents: ExistingDocument[] = [];
  const problems: string[] = [];
  for (const file of markdownFiles(outDir)) {
    try {
      const source = readFileSync(file, 'utf8');
      // Only the front matter: the body may be long and never holds these fields.
      const end = source.search(/\n---\s*(\n|$)/);
      const head = end === -1 ? source : source.slice(0, end + 4);
      const id = frontMatterField(head, 'id');
      const type = frontMatterField(head, 'type');
      const title = frontMatterField(head, 'title');
      if (!id || !type || !title) {
        problems.push(`${file}: not read for versions: its front matter lacks ${[!id && 'id', !type && 'type', !title && 'title'].filter(Boolean).join(', ')}`);
        continue;
      }
      const doc: ExistingDocument = { file, relative: path.relative(outDir, file), id, type, title };
      for (const key of FIELDS) {
        const value = frontMatterField(head, key);
        if (value) doc[key] = value;
      }
      documents.push(doc);
    } catch (error) {
      problems.push(`${file}: not read for versions: ${(error as Error).message}`);
    }
  }
  return { documents, problems };
}
