/**
 * People named with a role: 区委书记于军, 区委副书记、代区长曾劲, 区人大常委会党组
 * 书记、主任刘长利, 习近平总书记. Precision over recall: a name counts only
 * right after a role whose body the document scopes (or right before 总书记),
 * it must start with a common surname, and the text after it must read as a
 * sentence going on (强调, 主持, 出席, a comma…). Anonymised names (×同志)
 * are never names. Later bare mentions (于军指出) are found by
 * {@link findNameMentions} once the person is known.
 */
import { bodyAt, isChinese, type BodyRef } from './bodies.ts';
import { scopeOfLevel, type RelativeLevel } from '../regions.ts';

/** A person introduced with a role in a text. */
export interface RoleMention {
  /** Offset of the role phrase (or of the name, for 习近平总书记). */
  start: number;
  /** Offset right after the whole mention. */
  end: number;
  /** The name, e.g. 刘长利. */
  name: string;
  /** Offset of the name. */
  nameStart: number;
  /** The role as written, e.g. 区人大常委会党组书记、主任. */
  role: string;
  /** The bodies the role phrase names, in order (区人大常委会). */
  bodies: Array<{ start: number; end: number; body: BodyRef }>;
  /** `national` or the full region of the role; undefined when the text does not settle it. */
  scope?: string;
}

/** Common single-character surnames (百家姓 as used today), and double surnames. */
const SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习栗郁都鞠蔺植冀匡')
    .split(''),
);
const DOUBLE_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '夏侯', '端木', '司徒', '西门'];

/** Role words after a body, longest first: 区委|副书记, 区人大常委会|党组书记. */
const ROLE_WORDS = [
  '总书记', '党组书记', '党组副书记', '党组成员', '常务副主任', '常务副主席', '副秘书长', '秘书长', '副书记', '书记',
  '常委', '副主任', '主任', '副主席', '主席', '组织部长', '宣传部长', '统战部长', '副部长', '部长',
  '副院长', '院长', '副检察长', '检察长',
].sort((a, b) => b.length - a.length);

const ROLE_FIRST = new Set(ROLE_WORDS.map((w) => w[0]!));

/** Heads of government carry their level in the word: 区长, 代区长, 常务副市长. */
const HEAD = /^(?:代理|代|常务副|副)?([省市区县州])长/u;

/**
 * What may follow a name: the sentence goes on with a verb or a mark.
 * (A name before 强调 is 于军, not 于军强.)
 */
const FOLLOW =
  /^(?:[，。、；：！？（(“"\s]|$|强调|主持|出席|指出|讲话|表示|说|在|就|作|代表|要求|介绍|宣读|传达|参加|到|一行|同志|等|对|为|向|与|和|及|带队|率队|调研|会见|致辞|发言|提出|听取|部署|主讲|通报|参会|列席|也|还|并|分别|首先|围绕|深入|先后|认为|希望|充分|肯定|总结|宣布|颁发|看望|慰问|检查|视察|作出|同意|批示|签发|回答|答复|接待|走访)/u;

/** Words before a name that are not part of it: 和习近平, 以习近平. */
const FUNCTION_CHARS = '是在和对向由以与同请为及将把被从经据按据由于即并、';

function follows(text: string, at: number): boolean {
  return FOLLOW.test(text.slice(at, at + 4));
}

function allChinese(s: string): boolean {
  return [...s].every((c) => isChinese(c));
}

function isSurnameStart(text: string, at: number): number {
  if (DOUBLE_SURNAMES.some((d) => text.startsWith(d, at))) return 2;
  return SURNAMES.has(text[at] ?? '') ? 1 : 0;
}

/**
 * Words that begin with a surname character but are not names, as they
 * follow a role in legal prose: 市长应当说明, 副秘书长和各工作机构的主任.
 */
const NOT_NAMES = /^(?:[和及与或并]|应当|应该|应予|应由|应在|应按|应依|应对|应于|任命|任免|任期|任职|向其|于每|于本|于次|于当|曾经|曾任|常务|常委|管理|包括|关于|明确|全面|全体|全部|经费|程序)/u;

/** The name starting at `at`, followed by a word that continues the sentence. */
export function nameAt(text: string, at: number): string | undefined {
  const surname = isSurnameStart(text, at);
  if (surname === 0 || NOT_NAMES.test(text.slice(at, at + 3))) return undefined;
  const short = text.slice(at, at + surname + 1);
  const long = text.slice(at, at + surname + 2);
  // A 2-character name when what follows it reads on (于军|强调); else 3 characters (刘长利|就).
  if (short.length === surname + 1 && allChinese(short) && follows(text, at + surname + 1)) return short;
  if (long.length === surname + 2 && allChinese(long) && follows(text, at + surname + 2)) return long;
  return undefined;
}

/** First characters of a head's title (代区长, 常务副市长, 副县长, 区长). */
const HEAD_FIRST = new Set(['代', '常', '副', '省', '市', '区', '县', '州']);

function roleAt(text: string, i: number, region: string | undefined, first: boolean) {
  const body = bodyAt(text, i, region);
  if (!body && !HEAD_FIRST.has(text[i]!) && !(!first && ROLE_FIRST.has(text[i]!))) return undefined;
  const j = body ? body.end : i;
  const word = ROLE_WORDS.find((w) => text.startsWith(w, j));
  if (word && body) {
    return { end: j + word.length, body: { start: i, end: body.end, body: body.body }, scope: body.body.scope };
  }
  const head = HEAD.exec(text.slice(i, i + 6));
  // A head of government opens a role only at a word boundary (社区长期 is no 区长).
  if (head && (!first || !isChinese(text[i - 1]) || FUNCTION_CHARS.includes(text[i - 1]!))) {
    const scope = scopeOfLevel(head[1] as RelativeLevel, region)?.fullName;
    return { end: i + head[0].length, ...(scope ? { scope } : {}) };
  }
  if (!first && !body && word) return { end: j + word.length };
  return undefined;
}

/** People introduced with a role in `text`; `region` scopes the roles (区委 → 北京市海淀区). */
export function findRoleMentions(text: string, region?: string): RoleMention[] {
  const found: RoleMention[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isChinese(text[i])) continue;
    if (text.startsWith('总书记', i)) {
      const person = nameBeforeGeneralSecretary(text, i);
      if (person) found.push(person);
      continue;
    }
    const first = roleAt(text, i, region, true);
    if (!first) continue;
    const bodies = 'body' in first && first.body ? [first.body] : [];
    let scope: string | undefined = first.scope;
    let end = first.end;
    while (text[end] === '、') {
      const next = roleAt(text, end + 1, region, false);
      if (!next) break;
      if ('body' in next && next.body) bodies.push(next.body);
      scope ??= next.scope;
      end = next.end;
    }
    const name = nameAt(text, end);
    if (!name) continue;
    found.push({ start: i, end: end + name.length, name, nameStart: end, role: text.slice(i, end), bodies, ...(scope ? { scope } : {}) });
    i = end + name.length - 1;
  }
  return found;
}

/** 习近平总书记: the name right before 总书记 (three characters first, starting with a surname and not with a function word). */
function nameBeforeGeneralSecretary(text: string, at: number): RoleMention | undefined {
  for (const length of [3, 2]) {
    const start = at - length;
    if (start < 0) continue;
    const name = text.slice(start, at);
    if (!allChinese(name) || FUNCTION_CHARS.includes(name[0]!) || isSurnameStart(text, start) === 0) continue;
    // A two-character name must not be the tail of a longer word (…和近平 is a typo, not 近平).
    const before = text[start - 1];
    if (length === 2 && isChinese(before) && !FUNCTION_CHARS.includes(before!)) continue;
    return { start, end: at + 3, name, nameStart: start, role: '总书记', bodies: [], scope: 'national' };
  }
  return undefined;
}

/** Theory names that contain a person's name but do not mention the person: 习近平新时代中国特色社会主义思想. */
const NOT_A_MENTION_AFTER = /^(?:新时代|法治思想|经济思想|生态文明思想|外交思想|强军思想|文化思想)/u;

/**
 * Bare mentions of known names (于军指出, 刘长利在说明中说): a name preceded
 * by a mark or a function word, and — for two-character names, which hide in
 * ordinary words (关于军队) — followed by a word that continues the sentence.
 */
export function findNameMentions(text: string, names: readonly string[]): Array<{ start: number; end: number; name: string }> {
  const found: Array<{ start: number; end: number; name: string }> = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const before = text[at - 1];
      if (isChinese(before) && !FUNCTION_CHARS.includes(before!)) continue;
      const end = at + name.length;
      if (NOT_A_MENTION_AFTER.test(text.slice(end, end + 6))) continue;
      if (name.length <= 2 && !follows(text, end) && !text.startsWith('总书记', end)) continue;
      found.push({ start: at, end, name });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
