import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptStamp, pruneOutput, readStamp, startOutput, stampOutput } from '../../../src/lib/kept-output.ts';

let work = '';
let outDir = '';
let cacheDir = '';

function write(relative: string, text = relative): void {
  const file = path.join(outDir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Makes a file look written `seconds` ago (a finished build's files are older than its stamp). */
function age(relative: string, seconds: number): void {
  const when = new Date(Date.now() - seconds * 1000);
  utimesSync(path.join(outDir, relative), when, when);
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'wenyuan-kept-'));
  outDir = path.join(work, 'dist');
  cacheDir = path.join(work, 'cache');
  mkdirSync(outDir);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('startOutput', () => {
  it('empties a folder no finished build stamped, keeping .git, as Astro does', () => {
    write('index.html');
    write('.git/HEAD');
    expect(startOutput(outDir, cacheDir)).toBeUndefined();
    expect(filesIn(outDir)).toEqual(['.git/HEAD']);
  });

  it('keeps the folder the last finished build stamped, and removes the stamp until this build finishes', () => {
    write('documents/a/index.html');
    stampOutput(outDir, cacheDir);
    const stamp = startOutput(outDir, cacheDir);
    expect(stamp?.outDir).toBe(realpathSync(outDir));
    expect(filesIn(outDir)).toEqual(['documents/a/index.html']);
    // A build that fails from here leaves no stamp: the next one starts empty.
    expect(readStamp(cacheDir)).toBeUndefined();
    expect(startOutput(outDir, cacheDir)).toBeUndefined();
    expect(filesIn(outDir)).toEqual([]);
  });

  it('keeps the folder when the next build reaches it through a symbolic link', () => {
    write('documents/a/index.html');
    stampOutput(outDir, cacheDir);
    const linked = path.join(work, 'linked-dist');
    symlinkSync(outDir, linked);
    expect(startOutput(linked, cacheDir)).toBeDefined();
    expect(filesIn(outDir)).toEqual(['documents/a/index.html']);
  });

  it('empties the folder when something was added at its top level since the stamp', () => {
    write('documents/a/index.html');
    stampOutput(outDir, cacheDir);
    write('stray.html');
    expect(keptStamp(outDir, cacheDir)).toBeUndefined();
    expect(startOutput(outDir, cacheDir)).toBeUndefined();
    expect(filesIn(outDir)).toEqual([]);
  });

  it('empties the folder when the stamp names another output folder', () => {
    const other = path.join(work, 'other');
    mkdirSync(other);
    stampOutput(other, cacheDir);
    write('index.html');
    expect(startOutput(outDir, cacheDir)).toBeUndefined();
    expect(filesIn(outDir)).toEqual([]);
  });

  it('empties a folder that was removed and made again since the stamp', () => {
    write('index.html');
    stampOutput(outDir, cacheDir);
    rmSync(outDir, { recursive: true });
    mkdirSync(outDir);
    write('index.html');
    expect(startOutput(outDir, cacheDir)).toBeUndefined();
  });

  it('keeps nothing when there is no output folder yet', () => {
    rmSync(outDir, { recursive: true });
    stampOutput(outDir, cacheDir);
    expect(readStamp(cacheDir)).toBeUndefined();
    expect(startOutput(outDir, cacheDir)).toBeUndefined();
    expect(existsSync(outDir)).toBe(false);
  });

  it('ignores a stamp it cannot read', () => {
    write('index.html');
    mkdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, 'wenyuan-output.json'), '{"version": 2}');
    expect(startOutput(outDir, cacheDir)).toBeUndefined();
    expect(filesIn(outDir)).toEqual([]);
  });
});

describe('pruneOutput', () => {
  it('removes what the last build made and this one neither wrote nor kept, and the folders left empty', () => {
    for (const file of ['documents/gone/index.html', 'documents/gone.md', 'documents/kept/index.html', '_astro/old.js', 'pagefind/old.pf_fragment', 'pagefind-1/x']) write(file);
    for (const file of ['documents/gone/index.html', 'documents/gone.md', 'documents/kept/index.html', '_astro/old.js', 'pagefind/old.pf_fragment', 'pagefind-1/x']) age(file, 60);
    const stamp = { ...stampOutput(outDir, cacheDir, Date.now() - 30_000)! };
    // This build: a page rendered anew, an asset, a document's file.
    write('documents/new/index.html');
    write('_astro/new.js');
    write('documents/kept.md');
    const removed = pruneOutput(outDir, stamp, (relative) => relative === 'documents/kept/index.html' || relative.startsWith('pagefind/'));
    expect(removed).toEqual(['_astro/old.js', 'documents/gone.md', 'documents/gone/index.html', 'pagefind-1/x']);
    expect(filesIn(outDir)).toEqual(['_astro/new.js', 'documents/kept.md', 'documents/kept/index.html', 'documents/new/index.html', 'pagefind/old.pf_fragment']);
    expect(existsSync(path.join(outDir, 'documents/gone'))).toBe(false);
    expect(existsSync(path.join(outDir, 'pagefind-1'))).toBe(false);
  });

  it('keeps a file written again by this build although its bytes did not change', () => {
    write('feed.xml', 'same');
    age('feed.xml', 60);
    const stamp = stampOutput(outDir, cacheDir, Date.now() - 30_000)!;
    write('feed.xml', 'same');
    expect(pruneOutput(outDir, stamp, () => false)).toEqual([]);
    expect(filesIn(outDir)).toEqual(['feed.xml']);
  });

  it('leaves .git alone, even its empty folders (a checkout of the published branch with packed refs)', () => {
    write('old.html');
    age('old.html', 60);
    mkdirSync(path.join(outDir, '.git/refs/heads'), { recursive: true });
    mkdirSync(path.join(outDir, '.git/objects/pack'), { recursive: true });
    write('.git/HEAD', 'ref: refs/heads/gh-pages\n');
    age('.git/HEAD', 60);
    const stamp = stampOutput(outDir, cacheDir, Date.now() - 30_000)!;
    expect(pruneOutput(outDir, stamp, () => false)).toEqual(['old.html']);
    expect(existsSync(path.join(outDir, '.git/refs/heads'))).toBe(true);
    expect(existsSync(path.join(outDir, '.git/objects/pack'))).toBe(true);
    expect(existsSync(path.join(outDir, '.git/HEAD'))).toBe(true);
  });

  it('does not look into the folders left to other steps (search bundles being written), even when empty', () => {
    for (const file of ['_astro/old.js', 'pagefind-2/old.pf_fragment']) {
      write(file);
      age(file, 60);
    }
    mkdirSync(path.join(outDir, 'pagefind-3/fragment'), { recursive: true });
    const stamp = stampOutput(outDir, cacheDir, Date.now() - 30_000)!;
    const removed = pruneOutput(outDir, stamp, () => false, (folder) => folder.startsWith('pagefind'));
    expect(removed).toEqual(['_astro/old.js']);
    expect(existsSync(path.join(outDir, 'pagefind-2/old.pf_fragment'))).toBe(true);
    expect(existsSync(path.join(outDir, 'pagefind-3/fragment'))).toBe(true);
  });

  it('stamps by the output folder’s own clock and leaves nothing of it behind', () => {
    write('index.html');
    const stamp = stampOutput(outDir, cacheDir)!;
    expect(filesIn(outDir)).toEqual(['index.html']);
    expect(keptStamp(outDir, cacheDir)).toEqual(stamp);
    // A file written before the stamp is no newer than it, by the same clock.
    expect(statSync(path.join(outDir, 'index.html')).mtimeMs).toBeLessThanOrEqual(stamp.finishedAt);
  });
});
