/**
 * Citation extraction and resolution on small archives (tests/fixtures/citations/<case>/content):
 * what each 《…》 resolves to, the missing texts, and the HTML the Markdown
 * plugin renders with the graph. Regenerate after an intended change with
 * UPDATE_FIXTURES=1 npm run test:unit.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownConfigDefaults, unified } from '@astrojs/markdown-remark';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readSourceDocuments } from '../../../src/data/content-graph.ts';
import { buildGraph } from '../../../src/lib/graph/build.ts';
import { CrossLinkIndex } from '../../../src/lib/graph/link-index.ts';
import type { GraphData } from '../../../src/lib/graph/types.ts';
import { unifiedOptionsWith } from '../../../src/markdown/index.ts';

const FIXTURES = 'tests/fixtures/citations';
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** What a fixture pins: each citation's outcome and the missing texts. */
function summary(graph: GraphData) {
  return {
    citations: graph.citations.map((c) => ({
      from: c.from,
      line: c.line,
      linked: c.linked,
      kind: c.kind,
      status: c.status,
      ...(c.via ? { via: c.via } : {}),
      ...(c.target ? { target: c.target.type === 'document' ? c.target.id : `missing:${c.target.slug}` } : {}),
      ...(c.anchor ? { anchor: c.anchor } : {}),
      ...(c.candidates ? { candidates: c.candidates } : {}),
      ...(c.note ? { note: c.note } : {}),
    })),
    missing: graph.missing.map((m) => ({ title: m.title, count: m.count, ...(m.issuer ? { issuer: m.issuer } : {}), ...(m.region ? { region: m.region } : {}) })),
  };
}

function matches(file: string, actual: string) {
  if (UPDATE || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe.each(cases)('citations: %s', (name) => {
  const dir = path.join(FIXTURES, name);
  const docs = readSourceDocuments(path.join(dir, 'content'));
  const graph = buildGraph(docs, { related: false });

  it('resolves as pinned in expected.json', () => {
    matches(path.join(dir, 'expected.json'), `${JSON.stringify(summary(graph), null, 2)}\n`);
  });

  it('renders the links as pinned in expected/', async () => {
    const renderer = await unified(unifiedOptionsWith({ index: new CrossLinkIndex(graph) })).createRenderer(markdownConfigDefaults);
    for (const doc of docs) {
      const { frontmatter, content } = parseFrontmatter(readFileSync(doc.file!, 'utf8'));
      const { code } = await renderer.render(content, { frontmatter });
      matches(path.join(dir, 'expected', `${doc.id}.html`), `${code}\n`);
    }
  });
});
