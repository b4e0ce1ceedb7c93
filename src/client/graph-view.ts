/**
 * The graph page in the browser: loads /graph.json, picks the view the URL
 * asks for (a node's neighbourhood or the filtered whole network), lays it
 * out once and draws it as SVG. Every node is a link: Tab reaches them,
 * arrow keys move to the neighbour in that direction, Enter opens, + and −
 * zoom, 0 resets. No inline styles or scripts (the site's CSP): only
 * attributes and classes.
 */
import { layout, type Point } from '../lib/graph/layout.ts';
import { globalView, neighbourhood, type NetworkData, type View } from '../lib/graph/view.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../lib/vocabulary.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Most labels shown at once; more appear as you zoom in, never overlapping. */
const MAX_LABELS = 40;

function el<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function typeLabel(type: string): string {
  return type === 'missing' ? '未收录文件' : (DOCUMENT_TYPES[type as DocumentType] ?? type);
}

function shorten(label: string, max = 14): string {
  return label.length > max ? `${label.slice(0, max)}…` : label;
}

interface Drawn {
  view: View;
  points: Point[];
  nodes: SVGAElement[];
  /** Each node's label, in a layer of its own above the nodes; it follows its node's state classes. */
  labels: SVGTextElement[];
  neighbours: Array<Set<number>>;
  edges: Array<{ line: SVGLineElement; from: number; to: number }>;
  /** Nodes in label priority: the centre, then the best connected. */
  order: number[];
  radius: number[];
}

/** Starts the page: call once from the graph page's script. */
export async function startGraphPage(): Promise<void> {
  const app = document.getElementById('graph-app')!;
  const svg = document.getElementById('graph-svg') as unknown as SVGSVGElement;
  const status = document.getElementById('graph-status')!;
  const list = document.getElementById('graph-list')!;
  const params = new URLSearchParams(location.search);
  const region = params.get('region') ?? '';
  const type = params.get('type') ?? '';
  (document.getElementById('graph-region') as HTMLSelectElement).value = region;
  (document.getElementById('graph-type') as HTMLSelectElement).value = type;

  let network: NetworkData;
  try {
    const response = await fetch('/graph.json');
    network = (await response.json()) as NetworkData;
  } catch {
    status.textContent = '关系图数据载入失败，请刷新重试。';
    return;
  }

  const doc = params.get('doc');
  const missing = params.get('missing');
  const focusId = doc ? `d:${doc}` : missing ? `m:${missing}` : undefined;
  const view = focusId ? neighbourhood(network, focusId) : globalView(network, { ...(region ? { region } : {}), ...(type ? { type } : {}) });
  if (!view) {
    status.textContent = '档案中没有这个文件。';
    app.dataset.ready = 'true';
    return;
  }
  const centre = view.centre;
  const heading = centre !== undefined ? `“${view.nodes[centre]!.label}”的引用关系（两层）` : '引用关系';
  const capped = view.total > view.nodes.length ? `；仅显示关联最多的 ${view.nodes.length} 个（共 ${view.total} 个）` : '';
  status.textContent =
    view.nodes.length === 0
      ? `${heading}：没有可显示的引用关系。`
      : `${heading}：${view.nodes.length} 个节点、${view.edges.length} 条引用${capped}。`;

  const points = layout(view.nodes.length, view.edges.map((e) => [e.from, e.to] as [number, number]), centre !== undefined ? { centre } : {});
  const drawn = draw(svg, view, points);
  fillList(list, view);
  enableKeyboard(svg, drawn);
  enableZoom(svg, app, drawn);
  app.dataset.ready = 'true';
}

function draw(svg: SVGSVGElement, view: View, points: Point[]): Drawn {
  svg.replaceChildren();
  const defs = el('defs');
  // Arrowheads keep one size whatever the line's width (a line is thicker for repeated citations).
  const marker = el('marker', { id: 'graph-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: 0.03, markerHeight: 0.03, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }));
  defs.append(marker);
  svg.append(defs);

  const degree = view.nodes.map(() => 0);
  const neighbours = view.nodes.map(() => new Set<number>());
  for (const e of view.edges) {
    degree[e.from]!++;
    degree[e.to]!++;
    neighbours[e.from]!.add(e.to);
    neighbours[e.to]!.add(e.from);
  }
  // Smaller nodes when there are many, so a few hundred still leave room between them.
  const base = Math.min(0.014, 0.2 / Math.sqrt(Math.max(1, view.nodes.length)));
  const radius = degree.map((d) => base + Math.min(2 * base, Math.sqrt(d) * base * 0.35));
  const edgeLayer = el('g', { class: 'edges' });
  const edges = view.edges.map((e) => {
    const a = points[e.from]!;
    const b = points[e.to]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / length;
    const uy = (b.y - a.y) / length;
    const line = el('line', {
      x1: a.x + ux * radius[e.from]!,
      y1: a.y + uy * radius[e.from]!,
      x2: b.x - ux * (radius[e.to]! + 0.004),
      y2: b.y - uy * (radius[e.to]! + 0.004),
      class: 'edge',
      'stroke-width': Math.min(0.012, 0.003 + e.count * 0.0015),
      'marker-end': 'url(#graph-arrow)',
    });
    edgeLayer.append(line);
    return { line, from: e.from, to: e.to };
  });
  svg.append(edgeLayer);

  // Tab order: the centre first, then the best connected.
  const order = view.nodes.map((_, i) => i).sort((a, b) => (a === view.centre ? -1 : b === view.centre ? 1 : degree[b]! - degree[a]! || a - b));
  const nodeLayer = el('g', { class: 'nodes' });
  const nodes: SVGAElement[] = new Array(view.nodes.length);
  const labelLayer = el('g', { class: 'labels', 'aria-hidden': 'true' });
  const labels: SVGTextElement[] = new Array(view.nodes.length);
  for (const i of order) {
    const node = view.nodes[i]!;
    const p = points[i]!;
    const cited = view.edges.filter((e) => e.to === i).length;
    const cites = view.edges.filter((e) => e.from === i).length;
    const link = el('a', {
      href: node.href,
      class: `node node-${node.kind}${i === view.centre ? ' node-centre' : ''}`,
      'aria-label': `${node.label}（${typeLabel(node.type)}；引用 ${cites}，被引用 ${cited}）`,
      'data-index': i,
    });
    const title = el('title');
    title.textContent = `${node.label}（${typeLabel(node.type)}）`;
    link.append(title, el('circle', { cx: p.x, cy: p.y, r: radius[i]! }));
    // The visible label is a shortened title, so it stands outside the link:
    // a link's name must contain its visible text (WCAG 2.5.3), and the name is the full title.
    const text = el('text', { x: p.x, y: p.y - radius[i]! * 1.4, 'text-anchor': 'middle', class: 'label' });
    text.textContent = shorten(node.label);
    const activate = () => highlight(svg, i, neighbours, edges, nodes, labels);
    link.addEventListener('focus', activate);
    link.addEventListener('mouseenter', activate);
    link.addEventListener('blur', () => highlight(svg, undefined, neighbours, edges, nodes, labels));
    link.addEventListener('mouseleave', () => {
      if (document.activeElement !== link) highlight(svg, undefined, neighbours, edges, nodes, labels);
    });
    nodes[i] = link;
    labels[i] = text;
    nodeLayer.append(link);
    labelLayer.append(text);
  }
  svg.append(nodeLayer, labelLayer);
  return { view, points, nodes, labels, neighbours, edges, order, radius };
}

/**
 * Shows the labels that fit: in priority order, each label of a node inside
 * the visible box whose estimated extent overlaps no label already shown.
 */
function placeLabels(drawn: Drawn, box: { x: number; y: number; size: number }, fontSize: number) {
  const placed: Array<[number, number, number, number]> = [];
  for (const i of drawn.order) {
    const node = drawn.nodes[i]!;
    const p = drawn.points[i]!;
    let show = false;
    if (placed.length < MAX_LABELS && p.x >= box.x && p.x <= box.x + box.size && p.y >= box.y && p.y <= box.y + box.size) {
      const width = shorten(drawn.view.nodes[i]!.label).length * fontSize;
      const top = p.y - drawn.radius[i]! * 1.4 - fontSize;
      const rect: [number, number, number, number] = [p.x - width / 2, top, p.x + width / 2, top + fontSize * 1.2];
      show = !placed.some((r) => rect[0] < r[2] && r[0] < rect[2] && rect[1] < r[3] && r[1] < rect[3]);
      if (show) placed.push(rect);
    }
    node.classList.toggle('labelled', show);
    drawn.labels[i]!.classList.toggle('labelled', show);
  }
}

function highlight(
  svg: SVGSVGElement,
  active: number | undefined,
  neighbours: Array<Set<number>>,
  edges: Drawn['edges'],
  nodes: SVGAElement[],
  labels: SVGTextElement[],
) {
  svg.classList.toggle('has-active', active !== undefined);
  nodes.forEach((node, i) => {
    for (const shape of [node, labels[i]!]) {
      shape.classList.toggle('is-active', i === active);
      shape.classList.toggle('is-neighbour', active !== undefined && neighbours[active]!.has(i));
    }
  });
  for (const e of edges) e.line.classList.toggle('is-active', active !== undefined && (e.from === active || e.to === active));
}

function fillList(list: HTMLElement, view: View) {
  list.replaceChildren(
    ...view.nodes.map((node, i) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = node.href;
      link.textContent = node.label;
      const cites = view.edges.filter((e) => e.from === i).map((e) => view.nodes[e.to]!.label);
      const meta = document.createElement('span');
      meta.className = 'count';
      meta.textContent = ` ${typeLabel(node.type)}${cites.length ? `；引用：${cites.map((c) => `《${shorten(c, 20)}》`).join('')}` : ''}`;
      item.append(link, meta);
      return item;
    }),
  );
}

/** Arrow keys move focus to the neighbour (else the nearest node) lying in that direction. */
function enableKeyboard(svg: SVGSVGElement, drawn: Drawn) {
  const directions: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  svg.addEventListener('keydown', (event) => {
    const target = (event.target as Element).closest?.('a.node');
    const direction = directions[event.key];
    if (!target || !direction) return;
    const from = Number(target.getAttribute('data-index'));
    const p = drawn.points[from]!;
    const best = (candidates: Iterable<number>) => {
      let choice: number | undefined;
      let score = Infinity;
      for (const j of candidates) {
        if (j === from) continue;
        const dx = drawn.points[j]!.x - p.x;
        const dy = drawn.points[j]!.y - p.y;
        const along = dx * direction[0] + dy * direction[1];
        if (along <= 0) continue;
        const across = Math.abs(dx * direction[1] - dy * direction[0]);
        const s = along + 2 * across;
        if (s < score) {
          score = s;
          choice = j;
        }
      }
      return choice;
    };
    const next = best(drawn.neighbours[from]!) ?? best(drawn.nodes.keys());
    if (next !== undefined) {
      event.preventDefault();
      drawn.nodes[next]!.focus();
    }
  });
}

/** Zoom with the buttons and + / − / 0, pan by dragging; focus keeps the focused node in view. */
function enableZoom(svg: SVGSVGElement, app: HTMLElement, drawn: Drawn) {
  const initial = { x: -1.15, y: -1.15, size: 2.3 };
  const box = { ...initial };
  const apply = () => {
    svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.size} ${box.size}`);
    // Labels keep a readable size on screen whatever the zoom.
    const perPixel = box.size / Math.max(1, svg.clientWidth);
    svg.setAttribute('font-size', String(13 * perPixel));
    placeLabels(drawn, box, 13 * perPixel);
  };
  const zoom = (factor: number, at?: Point) => {
    const cx = at?.x ?? box.x + box.size / 2;
    const cy = at?.y ?? box.y + box.size / 2;
    box.size = Math.min(4, Math.max(0.1, box.size / factor));
    box.x = cx - box.size / 2;
    box.y = cy - box.size / 2;
    apply();
  };
  const focused = () => {
    const index = Number(document.activeElement?.getAttribute('data-index'));
    return Number.isInteger(index) && drawn.points[index] ? drawn.points[index] : undefined;
  };
  app.querySelectorAll<HTMLButtonElement>('[data-zoom]').forEach((button) => {
    button.addEventListener('click', () => {
      const how = button.dataset.zoom;
      if (how === 'reset') Object.assign(box, initial), apply();
      else zoom(how === 'in' ? 1.5 : 1 / 1.5);
    });
  });
  svg.addEventListener('keydown', (event) => {
    if (event.key === '+' || event.key === '=') zoom(1.5, focused());
    else if (event.key === '-' || event.key === '_') zoom(1 / 1.5, focused());
    else if (event.key === '0') Object.assign(box, initial), apply();
    else return;
    event.preventDefault();
  });
  svg.addEventListener('focusin', () => {
    const p = focused();
    if (p && (p.x < box.x || p.x > box.x + box.size || p.y < box.y || p.y > box.y + box.size)) {
      box.x = p.x - box.size / 2;
      box.y = p.y - box.size / 2;
      apply();
    }
  });
  let drag: { x: number; y: number; bx: number; by: number } | undefined;
  svg.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('a.node')) return;
    drag = { x: event.clientX, y: event.clientY, bx: box.x, by: box.y };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const perPixel = box.size / Math.max(1, svg.clientWidth);
    box.x = drag.bx - (event.clientX - drag.x) * perPixel;
    box.y = drag.by - (event.clientY - drag.y) * perPixel;
    apply();
  });
  svg.addEventListener('pointerup', () => (drag = undefined));
  window.addEventListener('resize', apply);
  apply();
}
