/**
 * The staff editor at /admin/: Decap CMS from its npm package, bundled by the
 * build. It reads /admin/config.yml (made from the schema) and writes every
 * file through the archive's own writer, so a saved document has the
 * importer's layout; on saving a new document it fills in the id, the folder
 * and a rule's work (src/lib/editor/new-entry.ts).
 */
import CMS from 'decap-cms-app';
import { EDITOR_FORMAT, FOLDER_KEY } from '../../lib/editor/constants.ts';
import { completeNewEntry } from '../../lib/editor/new-entry.ts';
import { documentSource, parseDocumentSource } from '../../lib/front-matter-write.ts';
import { browserSlugger } from './document-id.ts';

/** The part of Decap's immutable Map this file uses. */
interface DecapMap {
  get(key: string): unknown;
  toJS(): Record<string, unknown>;
  merge(values: Record<string, unknown>): DecapMap;
}

CMS.registerCustomFormat(EDITOR_FORMAT, 'md', {
  fromFile(content: string) {
    const { data, body } = parseDocumentSource(content);
    return { ...data, body };
  },
  toFile(entry: Record<string, unknown>) {
    const { body, [FOLDER_KEY]: _folder, ...data } = entry;
    return documentSource(data, typeof body === 'string' ? body : '');
  },
});

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }: { entry: DecapMap }) => {
    const data = entry.get('data') as DecapMap;
    if (!entry.get('newRecord')) return data;
    const before = data.toJS();
    const after = completeNewEntry(before, browserSlugger);
    // Only text values change, so a shallow merge keeps Decap's immutable data intact.
    return data.merge(Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key] !== value)));
  },
});

CMS.init();
