/**
 * Versions of one rule across an import batch and the output folder. A
 * document alone cannot tell that it is one version among several: that is
 * known only once the whole batch has been read, and from what `--out`
 * already holds. Three signs are taken as "the same rule":
 *
 * 1. corpus files with the same file-name key and title (名称(2017-09-01).md
 *    and 名称(2023-09-01).md);
 * 2. a raw page that says it revises a rule (a title ending （2023年修订）, or a
 *    dated 修订/修正 note under the title) and another document with its title;
 * 3. a document already in `--out` with the same title and issuer.
 *
 * Every version of such a rule gets the same `work` (the slug
 * `npm run new -- revision` would give it, or the `work` an existing version
 * already has) and its `adopted` date; an older version still marked 现行有效
 * becomes 已修订. Existing files are never changed here: the plan lists what
 * they lack, and run.ts writes it only with --force, else reports it.
 * Everything in this module is pure.
 */
import type { DocumentType } from '../schemas/document.ts';
import type { DetectedMeta } from './meta.ts';
import type { InputReport } from './report.ts';
import type { Block, Detected } from './types.ts';
import { findDates } from '../lib/chinese-date.ts';
import { sortVersions, type VersionFacts } from '../lib/rules/versions.ts';
import { corpusVersionKey } from './stages/corpus.ts';
import { workSlug } from './slug.ts';

/** One imported document of the batch, as version recognition sees it. */
export interface BatchDocument {
  /** The input, for report lines. */
  file: string;
  id: string;
  type: DocumentType;
  title: string;
  issuer?: string;
  date?: string;
  effective?: string;
  status?: string;
  /** Corpus inputs: the file name's key and version date (名称(YYYY-MM-DD).md). */
  corpus?: { key: string; date?: string };
  /** When this version was adopted, as its own text says. */
  adopted?: Detected;
  /** Raw pages that say they revise a rule: how they say it. */
  revises?: string;
}

/** A document already in the output folder (front matter only). */
export interface ExistingDocument {
  /** The file as found, e.g. content/2017/2017-09-01-xingzheng-fuyifa.md. */
  file: string;
  /** The same file relative to the output folder, as the importer writes it. */
  relative: string;
  id: string;
  type: string;
  title: string;
  issuer?: string;
  work?: string;
  date?: string;
  adopted?: string;
  effective?: string;
  status?: string;
}

/** What the importer sets on one version it imports. */
export type VersionFields = Pick<DetectedMeta, 'work' | 'adopted' | 'status'>;

/** Front-matter fields an existing version lacks, to be added by the staff member or, with --force, by the importer. */
export interface ExistingUpdate {
  file: string;
  relative: string;
  id: string;
  fields: Array<[field: 'work' | 'status', value: string]>;
  /** The batch input whose report line names this update: the first version of the work in the batch. */
  by: number;
  /** The newer version, when the update makes this one 已修订. */
  newer?: string;
}

/** Everything version recognition decided for a batch. */
export interface VersionPlan {
  /** Fields to set on inputs, by their index in the batch. */
  fields: Map<number, VersionFields>;
  /** Lines for an input's report (why a version was left out of its work, conflicts). */
  notes: Map<number, string[]>;
  /** Existing files that lack the work (or still say 现行有效), each listed once. */
  updates: ExistingUpdate[];
  /** Every work with more than one version, its version ids oldest first. */
  works: Array<{ work: string; ids: string[] }>;
}

// A version is made by the meeting or order that adopted or amended it; 施行 and 废止 lines are not versions.
const ADOPTS = /通过|修订|修正/;
const NOT_ADOPTING = /施行|(废止|失效)[）)\s　]*$/;
const HISTORY_LINE = /^(\d{4}年\d{1,2}月\d{1,2}日)\s*(.*)$/;
/** 某某条例（2023年修订）, 某某法(2018修正), 某某办法（2020年第二次修正本）. */
const REVISION_SUFFIX = /^(.*?)\s*[（(]\s*(\d{4})\s*年?\s*(?:第[一二三四五六七八九十]+次)?(修订|修正)(?:本|文本|版)?\s*[）)]\s*$/;
const FIRST_DIVISION = /^(?:#+\s*)?第[一二三四五六七八九十百千零〇\d]+[编章节条]/;
/** At most this many blocks before the first chapter or article are read for a revision note. */
const OPENING_BLOCKS = 6;

/** The words of a history line outside the titles it cites: 《关于修改…的决定》修正 amends by its own verb 修正. */
const ownWords = (text: string) => text.replace(/《[^》]*》/g, '');

/** Spaces and line breaks do not make titles differ (最高人民法院 最高人民检察院关于…). */
const titleKey = (title: string) => title.replace(/[\s\u3000]+/g, '');

/** A title without the revision note it may end with: 某某条例（2023年修订） → 某某条例. */
export function baseTitle(title: string): string {
  return REVISION_SUFFIX.exec(title)?.[1]?.trim() || title.trim();
}

/**
 * The adoption date of a corpus version from its history lines (each
 * `YYYY年M月D日 …`, as the corpus writes them): the file-name date when a
 * 通过/修订/修正 line bears it; for a file without a date in its name, the
 * latest such line. Undefined when the file-name date is not an adoption
 * date (a 施行 or 公布 date): the version is then ordered by its `date`, which
 * is the file-name date, as statuses are.
 */
export function corpusAdoption(history: ReadonlyArray<{ text: string; line: number }>, fileDate?: string): Detected | undefined {
  const events = history.flatMap(({ text, line }) => {
    const m = HISTORY_LINE.exec(text.trim());
    const date = m ? findDates(m[1]!)[0] : undefined;
    const words = m ? ownWords(m[2]!) : '';
    return date && ADOPTS.test(words) && !NOT_ADOPTING.test(words) ? [{ date: date.value, text: m![2]!.trim(), line }] : [];
  });
  if (fileDate) {
    const same = events.find((e) => e.date === fileDate);
    return same ? { value: fileDate, how: `第${same.line}行：${same.text}（即文件名中的版本日期）` } : undefined;
  }
  const latest = [...events].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  return latest ? { value: latest.date, how: `第${latest.line}行：最近的沿革行"${latest.text}"` } : undefined;
}

/**
 * Whether a raw page says it revises a rule, and when this version was
 * adopted: a title ending （2023年修订）, or a note under the title
 * （2019年3月1日…通过　2023年6月30日…修订）. `opening` is the text before the
 * first chapter or article. The adoption date is the latest dated
 * 通过/修订/修正 in the note, else the title's year.
 */
export function revisionNote(title: string, opening: readonly string[]): { revises?: string; adopted?: Detected } {
  const suffix = REVISION_SUFFIX.exec(title);
  const text = opening.join('\n');
  const dates = findDates(text);
  const events = dates.flatMap((d, i) => {
    const words = ownWords(text.slice(d.index + d.text.length, dates[i + 1]?.index ?? text.length));
    const verb = /修订|修正/.exec(words)?.[0] ?? (/通过/.test(words) ? '通过' : undefined);
    return verb && /^\d{4}-\d{2}-\d{2}$/.test(d.value) ? [{ date: d.value, verb, text: d.text }] : [];
  });
  const revision = events.filter((e) => e.verb !== '通过').sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const latest = [...events].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  const revises = revision ? `题注"${revision.text}${revision.verb}"` : suffix ? `标题注明"${suffix[2]}年${suffix[3]}"` : undefined;
  const adopted: Detected | undefined = latest
    ? { value: latest.date, how: `题注：${latest.text}${latest.verb}` }
    : suffix ? { value: suffix[2]!, how: `标题：${suffix[2]}年${suffix[3]}` } : undefined;
  return { ...(revises ? { revises } : {}), ...(adopted ? { adopted } : {}) };
}

const blockText = (b: Block) => b.inlines.map((i) => i.text).join('');

/** What version recognition needs of an imported input; undefined when it failed or is untitled. */
export function batchDocument(report: InputReport): BatchDocument | undefined {
  const value = (key: string) => {
    const d = report.metadata?.[key];
    return typeof d === 'object' ? d.value : undefined;
  };
  const title = value('title');
  const type = value('type') as DocumentType | undefined;
  if (report.status === 'failed' || !report.id || !title || !type) return undefined;
  const doc: BatchDocument = { file: report.file, id: report.id, type, title };
  for (const key of ['issuer', 'date', 'effective', 'status'] as const) {
    const v = value(key);
    if (v) doc[key] = v;
  }
  if (type !== 'rule') return doc;
  if (report.format === 'corpus') {
    const { key, date } = corpusVersionKey(report.file.split(/[\\/]/).pop() ?? report.file);
    doc.corpus = date ? { key, date } : { key };
    const history = report.removed.filter((r) => r.rule === 'corpus-history');
    const adopted = corpusAdoption(history, date);
    if (adopted) doc.adopted = adopted;
    return doc;
  }
  const blocks = report.trace?.blocks ?? [];
  const stop = blocks.findIndex((b) => FIRST_DIVISION.test(blockText(b).trim()));
  const opening = blocks.slice(0, Math.min(stop === -1 ? blocks.length : stop, OPENING_BLOCKS)).map(blockText);
  const note = revisionNote(title, [value('subtitle') ?? '', ...opening]);
  if (note.revises) doc.revises = note.revises;
  if (note.adopted) doc.adopted = note.adopted;
  return doc;
}

/** Union–find over batch inputs (0…n-1) and existing documents (n…). */
function components(size: number) {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  return { find, union: (a: number, b: number) => void (parent[find(a)] = find(b)) };
}

/** A version as the plan orders it. */
interface Member extends VersionFacts {
  node: number;
  title: string;
}

const group = <T, K>(items: Iterable<T>, keyOf: (item: T) => K | undefined) => {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) map.set(key, [...(map.get(key) ?? []), item]);
  }
  return map;
};

/**
 * Decides the versions in a batch: which inputs are versions of one rule
 * (with each other or with documents already in the output folder), the
 * `work` they share, their `adopted` dates, and which older versions are no
 * longer 现行有效. `batch[i]` is undefined for an input that failed.
 */
export function planVersions(batch: ReadonlyArray<BatchDocument | undefined>, existing: readonly ExistingDocument[]): VersionPlan {
  const n = batch.length;
  const uf = components(n + existing.length);
  const plan: VersionPlan = { fields: new Map(), notes: new Map(), updates: [], works: [] };
  const note = (i: number, text: string) => plan.notes.set(i, [...(plan.notes.get(i) ?? []), text]);
  const rules = batch.flatMap((d, i) => (d?.type === 'rule' ? [{ d, i }] : []));
  const ruleExisting = existing.flatMap((e, j) => (e.type === 'rule' ? [{ e, node: n + j }] : []));
  const why = new Map<number, Set<string>>();
  const link = (a: number, b: number, reason: string) => {
    uf.union(a, b);
    why.set(a, (why.get(a) ?? new Set()).add(reason));
  };

  // The same document imported again is not another version; it keeps the work it has.
  const existingById = new Map(ruleExisting.map((x) => [x.e.id, x]));
  const sameAs = new Map<number, number>();
  for (const { d, i } of rules) {
    const same = existingById.get(d.id);
    if (same) {
      sameAs.set(same.node, i);
      link(i, same.node, same.e.work ? `沿用已有文件 ${same.e.file} 的 work` : '');
    }
  }
  for (const list of group(rules, ({ d }) => (d.corpus ? `${d.corpus.key}\u0000${titleKey(d.title)}` : undefined)).values()) {
    for (const { i } of list.slice(1)) link(i, list[0]!.i, '语料中同名、文件名带版本日期的各版本');
  }
  for (const list of group(ruleExisting, ({ e }) => e.work).values()) {
    for (const { node } of list.slice(1)) uf.union(node, list[0]!.node);
  }
  const existingByTitle = group(ruleExisting, ({ e }) => titleKey(baseTitle(e.title)));
  for (const { d, i } of rules) {
    for (const { e, node } of existingByTitle.get(titleKey(baseTitle(d.title))) ?? []) {
      if (sameAs.has(node)) continue;
      if ((e.issuer ?? '') === (d.issuer ?? '')) link(i, node, `输出目录中已有同标题、同发文机关的版本 ${e.file}`);
      else if (d.revises && !(e.issuer && d.issuer)) link(i, node, `原文注明修订（${d.revises}），输出目录中有同名规则 ${e.file}`);
    }
  }
  const batchByTitle = group(rules, ({ d }) => titleKey(baseTitle(d.title)));
  for (const { d, i } of rules) {
    if (!d.revises) continue;
    for (const other of batchByTitle.get(titleKey(baseTitle(d.title))) ?? []) {
      if (other.i !== i && !(other.d.issuer && d.issuer && other.d.issuer !== d.issuer)) link(i, other.i, `原文注明修订（${d.revises}），同批有同名规则`);
    }
  }

  const usedWorks = new Map<string, number>();
  for (const { e, node } of ruleExisting) if (e.work) usedWorks.set(e.work, uf.find(node));
  const roots = group([...rules.map(({ i }) => i), ...ruleExisting.map(({ node }) => node)], (node) => uf.find(node));
  for (const [root, nodes] of [...roots].sort((a, b) => Math.min(...a[1]) - Math.min(...b[1]))) {
    const inBatch = nodes.filter((x) => x < n);
    const others = nodes.filter((x) => x >= n && !sameAs.has(x));
    const works = [...new Set(nodes.flatMap((x) => (x >= n && existing[x - n]!.work ? [existing[x - n]!.work!] : [])))];
    if (inBatch.length === 0 || (inBatch.length + others.length < 2 && works.length === 0)) continue;
    if (works.length > 1) {
      for (const i of inBatch) note(i, `同名的已有版本分属不同的 work（${works.join('、')}），未设 work；请在这些文件中统一 work 后再导入`);
      continue;
    }
    // Two inputs with one id are two copies of one version; run.ts refuses the second.
    const ids = new Set<string>();
    const distinct = inBatch.filter((i) => !ids.has(batch[i]!.id) && ids.add(batch[i]!.id));
    if (distinct.length + others.length < 2 && works.length === 0) continue;
    const members: Member[] = [
      ...distinct.map((i) => {
        const d = batch[i]!;
        return { node: i, id: d.id, title: d.title, date: d.date, adopted: d.adopted?.value, effective: d.effective, status: d.status as Member['status'] };
      }),
      ...others.map((node) => {
        const e = existing[node - n]!;
        return { node, id: e.id, title: e.title, date: e.date, adopted: e.adopted, effective: e.effective, status: e.status as Member['status'] };
      }),
    ];
    // A version without any date cannot be put in order, so it stays out of the work rather than pass for the newest.
    const undated = members.filter((m) => !m.adopted && !m.date);
    const ordered = sortVersions(members.filter((m) => !undated.includes(m)));
    const oldest = ordered[0];
    if (!oldest || !ordered.some((m) => m.node < n) || (ordered.length < 2 && works.length === 0)) {
      for (const m of undated) if (m.node < n && ordered.length > 0) note(m.node, `与 ${ordered.map((o) => o.id).join('、')} 同名，但本件没有日期，无法排序，未并为同一 work；确定其日期后再导入`);
      continue;
    }
    const work = works[0] ?? workSlug(baseTitle(oldest.title));
    const owner = usedWorks.get(work);
    if (owner !== undefined && owner !== root) {
      for (const i of inBatch) note(i, `work ${work} 已属于另一部规则，未设 work；请给这些版本另定一个 work`);
      continue;
    }
    usedWorks.set(work, root);
    for (const m of undated) if (m.node < n) note(m.node, `与 work ${work} 的其他版本同名，但本件没有日期，无法排序，未设 work；确定其日期后请补上 work: ${work}`);
    const reasons = [...new Set(nodes.flatMap((x) => [...(why.get(x) ?? [])]))].filter(Boolean);
    const how = `同一规则的${ordered.length}个版本（${ordered.map((m) => m.id).join('、')}）：${reasons.join('；') || '同名'}`;
    const live = ordered.filter((m) => m.status !== '尚未生效');
    const head = live.at(-1);
    const superseded = new Set(live.slice(0, -1).filter((m) => m.status === '现行有效'));
    const by = Math.min(...ordered.filter((m) => m.node < n).map((m) => m.node));
    for (const m of ordered) {
      if (m.node < n) {
        const d = batch[m.node]!;
        plan.fields.set(m.node, {
          work: { value: work, how },
          ...(d.adopted ? { adopted: d.adopted } : {}),
          ...(superseded.has(m) ? { status: { value: '已修订', how: `同一 work 中有更新的版本 ${head!.id}` } } : {}),
        });
        continue;
      }
      const e = existing[m.node - n]!;
      const fields: ExistingUpdate['fields'] = [];
      if (!e.work) fields.push(['work', work]);
      if (superseded.has(m)) fields.push(['status', '已修订']);
      if (fields.length > 0) plan.updates.push({ file: e.file, relative: e.relative, id: e.id, fields, by, ...(superseded.has(m) ? { newer: head!.id } : {}) });
    }
    if (ordered.length > 1) plan.works.push({ work, ids: ordered.map((m) => m.id) });
  }
  return plan;
}

/**
 * The report line for an existing version that lacks its work or still says
 * 现行有效: `done` when the importer wrote it (--force), `would` in a dry run
 * with --force, `advise` otherwise (what the staff member should add).
 */
export function describeUpdate(update: ExistingUpdate, mode: 'done' | 'would' | 'advise'): string {
  const fields = update.fields.map(([k, v]) => `${k}: ${v}`).join('、');
  const why = update.newer ? `（它是 ${update.newer} 的旧版本）` : '';
  if (mode === 'done') return `已更新 ${update.file}：${fields}${why}`;
  if (mode === 'would') return `将更新 ${update.file}：${fields}${why}`;
  return `请在 ${update.file} 的前言中加上 ${fields}${why}，版本时间线和比较页才会连上它；或加 --force 重新导入，由导入器写入`;
}
