/**
 * The render workers render every document exactly as the main thread does
 * (same processor, options and graph), and report a failure instead of
 * hanging.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownConfigDefaults, parseFrontmatter } from '@astrojs/markdown-remark';
import { loadContentGraph } from '../../../src/data/content-graph.ts';
import { createRenderPool } from '../../../src/data/render-pool.ts';
import { filesUnder } from '../../../src/lib/files.ts';
import { archiveProcessor } from '../../../src/markdown/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-render-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const contentDir = path.join(work, 'content');
cpSync('content', contentDir, { recursive: true });
cpSync('tests/fixtures/site/content', path.join(contentDir, 'fixtures'), { recursive: true });
// Markdown only: MDX is rendered by Astro's MDX integration, not the pool.
const mdFiles = filesUnder(contentDir, ['.md']);
const rendererOptions = { ...markdownConfigDefaults, image: {} };

describe('render pool', () => {
  it('renders each document as the main thread does', async () => {
    const { index, file } = loadContentGraph(contentDir, { cacheDir: path.join(work, 'cache') });
    expect(file).toBeDefined();
    const mainThread = await archiveProcessor({ index }).createRenderer(rendererOptions);
    const pool = createRenderPool({ graphFile: file!, rendererOptions }, 2);
    try {
      expect(mdFiles.length).toBeGreaterThan(8);
      const results = await Promise.all(
        mdFiles.map(async (filePath) => {
          const { frontmatter, content } = parseFrontmatter(readFileSync(filePath, 'utf8'));
          const [inWorker, direct] = await Promise.all([
            pool.render({ id: String(frontmatter.id), data: frontmatter, body: content, filePath }),
            mainThread.render(content, { frontmatter, fileURL: new URL(`file://${filePath}`) }),
          ]);
          return { filePath, inWorker, direct };
        }),
      );
      for (const { filePath, inWorker, direct } of results) {
        expect(inWorker.html, filePath).toBe(direct.code);
        expect(inWorker.metadata?.headings, filePath).toEqual(direct.metadata.headings);
        expect(inWorker.metadata?.frontmatter, filePath).toEqual(direct.metadata.frontmatter);
      }
      // Cross-links really ran in the workers: the document citing the fixture rule links to it.
      const citing = results.find((r) => r.filePath.endsWith('cites-sample-rule.md'))!;
      expect(citing.inWorker.html).toContain('/documents/2023-03-01-test-yishi-guize/');
    } finally {
      await pool.close();
    }
  });

  it('rejects, naming the cause, when a worker cannot start', async () => {
    const pool = createRenderPool({ graphFile: path.join(work, 'no-such-graph.json'), rendererOptions }, 1);
    try {
      await expect(pool.render({ id: 'x', data: {}, body: '正文' })).rejects.toThrow(/no-such-graph\.json|render worker/);
    } finally {
      await pool.close();
    }
  });
});
