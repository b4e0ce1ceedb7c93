/**
 * A page's cache key changes with what the page shows and only with that:
 * an edit elsewhere that changes a citing sentence, a pinpoint, a related
 * document's reasons or a linked document's title re-renders the page; one
 * that only moves a citation in its file or a related document's score
 * leaves it restored.
 */
import { describe, expect, it, vi } from 'vitest';
import type { GraphData, GraphSlug } from '../../../src/lib/graph/types.ts';
import type { DocumentEntry } from '../../../src/data/documents.ts';

const graph = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('virtual:wenyuan/graph', () => ({
  get default() {
    return graph.current;
  },
}));
vi.mock('astro:content', () => ({ getCollection: async () => [], render: async () => ({}) }));

function baseGraph(): GraphData {
  return {
    citations: [
      { from: 'b', line: 3, column: 5, linked: '《甲办法》', title: '甲办法', pinpoint: '第三条', kind: 'rule' as never, sentence: '依照《甲办法》第三条。', status: 'resolved', target: { type: 'document', id: 'a' } },
      { from: 'a', line: 7, column: 1, linked: '《乙条例》', title: '乙条例', kind: 'rule' as never, sentence: '根据《乙条例》。', status: 'missing', target: { type: 'missing', slug: 'yi-tiaoli' as GraphSlug } },
    ],
    missing: [{ slug: 'yi-tiaoli' as GraphSlug, title: '乙条例', count: 1, documents: ['a'] }],
    entities: [],
    mentions: {},
    related: { a: [{ id: 'c', score: 0.41, reasons: ['内容相近'] }] },
    links: {},
    documents: {
      a: { title: '甲办法', type: 'rule', date: '2020-01-01', file: '/checkout-1/content/a.md' },
      b: { title: '乙意见', type: 'opinion', date: '2021-01-01', file: '/checkout-1/content/b.md' },
      c: { title: '丙规则', type: 'rule', date: '2019-01-01', file: '/checkout-1/content/c.md' },
    },
  };
}

const docA = { id: 'a', digest: 'digest-a', data: { id: 'a', title: '甲办法', type: 'rule' } } as unknown as DocumentEntry;

/** The key of document a's page under a graph changed by `change`. */
async function keyOfA(change: (g: GraphData) => void = () => {}): Promise<string> {
  const g = baseGraph();
  change(g);
  graph.current = g;
  vi.resetModules();
  const { documentPageKey } = await import('../../../src/data/page-keys.ts');
  return documentPageKey(docA, undefined, undefined);
}

describe('page keys', () => {
  it('change with what a document page shows of other documents', async () => {
    const base = await keyOfA();
    expect(await keyOfA()).toBe(base);
    const changes: Array<[string, (g: GraphData) => void]> = [
      ['a citing sentence', (g) => (g.citations[0]!.sentence = '依照《甲办法》第三条的规定。')],
      ['a citing pinpoint', (g) => (g.citations[0]!.pinpoint = '第四条')],
      ['a related document’s reasons', (g) => (g.related.a![0]!.reasons = ['内容相近', '同地区'])],
      ['a related document’s title', (g) => (g.documents.c!.title = '丙规则（修订）')],
      ['a citing document’s date', (g) => (g.documents.b!.date = '2021-02-01')],
      ['a missing text’s title', (g) => (g.missing[0]!.title = '乙条例（草案）')],
    ];
    for (const [what, change] of changes) expect(await keyOfA(change), what).not.toBe(base);
  });

  it('stay the same when only positions, scores or file paths change', async () => {
    const base = await keyOfA();
    const changes: Array<[string, (g: GraphData) => void]> = [
      ['where the citation stands in its file', (g) => Object.assign(g.citations[0]!, { line: 30, column: 9 })],
      ['a related document’s score', (g) => (g.related.a![0]!.score = 0.77)],
      ['the checkout the files are in', (g) => Object.values(g.documents).forEach((d) => (d.file = d.file!.replace('/checkout-1/', '/ci-workspace/')))],
      ['how often the missing text is cited', (g) => (g.missing[0]!.count = 5)],
    ];
    for (const [what, change] of changes) expect(await keyOfA(change), what).toBe(base);
  });

  it('of a missing text’s page change with its citing sentences and documents, not their positions', async () => {
    const keyOfMissing = async (change: (g: GraphData) => void = () => {}) => {
      const g = baseGraph();
      change(g);
      graph.current = g;
      vi.resetModules();
      const { missingPageKey } = await import('../../../src/data/page-keys.ts');
      return missingPageKey(g.missing[0]!);
    };
    const base = await keyOfMissing();
    expect(await keyOfMissing((g) => (g.citations[1]!.sentence = '根据《乙条例》制定本办法。'))).not.toBe(base);
    expect(await keyOfMissing((g) => (g.documents.a!.title = '甲办法（修订）'))).not.toBe(base);
    expect(await keyOfMissing((g) => Object.assign(g.citations[1]!, { line: 70, column: 2 }))).toBe(base);
  });
});
