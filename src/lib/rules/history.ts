/**
 * The history of one article across the versions of a rule: how 第九条 read
 * in each version. The article is followed by content from version to
 * version (see diff.ts), so an article renumbered from 第八条 to 第九条 keeps
 * its history, and a new 第九条 does not inherit the old one's.
 */
import { compareArticles, type ArticleChange, type CompareOptions, type DiffArticle, type TextChange } from './diff.ts';

/** One version of a rule with its articles, oldest version first in a list. */
export interface VersionArticles {
  id: string;
  articles: readonly DiffArticle[];
}

/** The article in one version: absent, or its text and what changed since the version before. */
export interface HistoryStep {
  version: string;
  /** The article in this version; undefined when the version does not have it. */
  article?: DiffArticle;
  /** Compared with the previous version: new, the same, renumbered, changed (with the changes). */
  change?: 'added' | 'unchanged' | 'renumbered' | 'changed';
  changes?: TextChange[];
  /** The label in the previous version when it differs. */
  previousLabel?: string;
  /** True when the next version drops the article. */
  removedAfter?: boolean;
}

/** Compares each version with the next, once. */
export function consecutiveChanges(versions: readonly VersionArticles[], options: CompareOptions = {}): ArticleChange[][] {
  return versions.slice(1).map((v, i) => compareArticles(versions[i]!.articles, v.articles, options));
}

/**
 * How the article `articleId` of version `versionId` read in every version,
 * oldest first. `changes[i]` compares versions[i] with versions[i + 1]
 * (from {@link consecutiveChanges}).
 */
export function articleHistory(versions: readonly VersionArticles[], changes: readonly ArticleChange[][], versionId: string, articleId: string): HistoryStep[] {
  const at = versions.findIndex((v) => v.id === versionId);
  if (at === -1) return [];
  const ids: Array<string | undefined> = versions.map(() => undefined);
  ids[at] = articleId;
  for (let i = at; i > 0; i--) {
    const id = ids[i];
    const match = id === undefined ? undefined : changes[i - 1]!.find((c) => 'new' in c && c.new.id === id);
    ids[i - 1] = match && 'old' in match ? match.old.id : undefined;
  }
  for (let i = at; i + 1 < versions.length; i++) {
    const id = ids[i];
    const match = id === undefined ? undefined : changes[i]!.find((c) => 'old' in c && c.old.id === id);
    ids[i + 1] = match && 'new' in match ? match.new.id : undefined;
  }
  return versions.map((v, i) => {
    const article = ids[i] === undefined ? undefined : v.articles.find((a) => a.id === ids[i]);
    const step: HistoryStep = { version: v.id };
    if (!article) return step;
    step.article = article;
    const change = i === 0 ? undefined : changes[i - 1]!.find((c) => 'new' in c && c.new.id === article.id);
    if (i > 0 && change) {
      step.change = change.kind === 'removed' ? undefined : change.kind;
      if (change.kind === 'changed') step.changes = change.changes;
      if ('old' in change && change.old.label !== article.label) step.previousLabel = change.old.label;
    }
    if (i + 1 < versions.length && ids[i + 1] === undefined) step.removedAfter = true;
    return step;
  });
}
