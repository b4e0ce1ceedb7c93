import { describe, expect, it } from 'vitest';
import { layout } from '../../../src/lib/graph/layout.ts';
import { globalView, neighbourhood, networkOf } from '../../../src/lib/graph/view.ts';
import type { CitationRecord, GraphData } from '../../../src/lib/graph/types.ts';

function citation(from: string, to: string): CitationRecord {
  const target = to.startsWith('m:') ? { type: 'missing' as const, slug: to.slice(2) as never } : { type: 'document' as const, id: to };
  return { from, line: 1, column: 1, linked: '', title: '', kind: 'document', sentence: '', status: 'resolved', target };
}

// a → b → c → d, and a → missing text m; e stands alone.
const graph: Pick<GraphData, 'documents' | 'missing' | 'citations'> = {
  documents: Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((id) => [id, { title: id.toUpperCase(), type: id === 'd' ? 'speech' : 'rule', region: id === 'c' ? '北京市朝阳区' : '北京市海淀区' }])),
  missing: [{ slug: 'm' as never, title: 'M', count: 1, documents: ['a'] }],
  citations: [citation('a', 'b'), citation('a', 'b'), citation('b', 'c'), citation('c', 'd'), citation('a', 'm:m')],
};

describe('graph views', () => {
  const network = networkOf(graph);

  it('counts repeated citations on one edge', () => {
    expect(network.edges.find(([from, to]) => network.nodes[from]!.id === 'd:a' && network.nodes[to]!.id === 'd:b')![2]).toBe(2);
  });

  it('a neighbourhood reaches two hops out, both ways', () => {
    const view = neighbourhood(network, 'd:b')!;
    expect(view.nodes.map((n) => n.id).sort()).toEqual(['d:a', 'd:b', 'd:c', 'd:d', 'm:m']);
    expect(view.nodes[view.centre!]!.id).toBe('d:b');
    expect(neighbourhood(network, 'd:a', 1)!.nodes.map((n) => n.id).sort()).toEqual(['d:a', 'd:b', 'm:m']);
    expect(neighbourhood(network, 'd:none')).toBeUndefined();
  });

  it('the whole network filters by region and type, and caps the nodes drawn', () => {
    expect(globalView(network).nodes.map((n) => n.id).sort()).toEqual(['d:a', 'd:b', 'd:c', 'd:d', 'm:m']);
    // Haidian's a and b, and what they cite: c (Chaoyang) and the missing text.
    expect(globalView(network, { region: '北京市海淀区' }).nodes.map((n) => n.id).sort()).toEqual(['d:a', 'd:b', 'd:c', 'm:m']);
    expect(globalView(network, { type: 'speech' }).nodes).toEqual([]);
    const capped = globalView(network, {}, 2);
    expect(capped.nodes).toHaveLength(2);
    expect(capped.total).toBe(5);
  });

  it('lays out deterministically, inside the frame, without stacking nodes', () => {
    const edges: Array<[number, number]> = Array.from({ length: 299 }, (_, i) => [i, (i * 7 + 3) % 300]);
    const first = layout(300, edges);
    expect(layout(300, edges)).toEqual(first);
    expect(first.every((p) => Math.abs(p.x) <= 1 && Math.abs(p.y) <= 1)).toBe(true);
    const distinct = new Set(first.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`));
    expect(distinct.size).toBe(300);
    expect(layout(3, [[0, 1]], { centre: 2 })[2]).toEqual({ x: 0, y: 0 });
  });
});

describe('slugs', () => {
  it('stay readable, unique, and short enough for a folder name', async () => {
    const { createSlugRegistry, slugify } = await import('../../../src/lib/graph/urls.ts');
    expect(slugify('海淀区人大常委会专家顾问工作规则（试行）')).toBe('海淀区人大常委会专家顾问工作规则-试行');
    expect(new TextEncoder().encode(slugify('𠀀'.repeat(100))).length).toBeLessThanOrEqual(180);
    const slug = createSlugRegistry();
    expect([slug('a'), slug('a', 'a-b'), slug('a', 'a-b')]).toEqual(['a', 'a-b', 'a-b-2']);
  });
});
