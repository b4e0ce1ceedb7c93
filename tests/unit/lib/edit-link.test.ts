import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editHref, editUrlPattern, repositoryPath, repositoryRoot } from '../../../src/lib/edit-link.ts';

describe('edit link pattern (WENYUAN_EDIT_URL)', () => {
  it('is absent when unset or empty', () => {
    expect(editUrlPattern(undefined)).toBeUndefined();
    expect(editUrlPattern('')).toBeUndefined();
    expect(editUrlPattern('  ')).toBeUndefined();
  });

  it('accepts a repository web editor or a page of the site', () => {
    expect(editUrlPattern('https://github.com/org/archive/edit/main/{path}')).toBe('https://github.com/org/archive/edit/main/{path}');
    expect(editUrlPattern(' /admin/#/edit/{path} ')).toBe('/admin/#/edit/{path}');
  });

  it('without {path} is an error that says what to write', () => {
    expect(() => editUrlPattern('https://github.com/org/archive/edit/main/')).toThrow(/has no \{path\}.*edit\/main\/\{path\}/);
    expect(() => editUrlPattern('https://github.com/org/archive/edit/main/{file}')).toThrow(/has no \{path\}/);
  });

  it('that is neither an http(s) URL nor a site path is an error', () => {
    expect(() => editUrlPattern('javascript:alert(1)//{path}')).toThrow(/must start with https:\/\//);
    expect(() => editUrlPattern('//evil.example/{path}')).toThrow(/must start with/);
    expect(() => editUrlPattern('github.com/org/{path}')).toThrow(/must start with/);
  });
});

describe('edit link of a document', () => {
  const pattern = 'https://github.com/org/archive/edit/main/{path}';

  it('puts the file path where {path} is', () => {
    expect(editHref(pattern, 'content/2023/x.md')).toBe('https://github.com/org/archive/edit/main/content/2023/x.md');
  });

  it('URL-encodes each segment of a Chinese path, keeping the slashes', () => {
    expect(editHref(pattern, 'content/2023/北京/议事规则.md')).toBe(
      'https://github.com/org/archive/edit/main/content/2023/%E5%8C%97%E4%BA%AC/%E8%AE%AE%E4%BA%8B%E8%A7%84%E5%88%99.md',
    );
    expect(decodeURI(editHref(pattern, 'content/2023/北京/议事规则.md'))).toBe('https://github.com/org/archive/edit/main/content/2023/北京/议事规则.md');
  });

  it('encodes characters that would end the path or start a query', () => {
    expect(editHref(pattern, 'content/a b/#1?.md')).toBe('https://github.com/org/archive/edit/main/content/a%20b/%231%3F.md');
  });

  it('fills every {path}', () => {
    expect(editHref('/admin/?file={path}&back={path}', 'content/x.md')).toBe('/admin/?file=content/x.md&back=content/x.md');
  });
});

describe('path of a document in its repository', () => {
  const root = path.resolve('/srv/archive');

  it('is relative to the repository root, /-separated, in subfolders too', () => {
    expect(repositoryPath(path.join(root, 'content', '2023', 'x.md'), root)).toBe('content/2023/x.md');
    expect(repositoryPath(path.join(root, 'content', '北京', '海淀', 'y.mdx'), root)).toBe('content/北京/海淀/y.mdx');
  });

  it('outside the repository is an error naming the file', () => {
    expect(() => repositoryPath(path.resolve('/tmp/content/x.md'), root)).toThrow(/\/tmp\/content\/x\.md is outside the repository/);
  });

  it('the repository root is the nearest folder with .git, the content folder itself included', () => {
    const roots = new Set([root, path.resolve('/srv/archive/content/vendor')]);
    const isRoot = (dir: string) => roots.has(dir);
    expect(repositoryRoot(path.join(root, 'content'), isRoot)).toBe(root);
    expect(repositoryRoot(path.join(root, 'content', 'vendor'), isRoot)).toBe(path.resolve('/srv/archive/content/vendor'));
    expect(repositoryRoot(path.resolve('/tmp/elsewhere'), isRoot)).toBeUndefined();
  });
});
