import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundlePageIds, sharedPageIds } from '../../../src/lib/search/shared-ids.ts';

describe('page ids shared by Pagefind bundles', () => {
  const site = mkdtempSync(path.join(tmpdir(), 'wenyuan-shared-ids-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  const bundle = (name: string, ids: string[]) => {
    mkdirSync(path.join(site, name, 'fragment'), { recursive: true });
    for (const id of ids) writeFileSync(path.join(site, name, 'fragment', `${id}.pf_fragment`), '');
    // Other files, in the bundle or among the fragments, are not pages.
    writeFileSync(path.join(site, name, 'pagefind-entry.json'), '{}');
    writeFileSync(path.join(site, name, 'fragment', '.DS_Store'), '');
    return path.join(site, name);
  };

  it('reads a bundle\'s page ids from its fragment files; a folder that is no bundle is an error', () => {
    expect(bundlePageIds(bundle('pagefind', ['und_2320b49', 'und_98c22e9'])).sort()).toEqual(['und_2320b49', 'und_98c22e9']);
    expect(() => bundlePageIds(path.join(site, 'no-such-bundle'))).toThrow(/no-such-bundle is not a Pagefind bundle/);
  });

  it('lists the ids more than one bundle holds, once each, sorted', () => {
    const bundles = [
      ['und_aaaaaaa', 'und_98c22e9', 'und_2320b49'],
      ['und_bbbbbbb', 'und_98c22e9'],
      ['und_2320b49'],
    ];
    expect(sharedPageIds(bundles)).toEqual(['und_2320b49', 'und_98c22e9']);
    expect(sharedPageIds([['und_1', 'und_1'], ['und_2']])).toEqual([]);
  });
});
