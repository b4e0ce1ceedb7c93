/**
 * Which line of a page's head is the document's title. Every line before the
 * first sentence of prose is a candidate; each earns points for evidence a
 * person would use — the page repeats it (law databases print a title three
 * times; a breadcrumb ends in it; a `【标题】` field or the HTML names it), it
 * names a kind of document (…的通知, …办法, 在…上的讲话), a byline or date line
 * follows it — and loses points for the shapes of chrome (a column name, a
 * site name, a line that only leads into the title). Two lines that only
 * together make a title (国务院关于… ↵ …的意见) are joined. The winner is
 * `sure` when its evidence is strong and clearly ahead of the runner-up;
 * otherwise the importer still writes it but flags it `uncertain` with the
 * other candidates.
 */
import { kindFromTitle, isOrgLine, isDocNumberLine } from './patterns.ts';
import { splitTitle } from '../stages/extract-html.ts';

/** One head line as the chooser sees it. */
export interface HeadLine {
  /** Index of the block in the structure stage's block list. */
  block: number;
  /** Cleaned, Simplified text. */
  text: string;
  /** 1-based source line. */
  line: number;
  /** An HTML heading (h1/h2). */
  heading?: boolean;
  /** A metadata (byline, date, source) line follows this one before the next head line. */
  bylineAfter?: boolean;
  /** The text proper begins right after this line. */
  lastBeforeBody?: boolean;
}

/** Titles the page itself states outside the head lines. */
export interface StatedTitles {
  /** `【标题】` fields, the HTML ArticleTitle / <title> / og:title, with where each came from. */
  declared: Array<{ value: string; how: string }>;
  /** Removed breadcrumbs and navigation rows: their last part is often the title. */
  chrome: string[];
  /** Values of the page's metadata lines (来源, 作者, 发布机构 …): a line equal to one is a name, not the title. */
  values?: string[];
}

/** The chosen title with its evidence. */
export interface TitleChoice {
  value: string;
  how: string;
  sure: boolean;
  /** Runner-up candidates, best first (for the uncertain flag). */
  others: string[];
  /** Blocks that make up the title. */
  blocks: number[];
  /** Other head blocks that repeat the title (or the title with a column tag): dropped from the body. */
  repeats: number[];
}

/** Comparable form: no whitespace, no punctuation width differences, no trailing footnote marks. */
export function titleKey(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000*＊]+/g, '');
}

/** How the names of a site's columns end: 人大要闻, 工作动态, 政策文献, 通知公告. */
const COLUMN_WORDS = /(要闻|动态|新闻|文献|公告|资讯|专题|信息|概况|导航|首页|聚焦|速递|视点|文件|公开|之家|之窗)$/;

/** A leading column tag: 【优秀研究成果】…, 【邵阳】…. */
const TAG = /^【[^】]{1,12}】/;

/** Could this line be a title at all? */
export function hasTitleShape(text: string): boolean {
  const t = text.trim();
  if (t.length < 4 || t.length > 100) return false;
  if (/[。；！!]/.test(t) || /[?？]$/.test(t) && t.length > 40) return false;
  // A lead-in ends in a colon, comma or dash and introduces the real title below it; a line opening with a dash is a subtitle.
  if (/[：:，,、—–-]$/.test(t) || /^[—–]/.test(t)) return false;
  if (/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十百千\d]+[条章节编])/.test(t)) return false;
  if (/^[（(].*[）)]$/.test(t.replace(TAG, '').trim())) return false;
  // A list item, a quotation or a Markdown heading copied as text opens no title.
  if (/^(\d+[.、．]\s|[-*+>#]\s)/.test(t)) return false;
  if (/^\d{1,2}月\d{1,2}日|^\d{4}\s*[年\-/.]/.test(t)) return false;
  // Mostly Latin, digits or symbols: a URL, a code, a counter.
  const han = (t.match(/[\u4e00-\u9fa5]/g) ?? []).length;
  if (han < Math.max(3, t.length * 0.5)) return false;
  if (isDocNumberLine(t)) return false;
  return true;
}

/** Two lines that make one title: a bracket left open, or only the two together name a kind. */
function joins(a: string, b: string): boolean {
  if (!hasTitleShape(a) && !/[和与及的、]$/.test(a)) return false;
  if (b.length < 2 || b.length > 60 || /[。；！]/.test(b) || isOrgLine(b) || isDocNumberLine(b) || /^[（(\d]/.test(b)) return false;
  if ((a + b).length > 100) return false;
  const open = (s: string) => (s.match(/[《「“（(]/g) ?? []).length - (s.match(/[》」”）)]/g) ?? []).length;
  if (open(a) > 0 && open(a + b) === 0) return true;
  const ka = kindFromTitle(a);
  const kab = kindFromTitle(a + b);
  if (isColumnName(a) || kab === undefined) return false;
  // A first line that names a meeting (…第五次会议关于…) may still continue into the kind it announces (…的决议).
  if (ka !== undefined && !(ka.type === 'meeting-report' && kab.type !== 'meeting-report')) return false;
  // The second line names a kind by itself (…的意见): join only onto a first line that opened a title (国务院关于…).
  return kindFromTitle(b) === undefined || (/关于/.test(a) && !/关于/.test(b));
}

/** A column's or a site's name standing above the title: 政策文献, 人大要闻, 某某市人民政府门户网站. */
export function isColumnName(text: string): boolean {
  const t = text.trim();
  return (t.length <= 6 && COLUMN_WORDS.test(t)) || (t.length <= 24 && /(网|网站|门户|门户网站|官网|频道|专栏|栏目|平台|数据库|客户端|数字报)$/.test(t));
}

interface Candidate {
  value: string;
  blocks: number[];
  order: number;
  score: number;
  reasons: string[];
}

/** Does `other` state `key` (equal, with a column tag, as a bar- or space-separated part, or as an issuer line plus the title)? */
function states(other: string, key: string): boolean {
  const o = titleKey(other);
  if (o === key || o.replace(TAG, '') === key) return true;
  return other.split(/\s*[|｜>＞»›]\s*|\s+(?=作者|来源|时间)/).some((part) => titleKey(part) === key);
}

/** Chooses the title among the head lines. */
export function chooseTitle(head: HeadLine[], stated: StatedTitles): TitleChoice | undefined {
  const candidates: Candidate[] = [];
  head.forEach((line, k) => {
    if (hasTitleShape(line.text)) candidates.push({ value: line.text.trim(), blocks: [line.block], order: k, score: 0, reasons: [] });
    // A browser title copied with the page (关于…的通知_某市人民政府门户网站): the part before the site's name.
    const split = splitTitle(line.text.trim());
    if (split.title !== line.text.trim() && hasTitleShape(split.title)) {
      candidates.push({ value: split.title, blocks: [line.block], order: k, score: 0, reasons: [`去掉站名"${split.site}"`] });
    }
    const next = head[k + 1];
    if (next && next.line - line.line <= 2 && joins(line.text.trim(), next.text.trim())) {
      candidates.push({ value: `${line.text.trim()}${next.text.trim()}`, blocks: [line.block, next.block], order: k, score: 1, reasons: ['两行合为一个标题'] });
    }
  });
  if (candidates.length === 0) return undefined;

  // Lines, and runs of two or three lines (a title wrapped, a letterhead's issuer before it), restate a title.
  const restatements: Array<{ text: string; blocks: number[] }> = [];
  for (let k = 0; k < head.length; k++) {
    for (let n = 1; n <= 3 && k + n <= head.length; n++) {
      const run = head.slice(k, k + n);
      restatements.push({ text: run.map((h) => h.text).join(''), blocks: run.map((h) => h.block) });
    }
  }
  for (const c of candidates) {
    const key = titleKey(c.value);
    const bare = key.replace(TAG, '');
    const kind = kindFromTitle(c.value);
    if (kind) {
      c.score += 3;
      c.reasons.push(kind.why);
    }
    const repeated = restatements.filter((r) => !r.blocks.some((b) => c.blocks.includes(b)) && (r.blocks.length === 1 ? states(r.text, key) : titleKey(r.text) === key)).length;
    if (repeated > 0) {
      c.score += 4;
      c.reasons.push(`页面重复了此标题${repeated}次`);
    }
    const declared = stated.declared.find((d) => titleKey(d.value) === key || titleKey(d.value).includes(key) && key.length >= 8);
    if (declared) {
      c.score += 4;
      c.reasons.push(declared.how);
    }
    if (stated.chrome.some((t) => states(t, key) || titleKey(t).endsWith(key) && key.length >= 8)) {
      c.score += 3;
      c.reasons.push('面包屑导航或导航行以此结尾');
    }
    const last = head.find((h) => h.block === c.blocks.at(-1));
    const after = head[head.findIndex((h) => h.block === c.blocks.at(-1)) + 1];
    if (after && /^[—–]{1,2}[^—–]/.test(after.text.trim())) {
      c.score += 2;
      c.reasons.push('其后是破折号副题');
    }
    if (last?.bylineAfter) {
      c.score += 2;
      c.reasons.push('其后是署名/日期行');
    }
    if (head.find((h) => h.block === c.blocks[0])?.heading) {
      c.score += 2;
      c.reasons.push('网页标题元素');
    }
    if (c.value.length >= 8 && c.value.length <= 60) c.score += 1;
    // Titles stand right above the text.
    if (c.blocks.at(-1) === head.at(-1)?.block && head.at(-1)?.lastBeforeBody) c.score += 1;
    if ((stated.values ?? []).some((v) => titleKey(v) === key)) {
      c.score -= 4;
      c.reasons.push('与元数据中的来源/作者/机构相同');
    }
    if (c.value.length <= 6 && COLUMN_WORDS.test(c.value)) {
      c.score -= 3;
      c.reasons.push('像栏目名');
    } else if (c.value.length <= 6) c.score -= 1;
    if (c.order === 0) c.score += 1;
    if (isOrgLine(c.value)) {
      c.score -= 3;
      c.reasons.push('是机构名');
    }
    if (isColumnName(c.value) && c.value.length > 6 || /(网|网站|门户|官网|频道|专题|专栏|栏目)$/.test(c.value)) {
      c.score -= 3;
      c.reasons.push('像站名或栏目名');
    }
    // A column tag in front of a title the page also prints bare: the bare one is the title.
    if (bare !== key && candidates.some((o) => titleKey(o.value) === bare)) c.score -= 3;
    // The earlier of equals wins; the first lines of a page are where titles stand.
    c.score -= c.order * 0.1;
  }
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const best = candidates[0]!;
  const bestKey = titleKey(best.value);
  const others = candidates.filter((c) => titleKey(c.value) !== bestKey && !c.blocks.some((b) => best.blocks.includes(b)));
  const runnerUp = others[0];
  const margin = runnerUp ? best.score - runnerUp.score : Infinity;
  // Sure: strong evidence clearly ahead, or the page's first line with nothing else in the running.
  const sure = (best.score >= 3.5 && margin >= 2) || (runnerUp === undefined && best.order === 0 && best.score >= 0);
  const repeats = head
    .filter((h) => !best.blocks.includes(h.block))
    .filter((h) => {
      const key = titleKey(h.text);
      return key === bestKey || key.replace(TAG, '') === bestKey;
    })
    .map((h) => h.block);
  // A title printed again over two lines (the letterhead's issuer, then the title split) goes too.
  for (let k = 0; k + 1 < head.length; k++) {
    const pair = [head[k]!, head[k + 1]!];
    const triple = head[k + 2] ? [...pair, head[k + 2]!] : undefined;
    for (const group of triple ? [pair, triple] : [pair]) {
      if (group.some((h) => best.blocks.includes(h.block) || repeats.includes(h.block))) continue;
      if (titleKey(group.map((h) => h.text).join('')) === bestKey) repeats.push(...group.map((h) => h.block));
    }
  }
  const value = best.value.replace(/[*＊]+$/, '').trim();
  const lineNo = head.find((h) => h.block === best.blocks[0])?.line;
  return {
    value,
    how: `第${lineNo}行：${best.reasons.length > 0 ? best.reasons.join('；') : '页首第一个标题样式的行'}（得分${best.score.toFixed(1)}${runnerUp ? `，次选"${runnerUp.value}"得分${runnerUp.score.toFixed(1)}` : ''}）`,
    sure,
    others: others.slice(0, 3).map((c) => c.value),
    blocks: best.blocks,
    repeats,
  };
}
