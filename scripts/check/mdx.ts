/**
 * The MDX step of `npm run check`: the body of an `.mdx` document is parsed
 * as MDX, as the build compiles it, with the archive's MDX rule
 * (src/markdown/remark-raw-html-as-text.ts: no `<script>`, `<iframe>`, `on…`
 * attributes). Either stops the build, so either is an error here, at the
 * line the build names: `file:line: message`.
 */
import { createProcessor } from '@mdx-js/mdx';
import type { FrontMatterDiagnostic } from '../../src/lib/front-matter-check.ts';
import { remarkRawHtmlAsText } from '../../src/markdown/remark-raw-html-as-text.ts';

/** Where a unified message points: a point, a position, or nowhere. */
interface Place {
  line?: number;
  start?: { line?: number };
}

/**
 * The problem the build would stop on in an MDX document, if any. `body` is
 * the file with its front matter blanked line for line, so lines are the file's.
 */
export async function mdxDiagnostics(file: string, body: string): Promise<FrontMatterDiagnostic[]> {
  const processor = createProcessor({ remarkPlugins: [remarkRawHtmlAsText] });
  try {
    await processor.process({ path: file, value: body });
    return [];
  } catch (error) {
    const { reason, place } = error as { reason?: string; place?: Place };
    const line = place?.start?.line ?? place?.line ?? 1;
    return [{ file, line, field: '', message: `${reason ?? (error as Error).message}` }];
  }
}
