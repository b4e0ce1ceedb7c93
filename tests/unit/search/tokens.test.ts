import { describe, expect, it } from 'vitest';
import { decodeTokens, phraseTokens, tokenize } from '../../../src/lib/search/tokens.ts';
import { consecutiveStarts, parseQuery } from '../../../src/lib/search/query.ts';
import { createNormalizer } from '../../../src/lib/search/normalize.ts';
import { traditionalToSimplifiedPairs } from '../../../src/lib/search/t2s-table.ts';

const normalize = createNormalizer(traditionalToSimplifiedPairs());

describe('tokens', () => {
  it('every Chinese character starts exactly one token; other words stay whole', () => {
    expect(tokenize('人大代表，2023年Open Data')).toEqual(['人大', '大代', '代表', '表', '，', '2023', '年', 'Open', 'Data']);
  });

  it('a phrase is its bigrams; a single character is matched by prefix', () => {
    expect(phraseTokens('人大代表')).toEqual(['人大', '大代', '代表']);
    expect(phraseTokens('表')).toEqual(['表']);
    expect(phraseTokens('第3条')).toEqual(['第', '3', '条']);
    expect(phraseTokens('，')).toEqual([]);
  });

  it('decodes tokens back to the text', () => {
    expect(decodeTokens(tokenize('人大代表，2023年Open Data'))).toBe('人大代表，2023年Open Data');
    expect(decodeTokens(['第一', '一条.', '本规', '规则'])).toBe('第一 本规');
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
    expect(parseQuery('人大代表聯絡站', normalize)).toEqual([{ text: '人大代表联络站', tokens: ['人大', '大代', '代表', '表联', '联络', '络站'] }]);
    expect(parseQuery('  ，。 ', normalize)).toEqual([]);
  });

  it('finds where tokens stand at consecutive positions', () => {
    expect(consecutiveStarts([new Set([1, 19, 40]), new Set([2, 20]), new Set([3, 50])])).toEqual([1]);
    expect(consecutiveStarts([new Set([5, 2])])).toEqual([2, 5]);
    expect(consecutiveStarts([new Set([1]), new Set([3])])).toEqual([]);
  });
});
