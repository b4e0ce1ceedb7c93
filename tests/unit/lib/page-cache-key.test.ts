import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_ENVIRONMENT, pageCacheKey, SITE_CODE_VARIABLE, siteCodeDigest } from '../../../src/lib/page-cache-key.ts';
import { filesUnder } from '../../../src/lib/files.ts';

/** Variables the site's code reads that do not change what a restored (cached) page holds, and why. */
const NOT_IN_CACHED_PAGES: Record<string, string> = {
  WENYUAN_ADMIN_AUTH_URL: 'the staff editor config (/admin/config.yml), which has no cache key',
  WENYUAN_ADMIN_BACKEND: 'the staff editor config',
  WENYUAN_ADMIN_BRANCH: 'the staff editor config',
  WENYUAN_ADMIN_FOLDER: 'the staff editor config',
  WENYUAN_ADMIN_GITLAB_APP_ID: 'the staff editor config',
  WENYUAN_ADMIN_GITLAB_URL: 'the staff editor config',
  WENYUAN_ADMIN_LOCAL_URL: 'the staff editor config',
  WENYUAN_CACHE_DIR: 'where the cache is',
  WENYUAN_CONTENT_DIR: 'where documents are read from; what they hold is in the keys, and the edit link made from a file\'s path is in its page\'s key',
  WENYUAN_GRAPH_FILE: 'where the graph is read from; its records are in the keys',
  WENYUAN_HUB: 'which pages a build makes, not what they hold',
  WENYUAN_HUB_INPUT: 'which pages a build makes',
  WENYUAN_PARTITION: 'which pages a build makes',
  WENYUAN_PARTITIONS_FILE: 'which pages a build makes',
  WENYUAN_RENDER_LOG: 'a log for tests',
  WENYUAN_SITE: 'the config\'s `site`, which Astro hashes into its incremental cache',
  WENYUAN_INDEX_AFTER_PAGES: 'the search index, not pages',
  WENYUAN_INDEX_JOBS: 'the search index',
  WENYUAN_INDEX_WHILE_PAGES: 'the search index',
};

describe('page cache keys', () => {
  it('differ when the inputs, the route or any page environment variable differ, and only then', () => {
    const env = { WENYUAN_CSP_META: '1' };
    const key = pageCacheKey('document', { id: 'a', titles: ['甲'] }, env);
    expect(pageCacheKey('document', { id: 'a', titles: ['甲'] }, { ...env, WENYUAN_OUT_DIR: '/elsewhere' })).toBe(key);
    expect(pageCacheKey('document', { id: 'a', titles: ['乙'] }, env)).not.toBe(key);
    expect(pageCacheKey('history', { id: 'a', titles: ['甲'] }, env)).not.toBe(key);
    for (const name of PAGE_ENVIRONMENT) {
      expect(pageCacheKey('document', { id: 'a', titles: ['甲'] }, { ...env, [name]: '2025-06-30' }), name).not.toBe(key);
    }
    expect(pageCacheKey('document', { id: 'a', titles: ['甲'] }, {})).not.toBe(key);
  });

  it('cover every environment variable the pages\' code reads', () => {
    const code = ['src/pages', 'src/components', 'src/layouts', 'src/data', 'src/lib', 'src/markdown'].flatMap((dir) =>
      filesUnder(dir, ['.ts', '.astro', '.mjs']).map((file) => readFileSync(file, 'utf8')),
    );
    const read = new Set(code.flatMap((text) => [...text.matchAll(/\b(WENYUAN_[A-Z0-9_]+|SOURCE_DATE_EPOCH)\b/g)].map((m) => m[1]!)));
    const unaccounted = [...read].filter((name) => !(PAGE_ENVIRONMENT as readonly string[]).includes(name) && !(name in NOT_IN_CACHED_PAGES));
    expect(unaccounted).toEqual([]);
    expect(read.size).toBeGreaterThan(PAGE_ENVIRONMENT.length);
  });

  it('make every key new when any file of the site\'s code changes', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wenyuan-site-code-'));
    try {
      mkdirSync(path.join(root, 'src', 'styles'), { recursive: true });
      writeFileSync(path.join(root, 'src', 'styles', 'a.css'), 'p { color: black }');
      writeFileSync(path.join(root, 'astro.config.mjs'), 'export default {};');
      writeFileSync(path.join(root, 'package-lock.json'), '{}');
      const before = siteCodeDigest(root);
      expect(siteCodeDigest(root)).toBe(before);
      writeFileSync(path.join(root, 'src', 'styles', 'a.css'), 'p { color: navy }');
      const after = siteCodeDigest(root);
      expect(after).not.toBe(before);
      expect((PAGE_ENVIRONMENT as readonly string[]).includes(SITE_CODE_VARIABLE)).toBe(true);
      expect(pageCacheKey('document', {}, { [SITE_CODE_VARIABLE]: after })).not.toBe(pageCacheKey('document', {}, { [SITE_CODE_VARIABLE]: before }));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
