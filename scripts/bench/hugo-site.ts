/**
 * A stock Hugo site of the benchmark's documents, for `bench:peers`: the
 * same Markdown bodies, a title from each front matter (Hugo would reject
 * Wenyuan's partial dates such as `2018-07`, and a stock site has none of
 * its fields), and the smallest templates that put each body in a
 * `data-pagefind-body` element, as a stock Hugo + Pagefind archive would.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { markdownFiles } from '../../src/lib/files.ts';

/** A document as a Hugo content file: its title alone in the front matter, its body as it is. */
export function hugoPage(markdown: string): string {
  const { frontmatter, content } = parseFrontmatter(markdown);
  const title = typeof frontmatter.title === 'string' ? frontmatter.title : '';
  return `---\ntitle: ${JSON.stringify(title)}\n---\n${content.replace(/^\n+/, '\n')}`;
}

const TEMPLATES: Record<string, string> = {
  'layouts/_default/baseof.html': '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
  'layouts/_default/single.html': '{{ define "main" }}<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main>{{ end }}\n',
  'layouts/_default/list.html': '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
  'layouts/index.html': '{{ define "main" }}<p>{{ len .Site.RegularPages }}</p>{{ end }}\n',
};

/** Writes the Hugo project for the documents under `contentDir` into `siteDir`; returns how many documents it holds. */
export function writeHugoSite(contentDir: string, siteDir: string): number {
  mkdirSync(siteDir, { recursive: true });
  writeFileSync(
    path.join(siteDir, 'hugo.toml'),
    'baseURL = "http://127.0.0.1/"\nlanguageCode = "zh-CN"\nhasCJKLanguage = true\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.goldmark.renderer]\nunsafe = true\n',
  );
  for (const [file, text] of Object.entries(TEMPLATES)) {
    mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
    writeFileSync(path.join(siteDir, file), text);
  }
  const files = markdownFiles(contentDir);
  for (const file of files) {
    const target = path.join(siteDir, 'content', path.relative(contentDir, file));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, hugoPage(readFileSync(file, 'utf8')));
  }
  return files.length;
}
