/**
 * The citation network as the graph page draws it: a compact form of the
 * graph (served as /graph.json), and the two views — a node's neighbourhood
 * (what it cites and what cites it, two hops out) and the whole network
 * filtered by region or type. Framework-free; the browser script and the
 * tests use the same functions. Views are capped at {@link MAX_NODES} so a
 * drawing stays readable; the best-connected nodes are kept.
 */
import type { GraphData } from './types.ts';
import { documentHref, missingHref } from './urls.ts';

/** A node: an archive document or a cited-but-missing text. */
export interface ViewNode {
  /** `d:<document id>` or `m:<missing slug>`. */
  id: string;
  /** Title. */
  label: string;
  kind: 'document' | 'missing';
  /** Document type (rule, speech…) or `missing`. */
  type: string;
  region?: string;
  date?: string;
  /** Address of its page. */
  href: string;
}

/** The network for the page: nodes and citation edges (from cites to, with how many citations). */
export interface NetworkData {
  nodes: ViewNode[];
  /** [from index, to index, count]. */
  edges: Array<[number, number, number]>;
}

/** A selection of the network to draw. */
export interface View {
  nodes: ViewNode[];
  edges: Array<{ from: number; to: number; count: number }>;
  /** Index of the centre node of a neighbourhood. */
  centre?: number;
  /** How many nodes the selection had before the cap. */
  total: number;
}

/** Most nodes drawn at once. */
export const MAX_NODES = 300;

/** The compact network of a graph: every document, every missing text, every resolved citation. */
export function networkOf(graph: Pick<GraphData, 'documents' | 'missing' | 'citations'>): NetworkData {
  const nodes: ViewNode[] = [];
  const index = new Map<string, number>();
  for (const [id, doc] of Object.entries(graph.documents).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    index.set(`d:${id}`, nodes.length);
    nodes.push({
      id: `d:${id}`,
      label: doc.title,
      kind: 'document',
      type: doc.type,
      ...(doc.region ? { region: doc.region } : {}),
      ...(doc.date ? { date: doc.date } : {}),
      href: documentHref(id),
    });
  }
  for (const m of graph.missing) {
    index.set(`m:${m.slug}`, nodes.length);
    nodes.push({ id: `m:${m.slug}`, label: m.title, kind: 'missing', type: 'missing', ...(m.region ? { region: m.region } : {}), href: missingHref(m.slug) });
  }
  const counts = new Map<string, number>();
  for (const c of graph.citations) {
    if (!c.target) continue;
    const to = c.target.type === 'document' ? `d:${c.target.id}` : `m:${c.target.slug}`;
    const key = `${index.get(`d:${c.from}`)}>${index.get(to)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const edges = [...counts]
    .map(([key, count]) => {
      const [from, to] = key.split('>').map(Number) as [number, number];
      return [from, to, count] as [number, number, number];
    })
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { nodes, edges };
}

function select(network: NetworkData, keep: Set<number>, total: number, centre?: number): View {
  const order = [...keep].sort((a, b) => a - b);
  const position = new Map(order.map((n, i) => [n, i]));
  return {
    nodes: order.map((n) => network.nodes[n]!),
    edges: network.edges
      .filter(([from, to]) => position.has(from) && position.has(to))
      .map(([from, to, count]) => ({ from: position.get(from)!, to: position.get(to)!, count })),
    ...(centre !== undefined ? { centre: position.get(centre)! } : {}),
    total,
  };
}

/** Degree of every node (citations in and out). */
function degrees(network: NetworkData): number[] {
  const degree = network.nodes.map(() => 0);
  for (const [from, to] of network.edges) {
    degree[from]!++;
    degree[to]!++;
  }
  return degree;
}

/**
 * The neighbourhood of a node: what it cites and what cites it, and their
 * neighbours in turn, up to `hops` steps. Nearer nodes are kept first when
 * the cap applies.
 */
export function neighbourhood(network: NetworkData, id: string, hops = 2, max = MAX_NODES): View | undefined {
  const centre = network.nodes.findIndex((n) => n.id === id);
  if (centre === -1) return undefined;
  const adjacent = network.nodes.map(() => [] as number[]);
  for (const [from, to] of network.edges) {
    adjacent[from]!.push(to);
    adjacent[to]!.push(from);
  }
  const distance = new Map([[centre, 0]]);
  let frontier = [centre];
  for (let hop = 1; hop <= hops; hop++) {
    const next: number[] = [];
    for (const n of frontier) {
      for (const m of adjacent[n]!) {
        if (!distance.has(m)) {
          distance.set(m, hop);
          next.push(m);
        }
      }
    }
    frontier = next;
  }
  const degree = degrees(network);
  const ranked = [...distance.keys()].sort((a, b) => distance.get(a)! - distance.get(b)! || degree[b]! - degree[a]! || a - b);
  return select(network, new Set(ranked.slice(0, max)), distance.size, centre);
}

/** Filters of the whole-network view. */
export interface GlobalFilter {
  /** Keep documents of this region (and regions inside it); missing texts cited by them stay. */
  region?: string;
  /** Keep documents of this type. */
  type?: string;
}

/**
 * The whole network, filtered: documents matching the filter and what they
 * cite (a Beijing regulation's national law, its missing texts). Only nodes
 * with at least one citation are drawn, the best-connected first.
 */
export function globalView(network: NetworkData, filter: GlobalFilter = {}, max = MAX_NODES): View {
  const matches = (n: ViewNode) =>
    n.kind === 'document' && (!filter.region || (n.region ?? '').startsWith(filter.region)) && (!filter.type || n.type === filter.type);
  const chosen = new Set<number>();
  network.nodes.forEach((n, i) => {
    if (matches(n)) chosen.add(i);
  });
  const keep = new Set<number>();
  for (const [from, to] of network.edges) {
    if (chosen.has(from)) {
      keep.add(from);
      keep.add(to);
    }
  }
  const degree = degrees(network);
  const ranked = [...keep].sort((a, b) => degree[b]! - degree[a]! || a - b);
  const capped = new Set(ranked.slice(0, max));
  // A node whose every neighbour fell to the cap would float alone: leave it out.
  const joined = new Set<number>();
  for (const [from, to] of network.edges) {
    if (capped.has(from) && capped.has(to) && from !== to) {
      joined.add(from);
      joined.add(to);
    }
  }
  return select(network, joined, keep.size);
}
