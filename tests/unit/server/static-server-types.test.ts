/** The static server names the per-document files (src/lib/export/files.ts) as UTF-8 text, so browsers show them and reference managers recognise them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../../src/server/static-server.ts';

const root = mkdtempSync(path.join(tmpdir(), 'wenyuan-serve-types-'));
let server: Server;
let url: string;

beforeAll(async () => {
  for (const ext of ['bib', 'ris', 'csl.json', 'md', 'txt']) writeFileSync(path.join(root, `doc.${ext}`), '文渊');
  ({ server, url } = await serveStatic(root, '127.0.0.1', 0));
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('static server content types', () => {
  it.each([
    ['bib', 'text/x-bibtex; charset=utf-8'],
    ['ris', 'text/x-research-info-systems; charset=utf-8'],
    ['csl.json', 'application/json; charset=utf-8'],
    ['md', 'text/markdown; charset=utf-8'],
    ['txt', 'text/plain; charset=utf-8'],
  ])('serves .%s as %s', async (ext, type) => {
    const response = await fetch(new URL(`doc.${ext}`, url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe('文渊');
  });
});
