/**
 * Remembered word counts give the same related documents as counting afresh,
 * and a rebuild re-segments only the documents whose text changed.
 */
import { describe, expect, it } from 'vitest';
import { readSourceDocuments } from '../../../src/data/content-graph.ts';
import { buildGraph, type TermMemo } from '../../../src/lib/graph/build.ts';
import { decodeTermCounts, encodeTermCounts } from '../../../src/lib/related/words.ts';

/** A memo that stores what it is given in the encoded form the cache file holds, and counts what it had to compute. */
function recordingMemo(previous = new Map<string, string>()): TermMemo & { stored: Map<string, string>; counted: number } {
  const stored = new Map<string, string>();
  const memo = {
    stored,
    counted: 0,
    get: (key: string) => {
      const found = previous.get(key);
      if (found === undefined) return undefined;
      stored.set(key, found);
      return decodeTermCounts(found);
    },
    set: (key: string, counts: ReadonlyMap<string, number>) => {
      memo.counted++;
      stored.set(key, encodeTermCounts(counts));
    },
  };
  return memo;
}

describe('term memo', () => {
  const documents = [...readSourceDocuments('content'), ...readSourceDocuments('tests/fixtures/site/content')];

  it('gives the same graph as counting afresh, and re-counts only what changed', () => {
    const fresh = buildGraph(documents);
    expect(Object.values(fresh.related).some((list) => list.length > 0)).toBe(true);

    const first = recordingMemo();
    expect(buildGraph(documents, { termMemo: first })).toEqual(fresh);
    expect(first.counted).toBe(documents.length);

    // The memo of the last build, through JSON as on disk: nothing re-counted, the same graph.
    const second = recordingMemo(new Map(JSON.parse(JSON.stringify([...first.stored])) as Array<[string, string]>));
    expect(buildGraph(documents, { termMemo: second })).toEqual(fresh);
    expect(second.counted).toBe(0);

    // One document's text changed: only it is re-counted, and the graph is the fresh graph of the new text.
    const edited = documents.map((d, i) => (i === 0 ? { ...d, body: `${d.body}\n\n本段为测试新增的内容，关于行政处罚的规定。\n` } : d));
    const third = recordingMemo(second.stored);
    const rebuilt = buildGraph(edited, { termMemo: third });
    expect(third.counted).toBe(1);
    expect(rebuilt).toEqual(buildGraph(edited));
  });
});
