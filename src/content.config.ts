/**
 * The archive's one collection: every Markdown/MDX file under content/.
 * The document's own `id` field, not its path, becomes the entry id, so a
 * file can move between folders without breaking its URL.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentSchema } from './schemas/document.ts';
import { createIdRegistry } from './lib/document-id.ts';
import { checkFrontMatter, formatDiagnostics } from './lib/front-matter-check.ts';

const CONTENT_DIR = process.env.WENYUAN_CONTENT_DIR ?? './content';
const registry = createIdRegistry(CONTENT_DIR);

/**
 * Checks front matter before Astro does, so every problem is reported with
 * its file and line, and dates are read as typed: YAML would silently turn
 * 2023-13-01 into 2024-01-01.
 */
function assertValidFrontMatter(entry: string, base: URL, data: Record<string, unknown>): void {
  const source = readFileSync(fileURLToPath(new URL(entry, base)), 'utf8');
  const file = `${CONTENT_DIR.replace(/\/$/, '')}/${entry}`;
  const diagnostics = checkFrontMatter(file, source, data);
  if (diagnostics.length > 0) {
    throw new Error(`Invalid front matter; fix these and build again:\n${formatDiagnostics(diagnostics)}`);
  }
}

const documents = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: CONTENT_DIR,
    generateId: ({ entry, base, data }) => {
      assertValidFrontMatter(entry, base, data);
      return registry.claim(entry, data.id);
    },
  }),
  schema: documentSchema,
});

export const collections = { documents };
