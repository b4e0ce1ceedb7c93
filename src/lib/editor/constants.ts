/**
 * Names the editor's configuration (src/lib/editor/config.ts) and its browser
 * code (src/client/admin/) share; kept apart so the browser bundle need not
 * load the schema.
 */

/** The name of the file format the editor reads and writes (registered in src/client/admin/cms.ts). */
export const EDITOR_FORMAT = 'wenyuan-md';

/** A helper value the editor sets on save and the format never writes: the folder of a new file (its year, or undated). */
export const FOLDER_KEY = 'folder';
