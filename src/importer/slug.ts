/**
 * Document ids: `<date as known or "undated">-<pinyin of the title's first
 * words>`, e.g. `2022-06-23-shenru-xuexi-guanche-xijinping`. Words come from
 * jieba so a syllable group reads as a word (renda, not ren-da); at most eight
 * syllables keep URLs short. Normative titles are long and formulaic
 * (最高人民法院关于审理…的规定, 北京市实施《…法》办法), so for rules whose title is
 * cut, four hex digits of the title's SHA-256 follow: ids stay distinct
 * without depending on what else is imported.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { segment } from '../lib/chinese-words.ts';

const MAX_SYLLABLES = 8;

/** The pinyin slug of a title: lowercase ASCII words joined by hyphens. */
export function titleSlug(title: string, disambiguate = false): string {
  const words: string[] = [];
  let syllables = 0;
  let truncated = false;
  // Every national law starts so; the slug needs the words that tell laws apart.
  const tokens = segment(title.replace(/^中华人民共和国(?=.{2})/, ''));
  for (const [k, token] of tokens.entries()) {
    if (syllables >= MAX_SYLLABLES) {
      truncated ||= tokens.slice(k).some((t) => /[\p{Script=Han}a-z0-9]/iu.test(t));
      break;
    }
    if (/^[a-z0-9]+$/i.test(token)) {
      words.push(token.toLowerCase());
      syllables++;
    } else if (/\p{Script=Han}/u.test(token)) {
      const han = [...token].filter((c) => /\p{Script=Han}/u.test(c)).join('');
      const parts = pinyin(han, { toneType: 'none', type: 'array', v: true }).map((p) => p.toLowerCase().replace(/[^a-z]/g, ''));
      if (syllables > 0 && syllables + parts.length > MAX_SYLLABLES) {
        truncated = true;
        break;
      }
      words.push(parts.join(''));
      syllables += parts.length;
    }
  }
  const slug = words.filter(Boolean).join('-') || 'untitled';
  return truncated && disambiguate ? `${slug}-${createHash('sha256').update(title).digest('hex').slice(0, 4)}` : slug;
}

/**
 * The `work` of a rule (the id its versions share): the title's slug, with
 * the hash when cut, so long titles that start alike stay apart. One
 * definition for `npm run new -- revision` and the importer, so a version
 * made by either joins the same work.
 */
export function workSlug(title: string): string {
  return titleSlug(title, true);
}

/** The document id for a title (with its subtitle, which tells parts of one code apart) and a partial date. */
export function documentId(title: string, date: string | undefined, options: { subtitle?: string; disambiguate?: boolean } = {}): string {
  const { subtitle, disambiguate = false } = options;
  return `${date ?? 'undated'}-${titleSlug(subtitle ? `${title}${subtitle}` : title, disambiguate)}`.slice(0, 90).replace(/-+$/, '');
}
