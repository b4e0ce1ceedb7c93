/**
 * Two cold builds of the default content produce byte-identical sites: no
 * timestamps, random ids or iteration-order accidents in pages, index,
 * feeds, sitemap or data files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingFiles, fileHashes } from '../../src/lib/files.ts';
import { CITATION_FILES, TEXT_FILES } from '../../src/lib/export/files.ts';

const work = mkdtempSync(path.join(tmpdir(), 'wenyuan-determinism-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function coldBuild(name: string): Map<string, string> {
  const outDir = path.join(work, name, 'dist');
  const build = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    env: { ...process.env, WENYUAN_OUT_DIR: outDir, WENYUAN_CACHE_DIR: path.join(work, name, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  return fileHashes(outDir);
}

describe('determinism', () => {
  it('two cold builds of content/ are byte-identical', () => {
    const first = coldBuild('first');
    const second = coldBuild('second');
    expect(first.size).toBeGreaterThan(20);
    // The files made for machines are compared too: feeds, sitemap, open data.
    const published = ['rss.xml', 'browse/type/speech/rss.xml', 'sitemap-index.xml', 'sitemap-0.xml', 'robots.txt', 'datapackage.json', 'graph.json'];
    const data = ['documents.json', 'documents.schema.json', 'documents.csv', 'citations.csv', 'graph.schema.json', 'index.html'].map((f) => `data/${f}`);
    expect([...published, ...data].filter((file) => !first.has(file))).toEqual([]);
    // So are every document's own files (the Markdown source, text and exports), beside its page.
    const documents = [...first.keys()].flatMap((file) => /^documents\/([^/]+)\/index\.html$/.exec(file)?.slice(1) ?? []);
    const documentFiles = documents.flatMap((id) => [...TEXT_FILES, ...CITATION_FILES].map(({ ext }) => `documents/${id}.${ext}`));
    expect(documents.length).toBeGreaterThan(0);
    expect(documentFiles.filter((file) => !first.has(file))).toEqual([]);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect(differingFiles(first, second)).toEqual([]);
  });
});
