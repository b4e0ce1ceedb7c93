/**
 * Up to five related documents per document, from four signals: shared
 * citations (a citing b counts: each document is one of its own citations),
 * shared entities (weighted by rarity, so 中共中央 counts little), the same
 * region and type, and text similarity (TF-IDF over jieba words, cosine).
 *
 * Never all pairs: each document keeps only its top {@link TERMS_PER_DOCUMENT}
 * terms; each term lists only the {@link CHAMPIONS} documents it weighs most
 * in (a "champion list"), and citation and entity lists longer than
 * {@link MAX_POSTINGS} are not followed, so a word, a law or a body found
 * everywhere cannot make the work quadratic. Candidates per document are then
 * bounded by terms × champions whatever the archive's size: the cost is
 * linear in the number of documents. The price is approximation: two
 * documents that share only terms both are unremarkable for are not compared.
 */
import type { RelatedRecord } from '../graph/types.ts';

/** What related-document scoring needs of one document. */
export interface RelatedInput {
  id: string;
  type: string;
  region?: string;
  /** How often each content word occurs (words.ts: termCounts of contentWords). */
  terms: ReadonlyMap<string, number>;
  /** Citation targets (document ids, missing-text slugs). */
  citations: ReadonlySet<string>;
  /** Entity keys mentioned. */
  entities: ReadonlySet<string>;
}

/** Options, with their defaults. */
export interface RelatedOptions {
  /** How many related documents per document. Default 5. */
  limit?: number;
  /** Lowest score shown. Default 0.08. */
  minimum?: number;
  /** Receives the work done, for benchmarks: candidate pairs scored (compare documents²). */
  onStats?: (stats: { documents: number; candidatePairs: number; skippedPostings: number }) => void;
}

/** Terms kept per document. */
export const TERMS_PER_DOCUMENT = 32;
/** Documents listed per term: those the term weighs most in. */
export const CHAMPIONS = 16;
/** Longest citation or entity postings list followed. */
export const MAX_POSTINGS = 200;

const WEIGHTS = { text: 0.5, citations: 0.25, entities: 0.15, place: 0.1 };

type Postings = Map<string, number[]>;

function invert(sets: ReadonlyArray<Iterable<string>>): Postings {
  const postings: Postings = new Map();
  sets.forEach((set, doc) => {
    for (const key of set) {
      const list = postings.get(key);
      if (list) list.push(doc);
      else postings.set(key, [doc]);
    }
  });
  return postings;
}

/** Sparse unit TF-IDF vectors of each document's top terms. */
function vectors(docs: readonly RelatedInput[]): Array<Map<string, number>> {
  const df = new Map<string, number>();
  const counts = docs.map((d) => {
    for (const w of d.terms.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    return d.terms;
  });
  const n = docs.length;
  return counts.map((tf) => {
    // A word no other document has cannot make two documents alike: it would only take a place among the top terms.
    const weighted = [...tf]
      .filter(([w]) => df.get(w)! >= 2)
      .map(([w, c]) => [w, (1 + Math.log(c)) * Math.log((n + 1) / df.get(w)!)] as [string, number]);
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = weighted.slice(0, TERMS_PER_DOCUMENT).filter(([, w]) => w > 0);
    const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
    return new Map(top.map(([w, v]) => [w, v / norm]));
  });
}

/** Related documents of every document, best first. */
export function relatedDocuments(docs: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedRecord[]> {
  const limit = options.limit ?? 5;
  const minimum = options.minimum ?? 0.08;
  const n = docs.length;
  const vecs = vectors(docs);
  const termPostings = invert(vecs.map((v) => v.keys()));
  for (const [term, list] of termPostings) {
    if (list.length <= CHAMPIONS) continue;
    list.sort((a, b) => vecs[b]!.get(term)! - vecs[a]!.get(term)! || a - b);
    list.length = CHAMPIONS;
  }
  const citationPostings = invert(docs.map((d) => new Set([...d.citations, d.id])));
  const entityPostings = invert(docs.map((d) => d.entities));
  const entityWeight = new Map([...entityPostings].map(([k, list]) => [k, Math.log((n + 1) / list.length)]));
  const result = new Map<string, RelatedRecord[]>();
  let candidatePairs = 0;
  let skippedPostings = 0;

  docs.forEach((doc, i) => {
    const text = new Map<number, number>();
    for (const [term, weight] of vecs[i]!) {
      const list = termPostings.get(term)!;
      for (const j of list) if (j !== i) text.set(j, (text.get(j) ?? 0) + weight * vecs[j]!.get(term)!);
    }
    const cited = new Map<number, number>();
    for (const key of [...doc.citations, doc.id]) {
      const list = citationPostings.get(key) ?? [];
      if (list.length > MAX_POSTINGS) {
        skippedPostings++;
        continue;
      }
      for (const j of list) if (j !== i) cited.set(j, (cited.get(j) ?? 0) + 1);
    }
    const shared = new Map<number, number>();
    let ownEntityWeight = 0;
    for (const key of doc.entities) {
      const w = entityWeight.get(key)!;
      ownEntityWeight += w;
      const list = entityPostings.get(key)!;
      if (list.length > MAX_POSTINGS) {
        skippedPostings++;
        continue;
      }
      for (const j of list) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + w);
    }
    const candidates = new Set([...text.keys(), ...cited.keys(), ...shared.keys()]);
    candidatePairs += candidates.size;
    const scored: RelatedRecord[] = [];
    for (const j of candidates) {
      const other = docs[j]!;
      const reasons: string[] = [];
      const t = text.get(j) ?? 0;
      const c = Math.min(1, (cited.get(j) ?? 0) / 2);
      const e = ownEntityWeight > 0 ? Math.min(1, (shared.get(j) ?? 0) / ownEntityWeight) : 0;
      const sameRegion = Boolean(doc.region && doc.region === other.region);
      const sameType = doc.type === other.type;
      const p = sameRegion && sameType ? 1 : sameRegion ? 0.6 : sameType ? 0.3 : 0;
      if (c > 0) reasons.push('共同引用');
      if (e >= 0.2) reasons.push('共同提及');
      if (sameRegion && sameType) reasons.push('同地区同类型');
      else if (sameRegion) reasons.push('同地区');
      if (t >= 0.15) reasons.push('内容相近');
      const score = WEIGHTS.text * t + WEIGHTS.citations * c + WEIGHTS.entities * e + WEIGHTS.place * p;
      if (score >= minimum && reasons.length > 0) scored.push({ id: other.id, score: Math.round(score * 1000) / 1000, reasons });
    }
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    result.set(doc.id, scored.slice(0, limit));
  });
  options.onStats?.({ documents: n, candidatePairs, skippedPostings });
  return result;
}
