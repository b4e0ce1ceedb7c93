/**
 * Each document's 编辑此页 link, from WENYUAN_EDIT_URL (src/lib/edit-link.ts):
 * `{path}` is the document's file path relative to the root of the git
 * repository that holds the content folder (the project itself for
 * `content/`), or relative to the project folder when no repository holds it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../lib/build-paths.ts';
import { editHref, editUrlPattern, repositoryPath, repositoryRoot } from '../lib/edit-link.ts';
import type { DocumentEntry } from './documents.ts';

const pattern = editUrlPattern(process.env.WENYUAN_EDIT_URL);
let root: string | undefined;

/** The document's edit link, or undefined when WENYUAN_EDIT_URL is not set. */
export function documentEditHref(doc: DocumentEntry): string | undefined {
  if (!pattern || !doc.filePath) return undefined;
  root ??= repositoryRoot(contentDir(), (dir) => existsSync(path.join(dir, '.git'))) ?? process.cwd();
  // Astro gives the file path relative to the project folder, where the build runs.
  return editHref(pattern, repositoryPath(path.resolve(doc.filePath), root));
}
