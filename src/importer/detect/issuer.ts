/**
 * Who made a document, from the sentences that say so: a history or 题注 line
 * (`2001年10月17日深圳市第三届人民代表大会常务委员会第十一次会议通过` → 深圳市人民代表大会常务委员会),
 * a title's own prefix (`国务院关于…的意见` → 国务院), or a letterhead line.
 */
import { isOrgLine } from './patterns.ts';

const ORDINAL = '[一二三四五六七八九十百\\d]+';

/** The enacting body of a history line: 上海市第十五届人民代表大会常务委员会第二十七次会议通过 → 上海市人民代表大会常务委员会. */
export function enactingBody(text: string): string | undefined {
  // 第十一届 or 十一届: county pages often drop the 第.
  const session = new RegExp(`^(.*?)第?${ORDINAL}届(.*?)第${ORDINAL}次(?:全体)?会议`).exec(text);
  if (session) return `${session[1]}${session[2]}`.trim() || undefined;
  const meeting = /^(.*?)第[\d一二三四五六七八九十百千]+次(?:全体)?会议/.exec(text);
  if (meeting?.[1]) return meeting[1].trim();
  const order = /^(.*?)令[（(]?第?[\d一二三四五六七八九十百千]+号/.exec(text);
  if (order?.[1]) return order[1].trim();
  const issued = /^(.{2,30}?)(?:公布|发布|印发|颁布)/.exec(text);
  return issued?.[1]?.trim();
}

/** `（2001年10月17日深圳市…会议通过` (closing bracket optional: the line may wrap): the date and the body. */
export function adoptionNote(text: string): { date: string; body?: string; verb: string } | undefined {
  const m = /^(?:【[^】]{1,6}】\s*)?[（(]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(.*?)(通过|批准|公布|修订|修正|施行|发布|印发)/.exec(text.trim());
  if (!m) return undefined;
  const body = enactingBody(m[2]!.trim());
  return { date: m[1]!.replace(/\s+/g, ''), verb: m[3]!, ...(body ? { body } : {}) };
}

/** The issuer a title names before 关于: 国务院关于… → 国务院; a session (…第五次会议关于…) → its body. */
export function titleIssuer(title: string): string | undefined {
  const m = /^(.{2,40}?)关于/.exec(title);
  if (!m) return undefined;
  const prefix = m[1]!;
  if (/会议$/.test(prefix)) return enactingBody(prefix);
  // Joint documents name several units: 中共柏溪县委　柏溪县人民政府关于….
  const units = prefix.split(/[\s\u3000、]+/).filter((u) => u !== '');
  const isUnit = (u: string) => isOrgLine(u) || /^(国务院|中共中央|全国人大常委会|全国人民代表大会常务委员会)/.test(u) || /^中共.{1,20}委$/.test(u);
  return units.length > 0 && units.every(isUnit) ? units.join(' ') : undefined;
}
