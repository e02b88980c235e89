import { describe, expect, it } from 'vitest';
import { LINKS_PER_STROKE, drawNodeLayer, emptyTiles, linkJob, type ThumbTiles } from '../../src/ui/diagramDraw.ts';
import type { LiveState } from '../../src/ui/live.ts';
import { paletteFor } from '../../src/ui/theme.ts';
import { lutIndex } from '../../src/viz/colorScale.ts';
import { layoutDiagram } from '../../src/viz/diagram.ts';
import { fakeInfo, fakeSnapshot, R } from './fixtures.ts';

/** A canvas whose 2D context records the calls that matter here (Node has no canvas). */
class FakeCanvas {
  width = 1;
  height = 1;
  style: Record<string, string> = {};
  calls: { op: string; args: unknown[] }[] = [];
  private ctx = new Proxy(
    {
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    } as Record<string, unknown>,
    {
      get: (target, prop: string) =>
        prop in target ? target[prop] : (...args: unknown[]) => void this.calls.push({ op: prop, args }),
      set: (target, prop: string, value) => {
        target[prop] = value;
        return true;
      },
    },
  );
  getContext() {
    return this.ctx;
  }
  ops(op: string) {
    return this.calls.filter((c) => c.op === op).map((c) => c.args);
  }
}

const palette = paletteFor('light');

/** Node i's R×R thumbnail in the sheet, as RGBA quadruples. */
function region(sheet: ImageData, i: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < R; r++)
    for (let c = 0; c < R; c++) {
      const p = (r * sheet.width + i * R + c) * 4;
      out.push(Array.from(sheet.data.slice(p, p + 4)));
    }
  return out;
}
const params = [0.5, -1.5, 2, 0.25, -0.75, 1, 0.1, 0.2, 0.3, 1.25, -2.5, 0.5, -0.4];
const layout = layoutDiagram([2, 3, 1], { width: 640, nodeSize: 36, gap: 11, padX: 60, padY: 12, minHeight: 200 });

function setup() {
  const links = new FakeCanvas();
  const screen = new FakeCanvas();
  const tile = new FakeCanvas();
  const tiles: ThumbTiles = emptyTiles();
  const draw = (s: LiveState, l = layout) => {
    links.calls = [];
    screen.calls = [];
    tile.calls = [];
    linkJob(null, links as unknown as HTMLCanvasElement, l, s, palette, () => undefined).step(Infinity);
    drawNodeLayer(
      screen as unknown as HTMLCanvasElement,
      l,
      s,
      palette,
      tiles,
      () => tile as unknown as HTMLCanvasElement,
    );
  };
  return { links, screen, tile, tiles, draw };
}

describe('the diagram layers', () => {
  it('draws every node as a background square with its thumbnail scaled from one tile', () => {
    const { screen, tile, draw } = setup();
    const hiddenGrids = new Float32Array(3 * R * R);
    hiddenGrids.fill(1, R * R, 2 * R * R); // unit 2 of the hidden layer is +1 everywhere
    draw({ info: fakeInfo(), snapshot: fakeSnapshot(params, { hiddenGrids }) });
    expect(screen.width).toBe(640);
    const order = screen.calls.map((c) => c.op).filter((op) => ['fillRect', 'drawImage'].includes(op));
    expect(order.lastIndexOf('fillRect')).toBeLessThan(order.indexOf('drawImage'));
    // The tile holds node i's T×T thumbnail at x = i·T (T = R here: no thinning for a 4×4 grid).
    expect(tile.width).toBe(R * layout.nodes.length);
    expect(tile.height).toBe(R);
    // One put of the whole sheet a draw, not one per node.
    expect(tile.ops('putImageData')).toHaveLength(1);
    const [sheet, x, y] = tile.ops('putImageData')[0]! as [ImageData, number, number];
    expect([sheet.width, sheet.height, x, y]).toEqual([6 * R, R, 0, 0]);
    const images = screen.ops('drawImage');
    expect(images).toHaveLength(6);
    layout.nodes.forEach((n, i) => {
      const h = layout.nodeSize / 2;
      expect(images[i]).toEqual([tile, i * R, 0, R, R, n.x - h, n.y - h, layout.nodeSize, layout.nodeSize]);
    });
    // The +1 unit (node 3) is painted in the LUT's top colour, its zero neighbour in the middle one.
    const lutColour = (i: number) => Array.from(palette.lut.rgba.slice(i * 4, i * 4 + 4));
    expect(new Set(region(sheet, 3).map(String))).toEqual(new Set([String(lutColour(lutIndex(1, palette.lut.size)))]));
    expect(new Set(region(sheet, 2).map(String))).toEqual(new Set([String(lutColour(lutIndex(0, palette.lut.size)))]));
  });

  it('reads the thumbnails from the small grids and the output node from the larger output grid', () => {
    const { tile, draw } = setup();
    // Output grid 2R×2R: +1 on its left half, −1 on its right; thumbnails R×R.
    const big = 2 * R;
    const outputGrid = new Float32Array(big * big).map((_, p) => (p % big < R ? 1 : -1));
    draw({
      info: fakeInfo({ gridResolution: big, hiddenGridResolution: R }),
      snapshot: fakeSnapshot(params, { outputGrid }),
    });
    expect(tile.height).toBe(R);
    const sheet = tile.ops('putImageData').at(-1)![0] as ImageData;
    const colour = (v: number) =>
      String(Array.from(palette.lut.rgba.slice(lutIndex(v, palette.lut.size) * 4).slice(0, 4)));
    const out = region(sheet, 5).map(String);
    for (let r = 0; r < R; r++) for (let c = 0; c < R; c++) expect(out[r * R + c]).toBe(colour(c < R / 2 ? 1 : -1));
  });

  it('paints the inputs once per run, the units on every snapshot, and keeps the last pictures for a stale one', () => {
    const { screen, tile, draw } = setup();
    const grids = (v: number, n: number) => new Float32Array(n * R * R).fill(v);
    draw({ info: fakeInfo({ inputGrids: grids(1, 2) }), snapshot: fakeSnapshot(params) });
    const sheet = () => tile.ops('putImageData').at(-1)![0] as ImageData;
    const first = [0, 1, 2, 3, 4, 5].map((i) => String(region(sheet(), i)));
    // Same run, new snapshot: the units change, the inputs are not painted again.
    draw({
      info: fakeInfo({ inputGrids: grids(-1, 2) }),
      snapshot: fakeSnapshot(params, { seq: 2, hiddenGrids: grids(1, 3), outputGrid: grids(1, 1) }),
    });
    const second = [0, 1, 2, 3, 4, 5].map((i) => String(region(sheet(), i)));
    expect(second.slice(0, 2)).toEqual(first.slice(0, 2));
    for (const i of [2, 3, 4, 5]) expect(second[i]).not.toBe(first[i]);
    expect(screen.ops('drawImage')).toHaveLength(6);
    // A new run (id 2) whose first snapshot has not come: its inputs are painted, the units keep
    // their last pictures.
    draw({ info: fakeInfo({ runId: 2, inputGrids: grids(-1, 2) }), snapshot: fakeSnapshot(params) });
    const third = [0, 1, 2, 3, 4, 5].map((i) => String(region(sheet(), i)));
    expect(third.slice(0, 2)).not.toEqual(first.slice(0, 2));
    expect(third.slice(2)).toEqual(second.slice(2));
    expect(screen.ops('drawImage')).toHaveLength(6);
  });

  it('a changed shape shows plain nodes until its run describes it, then fills a fresh tile', () => {
    const { screen, tile, draw } = setup();
    draw({ info: fakeInfo(), snapshot: fakeSnapshot(params) });
    const wider = layoutDiagram([2, 4, 1], { width: 640, nodeSize: 36, gap: 11, padX: 60, padY: 12, minHeight: 200 });
    draw({ info: fakeInfo(), snapshot: fakeSnapshot(params) }, wider);
    expect(screen.ops('fillRect')).toHaveLength(7);
    expect(screen.ops('drawImage')).toHaveLength(0);
    expect(tile.calls).toHaveLength(0);
    const info = fakeInfo({
      runId: 2,
      sizes: [2, 4, 1],
      layers: [
        { inSize: 2, outSize: 4, wOffset: 0, bOffset: 8, activation: 'tanh' },
        { inSize: 4, outSize: 1, wOffset: 12, bOffset: 16, activation: 'tanh' },
      ],
      paramCount: 17,
    });
    const snap = fakeSnapshot(new Array(17).fill(0.1), { runId: 2, hiddenGrids: new Float32Array(4 * R * R) });
    draw({ info, snapshot: snap }, wider);
    expect(tile.width).toBe(7 * R);
    expect((tile.ops('putImageData')[0]![0] as ImageData).width).toBe(7 * R);
    expect(screen.ops('drawImage')).toHaveLength(7);
  });

  it('before any run: links and plain nodes, no thumbnails', () => {
    const { links, screen, tile, draw } = setup();
    draw({ info: null, snapshot: null });
    expect(links.ops('stroke').length).toBeGreaterThan(0);
    expect(screen.ops('fillRect')).toHaveLength(6);
    expect(screen.ops('drawImage')).toHaveLength(0);
    expect(tile.calls).toHaveLength(0);
  });

  it('strokes the links in a few buckets of colour and width, one curve per link', () => {
    const { links, draw } = setup();
    draw({ info: fakeInfo(), snapshot: fakeSnapshot(params) });
    expect(links.ops('bezierCurveTo')).toHaveLength(layout.links.length);
    expect(links.ops('stroke').length).toBeLessThanOrEqual(layout.links.length);
  });
});

describe('linkJob', () => {
  const big = layoutDiagram([9, 16, 16, 16, 1], { width: 640, nodeSize: 18, gap: 6, padX: 60, padY: 12 });
  // Before a run every link is in one bucket (thin, neutral): it still splits into strokes.
  const idle = { info: null, snapshot: null };

  it('draws a stroke at a time within its budget, settling each, and shows the links only when all are drawn', () => {
    const front = new FakeCanvas();
    const back = new FakeCanvas();
    let t = 0;
    const settled: unknown[] = [];
    const job = linkJob(
      front as unknown as HTMLCanvasElement,
      back as unknown as HTMLCanvasElement,
      big,
      idle,
      palette,
      (c) => settled.push(c),
      () => (t += 3), // every clock read is 3 ms later: two strokes per 4 ms budget
    );
    const strokes = Math.ceil(big.links.length / LINKS_PER_STROKE);
    expect(strokes).toBeGreaterThan(2);
    let steps = 1;
    while (!job.step(4)) {
      steps++;
      expect(front.ops('drawImage')).toHaveLength(0);
    }
    expect(steps).toBe(Math.ceil(strokes / 2));
    expect(back.ops('stroke')).toHaveLength(strokes);
    expect(back.ops('bezierCurveTo')).toHaveLength(big.links.length);
    expect(settled).toHaveLength(strokes);
    expect(settled.every((c) => c === back)).toBe(true);
    // Then one copy of the whole back buffer onto the visible canvas.
    expect(front.ops('drawImage')).toEqual([[back, 0, 0]]);
    expect(job.step(4)).toBe(true);
    expect(front.ops('drawImage')).toHaveLength(2);
  });

  it('no stroke holds more than LINKS_PER_STROKE links', () => {
    const back = new FakeCanvas();
    linkJob(null, back as unknown as HTMLCanvasElement, big, idle, palette, () => undefined).step(Infinity);
    const perStroke: number[] = [];
    let n = 0;
    for (const c of back.calls) {
      if (c.op === 'bezierCurveTo') n++;
      if (c.op === 'stroke') {
        perStroke.push(n);
        n = 0;
      }
    }
    expect(Math.max(...perStroke)).toBeLessThanOrEqual(LINKS_PER_STROKE);
    expect(perStroke.reduce((a, b) => a + b, 0)).toBe(big.links.length);
  });

  it('redraws nothing when no link changes colour or width since the picture shown (the memo)', () => {
    const front = new FakeCanvas();
    const back = new FakeCanvas();
    const memo = { keys: null };
    const job = (snapParams: number[]) =>
      linkJob(
        front as unknown as HTMLCanvasElement,
        back as unknown as HTMLCanvasElement,
        layout,
        { info: fakeInfo(), snapshot: fakeSnapshot(snapParams) },
        palette,
        () => undefined,
        () => 0,
        memo,
      );
    expect(job(params).step(Infinity)).toBe(true);
    const shown = front.ops('drawImage').length;
    expect(shown).toBe(1);
    // A change far below one colour step: the same picture, no stroke, no copy.
    const nudged = params.map((w) => w + 1e-9);
    back.calls = [];
    expect(job(nudged).step(Infinity)).toBe(true);
    expect(back.calls).toHaveLength(0);
    expect(front.ops('drawImage')).toHaveLength(shown);
    // A weight that flips sign: drawn again.
    const flipped = params.slice();
    flipped[0] = -params[0]!;
    expect(job(flipped).step(Infinity)).toBe(true);
    expect(back.ops('stroke').length).toBeGreaterThan(0);
    expect(front.ops('drawImage')).toHaveLength(shown + 1);
  });
});
