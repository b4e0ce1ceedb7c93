/**
 * Document ids come from front matter and fix URLs. Two files claiming one id
 * would silently replace each other in the collection, so a second claim stops
 * the build and names both files.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Thrown when front matter cannot give a document its id. */
export class DocumentIdError extends Error {
  override name = 'DocumentIdError';
}

/** Keeps track of which file owns each document id during one content sync. */
export function createIdRegistry(contentDir: string) {
  const owners = new Map<string, string>();
  return {
    /** Returns the id declared in `entry`'s front matter, or throws naming the file. */
    claim(entry: string, id: unknown): string {
      const file = `${contentDir.replace(/\/$/, '')}/${entry}`;
      if (typeof id !== 'string' || id === '') {
        throw new DocumentIdError(
          `${file}: front matter field "id" is missing. Add a stable ASCII id such as "id: 2019-10-29-haidian-renda"; it fixes the document's URL.`,
        );
      }
      if (!ID_PATTERN.test(id)) {
        throw new DocumentIdError(
          `${file}: front matter field "id" is "${id}"; an id may use only lowercase a–z, digits and hyphens.`,
        );
      }
      const owner = owners.get(id);
      // A file renamed during `astro dev` leaves its old path behind; only a
      // file that still exists is a real second owner.
      if (owner && owner !== entry && existsSync(resolve(contentDir, owner))) {
        throw new DocumentIdError(
          `${file}: front matter field "id" is "${id}", which ${contentDir.replace(/\/$/, '')}/${owner} already uses. Every document needs its own id.`,
        );
      }
      owners.set(id, entry);
      return id;
    },
  };
}
