/**
 * The five seeds (../shared/seeds) are the archive's default content: what
 * must come out of each is pinned here, the committed content/ must be what
 * the importer produces now, and every character is accounted for.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/importer/run.ts';
import type { InputReport } from '../../../src/importer/report.ts';
import { validateFrontMatter } from '../../../src/schemas/document.ts';
import { isTraditional } from '../../../src/importer/text/script.ts';
import { accountingProblems } from './accounting-check.ts';
import { SEEDS } from './fixtures.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const seedFiles = readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();

let reports: InputReport[] = [];
const docs = new Map<string, { data: Record<string, any>; body: string; report: InputReport }>();

beforeAll(() => {
  reports = runImport(
    seedFiles.map((f) => join(SEEDS, f)),
    { overrides: {}, force: false, dryRun: true, today: '2026-01-01' },
    { read: (p) => readFileSync(p), write: () => ({ written: true, file: '' }) },
  );
  for (const report of reports) {
    if (!report.content) continue;
    const parsed = matter(report.content);
    docs.set(seedFiles.find((f) => report.file.endsWith(f))!.slice(0, 3), { data: parsed.data, body: parsed.content, report });
  }
});

const doc = (seed: string) => {
  const d = docs.get(seed);
  if (!d) throw new Error(`seed ${seed} was not imported: ${reports.find((r) => r.file.includes(`/${seed}_`))?.reason}`);
  return d;
};

/** Lines that are page chrome, advertising or disclaimers in the seeds; none may survive. */
const CHROME = [/首页\s*[>＞]/, /当前所在/, /面包屑/, /【字号/, /收藏收藏/, /打印打印/, /免责声明/, /本文来源于网络/, /仅供学习/, /禁止外传/, /会员/, /QQ群/, /订阅/, /酷乐文行/, /政讯通中心/, /原文链接/, /发布时间/, /^日期/m, /作者[:：]/];

describe('seeds', () => {
  it('imports all five', () => {
    expect(seedFiles).toHaveLength(5);
    expect(reports.map((r) => `${r.file}: ${r.status} ${r.reason ?? ''}`)).toEqual(reports.map((r) => `${r.file}: would-import `));
  });

  it('000: meeting report with subtitle; 10月29日 gets no year', () => {
    const { data } = doc('000');
    expect(data.title).toBe('区委召开第五次人大工作会议');
    expect(data.subtitle).toMatch(/^以新担当新作为奋力开创新时代海淀人大工作新局面/);
    expect(data.type).toBe('meeting-report');
    expect(data.date).toBeUndefined();
    expect(data.date_note).toBe('原文仅有"10月29日"');
    expect(data.quality.flags.map((f: any) => f.kind)).toContain('year-unknown');
    expect(data.region).toBe('北京市海淀区');
    expect(data.meeting).toBe('区委第五次人大工作会议');
    expect(data.issuer).toBeUndefined();
  });

  it('001: journal article by 海淀区人大常委会', () => {
    const { data, body } = doc('001');
    expect(data.title).toBe('全面贯彻中央人大工作会议精神 在新征程上全面推动地方人大工作取得新进步');
    expect(data.type).toBe('article');
    expect(data.date).toBe('2022-10-31');
    expect(data.issuer).toBe('海淀区人大常委会');
    expect(data.region).toBe('北京市海淀区');
    expect(body).toMatch(/^## 一、坚持党的领导，确保发展全过程人民民主的正确方向$/m);
    expect(body).toMatch(/^一是始终以习近平新时代中国特色社会主义思想统领人大工作。/m);
  });

  it('002: article by 房山区人大常委会, source and link from the page', () => {
    const { data } = doc('002');
    expect(data.title).toBe('深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想推动新时代人大工作高质量发展');
    expect(data.type).toBe('article');
    expect(data.date).toBe('2022-06-23');
    expect(data.issuer).toBe('房山区人大常委会');
    expect(data.region).toBe('北京市房山区');
    expect(data.source.name).toBe('北京市人民代表大会常务委员会');
    expect(data.source.url).toBe('http://www.bjrd.gov.cn/rdzl/rdllysjhk/202201q/ml/202204/t20220405_2654062.html');
  });

  it('003: speech behind an advertising header; × placeholders flagged; no region guessed', () => {
    const { data, body } = doc('003');
    expect(data.title).toBe('在区委人大工作会议上的讲话');
    expect(data.type).toBe('speech');
    expect(data.meeting).toBe('区委人大工作会议');
    expect(data.date).toBeUndefined();
    expect(data.region).toBeUndefined();
    const anonymised = data.quality.flags.filter((f: any) => f.kind === 'anonymised');
    expect(anonymised.map((f: any) => f.text)).toEqual(expect.arrayContaining(['×同志', '×名', '×个']));
    for (const flag of anonymised) expect(body.split('\n')[flag.line - 1]!.slice(flag.column - 1).startsWith(flag.text)).toBe(true);
    expect(body.startsWith('同志们：')).toBe(true);
  });

  it('004: Traditional with pinyin → Simplified; garbled spans kept verbatim and flagged where they are', () => {
    const { data, body } = doc('004');
    expect(data.title).toBe('昭化区委人大工作会议召开');
    expect(data.type).toBe('meeting-report');
    expect(data.meeting).toBe('昭化区委人大工作会议');
    expect(data.date).toBeUndefined();
    expect(data.date_note).toBe('原文仅有"11月28日"');
    expect(data.region).toBe('四川省广元市昭化区');
    expect(data.original_script).toBe('zh-Hant');
    const garbled = data.quality.flags.filter((f: any) => f.kind === 'garbled');
    expect(garbled.map((f: any) => f.text)).toEqual(['?!耙桓晃瘍稍骸币袑嵲鰪?qiáng)', '?qū)m棃蟾媛鋵嵡闆r']);
    for (const flag of garbled) {
      expect(body.split('\n')[flag.line - 1]!.slice(flag.column - 1).startsWith(flag.text)).toBe(true);
      expect(flag.note).toMatch(/乱码/);
    }
    // Outside the garbled spans: Simplified, and not one pinyin annotation left.
    let rest = body;
    for (const flag of garbled) rest = rest.replace(flag.text, '');
    expect(rest).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/);
    expect(rest).not.toMatch(/[a-z]/);
    expect(isTraditional(rest)).toBe(false);
    expect(rest).toContain('区委书记刘自强出席会议并讲话');
  });

  it('no chrome, advertising or disclaimer line in any body', () => {
    for (const [seed, { body }] of docs) {
      for (const pattern of CHROME) expect(body, `seed ${seed}: ${pattern}`).not.toMatch(pattern);
    }
  });

  it('every front matter passes the site schema and carries the input sha256', () => {
    for (const [seed, { data, report }] of docs) {
      const result = validateFrontMatter(data);
      expect(result.ok, `seed ${seed}: ${JSON.stringify(!result.ok && result.problems)}`).toBe(true);
      expect(data.source.sha256).toBe(report.sha256);
      expect(data.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(report.output).toBe(`${data.date ? String(data.date).slice(0, 4) : 'undated'}/${data.id}.md`);
    }
  });

  it('accounts for every character of each seed', () => {
    for (const report of reports) expect(accountingProblems(report), report.file).toEqual([]);
  });

  it('the committed content/ is what the importer produces now', () => {
    for (const report of reports) {
      const file = join(CONTENT, report.output!);
      expect(existsSync(file), `${file} missing: run npm run import -- ../shared/seeds/ --force`).toBe(true);
      expect(readFileSync(file, 'utf8'), `${file} is stale: re-import the seeds with --force`).toBe(report.content);
    }
  });
});
