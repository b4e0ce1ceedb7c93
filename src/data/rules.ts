/**
 * Rules as pages need them, computed once per build: each rule's structure
 * (from the Markdown plugins, via the rendered front matter), the versions of
 * each work, comparisons between versions and the history of an article.
 */
import { allDocuments, documentBody, type DocumentBody, type DocumentEntry } from './documents.ts';
import { RULE_STRUCTURE_KEY } from '../markdown/remark-rule-structure.ts';
import type { RuleStructure } from '../lib/rules/structure.ts';
import { compareArticles, diffArticles, type ArticleChange } from '../lib/rules/diff.ts';
import { articleHistory, type HistoryStep } from '../lib/rules/history.ts';
import { sortVersions, type VersionFacts } from '../lib/rules/versions.ts';
import { segment } from '../lib/chinese-words.ts';

const structures = new Map<string, Promise<RuleStructure | undefined>>();

/**
 * The structure of a rule as its Markdown plugins found it; undefined for
 * other documents. A page that has the document's body already passes it, so
 * the rendered document is not read twice.
 */
export function ruleStructure(entry: DocumentEntry, body?: DocumentBody): Promise<RuleStructure | undefined> {
  let cached = structures.get(entry.id);
  if (!cached) {
    const structureOf = ({ frontmatter }: DocumentBody) => frontmatter[RULE_STRUCTURE_KEY] as RuleStructure | undefined;
    cached = entry.data.type !== 'rule' ? Promise.resolve(undefined) : body ? Promise.resolve(structureOf(body)) : documentBody(entry).then(structureOf);
    structures.set(entry.id, cached);
  }
  return cached;
}

/** The facts version logic needs, from a document's front matter. */
export function versionFacts(entry: DocumentEntry): VersionFacts & { entry: DocumentEntry } {
  const data = entry.data;
  const rule = data.type === 'rule' ? data : undefined;
  return {
    entry,
    id: entry.id,
    title: data.title,
    date: data.date,
    adopted: rule?.adopted,
    effective: data.effective,
    status: rule?.status,
  };
}

let works: Promise<Map<string, Array<ReturnType<typeof versionFacts>>>> | undefined;

/** Every work (a `work` shared by rule versions) with its versions, oldest first. */
export function allWorks(): Promise<Map<string, Array<ReturnType<typeof versionFacts>>>> {
  works ??= allDocuments().then((docs) => {
    const byWork = new Map<string, DocumentEntry[]>();
    for (const doc of docs) {
      if (doc.data.type === 'rule' && doc.data.work) byWork.set(doc.data.work, [...(byWork.get(doc.data.work) ?? []), doc]);
    }
    return new Map([...byWork].map(([work, entries]) => [work, sortVersions(entries.map(versionFacts))]));
  });
  return works;
}

/** The versions of the rule a document belongs to, oldest first; empty when it has no `work`. */
export async function versionsOf(entry: DocumentEntry): Promise<Array<ReturnType<typeof versionFacts>>> {
  const work = entry.data.type === 'rule' ? entry.data.work : undefined;
  return work ? ((await allWorks()).get(work) ?? []) : [];
}

const articleLists = new Map<string, Promise<ReturnType<typeof diffArticles>>>();

/** A version's articles as comparisons read them, computed once per document. */
function articlesOf(entry: DocumentEntry): Promise<ReturnType<typeof diffArticles>> {
  let cached = articleLists.get(entry.id);
  if (!cached) {
    cached = ruleStructure(entry).then((structure) => diffArticles(structure ?? { articles: [] }));
    articleLists.set(entry.id, cached);
  }
  return cached;
}

const comparisons = new Map<string, Promise<ArticleChange[]>>();

/** Article-by-article comparison of two versions, changes inside articles by jieba words. */
export function compareVersions(from: DocumentEntry, to: DocumentEntry): Promise<ArticleChange[]> {
  const key = `${from.id} ${to.id}`;
  let cached = comparisons.get(key);
  if (!cached) {
    cached = Promise.all([articlesOf(from), articlesOf(to)]).then(([a, b]) => compareArticles(a, b, { tokenize: segment }));
    comparisons.set(key, cached);
  }
  return cached;
}

/** How the article `articleId` of `entry` read in each version of its rule, oldest version first. */
export async function historyOf(entry: DocumentEntry, articleId: string): Promise<Array<HistoryStep & { facts: ReturnType<typeof versionFacts> }>> {
  const versions = await versionsOf(entry);
  const list = versions.length > 0 ? versions : [versionFacts(entry)];
  const articles = await Promise.all(list.map(async (v) => ({ id: v.id, articles: await articlesOf(v.entry) })));
  const changes = await Promise.all(list.slice(1).map((v, i) => compareVersions(list[i]!.entry, v.entry)));
  return articleHistory(articles, changes, entry.id, articleId).map((step, i) => ({ ...step, facts: list[i]! }));
}
