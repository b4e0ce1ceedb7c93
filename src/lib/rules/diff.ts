/**
 * Comparing two versions of a rule article by article. Articles are matched
 * by content, not only by number: the same text under a new number is
 * renumbered (移位), similar text is changed (修改), and what is left is added
 * (新增) or removed (删除). Inside a changed article the difference is shown
 * at word level: Chinese has no spaces, so the caller passes a segmenter
 * (jieba words on the site; single characters by default).
 */
import { articleText, type RuleArticle } from './structure.ts';

/** An article as the comparison needs it. */
export interface DiffArticle {
  /** Anchor in its version, e.g. 第九条. */
  id: string;
  /** As written, e.g. 第九条. */
  label: string;
  number: number;
  sub: number;
  /** Its text, 款 and 项 one per line (see articleText). */
  text: string;
}

/** A run of text that is the same in both, only in the old, or only in the new version. */
export interface TextChange {
  op: 'same' | 'delete' | 'insert';
  text: string;
}

/** What happened to one article between two versions. */
export type ArticleChange =
  | { kind: 'unchanged'; old: DiffArticle; new: DiffArticle }
  | { kind: 'renumbered'; old: DiffArticle; new: DiffArticle }
  | { kind: 'changed'; old: DiffArticle; new: DiffArticle; renumbered: boolean; similarity: number; changes: TextChange[] }
  | { kind: 'added'; new: DiffArticle }
  | { kind: 'removed'; old: DiffArticle };

/** Splits text into the units a diff compares: words or characters. */
export type Tokenizer = (text: string) => string[];

/** Options for {@link compareArticles}. */
export interface CompareOptions {
  /** Units for in-article changes. Default: characters. */
  tokenize?: Tokenizer;
  /**
   * How alike (0–1, character-pair Dice coefficient) two texts in the same
   * order must be to count as one article changed. Default: 0.4 (unrelated
   * articles of one rule share much vocabulary and score up to about 0.35).
   */
  threshold?: number;
  /** How alike an article found out of order must be to count as moved and changed. Default: 0.6. */
  movedThreshold?: number;
}

const characters: Tokenizer = (text) => Array.from(text);

function normalise(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** A text's character pairs, counted, and how many there are in all. */
interface Bigrams {
  /** Count of each pair; a pair's key is its two code points as one number, a lone character's is minus its code point minus one. */
  counts: Map<number, number>;
  size: number;
}

/** Code points are below 0x110000, so two of them make one safe integer. */
const PAIR_BASE = 0x110000;

function bigrams(text: string): Bigrams {
  const chars = Array.from(normalise(text), (c) => c.codePointAt(0)!);
  const counts = new Map<number, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! * PAIR_BASE + chars[i + 1]!;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  if (chars.length === 1) counts.set(-chars[0]! - 1, 1);
  return { counts, size: chars.length === 1 ? 1 : Math.max(0, chars.length - 1) };
}

function dice(a: Bigrams, b: Bigrams): number {
  if (a.size + b.size === 0) return 1;
  const [small, large] = a.counts.size < b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let shared = 0;
  for (const [pair, n] of small) shared += Math.min(n, large.get(pair) ?? 0);
  return (2 * shared) / (a.size + b.size);
}

/**
 * {@link dice} where only a value of at least `floor` matters: when the two
 * sizes alone bound the coefficient below `floor` (texts of very different
 * lengths), 0 without counting. The alignments below use a score only when it
 * reaches their threshold, so their result is the same as with the exact one.
 */
function diceFrom(a: Bigrams, b: Bigrams, floor: number): number {
  if (a.size + b.size > 0 && (2 * Math.min(a.size, b.size)) / (a.size + b.size) < floor) return 0;
  return dice(a, b);
}

/** How alike two texts are, 0–1: the Dice coefficient of their character pairs, spaces ignored. */
export function similarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

/**
 * Token-level difference of two texts (longest common subsequence), cleaned
 * for reading: a lone one-character token kept between two changes is folded
 * into them, so 审议→审查 does not show as 审 kept and 议/查 swapped.
 */
export function diffText(a: string, b: string, tokenize: Tokenizer = characters): TextChange[] {
  const x = tokenize(a);
  const y = tokenize(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const mx = x.slice(start, endX);
  const my = y.slice(start, endY);
  const n = mx.length;
  const m = my.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = mx[i] === my[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const raw: TextChange[] = [];
  const push = (op: TextChange['op'], text: string) => {
    const last = raw.at(-1);
    if (last && last.op === op) last.text += text;
    else raw.push({ op, text });
  };
  if (start > 0) push('same', x.slice(0, start).join(''));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && mx[i] === my[j]) {
      push('same', mx[i]!);
      i++;
      j++;
    } else if (j < m && (i === n || table[i * (m + 1) + j + 1]! >= table[(i + 1) * (m + 1) + j]!)) {
      push('insert', my[j]!);
      j++;
    } else {
      push('delete', mx[i]!);
      i++;
    }
  }
  if (endX < x.length) push('same', x.slice(endX).join(''));
  return tidy(raw);
}

/** Folds short kept runs between changes into the changes, and orders each change as deletion then insertion. */
function tidy(changes: TextChange[]): TextChange[] {
  // Group into alternating kept runs and change blocks.
  type Block = { same: string } | { del: string; ins: string };
  const blocks: Block[] = [];
  for (const c of changes) {
    const last = blocks.at(-1);
    if (c.op === 'same') blocks.push({ same: c.text });
    else if (last && 'del' in last) last[c.op === 'delete' ? 'del' : 'ins'] += c.text;
    else blocks.push(c.op === 'delete' ? { del: c.text, ins: '' } : { del: '', ins: c.text });
  }
  for (let k = 1; k + 1 < blocks.length; k++) {
    const before = blocks[k - 1]!;
    const kept = blocks[k]!;
    const after = blocks[k + 1]!;
    if ('same' in kept && 'del' in before && 'del' in after && Array.from(kept.same).length <= 1) {
      blocks.splice(k - 1, 3, { del: before.del + kept.same + after.del, ins: before.ins + kept.same + after.ins });
      k -= 1;
    }
  }
  const out: TextChange[] = [];
  for (const block of blocks) {
    if ('same' in block) out.push({ op: 'same', text: block.same });
    else {
      if (block.del) out.push({ op: 'delete', text: block.del });
      if (block.ins) out.push({ op: 'insert', text: block.ins });
    }
  }
  return out;
}

/**
 * Pairs items of two sequences in order, maximising the total similarity
 * above `threshold` (a pair must reach it); returns [i, j] pairs.
 */
function align(score: (i: number, j: number) => number, n: number, m: number, threshold: number): Array<[number, number]> {
  const width = m + 1;
  const gain = (i: number, j: number) => score(i, j) - threshold;
  const best = new Float64Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const g = gain(i, j);
      const take = g >= 0 ? g + best[(i + 1) * width + j + 1]! : -Infinity;
      best[i * width + j] = Math.max(take, best[(i + 1) * width + j]!, best[i * width + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    const here = best[i * width + j]!;
    const g = gain(i, j);
    if (g >= 0 && here === g + best[(i + 1) * width + j + 1]!) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (here === best[(i + 1) * width + j]!) i++;
    else j++;
  }
  return pairs;
}

/** How alike two lines must be to be paired. */
const LINE_THRESHOLD = 0.3;

/**
 * The difference of two article texts, 款 and 项 one per line: lines are
 * paired first (in order, by similarity), then paired lines are compared
 * word by word; a line with no counterpart is wholly deleted or inserted. So
 * a changed item reads as one changed line, not as words moved across items.
 */
export function diffLines(a: string, b: string, tokenize: Tokenizer = characters): TextChange[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const gx = x.map(bigrams);
  const gy = y.map(bigrams);
  const pairs = align((i, j) => (x[i] === y[j] ? 2 : diceFrom(gx[i]!, gy[j]!, LINE_THRESHOLD)), x.length, y.length, LINE_THRESHOLD);
  const out: TextChange[] = [];
  const line = (changes: TextChange[]) => {
    if (out.length > 0) out.push({ op: 'same', text: '\n' });
    out.push(...changes);
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [x.length, y.length] as [number, number]]) {
    while (i < pi) line([{ op: 'delete', text: x[i++]! }]);
    while (j < pj) line([{ op: 'insert', text: y[j++]! }]);
    if (pi < x.length && pj < y.length) line(x[pi] === y[pj] ? [{ op: 'same', text: x[pi]! }] : diffText(x[pi]!, y[pj]!, tokenize));
    i = pi + 1;
    j = pj + 1;
  }
  // Adjacent runs of one kind read as one.
  return out.reduce<TextChange[]>((merged, c) => {
    const last = merged.at(-1);
    if (last && last.op === c.op) last.text += c.text;
    else merged.push({ ...c });
    return merged;
  }, []);
}

/** Compares two versions' articles; the result follows the new version's order, removed articles where they stood. */
export function compareArticles(oldArticles: readonly DiffArticle[], newArticles: readonly DiffArticle[], options: CompareOptions = {}): ArticleChange[] {
  const threshold = options.threshold ?? 0.4;
  const moved = options.movedThreshold ?? 0.6;
  const tokenize = options.tokenize ?? characters;
  const matchOfNew = new Array<number | undefined>(newArticles.length).fill(undefined);
  const matchOfOld = new Array<number | undefined>(oldArticles.length).fill(undefined);

  // 1. The same text, wherever it moved; the same number first when a text repeats.
  const byText = new Map<string, number[]>();
  oldArticles.forEach((a, i) => {
    const key = normalise(a.text);
    byText.set(key, [...(byText.get(key) ?? []), i]);
  });
  newArticles.forEach((a, j) => {
    const candidates = (byText.get(normalise(a.text)) ?? []).filter((i) => matchOfOld[i] === undefined);
    const pick = candidates.find((i) => oldArticles[i]!.label === a.label) ?? candidates[0];
    if (pick !== undefined) {
      matchOfNew[j] = pick;
      matchOfOld[pick] = j;
    }
  });

  // 2. Similar text in the same order: the alignment with the most similarity above the threshold.
  const oldGrams = oldArticles.map((a) => bigrams(a.text));
  const newGrams = newArticles.map((a) => bigrams(a.text));
  const restOld = oldArticles.flatMap((_, i) => (matchOfOld[i] === undefined ? [i] : []));
  const restNew = newArticles.flatMap((_, j) => (matchOfNew[j] === undefined ? [j] : []));
  const score = restOld.map((i) => restNew.map((j) => diceFrom(oldGrams[i]!, newGrams[j]!, Math.min(threshold, moved))));
  for (const [a, b] of align((a, b) => score[a]![b]!, restOld.length, restNew.length, threshold)) {
    matchOfOld[restOld[a]!] = restNew[b]!;
    matchOfNew[restNew[b]!] = restOld[a]!;
  }

  // 3. Articles moved elsewhere and much alike: best pairs first.
  const pairs: Array<{ i: number; j: number; score: number }> = [];
  restOld.forEach((i, a) => {
    if (matchOfOld[i] !== undefined) return;
    restNew.forEach((j, b) => {
      if (matchOfNew[j] === undefined && score[a]![b]! >= moved) pairs.push({ i, j, score: score[a]![b]! });
    });
  });
  pairs.sort((p, q) => q.score - p.score);
  for (const { i, j } of pairs) {
    if (matchOfOld[i] !== undefined || matchOfNew[j] !== undefined) continue;
    matchOfOld[i] = j;
    matchOfNew[j] = i;
  }

  // 4. In the new order, each removed article after the new place of its nearest matched predecessor.
  const removedAfter = new Map<number, number[]>();
  oldArticles.forEach((_, i) => {
    if (matchOfOld[i] !== undefined) return;
    let k = i - 1;
    while (k >= 0 && matchOfOld[k] === undefined) k--;
    const anchor = k >= 0 ? matchOfOld[k]! : -1;
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), i]);
  });
  const out: ArticleChange[] = [];
  const pushRemoved = (anchor: number) => {
    for (const i of removedAfter.get(anchor) ?? []) out.push({ kind: 'removed', old: oldArticles[i]! });
  };
  pushRemoved(-1);
  newArticles.forEach((b, j) => {
    const i = matchOfNew[j];
    if (i === undefined) out.push({ kind: 'added', new: b });
    else {
      const a = oldArticles[i]!;
      const renumbered = a.number !== b.number || a.sub !== b.sub;
      if (normalise(a.text) === normalise(b.text)) out.push({ kind: renumbered ? 'renumbered' : 'unchanged', old: a, new: b });
      else out.push({ kind: 'changed', old: a, new: b, renumbered, similarity: dice(oldGrams[i]!, newGrams[j]!), changes: diffLines(a.text, b.text, tokenize) });
    }
    pushRemoved(j);
  });
  return out;
}

/** How many articles of each kind a comparison found. */
export function countChanges(changes: readonly ArticleChange[]): Record<ArticleChange['kind'], number> {
  const counts = { unchanged: 0, renumbered: 0, changed: 0, added: 0, removed: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}

/** The articles of a parsed rule as the comparison needs them. */
export function diffArticles(structure: { articles: readonly RuleArticle[] }): DiffArticle[] {
  return structure.articles.map((a) => ({ id: a.id, label: a.label, number: a.number, sub: a.sub, text: articleText(a) }));
}

/** A change as plain text with [-deleted-] and {+inserted+} marks, for tests and logs. */
export function markedText(changes: readonly TextChange[]): string {
  return changes.map((c) => (c.op === 'same' ? c.text : c.op === 'delete' ? `[-${c.text}-]` : `{+${c.text}+}`)).join('');
}
