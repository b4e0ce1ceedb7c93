/**
 * The corpus format on the 442-document subset (../shared/corpus/laws-subset.tar.gz,
 * extracted to a temp folder): every document imports as a rule with valid
 * front matter and no text lost. The figures for the issue note (how many
 * import with no flag, and why the rest are flagged) are printed and written
 * to <tmp>/corpus-figures.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/importer/run.ts';
import type { InputReport } from '../../../src/importer/report.ts';
import { validateFrontMatter } from '../../../src/schemas/document.ts';
import { accountingProblems } from './accounting-check.ts';
import { CORPUS } from './fixtures.ts';

let dir = '';
let root = '';
let paths: string[] = [];
let reports: InputReport[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wenyuan-corpus-'));
  execFileSync('tar', ['xzf', join(CORPUS, 'laws-subset.tar.gz'), '-C', dir]);
  root = join(dir, 'laws-subset');
  paths = readFileSync(join(root, 'SUBSET_MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => join(root, l.split('\t')[0]!));
  reports = runImport(paths, { overrides: {}, force: false, dryRun: true, today: '2026-01-01' }, { read: (p) => readFileSync(p), write: () => ({ written: true, file: '' }) });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('corpus subset (442 documents)', () => {
  it('imports every document as a rule', () => {
    expect(paths).toHaveLength(442);
    const failed = reports.filter((r) => r.status === 'failed').map((r) => r.reason);
    expect(failed).toEqual([]);
    for (const r of reports) {
      expect(r.format, r.file).toBe('corpus');
      expect(matter(r.content!).data.type).toBe('rule');
    }
  });

  it('gives every document valid front matter and a distinct id', () => {
    const ids = new Set<string>();
    for (const r of reports) {
      const data = matter(r.content!).data;
      const result = validateFrontMatter(data);
      expect(result.ok, `${r.file}: ${JSON.stringify(!result.ok && result.problems)}`).toBe(true);
      expect(ids.has(data.id), `${r.file}: duplicate id ${data.id}`).toBe(false);
      ids.add(data.id);
    }
  });

  it('loses no text', () => {
    const problems = reports.flatMap((r) => accountingProblems(r).map((p) => `${r.file}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('takes the date from the file name and chapters and articles from the body', () => {
    const r = reports.find((x) => x.file.endsWith('北京市人民代表大会议事规则(2022-01-10).md'))!;
    const { data, content } = matter(r.content!);
    expect(data.date).toBe('2022-01-10');
    expect(data.title).toBe('北京市人民代表大会议事规则');
    expect(data.region).toBe('北京市');
    expect(data.issuer).toBe('北京市人民代表大会');
    expect(content).toMatch(/^## 第一章\u3000总则$/m);
    expect(content).toMatch(/^第一条\u3000根据宪法/m);
  });

  it('records the figures for the issue note', () => {
    const ok = reports.filter((r) => r.status !== 'failed');
    const reasons = new Map<string, number>();
    for (const r of ok) {
      for (const key of new Set(r.flags.map((f) => `${f.kind}: ${f.note.replace(/\d+/g, 'N')}`))) reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    // Status derived from history lines and file names, compared with the upstream labels (db.sqlite3 "expired").
    const labels = new Map<string, boolean>();
    for (const db of [join(root, 'db.sqlite3'), ...['上海', '北京', '山东', '广东', '河南', '浙江', '重庆'].map((p) => join(root, 'DLC', `${p}地方法规`, 'db.sqlite3'))]) {
      const rows = new DatabaseSync(db, { readOnly: true }).prepare('select name, publish, expired from law').all() as Array<{ name: string; publish: string | null; expired: number }>;
      for (const row of rows) labels.set(`${row.name}|${row.publish ?? ''}`, row.expired === 1);
    }
    const statuses = new Map<string, number>();
    const agreement = { compared: 0, agree: 0, disagree: [] as string[] };
    for (const r of ok) {
      const data = matter(r.content!).data;
      const status = String(data.status);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const base = r.file.split('/').pop()!.replace(/\.md$/, '');
      const m = /^(.*)\((\d{4}-\d{2}-\d{2})\)$/.exec(base);
      const name = (m ? m[1]! : base).replace(/^中华人民共和国/, '');
      const label = labels.get(`${name}|${m ? m[2] : ''}`);
      if (label === undefined) continue;
      agreement.compared++;
      if (label === (status !== '现行有效')) agreement.agree++;
      else agreement.disagree.push(`${base}: ours ${status}, upstream ${label ? 'expired' : 'current'}`);
    }
    const figures = {
      documents: reports.length,
      imported: ok.length,
      importedWithNoFlag: ok.filter((r) => r.flags.length === 0).length,
      flaggedBecause: Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1])),
      statuses: Object.fromEntries(statuses),
      statusAgainstUpstreamLabels: agreement,
    };
    writeFileSync(join(tmpdir(), 'corpus-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(JSON.stringify(figures, null, 2));
    expect(figures.imported).toBe(442);
  });
});
