/**
 * Turns a corpus law (`# 标题`, history lines, `<!-- INFO END -->`, body) into
 * an archive rule document for benchmarks: the shape and size of real
 * documents, with a new id per copy so the corpus can be repeated.
 */
const FILE_DATE = /\((\d{4}-\d{2}-\d{2})\)/;

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** Markdown with valid front matter for copy number `n` of a corpus file. */
export function corpusToArchiveMarkdown(text: string, fileName: string, n: number): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleLine = lines.findIndex((line) => line.startsWith('# '));
  const title = titleLine >= 0 ? lines[titleLine]!.slice(2).trim() : fileName.replace(/\.md$/, '');
  const infoEnd = lines.findIndex((line) => line.includes('<!-- INFO END -->'));
  const body = lines.slice(infoEnd >= 0 ? infoEnd + 1 : titleLine + 1).join('\n').trim();
  const date = FILE_DATE.exec(fileName)?.[1];
  return [
    '---',
    `id: bench-${n}`,
    'type: rule',
    `title: ${yamlString(title || `文件${n}`)}`,
    ...(date ? [`date: "${date}"`] : []),
    '---',
    '',
    body,
    '',
  ].join('\n');
}
