/**
 * Document ids: `<date as known or "undated">-<pinyin of the title's first
 * words>`, e.g. `2022-06-23-shenru-xuexi-guanche-xijinping`. At most eight
 * syllables keep URLs short. Normative titles are long and formulaic
 * (最高人民法院关于审理…的规定, 北京市实施《…法》办法), so for rules whose title is
 * cut, four hex digits of the title's SHA-256 follow: ids stay distinct
 * without depending on what else is imported.
 *
 * Framework-free: the word segmenter and the hash are given, so the importer
 * and `npm run new` (jieba, node:crypto: src/importer/slug.ts) and the browser
 * editor (src/client/admin/document-id.ts) share these rules.
 */
import { pinyin } from 'pinyin-pro';

const MAX_SYLLABLES = 8;

/** What deriving an id needs from its environment. */
export interface SlugTools {
  /** Splits Chinese text into words, e.g. 人大代表联络站 → 人大代表 / 联络站. */
  segment(text: string): string[];
  /** SHA-256 of the UTF-8 text, as lowercase hex. */
  sha256Hex(text: string): string;
}

/** Id functions over one segmenter and hash. */
export interface Slugger {
  /** The pinyin slug of a title: lowercase ASCII words joined by hyphens. */
  titleSlug(title: string, disambiguate?: boolean): string;
  /** The `work` of a rule (the id its versions share): the title's slug, with the hash when cut. */
  workSlug(title: string): string;
  /** The document id for a title (with its subtitle, which tells parts of one code apart) and a partial date. */
  documentId(title: string, date: string | undefined, options?: { subtitle?: string; disambiguate?: boolean }): string;
}

/** The id functions for a segmenter and a hash. */
export function createSlugger(tools: SlugTools): Slugger {
  function titleSlug(title: string, disambiguate = false): string {
    const words: string[] = [];
    let syllables = 0;
    let truncated = false;
    // Every national law starts so; the slug needs the words that tell laws apart.
    const tokens = tools.segment(title.replace(/^中华人民共和国(?=.{2})/, ''));
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
    return truncated && disambiguate ? `${slug}-${tools.sha256Hex(title).slice(0, 4)}` : slug;
  }
  return {
    titleSlug,
    workSlug: (title) => titleSlug(title, true),
    documentId(title, date, options = {}) {
      const { subtitle, disambiguate = false } = options;
      return `${date ?? 'undated'}-${titleSlug(subtitle ? `${title}${subtitle}` : title, disambiguate)}`.slice(0, 90).replace(/-+$/, '');
    },
  };
}
