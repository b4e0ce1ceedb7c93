/** Each stage against its fixture folders (tests/fixtures/importer/<stage>/<case>/). */
import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/importer/stages/decode.ts';
import { extract } from '../../../src/importer/stages/extract.ts';
import { clean } from '../../../src/importer/stages/clean.ts';
import { structure } from '../../../src/importer/stages/structure.ts';
import { importOne } from '../../../src/importer/run.ts';
import type { Block } from '../../../src/importer/types.ts';
import { cases, expectFixture, inputOf, json } from './fixtures.ts';

const blockView = (b: Block) =>
  b.rows
    ? { kind: b.kind, rows: b.rows.map((r) => r.map((c) => c.map((i) => i.text).join(''))) }
    : { kind: b.kind, ...(b.depth ? { depth: b.depth } : {}), text: b.inlines.map((i) => (i.garbled ? `⟦${i.text}⟧` : i.text)).join('') };

function pipeline(text: string) {
  const extracted = extract(text);
  const cleaned = clean(extracted.blocks);
  return { extracted, cleaned };
}

describe('decode', () => {
  for (const name of cases('decode')) {
    it(name, () => {
      const result = decode(inputOf('decode', name).bytes);
      const { expected, actual } = expectFixture('decode', name, 'expected.json', json(result));
      expect(actual).toBe(expected);
    });
  }
});

describe('extract', () => {
  for (const name of cases('extract')) {
    it(name, () => {
      const result = extract(inputOf('extract', name).bytes.toString('utf8'));
      const view = {
        format: result.format,
        htmlTitle: result.htmlTitle?.value,
        blocks: result.blocks.map(blockView),
        metadata: result.metadata.map((m) => ({ line: m.line, fields: m.fields })),
        ledger: result.pieces.map((p) => ({ fate: p.fate, line: p.line, rule: p.rule, field: p.field, text: p.source.trim() })),
      };
      const { expected, actual } = expectFixture('extract', name, 'expected.json', json(view));
      expect(actual).toBe(expected);
    });
  }
});

describe('clean', () => {
  for (const name of cases('clean')) {
    it(name, () => {
      const { cleaned } = pipeline(inputOf('clean', name).bytes.toString('utf8'));
      const view = { script: cleaned.script, stats: cleaned.stats, blocks: cleaned.blocks.map(blockView), removals: cleaned.removals };
      const { expected, actual } = expectFixture('clean', name, 'expected.json', json(view));
      expect(actual).toBe(expected);
    });
  }
});

describe('structure', () => {
  for (const name of cases('structure')) {
    it(name, () => {
      const { extracted, cleaned } = pipeline(inputOf('structure', name).bytes.toString('utf8'));
      const result = structure({ blocks: cleaned.blocks, metadata: extracted.metadata, context: [], fileName: `${name}.txt`, script: cleaned.script, overrides: {} });
      const view = {
        meta: result.meta,
        consumed: result.consumed,
        flags: result.flags,
        body: result.blocks.filter((_, i) => !result.consumed.has(i)).map(blockView),
      };
      const { expected, actual } = expectFixture('structure', name, 'expected.json', json(view));
      expect(actual).toBe(expected);
    });
  }
});

describe('emit', () => {
  for (const name of cases('emit')) {
    it(name, () => {
      const input = inputOf('emit', name);
      const report = importOne(`${name}/input.txt`, input.bytes, { overrides: {}, force: false, dryRun: true, today: '2026-01-01' });
      expect(report.status, report.reason).toBe('would-import');
      const { expected, actual } = expectFixture('emit', name, 'expected.md', report.content!);
      expect(actual).toBe(expected);
    });
  }
});
