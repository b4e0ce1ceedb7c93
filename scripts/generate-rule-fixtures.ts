/**
 * Regenerates the rule fixtures that come from the law corpus
 * (../shared/corpus/laws-subset.tar.gz); nothing in them is typed by hand.
 *
 * - tests/fixtures/rules/corpus-<case>/input.md: line ranges of corpus files,
 *   as they are, for the structure parser tests (source.json says which lines);
 * - tests/fixtures/site/content/rules/: both versions of 北京市各级人民代表大会
 *   常务委员会规范性文件备案审查条例 (2021, 2024), imported with the importer,
 *   with `work` and `adopted` added, for the version, diff and browser tests.
 *
 * Run: node scripts/generate-rule-fixtures.ts (then UPDATE_FIXTURES=1 npm run test:unit
 * to refresh the expected outputs, and review the diff).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runImport } from '../src/importer/run.ts';
import { unpackCorpus } from './bench/corpus.ts';
import { frontMatterField, setFrontMatterFields } from '../src/lib/front-matter-edit.ts';

const RULE_FIXTURES = 'tests/fixtures/rules';
const SITE_RULES = 'tests/fixtures/site/content/rules';

/** Parser cases: a corpus file and the line ranges (1-based, inclusive) to keep. */
const CASES: Array<{ name: string; file: string; lines: Array<[number, number]>; why: string }> = [
  {
    name: 'corpus-toc-repeated',
    file: 'DLC/北京地方法规/地方性法规/北京/北京市献血条例(2021-11-26).md',
    lines: [[1, 44]],
    why: 'the chapter list repeated as a table of contents before the first chapter',
  },
  {
    name: 'corpus-toc-one-line',
    file: 'DLC/重庆地方法规/地方性法规/重庆/重庆市各级人民代表大会常务委员会人事任免工作条例(2022-06-10).md',
    lines: [[1, 32]],
    why: 'a table of contents written as one heading line',
  },
  {
    name: 'corpus-code-divisions',
    file: '诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md',
    lines: [[1, 30], [75, 110], [249, 262]],
    why: '编, 章 and 节 as headings of three levels; sections numbered afresh in each chapter',
  },
  {
    name: 'corpus-real-gap',
    file: 'DLC/北京地方法规/地方性法规/北京/北京市人民代表大会议事规则(2022-01-10).md',
    lines: [[1, 12], [79, 96]],
    why: '第十六条 is missing in the source itself: a gap that is listed, not an error',
  },
  {
    name: 'corpus-civil-code-part',
    file: '民法典/婚姻家庭编.md',
    lines: [[1, 40], [73, 90]],
    why: 'one part of a code: numbering starts at 第一千零四十条; thousands in article numbers',
  },
  {
    name: 'corpus-subitems',
    file: '诉讼与非诉讼程序法/行政复议法(2017-09-01).md',
    lines: [[1, 12], [160, 185]],
    why: '项 （一） with 目 1. 2. under one of them',
  },
  {
    name: 'corpus-amendment-quoted',
    file: '宪法/宪法修正案（2018年）.md',
    lines: [[1, 12], [45, 62]],
    why: 'an amendment whose text quotes new articles of another law: the numbering jumps',
  },
];

/** The pair of versions used by the version, diff and browser tests. */
const PAIR = {
  work: 'beijing-guifanxing-wenjian-beian-shencha-tiaoli',
  files: [
    'DLC/北京地方法规/地方性法规/北京/北京市各级人民代表大会常务委员会规范性文件备案审查条例(2021-11-26).md',
    'DLC/北京地方法规/地方性法规/北京/北京市各级人民代表大会常务委员会规范性文件备案审查条例(2024-09-27).md',
  ],
};

const root = path.join(unpackCorpus('subset'), 'laws-subset');

for (const c of CASES) {
  const raw = readFileSync(path.join(root, c.file), 'utf8');
  const lines = raw.split('\n');
  const kept = c.lines.flatMap(([from, to]) => lines.slice(from - 1, to));
  const dir = path.join(RULE_FIXTURES, c.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'input.md'), `${kept.join('\n').trimEnd()}\n`);
  const source = {
    corpus: 'laws-subset.tar.gz (LawRefBook/Laws @ 2f4c5c23716267af9dbebbbbd6cbbf732b101981)',
    file: c.file,
    sha256: createHash('sha256').update(raw).digest('hex'),
    lines: c.lines,
    why: c.why,
  };
  writeFileSync(path.join(dir, 'source.json'), `${JSON.stringify(source, null, 2)}\n`);
  console.log(`${dir}: ${kept.length} lines of ${c.file}`);
}

const reports = runImport(
  PAIR.files.map((f) => path.join(root, f)),
  { overrides: {}, force: false, dryRun: true, today: '2026-01-01' },
  { read: (p) => readFileSync(p), write: () => ({ written: true, file: '' }) },
);
mkdirSync(SITE_RULES, { recursive: true });
for (const report of reports) {
  if (report.status === 'failed' || !report.content) throw new Error(report.reason ?? `${report.file}: not imported`);
  const date = frontMatterField(report.content, 'date');
  const content = setFrontMatterFields(report.content, [
    ['work', PAIR.work],
    ['adopted', date],
  ]);
  const file = path.join(SITE_RULES, `${report.id}.md`);
  writeFileSync(file, content);
  console.log(`${file}: ${path.basename(report.file)} (${frontMatterField(content, 'status')})`);
}
