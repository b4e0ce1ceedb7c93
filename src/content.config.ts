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
import { findDateProblems } from './lib/front-matter-dates.ts';

const CONTENT_DIR = process.env.WENYUAN_CONTENT_DIR ?? './content';
const registry = createIdRegistry(CONTENT_DIR);

/** Stops the build on a date YAML would silently "correct" (2023-13-01 → 2024-01-01). */
function assertDatesAsWritten(entry: string, base: URL): void {
  const source = readFileSync(fileURLToPath(new URL(entry, base)), 'utf8');
  const problems = findDateProblems(source);
  if (problems.length > 0) {
    const file = `${CONTENT_DIR.replace(/\/$/, '')}/${entry}`;
    throw new Error(problems.map((p) => `${file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
  }
}

const documents = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: CONTENT_DIR,
    generateId: ({ entry, base, data }) => {
      assertDatesAsWritten(entry, base);
      return registry.claim(entry, data.id);
    },
  }),
  schema: documentSchema,
});

export const collections = { documents };
