/**
 * The 编辑此页 link of a document page (WENYUAN_EDIT_URL, README "Edit
 * link"): a pattern in which `{path}` stands for the document's file path in
 * its repository, e.g. `https://github.com/org/archive/edit/main/{path}`
 * gives `https://github.com/org/archive/edit/main/content/2023/x.md`.
 */
import path from 'node:path';

/** What stands for the document's file path in the pattern. */
export const PATH_PLACEHOLDER = '{path}';

/**
 * The edit-link pattern from the environment's value, checked: undefined when
 * unset or empty (pages then have no edit link). A pattern without `{path}`,
 * or one that is neither an http(s) URL nor a path on this site (`/admin/…`),
 * throws, so a mistyped setting stops the build instead of linking every page
 * to the same place.
 */
export function editUrlPattern(value: string | undefined): string | undefined {
  const pattern = value?.trim();
  if (!pattern) return undefined;
  if (!pattern.includes(PATH_PLACEHOLDER)) {
    throw new Error(
      `WENYUAN_EDIT_URL "${pattern}" has no ${PATH_PLACEHOLDER}: write ${PATH_PLACEHOLDER} where the document's file path goes, e.g. https://github.com/org/archive/edit/main/${PATH_PLACEHOLDER}`,
    );
  }
  if (!/^https?:\/\/[^/]/i.test(pattern) && !/^\/(?!\/)/.test(pattern)) {
    throw new Error(`WENYUAN_EDIT_URL "${pattern}" must start with https:// (a repository's web editor) or / (a page of this site, e.g. /admin/)`);
  }
  return pattern;
}

/**
 * The edit link of the file at `repositoryPath` (`/`-separated, relative to
 * the repository root): each path segment URL-encoded, so
 * `content/2023/北京/规则.md` becomes `content/2023/%E5%8C%97%E4%BA%AC/%E8%A7%84%E5%88%99.md`.
 */
export function editHref(pattern: string, repositoryPath: string): string {
  const encoded = repositoryPath.split('/').map(encodeURIComponent).join('/');
  return pattern.replaceAll(PATH_PLACEHOLDER, encoded);
}

/**
 * The path of `file` relative to the repository root `root`, `/`-separated.
 * Throws when the file lies outside it: its edit link would point nowhere.
 */
export function repositoryPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`${file} is outside the repository ${root}, so WENYUAN_EDIT_URL cannot name it; build from a content folder inside the repository, or unset WENYUAN_EDIT_URL`);
  }
  return relative.split(path.sep).join('/');
}

/**
 * The root of the repository holding `dir`: the nearest of `dir` and its
 * parents for which `isRepositoryRoot` holds (in the build: it has `.git`,
 * a folder, or a file in a git worktree); undefined when none does.
 */
export function repositoryRoot(dir: string, isRepositoryRoot: (dir: string) => boolean): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (isRepositoryRoot(current)) return current;
    if (path.dirname(current) === current) return undefined;
  }
}
