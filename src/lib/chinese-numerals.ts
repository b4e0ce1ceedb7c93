/**
 * Chinese numerals as policy texts write them: 第十二条, 第一百零五条,
 * 二〇二三年 (digit by digit). Shared by the importer (article numbers,
 * dates) and the site (article anchors).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};

const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

/** Characters that can make up a Chinese numeral, for building patterns. */
export const CHINESE_NUMERAL_CHARS = '零〇○一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟';

/**
 * Value of a Chinese numeral (一百零五 → 105, 十二 → 12) or of ASCII/full-width
 * digits; undefined when the text is not a number.
 */
export function parseChineseNumber(text: string): number | undefined {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (text === '' || ![...text].every((c) => c in DIGITS || c in UNITS)) return undefined;
  if (![...text].some((c) => c in UNITS)) {
    // Digit by digit, as in years: 二〇二三 → 2023.
    return Number([...text].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of text) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
      continue;
    }
    const unit = UNITS[c]!;
    if (unit === 10000) {
      total += (section + digit) * unit;
      section = 0;
    } else {
      // A bare 十 at the start means 一十 (十二 = 12).
      section += (digit === 0 ? 1 : digit) * unit;
    }
    digit = 0;
  }
  return total + section + digit;
}

const FORMAT_DIGITS = '零一二三四五六七八九';

/**
 * The Chinese numeral for a whole number below 10,000 as legal texts write
 * it: 12 → 十二, 105 → 一百零五, 1000 → 一千, 20 → 二十. Used to name the
 * parts of an article in anchors (第二款, 第三项).
 */
export function formatChineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 10000) return String(value);
  if (value === 0) return '零';
  const units = ['千', '百', '十', ''];
  const digits = String(value).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, i) => {
    if (digit === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += FORMAT_DIGITS[digit]! + units[i]!;
  });
  // 十二, not 一十二, when the number starts with the tens.
  return value >= 10 && value < 20 ? out.slice(1) : out;
}
