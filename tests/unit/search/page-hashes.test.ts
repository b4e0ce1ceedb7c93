import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageHashes, SETTLED_MS } from '../../../src/lib/search/page-hashes.ts';

let work = '';
let site = '';
let records = '';
const page = (name: string) => path.join(site, name, 'index.html');
const documentPage = (text: string) => `<html><body><article data-pagefind-body><p>${text}</p></article></body></html>`;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function write(name: string, html: string, secondsAgo = 60): void {
  mkdirSync(path.dirname(page(name)), { recursive: true });
  writeFileSync(page(name), html);
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(page(name), when, when);
}

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'wenyuan-page-hashes-'));
  site = path.join(work, 'dist');
  records = path.join(work, 'cache', 'pages.json');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('PageHashes', () => {
  it('hashes document pages, says null of other pages and undefined of missing files', async () => {
    write('a', documentPage('议事规则'));
    write('about', '<html><body><p>关于</p></body></html>');
    const hashes = new PageHashes(site, records);
    expect(await hashes.hashOf(page('a'))).toBe(sha(documentPage('议事规则')));
    expect(await hashes.hashOf(page('about'))).toBeNull();
    expect(await hashes.hashOf(page('none'))).toBeUndefined();
    expect(hashes.read).toBe(2);
  });

  it('takes an unchanged page\'s hash from the last build\'s records without reading it', async () => {
    write('a', documentPage('议事规则'));
    write('about', '<html><body><p>关于</p></body></html>');
    const first = new PageHashes(site, records);
    await first.hashOf(page('a'));
    await first.hashOf(page('about'));
    first.save();
    const second = new PageHashes(site, records);
    expect(await second.hashOf(page('a'))).toBe(sha(documentPage('议事规则')));
    expect(await second.hashOf(page('about'))).toBeNull();
    expect(second.read).toBe(0);
  });

  it('reads a page again when it was written since, even with the same size', async () => {
    write('a', documentPage('议事规则'));
    const first = new PageHashes(site, records);
    await first.hashOf(page('a'));
    first.save();
    write('a', documentPage('工作规则'), 30);
    const second = new PageHashes(site, records);
    expect(await second.hashOf(page('a'))).toBe(sha(documentPage('工作规则')));
    expect(second.read).toBe(1);
  });

  it('does not trust a record of a page written just before the records were saved', async () => {
    write('a', documentPage('议事规则'), 0);
    const first = new PageHashes(site, records);
    await first.hashOf(page('a'));
    first.save(Date.now() + SETTLED_MS / 2);
    const second = new PageHashes(site, records);
    await second.hashOf(page('a'));
    expect(second.read).toBe(1);
  });

  it('ignores the records of another site folder, and works without a records file', async () => {
    write('a', documentPage('议事规则'));
    const first = new PageHashes(site, records);
    await first.hashOf(page('a'));
    first.save();
    const other = new PageHashes(path.join(work, 'elsewhere'), records);
    await other.hashOf(page('a'));
    expect(other.read).toBe(1);
    const none = new PageHashes(site);
    expect(await none.hashOf(page('a'))).toBe(sha(documentPage('议事规则')));
    none.save();
  });
});
