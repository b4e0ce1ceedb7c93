/**
 * Resolves a cited title against the archive's titles and aliases: first an
 * exact match after normalisation, then an issuer-aware match (《中共北京市海淀区
 * 委关于…的意见》 = 区委《关于…的意见》 = an archive document titled 关于…的意见
 * issued by 海淀区委). Never guesses: two candidates that the issuer and region
 * cannot separate make the citation ambiguous, and it stays unlinked.
 * Versions of one rule (same `work`) are one candidate: the version in force.
 */
import { parseIssuer, sameBody, type BodyRef } from '../entities/bodies.ts';
import { embeddedIssuer, extractCitations, type CitationMatch } from './extract.ts';
import { titleKey } from './normalise.ts';

/** What the resolver needs to know of an archive document. */
export interface ArchiveEntry {
  id: string;
  title: string;
  aliases: readonly string[];
  region?: string;
  issuer?: string;
  date?: string;
  status?: string;
  /** Versions of one rule share a work id (rules work, issue 5). */
  work?: string;
}

/** How a citation resolved against the archive. */
export type ArchiveResolution =
  | { status: 'resolved'; id: string; via: 'title' | 'alias' | 'issuer-and-title' }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'none' };

/** The citing document, for scoping. */
export interface CitingContext {
  /** Region of the citing document. */
  region?: string;
  /** Date of the citing document: picks the version of a rule in force then. */
  date?: string;
  /** Id of the citing document: a rule naming its own title means itself, not another version. */
  id?: string;
}

interface Named {
  entry: ArchiveEntry;
  via: 'title' | 'alias';
  /** Issuer that comes with this name: written in the title or alias, else the document's issuer. */
  issuer?: BodyRef;
  /** True when the alias itself names an issuer (区委《意见》): it then only matches that issuer. */
  aliasIssuer: boolean;
}

const PRC = '中华人民共和国';

function regionsCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  return a === b || a.startsWith(b) || b.startsWith(a);
}

function issuersCompatible(a: BodyRef | undefined, b: BodyRef | undefined): boolean {
  if (!a || !b) return true;
  if (a.core !== b.core) return false;
  return !a.scope || !b.scope || a.scope === b.scope;
}

/** The archive's titles and aliases, indexed for resolving citations. */
export class TitleIndex {
  readonly #byKey = new Map<string, Named[]>();
  readonly #byCore = new Map<string, Named[]>();
  readonly #byLawName = new Map<string, Named[]>();
  readonly #byId = new Map<string, ArchiveEntry>();

  constructor(entries: readonly ArchiveEntry[]) {
    for (const entry of entries) {
      this.#byId.set(entry.id, entry);
      const own = entry.issuer ? parseIssuer(entry.issuer, entry.region) : undefined;
      const embedded = embeddedIssuer(entry.title.replace(/[\s\u3000]+/g, ''), entry.region);
      const titleIssuer = embedded?.issuer ?? own;
      this.#add(this.#byKey, titleKey(entry.title), { entry, via: 'title', ...(titleIssuer ? { issuer: titleIssuer } : {}), aliasIssuer: false });
      this.#add(this.#byCore, embedded ? titleKey(embedded.rest) : titleKey(entry.title), {
        entry,
        via: 'title',
        ...(titleIssuer ? { issuer: titleIssuer } : {}),
        aliasIssuer: false,
      });
      const key = titleKey(entry.title);
      if (key.startsWith(PRC)) this.#add(this.#byLawName, key.slice(PRC.length), { entry, via: 'title', aliasIssuer: false });
      for (const alias of entry.aliases) {
        const inMarks = extractCitations(alias, entry.region);
        const cited = inMarks.length === 1 ? inMarks[0] : undefined;
        const issuer = cited?.issuers[0] ?? cited?.embeddedIssuer;
        const aliasKey = cited ? cited.key : titleKey(alias);
        this.#add(this.#byKey, aliasKey, { entry, via: 'alias', ...(issuer ?? own ? { issuer: (issuer ?? own)! } : {}), aliasIssuer: Boolean(cited?.issuers[0]) });
      }
    }
  }

  #add(map: Map<string, Named[]>, key: string, named: Named) {
    const list = map.get(key) ?? [];
    if (!list.some((n) => n.entry.id === named.entry.id && n.via === named.via)) list.push(named);
    map.set(key, list);
  }

  /** The archive document with this id. */
  get(id: string): ArchiveEntry | undefined {
    return this.#byId.get(id);
  }

  /** Resolves one citation; `citing` scopes titles that do not name their issuer. */
  resolve(citation: CitationMatch, citing: CitingContext): ArchiveResolution {
    const issuer = citation.issuers[0] ?? citation.embeddedIssuer;
    const exact = (this.#byKey.get(citation.key) ?? []).filter((named) => {
      if (named.aliasIssuer) {
        // An alias that names its issuer (区委《意见》) needs that same issuer, scoped.
        return Boolean(issuer?.scope && named.issuer?.scope && sameBody(issuer, named.issuer));
      }
      if (citation.shortForm && named.via === 'title') return false;
      if (!issuersCompatible(issuer, named.issuer)) return false;
      if (!citation.selfIdentifying && !issuer) return regionsCompatible(citing.region, named.entry.region);
      return true;
    });
    const exactResult = this.#decide(exact, citing);
    if (exactResult) return exactResult;
    if (citation.shortForm) return { status: 'none' };
    // Issuer and title: the same core title by the same, scoped issuer.
    const fuzzy = (this.#byCore.get(citation.coreKey) ?? []).filter((named) =>
      Boolean(issuer?.scope && named.issuer?.scope && sameBody(issuer, named.issuer)),
    );
    // A national law cited without 中华人民共和国 (《立法法》): that law is the only one of the name.
    if (!citation.key.startsWith(PRC)) fuzzy.push(...(this.#byLawName.get(citation.key) ?? []));
    const fuzzyResult = this.#decide(fuzzy, citing);
    if (fuzzyResult?.status === 'resolved') return { ...fuzzyResult, via: 'issuer-and-title' };
    return fuzzyResult ?? { status: 'none' };
  }

  #decide(found: Named[], citing: CitingContext): ArchiveResolution | undefined {
    const ids = [...new Set(found.map((n) => n.entry.id))];
    if (ids.length === 0) return undefined;
    if (ids.length === 1) return { status: 'resolved', id: ids[0]!, via: found[0]!.via };
    if (citing.id && ids.includes(citing.id)) return { status: 'resolved', id: citing.id, via: found.find((n) => n.entry.id === citing.id)!.via };
    const version = inForce(ids.map((id) => this.#byId.get(id)!), citing.date);
    if (version) return { status: 'resolved', id: version.id, via: found.find((n) => n.entry.id === version.id)!.via };
    return { status: 'ambiguous', candidates: ids.sort() };
  }
}

/**
 * Of several versions of one work, the one a citation means: the latest
 * adopted on or before the citing document's date, else the one in force
 * (现行有效), else the latest. Undefined when they are not one work.
 */
function inForce(entries: ArchiveEntry[], date: string | undefined): ArchiveEntry | undefined {
  const work = entries[0]?.work;
  if (!work || entries.some((e) => e.work !== work)) return undefined;
  const byDate = [...entries].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  if (date) {
    const then = byDate.filter((e) => e.date && e.date.slice(0, date.length) <= date);
    if (then[0] && then[0].date !== then[1]?.date) return then[0];
  }
  const current = entries.filter((e) => e.status === '现行有效');
  if (current.length === 1) return current[0];
  return byDate[0]?.date !== byDate[1]?.date ? byDate[0] : undefined;
}

/** The issuer a citation names, written before it or in its title. */
export function citationIssuer(citation: CitationMatch): BodyRef | undefined {
  return citation.issuers[0] ?? citation.embeddedIssuer;
}
