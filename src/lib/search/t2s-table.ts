/**
 * Makes the Traditional → Simplified character table (Node only, at build):
 * every CJK character that opencc-js's tw → cn conversion maps to exactly one
 * other character. About 3,200 pairs, 6 KB.
 */
import * as OpenCC from 'opencc-js';
import type { PairString } from './normalize.ts';

const RANGES: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/** The pair string for {@link createNormalizer}. */
export function traditionalToSimplifiedPairs(): PairString {
  const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  let pairs = '';
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const char = String.fromCodePoint(cp);
      const simplified = convert(char);
      if (simplified !== char && [...simplified].length === 1) pairs += char + simplified;
    }
  }
  return pairs;
}
