/**
 * Property-based robustness of the importer (issue 13, "Robustness"): over
 * generated inputs — random bytes, mixes of page chrome and text, truncated
 * and nested HTML, GB18030 / Big5 / UTF-16 bytes, BOMs, NULs, a 1 MB line —
 * `importOne` never throws; every input ends imported (or would-import),
 * skipped (a list page) or failed with a reason naming the file, and never
 * failed by the importer's own safety nets (internal accounting error, front
 * matter invalid); for every imported one the accounting holds
 * (accounting-check.ts) and the emitted front matter, read back as the build
 * reads it, passes the schema.
 *
 * Every property runs with a fixed seed, so a run is reproducible; a failure
 * prints the seed, the path and the shrunk counterexample (fast-check replays
 * it with `{ seed, path }`). RUNS holds the number of generated inputs of
 * each property (10,426 in all); the minimal inputs that once failed run
 * first, as each property's examples.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importOne, runImport, type RunOptions } from '../../../src/importer/run.ts';
import type { InputReport } from '../../../src/importer/report.ts';
import { checkFrontMatter } from '../../../src/lib/front-matter-check.ts';
import { validateFrontMatter } from '../../../src/schemas/document.ts';
import { accountingProblems } from './accounting-check.ts';

/** Generated inputs per property; their sum is the total the issue asks for (≥ 10,000), examples not counted. */
const RUNS = {
  randomBytes: 2500,
  textMixes: 3000,
  html: 1800,
  deepHtml: 20,
  encodings: 1500,
  bomsAndNuls: 700,
  corpus: 300,
  unicodeJunk: 400,
  oddFileNames: 100,
  batches: 100,
  megabyteLine: 6,
} as const;

const TODAY = '2026-01-01';

// ---------------------------------------------------------------- checking

/** The stage a stack trace points at: the first importer source file in it. */
function stageOf(error: unknown): string {
  const stack = (error as Error)?.stack ?? '';
  const frame = /src\/importer\/([\w/.-]+\.ts):(\d+)/.exec(stack);
  if (frame) return `${frame[1]}:${frame[2]}`;
  // A stack overflow inside a library leaves no importer frame within the trace limit: name the library.
  const library = /node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//.exec(stack);
  return library ? `${library[1]} (a library the importer calls)` : 'unknown stage';
}

/** Imports one input and checks every property of its outcome; throws (failing the property) otherwise. */
function checkOne(path: string, bytes: Uint8Array, options: RunOptions): InputReport {
  let report: InputReport;
  try {
    report = importOne(path, bytes, options);
  } catch (error) {
    const e = error as Error;
    throw new Error(`importOne threw on ${path} (${bytes.length} bytes) in ${stageOf(e)}: ${e?.message}\n${e?.stack?.split('\n').slice(0, 12).join('\n')}`);
  }
  expect(['imported', 'would-import', 'skipped', 'failed']).toContain(report.status);
  expect(report.file).toBe(path);
  expect(report.bytes).toBe(bytes.length);
  if (report.status === 'skipped') {
    // Not a document (a list page): nothing is written, and the reason says why.
    expect(report.reason?.trim(), path).toBeTruthy();
    expect(report.content).toBeUndefined();
    return report;
  }
  if (report.status === 'failed') {
    expect(typeof report.reason).toBe('string');
    expect(report.reason!.startsWith(`${path}: `), report.reason).toBe(true);
    expect(report.reason!.slice(path.length + 2).trim()).not.toBe('');
    // Two safety nets turn importer bugs into failures: the ledger check (a lost character) and the
    // schema check before writing (a field the importer built wrongly). Neither is about the input.
    expect(report.reason).not.toMatch(/internal accounting error/);
    expect(report.reason).not.toMatch(/front matter invalid/);
    return report;
  }
  expect(report.status).toBe(options.dryRun ? 'would-import' : 'imported');
  expect(report.reason).toBeUndefined();
  expect(accountingProblems(report), path).toEqual([]);
  // The front matter as the build reads it back (Astro's parser, then the checks of src/content.config.ts).
  const content = report.content!;
  const parsed = parseFrontmatter(content, { frontmatter: 'empty-with-lines' });
  const valid = validateFrontMatter(parsed.frontmatter);
  expect(valid.ok, JSON.stringify(!valid.ok && valid.problems)).toBe(true);
  expect(checkFrontMatter(path, content, parsed.frontmatter)).toEqual([]);
  expect((parsed.frontmatter as { source?: { sha256?: string } }).source?.sha256).toBe(report.sha256);
  expect(report.output).toMatch(/^(\d{4}|undated)\/[a-z0-9][a-z0-9-]*\.md$/);
  return report;
}

// ---------------------------------------------------------------- options and file names

const dateString = fc
  .tuple(fc.integer({ min: 1949, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const optionsArb: fc.Arbitrary<RunOptions> = fc.record({
  overrides: fc.oneof(
    { weight: 8, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          type: fc.constantFrom('meeting-report', 'speech', 'rule', 'opinion', 'decision', 'notice', 'article') as fc.Arbitrary<RunOptions['overrides']['type']>,
          date: fc.oneof(dateString, fc.constantFrom('2019', '2019-10')),
          region: fc.constantFrom('北京市海淀区', '上海市', '安徽省合肥市'),
          issuer: fc.constantFrom('海淀区人大常委会', '某某县人民政府'),
          sourceUrl: fc.constantFrom('https://example.org/a/b.html', 'http://www.example.gov.cn/t2023_1.htm'),
        },
        { requiredKeys: [] },
      ),
    },
  ),
  force: fc.boolean(),
  dryRun: fc.boolean(),
  retrieved: fc.option(dateString, { nil: undefined }),
  today: fc.constant(TODAY),
}).map((o) => {
  const { retrieved, ...rest } = o;
  return retrieved ? { ...rest, retrieved } : rest;
});

const fileNameArb = fc
  .tuple(
    fc.constantFrom('', 'inputs/', '/tmp/抓取/', 'a b/c (1)/', 'C:\\下载\\'),
    fc.oneof(
      fc.constantFrom('page', '政策文件', '副本 (2)', 'index', 't20230101_123456', '无标题', '---', 'a: b #c', "it's \"quoted\"", '.hidden', '通知_8f98928480244f38'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[\\/]/.test(s) && s.trim() !== ''),
    ),
    fc.constantFrom('.html', '.htm', '.txt', '.md', '', '.HTML', '.shtml'),
  )
  .map(([dir, base, ext]) => `${dir}${base}${ext}`);

/** File names with nothing to make a title of (the importer's last resort when a page has none). */
const oddFileNameArb = fc
  .tuple(fc.constantFrom('', 'inputs/', 'a b/'), fc.constantFrom('  ', ' ', '\t', '　', '.', '..', '_', '-', '_0123456789abcdef', '(1)'), fc.constantFrom('', '.html', '.txt', '.htm'))
  .map(([dir, base, ext]) => `${dir}${base}${ext}`);

// ---------------------------------------------------------------- text generators (written for this test)

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–199 as Chinese numerals: 一, 十二, 二十, 一百零五. */
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  return `${CN_DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : rest < 20 ? `一${chineseNumber(rest)}` : chineseNumber(rest)}`;
}

const site = pick('青禾区人民政府', '松江县人大常委会', '北川市人民代表大会常务委员会', '东陵新闻网', '某某区政务服务网', '南湖区融媒体中心');
const issuer = pick('青禾区人大常委会', '北川市人民政府办公室', '松江县财政局', '某某省人民代表大会常务委员会', '区委办公室', '市司法局');
const region = pick('北京市海淀区', '上海市浦东新区', '广东省深圳市', '浙江省杭州市西湖区', '安徽省合肥市', '四川省', '');
const person = pick('张明', '李华', '王建国', '刘自强', '陈晓燕', '××', '某某');
const column = pick('通知公告', '人大要闻', '工作动态', '政策文献', '法规草案征求意见', '政务公开', '信息公开目录', '正文');
const count = fc.nat({ max: 99999 });

/** Dates in the forms pages use, some impossible (2023-02-30, 13月). */
const anyDate = fc
  .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.nat({ max: 6 }))
  .map(([y, m, d, form]) => {
    const mm = String(m).padStart(2, '0');
    const dd = String(d).padStart(2, '0');
    return [`${y}-${mm}-${dd}`, `${y}年${m}月${d}日`, `${y}.${mm}.${dd}`, `${y}/${m}/${d}`, `${y}年${m}月`, `${y}`, `${mm}-${dd}`][form]!;
  });

const docNumber = fc
  .tuple(pick('青人常发', '合政', '北政办发', '松财', '国发', '沪府规'), pick('〔〕', '[]', '（）', '()', '【】', '〔〕'), fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 300 }))
  .map(([abbr, b, y, n]) => `${abbr}${b[0]}${y}${b[1]}${n}号`);

const status = pick('现行有效', '已修订', '已废止', '失效', '尚未生效', '有效');

const breadcrumb = fc
  .tuple(
    pick('您当前的位置：', '当前位置：', '您现在的位置: ', '位置：', '', '当前位置>>'),
    fc.array(pick('首页', '政务公开', '通知公告', '人大要闻', '工作动态', '法规文件', '政策文献', '正文', '常委会工作'), { minLength: 1, maxLength: 5 }),
    pick(' > ', '>', ' » ', ' → ', ' / ', '＞'),
  )
  .map(([prefix, items, sep]) => prefix + items.join(sep));

const navBar = fc
  .tuple(
    fc.array(pick('网站首页', '首页', '人大概况', '常委会工作', '代表工作', '政务公开', '无障碍', '手机版', '站群导航', 'English', '信息公开', '互动交流', '专题专栏', '长者模式'), { minLength: 2, maxLength: 9 }),
    pick(' | ', '｜', '·', '  ', ' ', ' · ', '|'),
  )
  .map(([items, sep]) => items.join(sep));

const lawDbMeta = fc
  .tuple(
    fc.subarray(['发布部门', '发文字号', '发布日期', '实施日期', '时效性', '效力级别'], { minLength: 1 }),
    issuer,
    docNumber,
    anyDate,
    anyDate,
    status,
    pick('', ' ', '　'),
    fc.boolean(),
  )
  .map(([fields, who, number, d1, d2, s, gap, traditional]) => {
    const value: Record<string, string> = { 发布部门: who, 发文字号: number, 发布日期: d1, 实施日期: d2, 时效性: s, 效力级别: '地方规范性文件' };
    const label = (f: string) => (traditional ? f.replace('发布', '發(fā)布').replace('部门', '部門').replace('字号', '字號').replace('时效', '時效').replace('级别', '級別') : f);
    return fields.map((f) => `【${label(f)}】${gap}${value[f]}`).join(' ');
  });

const govInfoLine = fc
  .tuple(pick('索引号', '信息分类', '发布机构', '发文字号', '成文日期', '发布日期', '主题分类', '有效性', '文号', '公开方式'), fc.oneof(issuer, docNumber, anyDate, pick('通知', '综合政务', '有效', '主动公开', '11010800-2023-00012')), pick('：', ':', '： ', '　'))
  .map(([label, value, sep]) => `${label}${sep}${value}`);

const byline = fc
  .tuple(anyDate, site, count, person, fc.nat({ max: 3 }))
  .map(([d, s, n, p, form]) =>
    [
      `发布时间：${d} 来源：${s} 浏览次数：${n}`,
      `作者：${p} 来源：${s} 日期：${d}`,
      `日期：${d}　　来源：${s}　　【字体：大 中 小】`,
      `[ ${d} ]  点击数：${n}`,
    ][form]!,
  );

const footer = fc
  .tuple(pick('京', '沪', '皖', '粤', '浙', '川'), fc.integer({ min: 10_000_000, max: 99_999_999 }), fc.nat({ max: 9 }), site, fc.nat({ max: 6 }))
  .map(([prov, digits, n, s, form]) =>
    [
      `${prov}ICP备${digits}号`,
      `${prov}ICP备${digits}号-${n}`,
      `${prov}公网安备 ${digits}${n}号`,
      `版权所有：${s}　${prov}ICP备${digits}号`,
      `主办：${s} 承办：${s}信息中心`,
      `网站标识码：${digits}${n}`,
      `技术支持：某某科技有限公司 联系电话：010-${digits}`,
    ][form]!,
  );

const tools = pick(
  '【打印本页】 【关闭窗口】',
  '【字体：大 中 小】',
  '分享到：微信 微博 QQ空间',
  '扫一扫在手机打开当前页',
  '打印 | 关闭',
  '相关文章',
  '【我要纠错】',
  '收藏本页 | 设为首页',
  '返回顶部',
);

const proseFragment = pick(
  '为进一步加强和改进人大代表工作',
  '根据有关法律法规的规定',
  '结合本区实际',
  '现将有关事项通知如下',
  '会议听取了区人民政府关于财政预算执行情况的报告',
  '全面贯彻落实党的二十大精神',
  '各单位要高度重视',
  '认真组织实施',
  '确保各项任务落到实处',
  '本办法自发布之日起施行',
  '委员们认为',
  '代表们提出了许多意见和建议',
  '坚持以人民为中心的发展思想',
  '推动全过程人民民主',
  '区委书记出席会议并讲话',
  '会议由常委会主任主持',
  '依法履行监督职责',
  '切实保障人民群众合法权益',
  '违反本办法第三十五条第一款规定的',
  '依照前款规定',
);
const proseSentence = fc
  .tuple(fc.array(proseFragment, { minLength: 1, maxLength: 6 }), pick('，', '；', '、', ','), pick('。', '！', '？', '', '；', '.'))
  .map(([parts, join, end]) => parts.join(join) + end);
const randomHanzi = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)), minLength: 1, maxLength: 60 });

const title = fc
  .tuple(fc.oneof(pick('', '青禾区', '某某县人民政府'), region), fc.nat({ max: 9 }), pick('做好代表建议办理工作', '加强基层治理', '预算审查监督', '规范性文件备案审查', '行政复议'), pick('', '——以新担当新作为开创工作新局面'))
  .map(([who, form, what, sub]) =>
    [
      `${who}关于${what}的通知${sub}`,
      `${who}关于印发《${what}办法》的通知`,
      `${who}${what}条例`,
      `${who}${what}实施办法（试行）`,
      `${who}关于${what}的决定`,
      `${who}关于${what}的决议`,
      `${who}公告`,
      `区委召开第${chineseNumber(5)}次人大工作会议${sub}`,
      `${who}关于${what}的实施意见`,
      `《${what}》`,
    ][form]!,
  );

const structureLine = fc
  .tuple(fc.integer({ min: 1, max: 199 }), proseSentence, fc.nat({ max: 8 }), pick('　', ' ', '', '  '))
  .map(([n, text, form, gap]) =>
    [
      `第${chineseNumber(n)}条${gap}${text}`,
      `第${chineseNumber(n)}章${gap}总则`,
      `第${chineseNumber(n)}节${gap}一般规定`,
      `（${chineseNumber(Math.min(n, 20))}）${text}`,
      `${n}. ${text}`,
      `第${chineseNumber(n)}条之一${gap}${text}`,
      `**第${chineseNumber(n)}条**${gap}${text}`,
      `## 第${chineseNumber(n)}章${gap}附则`,
      `${n}、${text}`,
    ][form]!,
  );

const docNumberUnderTitle = fc.tuple(docNumber, anyDate).map(([n, d]) => `（${n} ${d}）`);

const traditionalLine = pick(
  '關於進一步加強人大代表工作的通知',
  '第一條　為了規範常務委員會的議事活動，根據憲法和有關法律，制定本規則。',
  '【發布部門】 臺北市政府 【發文字號】 北市法一字第1234號',
  '【發(fā)布部門】 合肥市政府 【發(fā)文字號】 合政〔2021〕8號',
  '本辦法自發布之日起施行。',
  '會議聽取了區人民政府關於財政預算執行情況的報告。',
  '您當前的位置：首頁 > 政務公開 > 通知公告',
  '網站首頁 | 人大概況 | 常委會工作',
  '瀏覽次數：12',
  '發佈時間：2023-01-01 來源：區政府',
  '區委書記劉自強(qiáng)出席會(huì)議並講話。',
);

/** Lines that mean something to Markdown, HTML, YAML or the importer's own rules. */
const awkwardLine = pick(
  '# 一级标题',
  '> 引用',
  '- 列表项',
  '1. 第一项',
  '| 甲 | 乙 |',
  '|---|---|',
  '<script>alert(1)</script>',
  '---',
  '***',
  '```',
  '[链接](http://example.org)',
  '\\',
  '&amp; &lt; &#x4e2d; &nbsp;',
  '*强调* _下划线_ ~删除~',
  'title: 假的前言',
  "'单引号\" 双引号",
  '2023年1月1日 某某会议通过',
  '?!耙桓晃瘍稍骸币袑嵲鰪?qiáng)',
  '锟斤拷烫烫烫',
  'Ã¤Â¸Â­Ã¦â€“â€¡',
  '\u0000',
  '\u200b\u200d\ufeff',
  '\ud83d\ude00 表情 👨‍👩‍👧',
  'e\u0301 组合字符',
  '\u202e反向文本',
  '12',
  '3/12',
  '·',
);

const junkLine = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  randomHanzi,
);

const blankLine = pick('', ' ', '　　', '\t', '\u00a0', '\u200b', '\ufeff', '\f');

/** One line of a page copy: chrome, metadata, title, body text or something awkward. */
const pageLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: breadcrumb },
  { weight: 3, arbitrary: navBar },
  { weight: 2, arbitrary: lawDbMeta },
  { weight: 2, arbitrary: govInfoLine },
  { weight: 3, arbitrary: byline },
  { weight: 2, arbitrary: footer },
  { weight: 2, arbitrary: tools },
  { weight: 8, arbitrary: proseSentence },
  { weight: 3, arbitrary: title },
  { weight: 5, arbitrary: structureLine },
  { weight: 1, arbitrary: docNumberUnderTitle },
  { weight: 2, arbitrary: traditionalLine },
  { weight: 2, arbitrary: awkwardLine },
  { weight: 2, arbitrary: junkLine },
  { weight: 2, arbitrary: blankLine },
  { weight: 1, arbitrary: fc.tuple(column, site).map(([c, s]) => `${s} ${c}`) },
  { weight: 1, arbitrary: count.map(String) },
);

const indent = pick('', '', '', '　　', '  ', '\t', ' ');
const newline = pick('\n', '\n', '\n', '\r\n', '\r', '\n\n', '\n \n');

/** A plain-text page copy: lines of chrome and text in any order. */
const textPage = fc
  .array(fc.tuple(indent, pageLine, newline), { minLength: 1, maxLength: 30 })
  .map((lines) => lines.map(([i, l, n]) => i + l + n).join(''));

// ---------------------------------------------------------------- HTML generators

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const htmlText = fc.oneof(
  { weight: 6, arbitrary: pageLine.map(escapeHtml) },
  { weight: 1, arbitrary: pageLine },
  { weight: 1, arbitrary: pick('&nbsp;', '&amp;', '&#x4e2d;&#25991;', '&#0;', '&#xD800;', '&bogus;', '&', '&lt;p&gt;', '&#12288;', '&copy;2023', '&#x1F600;') },
  { weight: 1, arbitrary: pick('<!-- 注释 -->', '<!-->', '<![CDATA[ 数据 ]]>', '<?xml version="1.0"?>', '<!-- 未闭合的注释', '</p>', '</div></div>', '<', '<>', '</>') },
);

const tagName = pick(
  'div', 'div', 'p', 'p', 'span', 'ul', 'ol', 'li', 'table', 'tbody', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'a', 'strong', 'b', 'em', 'i',
  'font', 'section', 'article', 'nav', 'header', 'footer', 'br', 'img', 'script', 'style', 'iframe', 'form', 'input', 'select', 'option', 'center',
  'pre', 'code', 'blockquote', 'textarea', 'noscript', 'template', 'svg', 'math', 'title', 'head', 'body', 'html', 'dl', 'dt', 'dd', 'hr', 'sup', 'u',
);
const attrs = pick(
  '', '', '', ' class="nav"', ' id="content"', ' class="breadcrumb"', ' href="http://example.org/a.html"', ' href="javascript:void(0)"', ' style="display:none"',
  ' href="/rel/path"', ' title="提示"', ' onclick="x()"', ' href="https://例子.中国/路径?a=1&b=2"', ' href=\'"><\'', ' colspan="3" rowspan="2"', ' class="TRS_Editor"',
  ' href="mailto:a@b.c"', ' href="http://a b/c d"', ' align=center', ' data-x="<p>"',
);

/** A data table (kept as a Markdown table): rows of two to four cells of page text. */
const dataTable = fc
  .array(fc.array(fc.oneof(pageLine, pick('|', 'a|b', '\\|', '')), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 })
  .map((rows) => `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`);

type HtmlNode = string;
const { node: htmlNode } = fc.letrec<{ node: HtmlNode; element: HtmlNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', maxDepth: 7 }, htmlText, tie('element'), dataTable),
  element: fc
    .tuple(tagName, attrs, fc.array(tie('node'), { maxLength: 5 }), fc.nat({ max: 5 }))
    .map(([tag, a, children, close]) => `<${tag}${a}>${children.join(close === 5 ? '\n' : '')}${close === 0 ? '' : `</${tag}>`}`),
}));

const headMeta = fc.oneof(
  fc.tuple(pick('ArticleTitle', 'PubDate', 'ContentSource', 'ColumnName', 'SiteName', 'Keywords', 'Description', 'author'), fc.oneof(title, anyDate, site, column, pageLine)).map(([n, v]) => `<meta name="${n}" content="${escapeHtml(v).replace(/"/g, '&quot;')}">`),
  pick('<meta charset="utf-8">', '<meta charset="gb2312">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">', '<meta charset="big5">', '<meta charset="x-unknown">', '<meta name="viewport" content="width=device-width">'),
  pick('<style>body{color:red}</style>', '<script>var 标题 = "假标题";</script>', '<link rel="stylesheet" href="a.css">', '<base href="http://example.org/">'),
);

/** Where to cut an input off, in thousandths of its length (a third of the inputs), else undefined. */
const cutAt = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.noBias(fc.integer({ min: 1, max: 999 })) });

/** A whole page: doctype, head with title and meta tags, body of nested elements; sometimes wrapped deeper, sometimes cut off anywhere. */
const htmlPage = fc
  .record({
    doctype: pick('<!DOCTYPE html>', '<!doctype html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">', '', '<?xml version="1.0" encoding="utf-8"?>'),
    title: fc.option(fc.tuple(fc.oneof(title, pageLine), pick('_', ' - ', '|', '—', ' ', '——')), { nil: undefined }),
    titleSite: site,
    head: fc.array(headMeta, { maxLength: 5 }),
    body: fc.array(htmlNode, { maxLength: 12 }),
    wrapDepth: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }) }),
    wrapTag: pick('div', 'span', 'table', 'font', 'li', 'b', 'p'),
    cut: cutAt,
  })
  .map((p) => {
    const titleTag = p.title === undefined ? '' : `<title>${escapeHtml(p.title[0])}${p.title[1]}${p.titleSite}</title>`;
    const body = p.body.join('\n');
    const wrapped = `<${p.wrapTag}>`.repeat(p.wrapDepth) + body + `</${p.wrapTag}>`.repeat(p.wrapDepth);
    const page = `${p.doctype}\n<html>\n<head>${titleTag}${p.head.join('\n')}</head>\n<body>\n${wrapped}\n</body>\n</html>\n`;
    return p.cut === undefined ? page : page.slice(0, Math.floor((page.length * p.cut) / 1000));
  });

// ---------------------------------------------------------------- encodings (no encoder library: tables read back from TextDecoder)

type Encoder = (text: string) => Uint8Array;

/** A character → bytes table for a double-byte encoding, built by decoding every lead/trail pair. */
function doubleByteTable(label: 'gb18030' | 'big5'): Map<string, number[]> {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const s = decoder.decode(new Uint8Array([lead, trail]));
      if (s.includes('\ufffd') || [...s].length !== 1) continue;
      // Big5's lead bytes below 0xA1 are HKSCS extensions; prefer the standard code when there are two.
      if (!table.has(s) || (label === 'big5' && lead >= 0xa1 && table.get(s)![0]! < 0xa1)) table.set(s, [lead, trail]);
    }
  }
  return table;
}

let tables: { gb18030: Map<string, number[]>; big5: Map<string, number[]> } | undefined;
function encoderFor(label: 'gb18030' | 'big5'): Encoder {
  tables ??= { gb18030: doubleByteTable('gb18030'), big5: doubleByteTable('big5') };
  const table = tables[label];
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) out.push(cp);
      else out.push(...(table.get(ch) ?? [0x3f]));
    }
    return new Uint8Array(out);
  };
}

const utf16: (le: boolean) => Encoder = (le) => (text) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 + 2 * i] = le ? u & 0xff : u >> 8;
    out[3 + 2 * i] = le ? u >> 8 : u & 0xff;
  }
  return out;
};

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Known GB18030 four-byte sequences (U+0080, U+00A5, U+20AC's neighbour U+20AD, U+E5E5, U+10000, U+1F600) and raw four-byte shapes. */
const gb18030FourByte = fc.oneof(
  pick([0x81, 0x30, 0x81, 0x30], [0x81, 0x30, 0x84, 0x36], [0x81, 0x36, 0xa5, 0x32], [0x90, 0x30, 0x81, 0x30], [0x94, 0x39, 0xda, 0x33]),
  fc.tuple(fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x30, max: 0x39 }), fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x30, max: 0x39 })),
);

// ---------------------------------------------------------------- corpus Markdown (LawRefBook shape)

const corpusDoc = fc
  .record({
    title: title,
    history: fc.array(fc.tuple(anyDate, pick('某某省第十三届人民代表大会常务委员会第二十次会议通过', '根据某某决定修正', '市人民政府令第12号公布', '施行', '')), { maxLength: 4 }),
    marker: fc.boolean(),
    body: fc.array(fc.tuple(fc.oneof(structureLine, proseSentence, pageLine), pick('', '', '', '<!-- 注释 -->', '<!-- INFO END -->')).map(([l, c]) => l + c), { maxLength: 20 }),
  })
  .map(({ title: t, history, marker, body }) =>
    [`# ${t}`, '', ...history.map(([d, what]) => `${d} ${what}`), marker ? '<!-- INFO END -->' : '', ...body].join('\n'),
  );

// ---------------------------------------------------------------- properties

/** One property: its inputs, what is checked on each, its share of the runs and its seed. */
interface PropertyDef<T> {
  name: string;
  arb: fc.Arbitrary<T>;
  check: (value: T) => void;
  /** Generated inputs, plus the examples below (fast-check runs those first, within numRuns). */
  runs: number;
  seed: number;
  /** Minimal inputs that once failed, kept as regression cases. */
  examples?: NoInfer<T>[];
  endOnFailure?: boolean;
}
const property = <T,>(def: PropertyDef<T>): PropertyDef<T> => def;

/** Options for the regression examples. */
const PLAIN: RunOptions = { overrides: {}, force: false, dryRun: true, today: TODAY };

const splice = (into: Uint8Array, bytes: ArrayLike<number>, at: number) => {
  const i = into.length ? at % (into.length + 1) : 0;
  return new Uint8Array([...into.subarray(0, i), ...Array.from(bytes), ...into.subarray(i)]);
};

const PROPERTIES = [
  property({
    name: 'random bytes',
    arb: fc.tuple(
      fileNameArb,
      fc.oneof(
        fc.uint8Array({ maxLength: 3000 }),
        // High bytes only: chardet and the GB18030/Big5 fallbacks get a go.
        fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 2000 }).map((a) => new Uint8Array(a)),
        // Printable ASCII with a few arbitrary bytes: under the binary threshold.
        fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 800 }), fc.uint8Array({ maxLength: 30 }), fc.nat()).map(([t, junk, at]) => splice(utf8(t), junk, at)),
        // Valid page text with random bytes spliced in.
        fc.tuple(textPage, fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.nat()).map(([t, junk, at]) => splice(utf8(t), junk, at)),
      ),
      optionsArb,
    ),
    check: ([path, bytes, options]) => void checkOne(path, bytes, options),
    runs: RUNS.randomBytes,
    seed: 13_001,
  }),
  property({
    name: 'mixes of page chrome and text',
    arb: fc.tuple(fileNameArb, textPage, optionsArb),
    check: ([path, text, options]) => void checkOne(path, utf8(text), options),
    runs: RUNS.textMixes + 7,
    seed: 13_002,
    examples: [
      // structure: 之一 written twice in a rule's article
      ['page.txt', '第一节　一般规定\n第一条之一　为进一步加强和改进人大代表工作。\n', PLAIN],
      // a --- line read as an empty subtitle
      ['page.txt', '---\n发布时间：1900-00-00 来源：青禾区人民政府 浏览次数：0\n', PLAIN],
      // markdown.ts: an escape inside a GFM autolink literal shows as a backslash
      ['page.txt', 'http://l>', PLAIN],
      ['page.txt', '见http://www.example.gov.cn/a_b/t2023_1.html。', PLAIN],
      // accounting-check.ts: opencc is not idempotent (薴 → 苧 → 苎), and the check converted the body a second time
      ['page.txt', 'py;2023撾渦薴熗門', PLAIN],
      // accounting-check.ts: a pinyin annotation removed from a line that became the title
      ['page.txt', '發(fā) 合政', PLAIN],
      // accounting.ts: clean reads a literal &nbsp; as a space
      ['page.txt', '第一条　为进一步加强和改进人大代表工作。\n&amp; &lt; &#x4e2d; &nbsp;', PLAIN],
    ],
  }),
  property({
    name: 'HTML pages: nested, malformed, truncated',
    arb: fc.tuple(fileNameArb, htmlPage, optionsArb),
    check: ([path, html, options]) => void checkOne(path, utf8(html), options),
    runs: RUNS.html + 10,
    seed: 13_003,
    examples: [
      // markdown.ts: a line start split over two inlines (0 + .) read as a list
      ['page.html', '<article>0<!>.', PLAIN],
      // markdown.ts: two strong inlines side by side (**8****某**)
      ['page.html', '<b >8<!>某', PLAIN],
      // markdown.ts: a list item's text read as a nested list
      ['page.html', '<li >- 表', PLAIN],
      ['page.html', '<li >8. ', PLAIN],
      // markdown.ts: an autolink literal runs on into the emphasis after it
      ['page.html', '<h5>http://g</><em>某', PLAIN],
      ['page.html', '<textarea>http://x><h5 href="http://ab/', PLAIN],
      // markdown.ts: a pipe in a table cell escaped twice, which breaks the table
      ['page.html', '<p>正文内容</p><table><tr><td>甲|乙</td><td>丙</td></tr></table>', PLAIN],
      // accounting.ts: &amp;nbsp; is the text &nbsp;, which clean reads as a space
      ['page.html', '<div><div>&amp;amp; &amp;nbsp;为进一步加强和改进人大代表工作。', PLAIN],
      // accounting-check.ts: the same annotation in the title line and in the body
      ['page.html', '發(fā)日期>\n<t><table><r><td>發(fā)', PLAIN],
      // corpus: a corpus marker in an HTML page
      ['page.html', '<p>正文</p><!-- INFO END -->', PLAIN],
    ],
  }),
  property({
    name: 'deeply nested HTML',
    arb: fc.tuple(
      fileNameArb,
      fc.record({
        depth: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 300, max: 6000 })),
        tag: pick('div', 'span', 'table', 'ul', 'font', 'b', 'blockquote'),
        inner: fc.array(fc.tuple(pick('p', 'h2', 'li', 'td'), pageLine), { minLength: 1, maxLength: 4 }),
        closed: fc.boolean(),
      }),
      optionsArb,
    ),
    check: ([path, { depth, tag, inner, closed }, options]) => {
      const body = inner.map(([t, text]) => `<${t}>${escapeHtml(text)}</${t}>`).join('');
      checkOne(path, utf8(`<html><body>${`<${tag}>`.repeat(depth)}${body}${closed ? `</${tag}>`.repeat(depth) : ''}</body></html>`), options);
    },
    runs: RUNS.deepHtml,
    seed: 13_004,
    // Shrinking would re-run pages thousands of levels deep, and the depth at which a recursive
    // walk runs out of stack depends on how warm the code is; the first failing page is reported as found.
    endOnFailure: true,
  }),
  property({
    name: 'GB18030, Big5 and UTF-16 bytes, whole or cut anywhere',
    arb: fc.tuple(
      fileNameArb,
      fc.record({
        text: fc.oneof(textPage, htmlPage, fc.array(traditionalLine, { minLength: 1, maxLength: 10 }).map((l) => l.join('\n'))),
        encoding: pick('gb18030', 'big5', 'utf-16le', 'utf-16be'),
        meta: pick('', '', '<meta charset="gb2312">\n', '<meta charset="big5">\n', '<meta charset="utf-8">\n'),
        fourByte: fc.array(fc.tuple(gb18030FourByte, fc.nat()), { maxLength: 3 }),
        cut: cutAt,
      }),
      optionsArb,
    ),
    check: ([path, { text, encoding, meta, fourByte, cut }, options]) => {
      const full = meta + text;
      let bytes = encoding === 'gb18030' || encoding === 'big5' ? encoderFor(encoding)(full) : utf16(encoding === 'utf-16le')(full);
      if (encoding === 'gb18030') for (const [seq, at] of fourByte) bytes = splice(bytes, seq, at);
      checkOne(path, cut === undefined ? bytes : bytes.subarray(0, Math.floor((bytes.length * cut) / 1000)), options);
    },
    runs: RUNS.encodings,
    seed: 13_005,
  }),
  property({
    name: 'byte order marks and NULs',
    arb: fc.tuple(
      fileNameArb,
      fc.record({
        text: fc.oneof(textPage, htmlPage),
        bom: pick('', '\ufeff', '\ufeff\ufeff'),
        inserts: fc.array(fc.tuple(pick('\u0000', '\u0000\u0000\u0000', '\ufeff', '\u0001', '\u001b'), fc.nat()), { maxLength: 4 }),
        encoding: pick('utf-8', 'utf-8', 'utf-16le', 'utf-16be'),
      }),
      optionsArb,
    ),
    check: ([path, { text, bom, inserts, encoding }, options]) => {
      let t = text;
      for (const [c, at] of inserts) {
        const i = at % (t.length + 1);
        t = t.slice(0, i) + c + t.slice(i);
      }
      // utf16() writes its own BOM; a second one is text.
      checkOne(path, encoding === 'utf-8' ? utf8(bom + t) : utf16(encoding === 'utf-16le')(bom.slice(1) + t), options);
    },
    runs: RUNS.bomsAndNuls + 2,
    seed: 13_006,
    examples: [
      // decode.ts: a NUL character after a UTF-16 byte order mark (Markdown turns it into U+FFFD)
      ['page.html', { text: '正文', bom: '', inserts: [['\u0000', 0]], encoding: 'utf-16le' }, PLAIN],
      // decode.ts: a NUL past the bytes the binary check sniffs
      ['page.txt', { text: `${'正文。'.repeat(1000)}\n结尾`, bom: '', inserts: [['\u0000', 3001]], encoding: 'utf-8' }, PLAIN],
    ],
  }),
  property({
    name: 'corpus Markdown',
    arb: fc.tuple(
      fc.tuple(title, fc.option(dateString, { nil: undefined })).map(([t, d]) => `${t.replace(/[\\/]/g, '')}${d ? `(${d})` : ''}.md`),
      corpusDoc,
      optionsArb,
    ),
    check: ([path, text, options]) => void checkOne(path, utf8(text), options),
    runs: RUNS.corpus + 1,
    seed: 13_007,
    examples: [
      // corpus: text before a comment on the same line came after it in the ledger
      ['某办法.md', '# 某办法\n\na<!-- INFO END -->', PLAIN],
    ],
  }),
  property({
    name: 'arbitrary Unicode text',
    arb: fc.tuple(
      fileNameArb,
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.array(fc.oneof(junkLine, awkwardLine, pageLine), { maxLength: 20 }).map((l) => l.join('\n')),
      ),
      optionsArb,
    ),
    check: ([path, text, options]) => void checkOne(path, utf8(text), options),
    runs: RUNS.unicodeJunk,
    seed: 13_008,
  }),
  property({
    name: 'file names with nothing to make a title of',
    arb: fc.tuple(oddFileNameArb, fc.oneof(textPage, fc.constantFrom('!', '12', '　', '<p></p>x')), optionsArb),
    check: ([path, text, options]) => void checkOne(path, utf8(text), options),
    runs: RUNS.oddFileNames + 1,
    seed: 13_011,
    examples: [['  ', '!', PLAIN]],
  }),
  property({
    name: 'batches: one report per input, in order, and the batch goes on',
    arb: fc.tuple(
      fc.array(fc.tuple(fileNameArb, fc.oneof(textPage.map(utf8), htmlPage.map(utf8), fc.uint8Array({ maxLength: 200 }))), { minLength: 1, maxLength: 6 }),
      optionsArb,
    ),
    check: ([batch, options]) => {
      const files = new Map(batch.map(([p, b], i) => [`${i}/${p}`, b]));
      const reports = runImport([...files.keys()], options, { read: (p) => files.get(p)!, write: () => ({ written: true, file: '' }) });
      expect(reports.map((r) => r.file)).toEqual([...files.keys()]);
      for (const r of reports) {
        if (r.status === 'failed') expect(r.reason?.startsWith(`${r.file}: `), r.reason).toBe(true);
        else if (r.status === 'skipped') expect(r.reason?.trim(), r.file).toBeTruthy();
        else expect(r.status).toBe(options.dryRun ? 'would-import' : 'imported');
      }
      // Two imported inputs never share an output path.
      const outputs = reports.filter((r) => r.status === 'imported' || r.status === 'would-import').map((r) => r.output);
      expect(new Set(outputs).size).toBe(outputs.length);
    },
    runs: RUNS.batches,
    seed: 13_009,
  }),
  property({
    name: 'a 1 MB line',
    arb: fc.tuple(
      fileNameArb,
      fc.record({
        // A megabyte of ASCII spaces too: extract-html's whitespace collapsing was once quadratic in such a run.
        unit: fc.oneof(proseSentence, navBar, breadcrumb, randomHanzi, pick('a', '中', '第一条', '&nbsp;', '　', ' ', '<b>粗体</b>', '(qiáng)')),
        mode: pick('text', 'html-p', 'html-bare'),
        head: fc.array(pageLine, { maxLength: 4 }),
      }),
      optionsArb,
    ),
    check: ([path, { unit, mode, head }, options]) => {
      const one = unit.replace(/[\r\n]/g, '') || '中';
      const line = one.repeat(Math.ceil((1024 * 1024) / utf8(one).length));
      const lead = head.join('\n');
      const text = mode === 'text' ? `${lead}\n${line}\n` : `<html><body>${lead}${mode === 'html-p' ? `<p>${line}</p>` : line}</body></html>`;
      checkOne(path, utf8(text), options);
    },
    runs: RUNS.megabyteLine,
    seed: 13_010,
  }),
];

describe('importer properties (fast-check, fixed seeds)', () => {
  it('the budget is at least 10,000 generated inputs', () => {
    expect(PROPERTIES.reduce((n, p) => n + p.runs - (p.examples?.length ?? 0), 0)).toBeGreaterThanOrEqual(10_000);
  });

  // Found by these properties under other seeds and not fixed yet; a test of its own, so the
  // property's generated inputs still run meanwhile.
  it('the text of a <style> after the cells of an unclosed table is in the ledger', () => {
    checkOne('page.html', utf8('<table><td>甲<td>乙</td><style>丙'), PLAIN);
  });

  for (const p of PROPERTIES as PropertyDef<unknown>[]) {
    it(p.name, () => {
      fc.assert(fc.property(p.arb, (value) => p.check(value)), {
        seed: p.seed,
        numRuns: p.runs,
        examples: (p.examples ?? []).map((e) => [e] as [unknown]),
        ...(p.endOnFailure ? { endOnFailure: true } : {}),
      });
    });
  }
});
