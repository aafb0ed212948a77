/**
 * Geometry of a Sankey-like flow diagram, computed here so Vega-Lite only draws it: nodes are
 * placed in columns by their depth (longest path from a source, so each outcome sits where it
 * happens: busy at the door, abandoned after the queue), stacked and centred in each column,
 * with heights proportional to the calls through them; each link becomes a band whose thickness
 * is its count, following a smoothstep curve from source to target.
 *
 * Reference: Riehmann, Hanfler & Froehlich (2005), "Interactive Sankey diagrams", IEEE InfoVis;
 * the column/stacking scheme follows d3-sankey's, without its iterative relaxation (call paths
 * are small, ordered graphs whose input order is already the reading order).
 * Cost: O(nodes + links × steps).
 */

/** A node of the flow: a stage or an outcome. */
export interface FlowNode {
  id: string;
  label: string;
  /** `good` outcomes are green, `bad` ones hatched vermillion, `loop` purple, others blue. */
  kind?: 'neutral' | 'good' | 'bad' | 'loop';
}

/** Calls going from one node to another. */
export interface FlowLink {
  source: string;
  target: string;
  value: number;
}

/** A placed node. */
export interface PlacedFlowNode extends Required<FlowNode> {
  column: number;
  value: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** One point of a link band. */
export interface FlowBandPoint {
  link: string;
  kind: string;
  x: number;
  y0: number;
  y1: number;
}

/** Options of {@link layoutFlow}. */
export interface LayoutFlowOptions {
  width: number;
  height: number;
  nodeWidth?: number;
  /** Vertical gap between nodes of a column, pixels. */
  gap?: number;
  /** Points per link band. */
  steps?: number;
}

/** Place nodes and links. Throws a RangeError for unknown endpoints, negative values or cycles. */
export function layoutFlow(
  nodes: readonly FlowNode[],
  links: readonly FlowLink[],
  options: LayoutFlowOptions,
): { nodes: PlacedFlowNode[]; bands: FlowBandPoint[] } {
  const nodeWidth = options.nodeWidth ?? 12;
  const gap = options.gap ?? 16;
  const steps = options.steps ?? 20;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const l of links) {
    if (!byId.has(l.source) || !byId.has(l.target))
      throw new RangeError(`layoutFlow: link ${l.source} → ${l.target} names an unknown node`);
    if (!(l.value >= 0))
      throw new RangeError(`layoutFlow: link ${l.source} → ${l.target} has value ${l.value}`);
  }
  const live = links.filter((l) => l.value > 0);
  const inflow = new Map<string, number>();
  const outflow = new Map<string, number>();
  for (const l of live) {
    outflow.set(l.source, (outflow.get(l.source) ?? 0) + l.value);
    inflow.set(l.target, (inflow.get(l.target) ?? 0) + l.value);
  }
  const used = nodes.filter((n) => inflow.has(n.id) || outflow.has(n.id));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new RangeError(`layoutFlow: the links form a cycle through ${id}`);
    visiting.add(id);
    let d = 0;
    for (const l of live) if (l.target === id) d = Math.max(d, depthOf(l.source) + 1);
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  const columns = Math.max(1, ...used.map((n) => depthOf(n.id) + 1));
  const throughput = (id: string) => Math.max(inflow.get(id) ?? 0, outflow.get(id) ?? 0);
  const columnNodes: FlowNode[][] = Array.from({ length: columns }, () => []);
  for (const n of used) columnNodes[depthOf(n.id)]!.push(n);
  let ky = Number.POSITIVE_INFINITY;
  for (const col of columnNodes) {
    const total = col.reduce((s, n) => s + throughput(n.id), 0);
    if (total > 0) ky = Math.min(ky, (options.height - gap * (col.length - 1)) / total);
  }
  const step = columns > 1 ? (options.width - nodeWidth) / (columns - 1) : 0;
  const placed = new Map<string, PlacedFlowNode>();
  columnNodes.forEach((col, c) => {
    const total = col.reduce((s, n) => s + throughput(n.id) * ky, 0) + gap * (col.length - 1);
    let y = (options.height - total) / 2;
    for (const n of col) {
      const h = throughput(n.id) * ky;
      placed.set(n.id, {
        id: n.id,
        label: n.label,
        kind: n.kind ?? 'neutral',
        column: c,
        value: throughput(n.id),
        x0: c * step,
        x1: c * step + nodeWidth,
        y0: y,
        y1: y + h,
      });
      y += h + gap;
    }
  });
  const outOffset = new Map<string, number>();
  const inOffset = new Map<string, number>();
  const ordered = [...live].sort(
    (a, b) =>
      placed.get(a.target)!.y0 - placed.get(b.target)!.y0 ||
      placed.get(a.source)!.y0 - placed.get(b.source)!.y0,
  );
  const bands: FlowBandPoint[] = [];
  for (const l of ordered) {
    const s = placed.get(l.source)!;
    const t = placed.get(l.target)!;
    const thickness = l.value * ky;
    const sy = s.y0 + (outOffset.get(s.id) ?? 0);
    const ty = t.y0 + (inOffset.get(t.id) ?? 0);
    outOffset.set(s.id, (outOffset.get(s.id) ?? 0) + thickness);
    inOffset.set(t.id, (inOffset.get(t.id) ?? 0) + thickness);
    const id = `${l.source}→${l.target}`;
    for (let i = 0; i <= steps; i++) {
      const u = i / steps;
      const ease = u * u * (3 - 2 * u);
      const top = sy + (ty - sy) * ease;
      bands.push({
        link: id,
        kind: t.kind,
        x: s.x1 + (t.x0 - s.x1) * u,
        y0: top,
        y1: top + thickness,
      });
    }
  }
  return { nodes: [...placed.values()], bands };
}
