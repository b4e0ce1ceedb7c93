import { describe, expect, it } from 'vitest';
import { CHAMPIONS, MAX_POSTINGS, relatedDocuments, type RelatedInput } from '../../../src/lib/related/related.ts';
import fc from 'fast-check';
import { contentWords, decodeTermCounts, encodeTermCounts, termCounts } from '../../../src/lib/related/words.ts';

function doc(id: string, words: string, extra: Partial<RelatedInput> = {}): RelatedInput {
  return { id, type: 'rule', terms: termCounts(words.split(' ')), citations: new Set(), entities: new Set(), ...extra };
}

describe('related documents', () => {
  it('ranks by shared words, citations and entities, at most five, never itself', () => {
    const docs = [
      doc('a', '代表 联络站 选民 接待 联络站 代表', { citations: new Set(['x']) }),
      doc('b', '代表 联络站 选民 接待', { citations: new Set(['x']) }),
      doc('c', '预算 审查 监督 决算'),
      doc('d', '预算 审查 国有资产'),
      ...Array.from({ length: 8 }, (_, i) => doc(`e${i}`, '代表 联络站 选民')),
    ];
    const related = relatedDocuments(docs);
    expect(related.get('a')![0]).toMatchObject({ id: 'b', reasons: expect.arrayContaining(['共同引用', '内容相近']) });
    expect(related.get('c')!.map((r) => r.id)).toEqual(['d']);
    for (const [id, list] of related) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(list.map((r) => r.id)).not.toContain(id);
    }
  });

  it('a document citing another is related to it', () => {
    const related = relatedDocuments([doc('a', '甲乙', { citations: new Set(['b']) }), doc('b', '丙丁')]);
    expect(related.get('b')!.map((r) => [r.id, r.reasons])).toEqual([['a', ['共同引用']]]);
  });

  it('bounds the candidates per document whatever the archive’s size (no quadratic work on common words)', () => {
    const perDocument = (n: number) => {
      let pairs = 0;
      const docs = Array.from({ length: n }, (_, i) => doc(`d${i}`, `常见词 词${i % 50} 词${(i * 7) % 50}`, { citations: new Set(['宪法']) }));
      relatedDocuments(docs, { onStats: (s) => (pairs = s.candidatePairs) });
      return pairs / n;
    };
    // Three terms per document, each followed to at most CHAMPIONS documents; the shared citation is cited too widely to follow.
    for (const n of [MAX_POSTINGS * 2, MAX_POSTINGS * 8]) expect(perDocument(n)).toBeLessThanOrEqual(3 * CHAMPIONS);
  });

  it('reads Chinese words, not single characters or punctuation', () => {
    expect(contentWords('区人大常委会党组将全力以赴贯彻落实好区委《意见》。')).toEqual(['人大常委会', '党组', '全力以赴', '贯彻落实', '区委', '意见']);
  });

  it('keeps term counts through their cache encoding, order and counts included', () => {
    const hanWord = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)), minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.tuple(hanWord, fc.integer({ min: 1, max: 100_000 })), { maxLength: 40 }), (pairs) => {
        const counts = new Map(pairs);
        const decoded = decodeTermCounts(encodeTermCounts(counts));
        expect([...decoded]).toEqual([...counts]);
      }),
    );
    expect(encodeTermCounts(termCounts(['法律', '条例', '法律']))).toBe('法律2 条例');
  });

  it('refuses to encode a term the encoding could not read back', () => {
    expect(() => encodeTermCounts(new Map([['词1', 1]]))).toThrow(/词1/);
  });
});
