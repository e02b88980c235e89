import { describe, expect, it } from 'vitest';
import {
  hitLink,
  hitNode,
  layoutDiagram,
  linkDistance,
  linkPoint,
  linkWidth,
  paramOffsets,
  weightIndex,
} from '../../src/viz/diagram.ts';

const opts = { width: 400, nodeSize: 20, gap: 10, padX: 30, padY: 10 };

describe('diagram geometry', () => {
  it('places one column per layer and one node per unit', () => {
    const l = layoutDiagram([2, 4, 2, 1], opts);
    expect(l.columns.map((c) => Math.round(c * 100) / 100)).toEqual([30, 143.33, 256.67, 370]);
    expect(l.nodes).toHaveLength(9);
    expect(l.links).toHaveLength(2 * 4 + 4 * 2 + 2 * 1);
    expect(l.height).toBe(4 * 20 + 3 * 10 + 20);
    const kinds = l.nodes.map((n) => n.kind);
    expect(kinds.filter((k) => k === 'input')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'hidden')).toHaveLength(6);
    expect(kinds.at(-1)).toBe('output');
    // hidden units numbered unit after unit, layer after layer, as the engine's hidden grid
    expect(l.nodes.filter((n) => n.kind === 'hidden').map((n) => n.hiddenIndex)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('centres short columns vertically and keeps node spacing', () => {
    const l = layoutDiagram([3, 1], opts);
    const inputs = l.nodes.filter((n) => n.layer === 0);
    expect(inputs.map((n) => n.y)).toEqual([20, 50, 80]);
    expect(l.nodes.find((n) => n.layer === 1)?.y).toBe(50);
  });

  it('links join the right edge of the source to the left edge of the target', () => {
    const l = layoutDiagram([1, 1], opts);
    const k = l.links[0]!;
    expect(k).toMatchObject({ layer: 0, to: 0, from: 0, x1: 40, x2: 360 });
    expect(linkPoint(k, 0)).toEqual({ x: 40, y: k.y1 });
    expect(linkPoint(k, 1)).toEqual({ x: 360, y: k.y2 });
  });

  it('finds the node or link under the pointer', () => {
    const l = layoutDiagram([2, 2], opts);
    const n = l.nodes[1]!;
    expect(hitNode(l, n.x + 5, n.y - 5)).toBe(n);
    expect(hitNode(l, 200, 0)).toBeNull();
    const k = l.links.find((x) => x.from === 0 && x.to === 1)!;
    const mid = linkPoint(k, 0.5);
    expect(linkDistance(k, mid.x, mid.y)).toBeLessThan(0.5);
    expect(hitLink(l, mid.x, mid.y + 1, 4)).toBe(k);
    expect(hitLink(l, mid.x, mid.y + 200, 4)).toBeNull();
    expect(hitLink(l, n.x, n.y, 4)).toBeNull(); // a node wins over links
  });

  it('thickens links with |weight| up to a cap', () => {
    const o = { minWidth: 1, maxWidth: 9, full: 4 };
    expect(linkWidth(0, o)).toBe(1);
    expect(linkWidth(-2, o)).toBe(5);
    expect(linkWidth(100, o)).toBe(9);
    expect(linkWidth(NaN, o)).toBe(1);
  });

  it('locates weights in the flat parameter buffer', () => {
    // [2, 3, 1]: W0 3×2 at 0, b0 at 6, W1 1×3 at 9, b1 at 12
    expect(paramOffsets([2, 3, 1])).toEqual({ w: [0, 9], b: [6, 12], total: 13 });
    expect(weightIndex([2, 3, 1], 0, 2, 1)).toBe(5);
    expect(weightIndex([2, 3, 1], 1, 0, 2)).toBe(11);
  });
});
