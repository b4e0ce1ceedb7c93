/**
 * Builds the archive's citation and entity graph from its documents, once
 * per build: every 《…》 resolved (archive document, missing text, or left
 * unlinked with the reason), people, bodies and meetings with the documents
 * that mention them, related documents, and for each document what the
 * Markdown plugin links. Pure: the same documents give the same graph.
 */
import { createHash } from 'node:crypto';
import { extractCitations, nationalLawName, type CitationMatch } from '../citations/extract.ts';
import { TitleIndex, citationIssuer, type ArchiveResolution } from '../citations/resolve.ts';
import { bodyKey, bodyName } from '../entities/bodies.ts';
import { ownMeeting } from '../entities/meetings.ts';
import { findMentions, personKey, scopeLabel, type EntityKind, type Mention, type MentionContext } from '../entities/mentions.ts';
import { findRoleMentions } from '../entities/people.ts';
import { pinpointAnchor } from '../citations/pinpoint.ts';
import type { RuleAnchors } from '../rules/references.ts';
import { parseRuleStructure, type StructureBlock } from '../rules/structure.ts';
import { relatedDocuments } from '../related/related.ts';
import { contentWords, termCounts, wordsHead } from '../related/words.ts';
import { SEGMENTER } from '../chinese-words.ts';
import { shortRegionName } from '../regions.ts';
import { markdownBlocks, positionIn, sentenceAround, type TextBlock } from './blocks.ts';
import type {
  CitationRecord,
  DocumentLinks,
  EntityRecord,
  GraphData,
  GraphSlug,
  MissingText,
  RoleRecord,
  SourceDocument,
} from './types.ts';
import { createSlugRegistry, documentHref, entityHref, missingHref } from './urls.ts';
import { previewTitle } from '../previews/card.ts';

/** Options of {@link buildGraph}, with defaults. */
export interface BuildGraphOptions {
  /** Compute related documents (jieba + TF-IDF). Default true. */
  related?: boolean;
  /**
   * Remembered entity scans (the costliest pure step: each document's blocks
   * scanned for people, bodies and meetings), keyed by a digest of the
   * blocks' text and the scan's context. A rebuild passes the scans of the
   * last build (src/data/content-graph.ts keeps them in the build cache) and
   * rescans only documents whose text or context changed. Default: none.
   */
  mentionMemo?: MentionMemo;
  /**
   * Remembered word counts for related documents (jieba's segmentation, the
   * costliest part of them), keyed by a digest of the text read and the
   * segmenter's version, kept and reused the same way. Default: none.
   */
  termMemo?: TermMemo;
}

/** Storage for one kind of remembered per-document result, by digest. */
export interface Memo<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/** Storage for {@link BuildGraphOptions.mentionMemo}. */
export type MentionMemo = Memo<Mention[][]>;

/** Storage for {@link BuildGraphOptions.termMemo}. */
export type TermMemo = Memo<ReadonlyMap<string, number>>;

/** How often each content word occurs in a document's text, from the memo when the text is unchanged. */
function countTerms(text: string, memo: TermMemo | undefined): ReadonlyMap<string, number> {
  const count = () => termCounts(contentWords(text));
  if (!memo) return count();
  const digest = createHash('sha256').update(SEGMENTER).update('\0').update(wordsHead(text)).digest('hex');
  const remembered = memo.get(digest);
  if (remembered) return remembered;
  const counted = count();
  memo.set(digest, counted);
  return counted;
}

/** The mentions in each block of a document, from the memo when its text and context are unchanged. */
function scanMentions(blocks: readonly TextBlock[], context: MentionContext, memo: MentionMemo | undefined): Mention[][] {
  const scan = () => blocks.map((block) => findMentions(block.text, context));
  if (!memo) return scan();
  const key = createHash('sha256').update(JSON.stringify(context));
  for (const block of blocks) key.update('\0').update(block.text);
  const digest = key.digest('hex');
  const remembered = memo.get(digest);
  if (remembered) return remembered;
  const found = scan();
  memo.set(digest, found);
  return found;
}

interface PendingMissing {
  key: string;
  /** True when the title alone does not say whose text it is (关于…的意见 by 区委 of one district). */
  scoped: boolean;
  titles: string[];
  issuer?: string;
  region?: string;
  records: CitationRecord[];
}

/** What a citation in progress points at, before missing texts have slugs. */
type Pointer = { type: 'document'; id: string; anchor?: string } | { type: 'missing'; key: string };

interface Antecedent {
  match: CitationMatch;
  pointer?: Pointer;
  label: string;
}

const LINE_START = /^[\s\u3000]*(?:第[零〇一二三四五六七八九十百千两\d０-９]+(?:条|章|节|编|分编)|[（(][一二三四五六七八九十]+[）)])/u;

/**
 * The anchors of a rule, read as its page reads them (lib/rules/structure.ts):
 * blocks, with a paragraph split where a line opens an article, division or 项.
 */
function ruleAnchors(blocks: readonly TextBlock[]): RuleAnchors {
  const structureBlocks: StructureBlock[] = blocks.flatMap((block): StructureBlock[] => {
    if (block.heading) return [{ kind: 'heading', depth: block.heading, text: block.text, line: block.line }];
    const groups: Array<{ text: string; line: number }> = [];
    block.text.split('\n').forEach((line, i) => {
      if (i === 0 || LINE_START.test(line)) groups.push({ text: line, line: block.line + i });
      else groups[groups.length - 1]!.text += `\n${line}`;
    });
    return groups.map((g) => ({ kind: 'paragraph', text: g.text, line: g.line }));
  });
  return parseRuleStructure(structureBlocks);
}

/**
 * The identity of a cited text that is not in the archive. A title that
 * names its issuer (中共北京市海淀区委关于…, 中华人民共和国…法) is the same text
 * wherever it is cited; 区委《关于…的意见》 is the text of that district's
 * committee (and the same as the full title naming it); a bare title
 * (《人大代表联络站工作规则》) is scoped to the citing document's region, or to
 * the document itself when it has none — never merged on a guess.
 */
function missingKey(match: CitationMatch, doc: SourceDocument): { key: string; scoped: boolean; issuer?: string; region?: string } {
  const issuer = citationIssuer(match);
  const scoped = issuer ? bodyKey(issuer) : undefined;
  if (issuer && scoped) {
    const region = issuer.scope !== 'national' ? { region: issuer.scope! } : {};
    return { key: `${match.coreKey}@${scoped}`, scoped: !match.embeddedIssuer, issuer: bodyName(issuer), ...region };
  }
  if (match.selfIdentifying) {
    const law = nationalLawName(match.key);
    return { key: law ? `law:${law}` : match.key, scoped: false };
  }
  if (issuer) return { key: `${match.coreKey}@${issuer.written}@${doc.id}`, scoped: true, issuer: issuer.written };
  if (doc.region) return { key: `${match.key}@${doc.region}`, scoped: true, region: doc.region };
  return { key: `${match.key}@${doc.id}`, scoped: true };
}

/** Builds the graph of `documents`. */
export function buildGraph(documents: readonly SourceDocument[], options: BuildGraphOptions = {}): GraphData {
  const docs = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const index = new TitleIndex(docs);
  const blocksOf = new Map(docs.map((d) => [d.id, markdownBlocks(d.body)]));
  // Only rules have article anchors on their pages; read each cited rule's once.
  const anchors = new Map<string, RuleAnchors | undefined>();
  const anchorsOf = (id: string) => {
    if (!anchors.has(id)) anchors.set(id, byId.get(id)!.type === 'rule' ? ruleAnchors(blocksOf.get(id)!) : undefined);
    return anchors.get(id);
  };

  // Citations, document by document, in reading order (short forms look back).
  const pending = new Map<string, PendingMissing>();
  const citations: CitationRecord[] = [];
  const pointers = new Map<CitationRecord, Pointer>();
  for (const doc of docs) {
    const antecedents: Antecedent[] = [];
    for (const block of blocksOf.get(doc.id)!) {
      for (const match of extractCitations(block.text, doc.region)) {
        const { line, column } = positionIn(block, match.open);
        const record: CitationRecord = {
          from: doc.id,
          line,
          column,
          linked: match.linked,
          title: match.title,
          ...(match.issuers.length ? { issuer: match.issuers.map((i) => i.written).join('、') } : {}),
          ...(match.pinpoint ? { pinpoint: match.pinpoint.text } : {}),
          kind: match.kind,
          sentence: sentenceAround(block.text, match.start, match.end),
          status: 'unresolved',
        };
        const pointer = resolveOne(match, record, doc, antecedents);
        if (pointer?.type === 'document' && pointer.id === doc.id) {
          record.status = 'self';
          delete record.target;
        } else if (pointer?.type === 'document') {
          const target = anchorsOf(pointer.id);
          const place = match.pinpoint ? (target ? pinpointAnchor(target, match.pinpoint) : { note: 'the cited document is not a rule with articles: linked to the document' }) : {};
          const anchor = place.anchor;
          if (place.note) record.note = place.note;
          if (anchor) record.anchor = anchor;
          pointers.set(record, { ...pointer, ...(anchor ? { anchor } : {}) });
        } else if (pointer?.type === 'missing') {
          pointers.set(record, pointer);
        }
        if (!match.shortForm && (match.kind === 'document' || record.status === 'resolved')) {
          antecedents.push({ match, ...(pointer ? { pointer } : {}), label: match.title });
        }
        citations.push(record);
      }
    }
  }

  function resolveOne(match: CitationMatch, record: CitationRecord, doc: SourceDocument, antecedents: Antecedent[]): Pointer | undefined {
    const settle = (resolution: ArchiveResolution): Pointer | undefined => {
      if (resolution.status === 'resolved') {
        record.status = 'resolved';
        record.via = resolution.via;
        record.target = { type: 'document', id: resolution.id };
        return { type: 'document', id: resolution.id };
      }
      if (resolution.status === 'ambiguous') {
        record.status = 'ambiguous';
        record.candidates = resolution.candidates;
        record.note = `${resolution.candidates.length} archive documents fit this title: give one of them an alias, or the issuer in the text`;
      }
      return undefined;
    };
    const citing = { id: doc.id, ...(doc.region ? { region: doc.region } : {}), ...(doc.date ? { date: doc.date } : {}) };
    if (match.shortForm) {
      const issuer = match.issuers[0];
      const fits = antecedents.filter((a) => {
        if (!a.match.title.replace(/[（(][^）)]*[）)]$/u, '').endsWith(match.title.replace(/[（(][^）)]*[）)]$/u, ''))) return false;
        const theirs = citationIssuer(a.match);
        if (!issuer || !theirs) return true;
        return theirs.core === issuer.core && (!theirs.scope || !issuer.scope || theirs.scope === issuer.scope);
      });
      const referents = new Map<string, Antecedent>();
      for (const a of fits) referents.set(a.pointer ? JSON.stringify(a.pointer) : `title:${a.match.key}`, a);
      if (referents.size === 1) {
        const [a] = [...referents.values()];
        record.via = 'short-form';
        if (!a!.pointer) {
          record.status = 'unresolved';
          record.note = `short form 《${match.title}》 refers to 《${a!.label}》, which is itself unresolved`;
          return undefined;
        }
        record.status = a!.pointer.type === 'document' ? 'resolved' : 'missing';
        if (a!.pointer.type === 'document') record.target = { type: 'document', id: a!.pointer.id };
        record.note = `short form of 《${a!.label}》`;
        return a!.pointer;
      }
      if (referents.size > 1) {
        record.status = 'ambiguous';
        record.candidates = [...referents.values()].map((a) => a.label);
        record.note = `short form 《${match.title}》 could be any of ${referents.size} titles cited before it: write the full title`;
        return undefined;
      }
      const alias = index.resolve(match, citing);
      if (alias.status !== 'none') return settle(alias);
      record.status = 'unresolved';
      record.note = `short form 《${match.title}》${match.issuers.length ? ` of ${match.issuers[0]!.written}` : ''}: no full title before it in this document and no archive alias says which document it is`;
      return undefined;
    }
    const resolved = settle(index.resolve(match, citing));
    if (resolved || record.status === 'ambiguous') return resolved;
    if (match.kind !== 'document') {
      record.status = 'not-a-document';
      return undefined;
    }
    const missing = missingKey(match, doc);
    let entry = pending.get(missing.key);
    if (!entry) {
      entry = { key: missing.key, scoped: missing.scoped, titles: [], records: [], ...(missing.issuer ? { issuer: missing.issuer } : {}), ...(missing.region ? { region: missing.region } : {}) };
      pending.set(missing.key, entry);
    }
    entry.titles.push(match.title);
    // Once any citation writes the title with its issuer, the title alone identifies it.
    if (match.embeddedIssuer) entry.scoped = false;
    record.status = 'missing';
    return { type: 'missing', key: missing.key };
  }

  // Every citation of a missing text counts, short forms included.
  for (const [record, pointer] of pointers) {
    if (pointer.type === 'missing') pending.get(pointer.key)!.records.push(record);
  }

  // Missing texts: slugs in a stable order, most cited first.
  const missingSlug = new Map<string, GraphSlug>();
  const slugFor = createSlugRegistry();
  const missing: MissingText[] = [...pending.values()]
    .map((entry) => {
      const title = [...entry.titles].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0]!;
      return { entry, title };
    })
    .sort((a, b) => b.entry.records.length - a.entry.records.length || (a.title < b.title ? -1 : a.title > b.title ? 1 : a.entry.key < b.entry.key ? -1 : 1))
    .map(({ entry, title }) => {
      // A title that names its issuer is its own slug; one that does not carries its place, so the slug does not move when another place's text of the same title is added.
      const place = entry.region ? shortRegionName(entry.region) : (entry.issuer ?? '地区不详');
      const slug = entry.scoped ? slugFor(`${title}-${place}`) : slugFor(title, `${title}-${place}`);
      missingSlug.set(entry.key, slug);
      const documents = [...new Set(entry.records.map((r) => r.from))];
      return {
        slug,
        title,
        ...(entry.issuer ? { issuer: entry.issuer } : {}),
        ...(entry.region ? { region: entry.region } : {}),
        count: entry.records.length,
        documents,
      };
    });
  for (const [record, pointer] of pointers) {
    if (pointer.type === 'missing') record.target = { type: 'missing', slug: missingSlug.get(pointer.key)! };
  }

  // People first (their names are then found bare), then every mention.
  const peopleByDoc = new Map<string, Map<string, { name: string; key: string; scope: string }>>();
  const peopleByScope = new Map<string, Map<string, { name: string; key: string; scope: string }>>();
  for (const doc of docs) {
    const people = new Map<string, { name: string; key: string; scope: string }>();
    // Rules and laws name roles (市长应当说明…), never people.
    for (const block of doc.type === 'rule' ? [] : blocksOf.get(doc.id)!) {
      for (const r of findRoleMentions(block.text, doc.region)) {
        if (!r.scope) continue;
        const person = { name: r.name, key: personKey(r.name, r.scope), scope: r.scope };
        people.set(person.key, person);
        // Three-character names are distinctive enough to find in other documents of the same scope.
        if (r.name.length >= 3) {
          const inScope = peopleByScope.get(r.scope) ?? new Map();
          inScope.set(person.key, person);
          peopleByScope.set(r.scope, inScope);
        }
      }
    }
    peopleByDoc.set(doc.id, people);
  }

  const entityInfo = new Map<string, { kind: EntityKind; name: string; scope: string; roles: RoleRecord[]; docs: Map<string, { count: number; sentence: string }> }>();
  const mentions: Record<string, string[]> = {};
  const links: Record<string, DocumentLinks> = {};
  for (const doc of docs) {
    const known = new Map(peopleByDoc.get(doc.id)!);
    for (const scope of ['national', ...(doc.region ? [doc.region] : [])]) {
      for (const [key, person] of peopleByScope.get(scope) ?? []) if (!known.has(key)) known.set(key, person);
    }
    const own = doc.meeting ? ownMeeting(doc.meeting, doc.region, doc.id) : undefined;
    const context: MentionContext = {
      ...(doc.region ? { region: doc.region } : {}),
      people: [...known.values()],
      ...(own ? { ownMeeting: { written: doc.meeting!.replace(/[\s\u3000]+/g, ''), key: `meeting:${own.key}`, name: own.name, scope: own.scope } } : {}),
      ...(doc.type === 'rule' ? { roles: false } : {}),
    };
    const order: string[] = [];
    const note = (m: Pick<Mention, 'key' | 'kind' | 'name' | 'scope'>, sentence: string, times = 1) => {
      let info = entityInfo.get(m.key);
      if (!info) entityInfo.set(m.key, (info = { kind: m.kind, name: m.name, scope: m.scope ?? 'national', roles: [], docs: new Map() }));
      const seen = info.docs.get(doc.id);
      if (seen) seen.count += times;
      else info.docs.set(doc.id, { count: times, sentence });
      if (!order.includes(m.key)) order.push(m.key);
      return info;
    };
    // The document's own meeting is mentioned by its front matter even where the text does not name it.
    if (context.ownMeeting) note({ ...context.ownMeeting, kind: 'meeting' }, `会议：${doc.meeting}`, 0);
    const blocks = blocksOf.get(doc.id)!;
    const scanned = scanMentions(blocks, context, options.mentionMemo);
    for (const [i, block] of blocks.entries()) {
      for (const m of scanned[i]!) {
        const info = note(m, sentenceAround(block.text, m.start, m.end));
        if (m.role && m.scope) {
          const role: RoleRecord = { role: m.role, scope: m.scope, ...(doc.date ? { date: doc.date } : {}), document: doc.id };
          if (!info.roles.some((r) => r.role === role.role && r.document === role.document)) info.roles.push(role);
        }
      }
    }
    mentions[doc.id] = order;
    links[doc.id] = {
      citations: [],
      people: context.people!.map((p) => ({ name: p.name, key: p.key, ...(p.scope ? { scope: p.scope } : {}) })),
      ...(context.ownMeeting ? { ownMeeting: context.ownMeeting } : {}),
      ...(doc.region ? { region: doc.region } : {}),
      ...(doc.type === 'rule' ? { roles: false as const } : {}),
      entities: {},
    };
  }

  const slugRegistries = { person: createSlugRegistry(), body: createSlugRegistry(), meeting: createSlugRegistry() };
  const entities: EntityRecord[] = [...entityInfo]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([key, info]) => {
      const place = info.scope === 'national' ? undefined : scopeLabel(info.scope);
      const wishes = info.kind === 'person' ? [place ? `${info.name}-${place}` : info.name, `${info.name}-${info.scope}`] : [info.name, `${info.scope}-${info.name}`];
      const documents = [...info.docs]
        .map(([id, d]) => ({ id, ...d }))
        .sort((a, b) => (byId.get(b.id)!.date ?? '').localeCompare(byId.get(a.id)!.date ?? '') || (a.id < b.id ? -1 : 1));
      return {
        kind: info.kind,
        key,
        slug: slugRegistries[info.kind](wishes[0]!, wishes[1]!),
        name: info.name,
        scope: info.scope,
        ...(info.kind === 'person' ? { roles: info.roles } : {}),
        documents,
      };
    });

  // What the Markdown plugin links in each document: the entities it mentions, and its citations in order.
  const entityByKey = new Map(entities.map((e) => [e.key, e]));
  for (const doc of docs) {
    for (const key of mentions[doc.id]!) {
      const e = entityByKey.get(key)!;
      links[doc.id]!.entities[key] = { href: entityHref(e.kind, e.slug), label: e.name, kind: e.kind };
    }
  }
  const missingTitle = new Map(missing.map((m) => [m.slug, m.title]));
  for (const record of citations) {
    const pointer = pointers.get(record);
    const target = pointer?.type === 'document' ? byId.get(pointer.id) : undefined;
    const slug = record.target?.type === 'missing' ? record.target.slug : undefined;
    links[record.from]!.citations.push(
      pointer?.type === 'document'
        ? { linked: record.linked, href: documentHref(pointer.id, pointer.anchor), title: previewTitle(target!, pointer.anchor) }
        : slug
          ? { linked: record.linked, href: missingHref(slug), title: `未收录：${missingTitle.get(slug)}`, missing: true }
          : { linked: record.linked },
    );
  }

  const related: GraphData['related'] = {};
  if (options.related ?? true) {
    const targets = new Map<string, Set<string>>(docs.map((d) => [d.id, new Set()]));
    for (const c of citations) {
      if (c.target) targets.get(c.from)!.add(c.target.type === 'document' ? c.target.id : `missing:${c.target.slug}`);
    }
    const inputs = docs.map((doc) => ({
      id: doc.id,
      type: doc.type,
      ...(doc.region ? { region: doc.region } : {}),
      terms: countTerms(blocksOf.get(doc.id)!.map((b: TextBlock) => b.text).join('\n'), options.termMemo),
      citations: targets.get(doc.id)!,
      entities: new Set(mentions[doc.id]),
    }));
    for (const [id, list] of relatedDocuments(inputs)) related[id] = list;
  }

  const documentsOut: GraphData['documents'] = {};
  for (const doc of docs) {
    documentsOut[doc.id] = {
      title: doc.title,
      type: doc.type,
      ...(doc.region ? { region: doc.region } : {}),
      ...(doc.date ? { date: doc.date } : {}),
      ...(doc.file ? { file: doc.file } : {}),
    };
  }
  return { citations, missing, entities, mentions, related, links, documents: documentsOut };
}
