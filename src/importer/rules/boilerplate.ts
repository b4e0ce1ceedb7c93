/**
 * Line rules for page chrome, advertising and disclaimers. A rule matches a
 * whole line (never part of a sentence), so a policy text that merely
 * mentions 会员 or 版权 keeps its sentence; the extract stage applies them to
 * plain-text lines and to the text lines recovered from HTML alike.
 */

import { detectionView } from '../text/view.ts';

/** A boilerplate rule: id, reason shown in the report, and the test. */
export interface BoilerplateRule {
  id: string;
  /** Why the line goes, in Chinese, e.g. 面包屑导航. */
  reason: string;
  test: (line: string, where: LineContext) => boolean;
  /** Longest line the rule may remove; disclaimers run long, chrome does not. */
  maxLength?: number;
}

/** Where a line stands: some shapes are chrome only around the text (a row of short words), not inside it (a list of names). */
export interface LineContext {
  /** Before the first sentence of prose. */
  head: boolean;
}

/** Lines that open real content (an article, a chapter, 一、, （一）); never boilerplate whatever else they contain. */
export const CONTENT_OPENER = /^(第[一二三四五六七八九十百千零〇两\d]+[条章节编]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

/** Content lines longer than this are prose, not chrome. */
const MAX_CHROME_LENGTH = 80;

const re = (pattern: RegExp) => (line: string) => pattern.test(line);

/** Words only a site's own menus and headers print. */
const NAV_WORDS = /网站首页|设为首页|收藏本站|加入收藏|无障碍|适老化|手机版|移动版|站群导航|繁体版|简体版|繁體|English|会员登录|会员中心|APP下载|客户端下载|热门站点|网站导航|网站地图|政务微博|政务微信|联系我们|关于我们|投稿指南|期刊订阅|往期回顾|版面导航|智能问答|关怀版|长者模式/i;

/** A menu: three or more short items joined by bars, middle dots or wide spaces. */
function isMenu(line: string, head: boolean): boolean {
  if (/[。；，,]/.test(line)) return false;
  const barred = line.split(/\s*[|｜丨·•]\s*/).map((s) => s.trim()).filter((s) => s !== '');
  if (barred.length >= 3 && barred.every((item) => item.length <= 8)) return true;
  // Short words in a row are a menu above the text, a list of names within it.
  if (!head) return false;
  // A slogan: short phrases set apart by wide spaces (坚持党的领导　坚持人民当家作主　…).
  const wide = line.split(/\u3000+|\s{2,}/).filter((s) => s.trim() !== '');
  if (wide.length >= 3 && wide.every((item) => item.trim().length <= 10)) return true;
  const spaced = line.split(/\s+/).filter((s) => s !== '');
  return spaced.length >= 5 && spaced.every((item) => item.length <= 4 && /^[\u4e00-\u9fa5A-Za-z]+$/.test(item));
}

/** A breadcrumb without its 首页 label: 湖南人大网>市县人大>邵阳>工作动态>正文. */
function isBreadcrumbChain(line: string): boolean {
  const parts = line.split(/\s*[>＞»›]\s*/);
  if (parts.length < 2) return false;
  // The last part may be the document's title; the path before it is short names.
  if (parts.length === 2) return line.length <= 36 && parts.every((p) => p.trim().length > 0 && p.length <= 20 && !/[。，；,]/.test(p));
  return parts.slice(0, -1).every((p) => p.length <= 15 && !/[。，；]/.test(p));
}

/** The rules, most specific first; the first that matches names the reason. */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    id: 'breadcrumb',
    reason: '面包屑导航',
    maxLength: 160,
    test: (line) =>
      /^(面包屑导航\S*\s*)?(网站)?(首页|主页)\s*[>＞»›/]|^(?:您|你)?(?:当前|现在)?(?:所在|的|所处)?(?:位置|页面)\s*[:：]|^当前所在\s*[:：]?/.test(line) ||
      /[>＞»]\s*正文$/.test(line) ||
      isBreadcrumbChain(line),
  },
  {
    id: 'prev-next',
    reason: '上一篇/下一篇、上一版/下一版导航',
    maxLength: 300,
    // 上一条 inside a sentence of a rule is a cross-reference (依照上一条规定), so only short lines or arrows.
    test: (line) => /^(←|→|«|‹|<<|>>)|^本期共\s*\d+\s*版|^第\s*\d+\s*版\s*[:：]/.test(line) || (line.length <= 60 && /(上一|下一)(篇|页|版|记录)|返回(概览|列表|目录|首页|顶部)/.test(line)),
  },
  {
    id: 'navigation-bar',
    reason: '网站导航菜单',
    test: (line, where) => (NAV_WORDS.test(line) && line.length <= 40 && !/[。；]/.test(line)) || isMenu(line, where.head),
  },
  {
    id: 'login',
    reason: '登录框',
    maxLength: 30,
    test: re(/会员登录|登录密码|会员账号|用户名\s*[:：]|密码\s*[:：]|需先?登录|查看隐藏内容|注册用户|^登录$|^注册$|请输入(关键字|关键词|搜索内容)|站内搜索|^(搜索|检索|高级搜索)$/),
  },
  {
    id: 'page-tools',
    reason: '页面工具（字号、打印、收藏、下载、关闭）',
    test: re(/【\s*(字号|字体)|字体\s*[:：]\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中|放大字体|缩小字体|打印预览|下载记录|下载地址|点击此处下载|PDF全文|全文下载|PDF下载|导出引用|HTML阅读|^([\[【]\s*[^\]】]{1,8}\s*[\]】]\s*){2,}$|打印本页|关闭窗口|【\s*(打印|关闭|收藏|返回顶部)\s*】|收藏收藏|打印打印|加入收藏|^(字号|字体)\s*[:：]|^(PDF|pdf)$|^(\[|【)?\s*(打印|关闭|收藏|返回)\s*(\]|】)?(\s+(\[|【)?\s*(打印|关闭|收藏|返回)\s*(\]|】)?)*$/),
  },
  {
    id: 'view-counter',
    reason: '浏览次数',
    test: (line, where) =>
      /^(浏览次数|阅读次数|阅读量|点击数|点击量|访问量|浏览量|阅读|浏览|点击)\s*[:：]?\s*\d*\s*次?$|(浏览次数|阅读次数|点击数)\s*[:：]\s*\d+/.test(line) ||
      // A bare number above the text is a counter (likes, comments), not content.
      (where.head && /^\d{1,7}$/.test(line)),
  },
  {
    id: 'share-bar',
    reason: '分享栏、二维码',
    test: re(/^(点赞|在看|转发|评论|收藏|阅读原文|查看原文)$|^(分享到|分享至|分享)\s*[:：]?|^[—\-–]+\s*分享\s*[—\-–]+$|^(扫一扫|微信扫一扫|扫描二维码)|^[^。]{0,16}二维码$|^.{0,10}(微信|微博|公众号)$/),
  },
  {
    id: 'site-greeting',
    reason: '网站欢迎语、推广语',
    maxLength: 200,
    test: re(/^欢迎(访问|光临|来到)|本站(为你|为您)|客服老师|欢迎咨询|^今天是\s*[:：]?\s*\d{4}年|姊妹计划|^本页面?最后(修订|编辑|修改)于|收录于合集|^.{2,30}主办$|分辨率|最佳浏览|建议使用.{0,20}浏览器/),
  },
  {
    id: 'advertising',
    reason: '广告（付费会员推广）',
    test: re(/禁止外传|倒卖|QQ群|微信群|会员群|会员(资料|材料|权益)|订阅.*(立享|权益|资料)|立享|免费赠送|扫码(关注|加群|领取)|关注(微信)?公众号|添加客服|联系客服|付费(会员|下载)/i),
  },
  {
    id: 'disclaimer',
    reason: '转载免责声明',
    maxLength: 300,
    test: re(/免责声明|本文来源于网络|来源于网络转载|版权归原作者|如有侵权|侵权.{0,10}删除|不代表本(站|网|平台)(观点|立场)|转载.{0,12}请注明|仅供学习交流/),
  },
  {
    id: 'copyright',
    reason: '版权与备案信息',
    test: re(/版权所有|Copyright|©|ICP\s*备|ICP\s*证|公网安备|网站标识码|技术支持\s*[:：]|主办单位\s*[:：]|承办单位\s*[:：]|^(联系我们|网站地图|关于我们)(\s|$)/i),
  },
  {
    id: 'navigation',
    reason: '上一篇/下一篇导航与相关链接',
    test: re(/^【?(上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关新闻|相关文件|相关稿件|相关报道|本版其他文章|其他文章|热点推荐|推荐阅读|猜你喜欢|热门文章|延伸阅读)】?\s*[:：]?/),
  },
  {
    id: 'journal-issue',
    reason: '期刊出处行（刊名与期号）',
    test: re(/^[\u4e00-\u9fa5《》（）()]{2,24}\s*\d{4}\s*年\s*(第\s*)?\d{1,3}\s*期$/),
  },
  {
    id: 'editor',
    reason: '编辑署名',
    test: re(/^[（(\[【]?\s*(责任编辑|责编|编辑|校对|审核)\s*[:：]\s*[^，。]{0,20}[）)\]】]?$/),
  },
];

/** Which rule, if any, makes this line boilerplate. */
export function boilerplateRule(line: string, where: LineContext = { head: false }): BoilerplateRule | undefined {
  if (line.trim() === '') return undefined;
  const text = detectionView(line);
  // Bars alone, or an image without its picture: the borders of a layout table copied as text.
  if (text === '' || /^(!\[[^\]]*\]\([^)]*\)\s*)+$/.test(text)) return LAYOUT_RULE;
  if (CONTENT_OPENER.test(text)) return undefined;
  return BOILERPLATE_RULES.find((rule) => text.length <= (rule.maxLength ?? MAX_CHROME_LENGTH) && rule.test(text, where));
}

/** Layout residue: table bars, empty image links. */
const LAYOUT_RULE: BoilerplateRule = { id: 'layout', reason: '排版残留（表格竖线、空图片）', test: () => true };

/** A line short enough and unpunctuated enough to be a page-header fragment (site name, slogan). */
export function isHeaderFragment(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= 40 && !/[。；;]/.test(text) && !CONTENT_OPENER.test(text);
}
