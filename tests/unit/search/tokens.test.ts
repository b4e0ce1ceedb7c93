import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownFiles } from '../../../src/lib/files.ts';
import { BLOCK_END, characterSet, decodeText, decodeTokens, encodeChar, FILLER, phrasePattern, tokenize } from '../../../src/lib/search/tokens.ts';
import { parseQuery, patternStarts } from '../../../src/lib/search/query.ts';
import { createNormalizer } from '../../../src/lib/search/normalize.ts';
import { traditionalToSimplifiedPairs } from '../../../src/lib/search/t2s-table.ts';

const normalize = createNormalizer(traditionalToSimplifiedPairs());

const c = encodeChar;
const bi = (a: string, b: string) => c(a).slice(0, 4) + c(b).slice(1, 4);

describe('tokens', () => {
  it('writes a Chinese run as its bigrams, one per character; an edge next to a word is written again', () => {
    expect(c('人')).toBe('qfjuw');
    expect(bi('人', '大')).toBe('qfjuhlz');
    expect(tokenize('人大代表，2023年Open Data')).toEqual([bi('人', '大'), bi('大', '代'), bi('代', '表'), '，', '2023qy', c('年'), 'openqy', 'dataqy']);
    expect(tokenize('2023年度工作')).toEqual(['2023qy', c('年'), bi('年', '度'), bi('度', '工'), bi('工', '作')]);
    expect(tokenize('今年2023')).toEqual([bi('今', '年'), c('年'), '2023qy']);
    // Words end in qy and write q as qz, so no word begins another, nor a Chinese code.
    expect(tokenize('3 30 Qi')).toEqual(['3qy', '30qy', 'qziqy']);
    // Runs apart only by white space do not make a bigram across the gap.
    expect(tokenize('人大 大会')).toEqual([bi('人', '大'), FILLER, bi('大', '会')]);
  });

  it('a character beyond three code digits stands alone, like a word', () => {
    expect(c('𠀀')).toBe('qx2t4w');
    expect(tokenize('人大𠀀代表')).toEqual([bi('人', '大'), c('大'), c('𠀀'), c('代'), bi('代', '表')]);
    expect(decodeTokens(tokenize('人大𠀀代表'))).toBe('人大𠀀代表');
    expect(phrasePattern('大𠀀代').tokens).toEqual([c('大'), c('𠀀'), c('代')]);
  });

  it('no token begins another, so Pagefind expands no looked-up token to a different one', () => {
    const sample = [
      '3月30日，第1条、第10条，Q3 q30 qfju qfjuw qx2t4w 人民代表 𠀀 1 10 100 ab abc 人 大 人大 DLC OpenData ℝ²',
      ...markdownFiles('content').map((file) => readFileSync(file, 'utf8')),
    ].join('\n');
    const all = [...tokenize(sample), ...characterSet(sample)];
    // Pagefind splits a word with a capital after its first letter into parts: tokens have none.
    expect(all.filter((token) => /.\p{Lu}/u.test(token))).toEqual([]);
    const tokens = [...new Set(all.map((token) => token.toLowerCase()))].filter((token) => /[\p{L}\p{N}]/u.test(token));
    expect(tokens.length).toBeGreaterThan(3000);
    const sorted = tokens.sort();
    // In sorted order a token that begins others comes right before the first of them.
    const clashes = sorted.filter((token, i) => sorted[i + 1]?.startsWith(token)).map((token) => `${token} begins ${sorted[sorted.indexOf(token) + 1]}`);
    expect(clashes).toEqual([]);
  });

  it('lists each character of a text once', () => {
    expect(characterSet('人大代表大会，人民')).toEqual(['人', '大', '代', '表', '会', '民'].map(c));
  });

  it('a phrase is its bigrams one apart; a one-character run is the character itself', () => {
    expect(phrasePattern('人大代表')).toEqual({ tokens: [bi('人', '大'), bi('大', '代'), bi('代', '表')], offsets: [0, 1, 2], lead: 0, width: 3, single: false });
    expect(phrasePattern('表')).toEqual({ tokens: [c('表')], offsets: [0], lead: 0, width: 1, single: true });
    expect(phrasePattern('第3条')).toEqual({ tokens: [c('第'), '3qy', c('条')], offsets: [0, 1, 2], lead: 0, width: 3, single: false });
    expect(phrasePattern('人大2023')).toEqual({ tokens: [bi('人', '大'), c('大'), '2023qy'], offsets: [0, 1, 2], lead: 0, width: 3, single: false });
    expect(phrasePattern('2023年')).toEqual({ tokens: ['2023qy', c('年')], offsets: [0, 1], lead: 0, width: 2, single: false });
    expect(phrasePattern('，').tokens).toEqual([]);
  });

  it('a phrase matches where the text has it, also inside longer runs', () => {
    const at = (text: string, phrase: string) => {
      const tokens = tokenize(text);
      const pattern = phrasePattern(phrase);
      const positions = pattern.tokens.map((token) => new Set(tokens.flatMap((t, i) => (t === token ? [i] : []))));
      return patternStarts(positions, pattern.offsets);
    };
    expect(at('2023年度工作', '2023年')).toEqual([0]);
    expect(at('今年2023', '年2023')).toEqual([1]);
    expect(at('依照第3条规定', '第3条')).toEqual([2]);
    expect(at('人大代表大会', '代表大')).toEqual([2]);
    expect(at('人大 大会', '人大会')).toEqual([]);
    expect(at('人大代表', '大表')).toEqual([]);
    // Punctuation beside a run is not a word beside it.
    expect(at('（2023）年度报告', '2023年度')).toEqual([]);
    expect(at('年度（2023', '年度2023')).toEqual([]);
  });

  it('decodes tokens back to the text, and real words that look like codes survive', () => {
    expect(decodeTokens(tokenize('人大代表，2023年Open Data'))).toBe('人大代表，2023年open data');
    expect(decodeTokens(tokenize('2023年度工作，今年2023，第3条'))).toBe('2023年度工作，今年2023，第3条');
    expect(decodeTokens(tokenize('人大 大会'))).toBe('人大大会');
    expect(decodeTokens(tokenize('quick qft6 qfjuhlz qx2t4w Qy qqy'))).toBe('quick qft6 qfjuhlz qx2t4w qy qqy');
    // The markers are never punctuation of the text itself.
    expect(decodeTokens(tokenize('马克思·恩格斯¶'))).toBe('马克思·恩格斯¶');
    // Blocks end in BLOCK_END, read as a space.
    expect(decodeTokens([...tokenize('第一条'), BLOCK_END, ...tokenize('本法')])).toBe('第一条 本法');
    expect(decodeText([...tokenize('第一条'), BLOCK_END, ...tokenize('本法')]).spans).toEqual([[0, 2], [1, 3], [3, 3], [4, 6]]);
    // A block ending in a character, the next starting with a run of the same character.
    expect(decodeTokens([...tokenize('截至2023年'), BLOCK_END, ...tokenize('年度预算')])).toBe('截至2023年 年度预算');
  });

  it('says which text each token stands for', () => {
    const { text, spans } = decodeText(tokenize('代表2023年'));
    expect(text).toBe('代表2023年');
    // 代表, its edge 表 again, 2023, 年
    expect(spans).toEqual([[0, 2], [1, 2], [2, 6], [6, 7]]);
    // A character outside the Basic Multilingual Plane is two UTF-16 units.
    expect(decodeText(tokenize('人大𠮷')).spans).toEqual([[0, 2], [1, 2], [2, 4]]);
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
