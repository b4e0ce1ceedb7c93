/**
 * Document ids: `<date as known or "undated">-<pinyin of the title's first
 * words>`, e.g. `2022-06-23-shenru-xuexi-guanche-xijinping`. Words come from
 * jieba so a syllable group reads as a word (renda, not ren-da); at most eight
 * syllables keep URLs short.
 */
import { pinyin } from 'pinyin-pro';
import { segment } from './text/dictionary.ts';

const MAX_SYLLABLES = 8;

/** The pinyin slug of a title: lowercase ASCII words joined by hyphens. */
export function titleSlug(title: string): string {
  const words: string[] = [];
  let syllables = 0;
  for (const token of segment(title)) {
    if (/^[a-z0-9]+$/i.test(token)) {
      words.push(token.toLowerCase());
      syllables++;
    } else if (/\p{Script=Han}/u.test(token)) {
      const han = [...token].filter((c) => /\p{Script=Han}/u.test(c)).join('');
      const parts = pinyin(han, { toneType: 'none', type: 'array', v: true }).map((p) => p.toLowerCase().replace(/[^a-z]/g, ''));
      if (syllables > 0 && syllables + parts.length > MAX_SYLLABLES) break;
      words.push(parts.join(''));
      syllables += parts.length;
    }
    if (syllables >= MAX_SYLLABLES) break;
  }
  return words.filter(Boolean).join('-') || 'untitled';
}

/** The document id for a title and a partial date (or none). */
export function documentId(title: string, date: string | undefined): string {
  return `${date ?? 'undated'}-${titleSlug(title)}`.slice(0, 80).replace(/-+$/, '');
}
