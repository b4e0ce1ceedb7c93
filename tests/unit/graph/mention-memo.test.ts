/**
 * Remembered entity scans give the same graph as fresh ones, and a rebuild
 * rescans only the documents whose text (or scan context) changed.
 */
import { describe, expect, it } from 'vitest';
import { readSourceDocuments } from '../../../src/data/content-graph.ts';
import { buildGraph, type MentionMemo } from '../../../src/lib/graph/build.ts';
import type { Mention } from '../../../src/lib/entities/mentions.ts';

function recordingMemo(previous = new Map<string, Mention[][]>()): MentionMemo & { stored: Map<string, Mention[][]>; scans: number } {
  const stored = new Map<string, Mention[][]>();
  const memo = {
    stored,
    scans: 0,
    get: (key: string) => {
      const found = previous.get(key);
      if (found) stored.set(key, JSON.parse(JSON.stringify(found)) as Mention[][]);
      return found && (JSON.parse(JSON.stringify(found)) as Mention[][]);
    },
    set: (key: string, mentions: Mention[][]) => {
      memo.scans++;
      stored.set(key, mentions);
    },
  };
  return memo;
}

describe('mention memo', () => {
  const documents = [...readSourceDocuments('content'), ...readSourceDocuments('tests/fixtures/site/content')];

  it('gives the same graph as scanning afresh, and rescans only what changed', () => {
    const fresh = buildGraph(documents, { related: false });
    const first = recordingMemo();
    expect(buildGraph(documents, { related: false, mentionMemo: first })).toEqual(fresh);
    expect(first.scans).toBe(documents.length);

    // Same documents, the memo of the last build (through JSON, as on disk): nothing rescanned.
    const second = recordingMemo(first.stored);
    expect(buildGraph(documents, { related: false, mentionMemo: second })).toEqual(fresh);
    expect(second.scans).toBe(0);

    // One document's text changed: that one is rescanned, and the graph is the fresh graph of the new text.
    const edited = documents.map((d, i) => (i === 0 ? { ...d, body: `${d.body}\n\n本段为测试新增的内容。\n` } : d));
    const third = recordingMemo(second.stored);
    const rebuilt = buildGraph(edited, { related: false, mentionMemo: third });
    expect(third.scans).toBe(1);
    expect(rebuilt).toEqual(buildGraph(edited, { related: false }));
  });
});
