/**
 * A small force-directed layout (Fruchterman–Reingold) for the graph page:
 * deterministic (nodes start on a sunflower spiral, no randomness), a fixed
 * number of rounds, and repulsion only between nodes in neighbouring grid
 * cells, so a few hundred nodes lay out in well under a second. Runs once,
 * then the drawing stays still: easier to read and to use with a keyboard
 * than a moving simulation.
 */

/** A point in layout space: roughly within [-1, 1] × [-1, 1] after {@link layout}. */
export interface Point {
  x: number;
  y: number;
}

/** Options, with defaults. */
export interface LayoutOptions {
  /** Rounds of the simulation. Default 300. */
  iterations?: number;
  /** Index of a node to keep at the centre. */
  centre?: number;
}

/** Positions for `count` nodes joined by `edges` ([from, to] index pairs). */
export function layout(count: number, edges: ReadonlyArray<readonly [number, number]>, options: LayoutOptions = {}): Point[] {
  if (count === 0) return [];
  const iterations = options.iterations ?? 300;
  const golden = Math.PI * (3 - Math.sqrt(5));
  const points: Point[] = Array.from({ length: count }, (_, i) => {
    const r = Math.sqrt((i + 0.5) / count);
    return { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) };
  });
  if (options.centre !== undefined) points[options.centre] = { x: 0, y: 0 };
  const k = Math.sqrt(4 / count);
  const cell = 2 * k;
  let temperature = 0.1;
  const cool = temperature / (iterations + 1);
  const dx = new Float64Array(count);
  const dy = new Float64Array(count);
  for (let round = 0; round < iterations; round++) {
    dx.fill(0);
    dy.fill(0);
    const grid = new Map<string, number[]>();
    points.forEach((p, i) => {
      const key = `${Math.floor(p.x / cell)},${Math.floor(p.y / cell)}`;
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    });
    points.forEach((p, i) => {
      const gx = Math.floor(p.x / cell);
      const gy = Math.floor(p.y / cell);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          for (const j of grid.get(`${gx + ox},${gy + oy}`) ?? []) {
            if (j === i) continue;
            let ddx = p.x - points[j]!.x;
            let ddy = p.y - points[j]!.y;
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 === 0) {
              // Two nodes on one spot: push apart along a fixed direction.
              ddx = (i - j) * 1e-3;
              ddy = 1e-3;
              d2 = ddx * ddx + ddy * ddy;
            }
            if (d2 > cell * cell) continue;
            const force = (k * k) / d2;
            dx[i]! += ddx * force;
            dy[i]! += ddy * force;
          }
        }
      }
    });
    for (const [a, b] of edges) {
      if (a === b) continue;
      const ddx = points[a]!.x - points[b]!.x;
      const ddy = points[a]!.y - points[b]!.y;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-6;
      const force = d / k;
      dx[a]! -= ddx * force;
      dy[a]! -= ddy * force;
      dx[b]! += ddx * force;
      dy[b]! += ddy * force;
    }
    points.forEach((p, i) => {
      // Gravity keeps unconnected parts on the page.
      dx[i]! -= p.x * 0.05 * count * k;
      dy[i]! -= p.y * 0.05 * count * k;
      const length = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1;
      const step = Math.min(length, temperature);
      p.x += (dx[i]! / length) * step;
      p.y += (dy[i]! / length) * step;
    });
    if (options.centre !== undefined) points[options.centre] = { x: 0, y: 0 };
    temperature -= cool;
  }
  // Fit into [-1, 1] × [-1, 1].
  const extent = Math.max(1e-6, ...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  return points.map((p) => ({ x: p.x / extent, y: p.y / extent }));
}
