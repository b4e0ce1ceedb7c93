/**
 * The archive's one collection: every Markdown/MDX file under content/.
 * The document's own `id` field, not its path, becomes the entry id, so a
 * file can move between folders without breaking its URL.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import linkDigests, { graphFile } from 'virtual:wenyuan/link-digests';
import { createRenderPool, type RenderFunction, type RenderPool } from './data/render-pool.ts';
import { hasRendered, writeRendered } from './data/rendered-documents.ts';
import { appendFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentSchema } from './schemas/document.ts';
import { createIdRegistry } from './lib/document-id.ts';
import { contentDir } from './lib/build-paths.ts';
import { rendersDocument } from './data/scope.ts';
import { checkFrontMatter, formatDiagnostics } from './lib/front-matter-check.ts';

const CONTENT_DIR = contentDir();
const registry = createIdRegistry(CONTENT_DIR);
/** When set, the id of every document this build (re-)renders is appended to this file. */
const RENDER_LOG = process.env.WENYUAN_RENDER_LOG;

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

/**
 * Astro's glob loader with three changes. Two are made by wrapping its store:
 *
 * - Each document's link digest (what the cross-link plugin reads for it,
 *   src/lib/graph/link-index.ts) is joined to the digest of its file. Astro
 *   re-renders a cached document when its digest changes, so a rebuild
 *   re-renders a document when its text or its links changed, and keeps
 *   every other rendering. Entries are stored with `fileDigest:linkDigest`
 *   and read back as the file digest only while their link digest is current.
 * - The rendered HTML goes to a file per document in the build cache, not
 *   into the content store (src/data/rendered-documents.ts says why); an
 *   entry whose file is missing counts as changed.
 *
 * The third: Markdown is rendered by worker threads on every core
 * ({@link lazyRenderPool}), and only for the documents this build renders
 * (a partition build: its own and the versions they are compared with;
 * the hub: none; src/data/scope.ts). MDX documents are rendered by Astro when their
 * page is built, as before.
 */
function archiveLoader(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    name: 'wenyuan-documents',
    load: async (context: LoaderContext) => {
      const { store } = context;
      // A document this build does not render (another partition's, or any in the hub) is stored
      // empty under its own link digest, so a later build that renders it never takes the stub.
      const linkDigest = (id: string) => (rendersDocument(id) ? (linkDigests[id] ?? '') : 'unrendered');
      const wrappedStore: LoaderContext['store'] = {
        ...store,
        get: <TData extends Record<string, unknown>>(id: string) => {
          const entry = store.get<TData>(id);
          if (!entry?.digest) return entry;
          const digest = String(entry.digest);
          const at = digest.lastIndexOf(':');
          const current = at >= 0 && digest.slice(at + 1) === linkDigest(id) && (entry.deferredRender || hasRendered(id, digest));
          return { ...entry, digest: current ? digest.slice(0, at) : 'changed' };
        },
        set: (entry) => {
          // The glob loader stores only what it (re-)rendered; benchmarks and tests list those.
          if (RENDER_LOG) appendFileSync(RENDER_LOG, `${entry.id}\n`);
          if (!entry.digest) return store.set(entry);
          const digest = `${entry.digest}:${linkDigest(entry.id)}`;
          if (!entry.rendered) return store.set({ ...entry, digest });
          const { html, metadata } = entry.rendered;
          const rendered = { html, headings: metadata?.headings ?? [], frontmatter: metadata?.frontmatter ?? {} };
          const previous = store.get(entry.id)?.digest;
          writeRendered(entry.id, digest, rendered, previous === undefined ? undefined : String(previous));
          return store.set({ ...entry, rendered: undefined, digest });
        },
      };
      const pool = lazyRenderPool(context);
      try {
        await inner.load({ ...context, ...(pool.entryTypes ? { entryTypes: pool.entryTypes } : {}), store: wrappedStore });
      } finally {
        await pool.close();
      }
    },
  };
}

/**
 * Astro passes its loaders the content entry types (how to read and render
 * each file extension) in a context field its public types leave out; the
 * glob loader reads it there (astro 7.3.5, pinned in package.json).
 */
type EntryTypes = Map<string, { getRenderFunction?: (config: LoaderContext['config']) => Promise<RenderFunction> }>;

/**
 * The content entry types with Markdown rendered by a pool of worker threads
 * (src/data/render-pool.ts), started at the first document that needs
 * rendering, so a rebuild that re-renders nothing starts no workers. Without
 * the entry types in the context, or if the renderer options cannot be sent
 * to a worker, Markdown is rendered in the main thread as Astro does by default.
 */
function lazyRenderPool(context: LoaderContext): { entryTypes?: EntryTypes; close(): Promise<void> } {
  const entryTypes = (context as LoaderContext & { entryTypes?: EntryTypes }).entryTypes;
  const markdown = entryTypes?.get('.md');
  const getRenderFunction = markdown?.getRenderFunction;
  if (!entryTypes || !markdown || !getRenderFunction) return { close: async () => {} };
  const { markdown: options, image } = context.config;
  const rendererOptions = { image, syntaxHighlight: options.syntaxHighlight, shikiConfig: options.shikiConfig, gfm: options.gfm, smartypants: options.smartypants };
  const data = { graphFile, rendererOptions };
  let pool: RenderPool | undefined;
  let fallback: Promise<RenderFunction> | undefined;
  const render: RenderFunction = async (entry) => {
    // Only front matter is needed of documents another partition renders (see archiveLoader).
    if (!rendersDocument(entry.id)) return { html: '' };
    if (!pool && !fallback) {
      try {
        pool = createRenderPool(data);
      } catch (error) {
        context.logger.warn(`rendering in the main thread: ${(error as Error).message}`);
        fallback = getRenderFunction(context.config);
      }
    }
    return pool ? pool.render(entry) : (await fallback!)(entry);
  };
  const withPool: EntryTypes = new Map(entryTypes);
  withPool.set('.md', { ...markdown, getRenderFunction: async () => render });
  return { entryTypes: withPool, close: async () => pool?.close() };
}

const documents = defineCollection({
  loader: archiveLoader({
    pattern: '**/*.{md,mdx}',
    base: CONTENT_DIR,
    // Pages never read the Markdown source: keeping it would double the store.
    retainBody: false,
    generateId: ({ entry, base, data }) => {
      assertValidFrontMatter(entry, base, data);
      return registry.claim(entry, data.id);
    },
  }),
  schema: documentSchema,
});

export const collections = { documents };
