/**
 * The hash of each built page, remembered between builds by the file's
 * identity, so that a rebuild does not read every page again to learn which
 * shards changed.
 *
 * The index decides which shards to index again from a digest of their
 * pages' bytes (src/integrations/pagefind.ts), which meant reading every HTML
 * file of the site, twice in a rebuild (when a shard's pages are written, and
 * after the pages): some 60,000 files at 10,000 documents, although a rebuild
 * keeps nearly all of them in place (src/lib/kept-output.ts). A page whose
 * inode, size and modification time are those recorded is taken to hold the
 * bytes it held then, as make and git take it; a record is trusted only if
 * the file was last written more than {@link SETTLED_MS} before the record
 * was saved, so a write in the same tick of the file system's clock cannot go
 * unnoticed (git's "racily clean" entries).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What is remembered of a page: its identity then, and the hash of its bytes, or null for a page that is not a document page. */
interface PageRecord {
  ino: number;
  size: number;
  mtimeMs: number;
  hash: string | null;
}

interface SavedHashes {
  version: 1;
  /** The site folder the paths are relative to. */
  siteDir: string;
  savedAt: number;
  pages: Record<string, PageRecord>;
}

/** How long before the record's saving a page must have been written for the record to be trusted. */
export const SETTLED_MS = 2000;

/** The marker of a document page: the element Pagefind indexes. */
const BODY_MARKER = 'data-pagefind-body';

/** Hashes of pages, from the saved records where they still fit, else read. */
export class PageHashes {
  readonly #file: string | undefined;
  readonly #siteDir: string;
  readonly #trusted = new Map<string, PageRecord>();
  readonly #current = new Map<string, PageRecord>();
  /** Pages read (not taken from a record), for tests and logs. */
  read = 0;

  /** Records saved in `file` for `siteDir` (none when `file` is undefined, missing, unreadable or of another folder). */
  constructor(siteDir: string, file?: string) {
    this.#file = file;
    this.#siteDir = path.resolve(siteDir);
    if (!file) return;
    let saved: SavedHashes | undefined;
    try {
      saved = JSON.parse(readFileSync(file, 'utf8')) as SavedHashes;
    } catch {
      return;
    }
    if (saved.version !== 1 || saved.siteDir !== this.#siteDir) return;
    for (const [page, record] of Object.entries(saved.pages)) if (record.mtimeMs < saved.savedAt - SETTLED_MS) this.#trusted.set(page, record);
  }

  /** The sha256 (hex) of the page at `file` when it is a document page, null when it is not, undefined when there is no such file. */
  async hashOf(file: string): Promise<string | null | undefined> {
    const relative = path.relative(this.#siteDir, file);
    const stats = await stat(file).catch(() => undefined);
    if (!stats) return undefined;
    const known = this.#trusted.get(relative);
    if (known && known.ino === stats.ino && known.size === stats.size && known.mtimeMs === stats.mtimeMs) {
      this.#current.set(relative, known);
      return known.hash;
    }
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) return undefined;
    this.read++;
    const hash = bytes.includes(BODY_MARKER) ? createHash('sha256').update(bytes).digest('hex') : null;
    // Recorded with the identity seen before reading: a write in between makes the record stale, never wrong.
    this.#current.set(relative, { ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs, hash });
    return hash;
  }

  /** Saves the records of the pages asked about in this build (when there is a file to save them in). */
  save(now = Date.now()): void {
    if (!this.#file) return;
    const saved: SavedHashes = { version: 1, siteDir: this.#siteDir, savedAt: now, pages: Object.fromEntries(this.#current) };
    mkdirSync(path.dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, JSON.stringify(saved));
  }
}
