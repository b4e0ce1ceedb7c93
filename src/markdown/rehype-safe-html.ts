/**
 * The last line of defence: whatever earlier plugins or content produced,
 * only known-safe elements and attributes reach the page. Ids are kept as
 * written (no `user-content-` prefix) because article anchors are public URLs.
 */
import type { Root } from 'hast';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSanitize from 'rehype-sanitize';
import type { Transformer } from 'unified';

/** The sanitize schema: GitHub's defaults, ids unprefixed, plus our marks and anchors. */
export const safeHtmlSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'id', 'className', 'title', 'dataPagefindIgnore'],
    // GitHub's schema allows only its footnote class on links; article links carry their own.
    // Citations of archive documents carry data-preview: their card opens on hover and focus.
    a: [...(defaultSchema.attributes?.a ?? []).filter((d) => !(Array.isArray(d) && d[0] === 'className')), 'ariaLabel', 'className', 'dataPreview'],
    // Rule articles: Pagefind turns a titled section into a search sub-result.
    section: ['dataPagefindTitle'],
  },
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'section'],
};

/** rehype-sanitize with {@link safeHtmlSchema}; strips scripts, iframes, `on*` handlers and `javascript:` URLs. */
export function rehypeSafeHtml(): Transformer<Root, Root> {
  return rehypeSanitize(safeHtmlSchema) as unknown as Transformer<Root, Root>;
}
