/**
 * Line rules for page chrome, advertising and disclaimers. A rule matches a
 * whole line (never part of a sentence), so a policy text that merely
 * mentions 会员 or 版权 keeps its sentence; the extract stage applies them to
 * plain-text lines and to the text lines recovered from HTML alike.
 */

/** A boilerplate rule: id, reason shown in the report, and the test. */
export interface BoilerplateRule {
  id: string;
  /** Why the line goes, in Chinese, e.g. 面包屑导航. */
  reason: string;
  test: (line: string) => boolean;
  /** Longest line the rule may remove; disclaimers run long, chrome does not. */
  maxLength?: number;
}

/** Lines that open real content; never boilerplate whatever else they contain. */
const CONTENT_OPENER = /^(第[一二三四五六七八九十百千零〇两\d]+[条章节编]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;

/** Content lines longer than this are prose, not chrome. */
const MAX_CHROME_LENGTH = 80;

const re = (pattern: RegExp) => (line: string) => pattern.test(line);

/** The rules, most specific first; the first that matches names the reason. */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    id: 'breadcrumb',
    reason: '面包屑导航',
    test: re(/^(面包屑导航\S*\s*)?(网站)?(首页|主页)\s*[>＞»›/]|^(当前所在|当前位置|您的位置|您现在的位置|你的位置|所在位置|当前页面)\s*[:：]/),
  },
  {
    id: 'page-tools',
    reason: '页面工具（字号、打印、收藏、关闭）',
    test: re(/【\s*(字号|字体)|字体\s*[:：]\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中|打印本页|关闭窗口|【\s*(打印|关闭|收藏|返回顶部)\s*】|收藏收藏|打印打印|加入收藏|^(字号|字体)\s*[:：]|^(\[|【)?\s*(打印|关闭|收藏|返回)\s*(\]|】)?(\s+(\[|【)?\s*(打印|关闭|收藏|返回)\s*(\]|】)?)*$/),
  },
  {
    id: 'view-counter',
    reason: '浏览次数',
    test: re(/^(浏览次数|阅读次数|阅读量|点击数|点击量|访问量|浏览量|阅读)\s*[:：]\s*\d*\s*次?$|(浏览次数|阅读次数|点击数)\s*[:：]\s*\d+/),
  },
  {
    id: 'share-bar',
    reason: '分享栏',
    test: re(/^(分享到|分享至|分享)\s*[:：]?|^(扫一扫|微信扫一扫|扫描二维码)/),
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
    test: re(/^(上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|热点推荐|推荐阅读)\s*[:：]?/),
  },
  {
    id: 'editor',
    reason: '编辑署名',
    test: re(/^[（(\[【]?\s*(责任编辑|责编|编辑|校对|审核)\s*[:：]\s*[^，。]{0,20}[）)\]】]?$/),
  },
];

/** Which rule, if any, makes this line boilerplate. */
export function boilerplateRule(line: string): BoilerplateRule | undefined {
  const text = line.trim();
  if (text === '' || CONTENT_OPENER.test(text)) return undefined;
  return BOILERPLATE_RULES.find((rule) => text.length <= (rule.maxLength ?? MAX_CHROME_LENGTH) && rule.test(text));
}

/** A line short enough and unpunctuated enough to be a page-header fragment (site name, slogan). */
export function isHeaderFragment(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= 40 && !/[。；;]/.test(text) && !CONTENT_OPENER.test(text);
}
