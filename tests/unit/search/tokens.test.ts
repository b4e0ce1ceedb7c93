import { describe, expect, it } from 'vitest';
import { decodeTokens, encodeChar, phrasePattern, tokenize } from '../../../src/lib/search/tokens.ts';
import { parseQuery, patternStarts } from '../../../src/lib/search/query.ts';
import { createNormalizer } from '../../../src/lib/search/normalize.ts';
import { traditionalToSimplifiedPairs } from '../../../src/lib/search/t2s-table.ts';

const normalize = createNormalizer(traditionalToSimplifiedPairs());

const c = encodeChar;
const bi = (a: string, b: string) => c(a) + c(b).slice(1);

describe('tokens', () => {
  it('writes Chinese characters as ASCII words, each followed by the bigram it starts', () => {
    expect(c('人')).toBe('q0fju');
    expect(tokenize('人大代表，2023年Open Data')).toEqual([
      c('人'), bi('人', '大'), c('大'), bi('大', '代'), c('代'), bi('代', '表'), c('表'), '，', '2023', c('年'), 'Open', 'Data',
    ]);
  });

  it('a phrase is its bigrams two apart; a one-character run is the character itself', () => {
    expect(phrasePattern('人大代表')).toEqual({ tokens: [bi('人', '大'), bi('大', '代'), bi('代', '表')], offsets: [0, 2, 4], lead: 1, width: 7 });
    expect(phrasePattern('表')).toEqual({ tokens: [c('表')], offsets: [0], lead: 0, width: 1 });
    expect(phrasePattern('第3条')).toEqual({ tokens: [c('第'), '3', c('条')], offsets: [0, 1, 2], lead: 0, width: 3 });
    expect(phrasePattern('人大2023')).toEqual({ tokens: [bi('人', '大'), '2023'], offsets: [0, 2], lead: 1, width: 4 });
    expect(phrasePattern('，').tokens).toEqual([]);
  });

  it('decodes tokens back to the text, and real words that look like codes survive', () => {
    expect(decodeTokens(tokenize('人大代表，2023年Open Data'))).toBe('人大代表，2023年Open Data');
    expect(decodeTokens(tokenize('quick q0ft6'))).toBe('quick q0ft6');
    expect(decodeTokens([c('第'), `${bi('第', '一')}`, `${c('一')}.`, c('本')])).toBe('第一 本');
  });
});

describe('normalisation', () => {
  it('maps Traditional to Simplified and full-width letters to ASCII, keeping punctuation', () => {
    expect(normalize('區委人大工作會議，ＡＢＣ１２３')).toBe('区委人大工作会议，abc123');
  });
});

describe('queries', () => {
  it('space-separated terms are each required; quotes make one phrase; punctuation splits', () => {
    expect(parseQuery('全过程 人民民主', normalize).map((p) => p.text)).toEqual(['全过程', '人民民主']);
    expect(parseQuery('"全过程 人民民主"', normalize).map((p) => p.text)).toEqual(['全过程人民民主']);
    expect(parseQuery('人大、政协', normalize).map((p) => p.text)).toEqual(['人大', '政协']);
    expect(parseQuery('人大代表聯絡站', normalize)).toEqual([{ text: '人大代表联络站', ...phrasePattern('人大代表联络站') }]);
    expect(parseQuery('  ，。 ', normalize)).toEqual([]);
  });

  it('finds where tokens stand at their offsets', () => {
    expect(patternStarts([new Set([1, 19, 40]), new Set([3, 20]), new Set([5, 50])], [0, 2, 4])).toEqual([1]);
    expect(patternStarts([new Set([5, 2])], [0])).toEqual([2, 5]);
    expect(patternStarts([new Set([1]), new Set([2])], [0, 2])).toEqual([]);
  });
});
