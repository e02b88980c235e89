import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { featureLabel } from '../nn/features.ts';
import type { FeatureName } from '../nn/types.ts';
import { lutCss, lutIndex } from '../viz/colorScale.ts';
import {
  hitLink,
  hitNode,
  layoutDiagram,
  linkWidth,
  type DiagramLayout,
  type DiagramLink,
  type DiagramNode,
} from '../viz/diagram.ts';
import { paintScalarField } from '../viz/heatmap.ts';
import { formatNumber } from './labels.ts';
import { context2d, sizeCanvas, useLiveDraw, type LiveSource, type LiveState } from './live.ts';
import type { CanvasPalette } from './theme.ts';

export interface NetworkDiagramProps {
  source: LiveSource;
  palette: CanvasPalette;
  /** [inputs, ...hidden, outputs] as configured (the diagram follows the config at once). */
  sizes: number[];
  features: readonly FeatureName[];
  /** layer: weight layer (0 = from the inputs); from = -1 edits the bias of unit `to`. */
  onSetWeight: (layer: number, to: number, from: number, value: number) => void;
  /** Controls above the columns (units per layer), given each column's centre x. */
  header?: (columns: number[]) => ReactNode;
}

type Target = { kind: 'link'; link: DiagramLink } | { kind: 'node'; node: DiagramNode };

interface Editor {
  layer: number;
  to: number;
  from: number;
  x: number;
  y: number;
  title: string;
}

const MAX_WEIGHT = 1000;

/** Which weight layer / unit a target refers to, and its value in the latest snapshot. */
function targetValue(t: Target, s: LiveState): number | null {
  const info = s.info;
  const snap = s.snapshot;
  if (!info || !snap || snap.runId !== info.runId) return null;
  if (t.kind === 'link') {
    const L = info.layers[t.link.layer];
    if (!L || t.link.to >= L.outSize || t.link.from >= L.inSize) return null;
    return snap.params[L.wOffset + t.link.to * L.inSize + t.link.from] ?? null;
  }
  if (t.node.layer === 0) return null;
  const L = info.layers[t.node.layer - 1];
  if (!L || t.node.index >= L.outSize) return null;
  return snap.params[L.bOffset + t.node.index] ?? null;
}

function nodeName(n: DiagramNode, features: readonly FeatureName[], outputs: number): string {
  if (n.kind === 'input') {
    const f = features[n.index];
    return f ? `Input ${featureLabel(f)}` : `Input ${n.index + 1}`;
  }
  if (n.kind === 'output') return outputs > 1 ? `Output for class ${n.index + 1}` : 'Output';
  return `Unit ${n.index + 1} of layer ${n.layer}`;
}

export function NetworkDiagram(p: NetworkDiagramProps) {
  const box = useRef<HTMLDivElement>(null);
  const links = useRef<HTMLCanvasElement>(null);
  const thumbs = useRef(new Map<string, HTMLCanvasElement>());
  const images = useRef(new Map<string, ImageData>());
  const tipValue = useRef<HTMLSpanElement>(null);
  const [width, setWidth] = useState(640);
  const [hover, setHover] = useState<(Target & { x: number; y: number }) | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const { palette, sizes, features } = p;
  const projector = palette.theme === 'projector';
  const narrow = width < 520;
  // Tall columns shrink the nodes so the diagram stays about one screen part high.
  const tallest = Math.max(1, ...sizes);
  const baseNode = projector ? 44 : narrow ? 30 : 36;
  const maxHeight = projector ? 560 : 420;
  const nodeSize = Math.max(projector ? 24 : 18, Math.min(baseNode, Math.floor((maxHeight - 24) / (tallest * 1.3))));
  const layout: DiagramLayout = useMemo(
    () =>
      layoutDiagram(sizes, {
        width,
        nodeSize,
        gap: Math.round(nodeSize * 0.3),
        padX: narrow ? 42 : 60,
        padY: 12,
        minHeight: 200,
      }),
    [sizes, width, nodeSize, narrow],
  );
  const outputs = sizes.at(-1) ?? 1;

  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.round(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const hoverRef = useRef(hover);
  useEffect(() => {
    hoverRef.current = hover;
  });

  const sizesKey = sizes.join(',');
  useLiveDraw(
    p.source,
    (s) => {
      drawLinks(links.current, layout, s, palette);
      drawThumbs(thumbs.current, images.current, layout, s, palette);
      const h = hoverRef.current;
      if (h && tipValue.current) tipValue.current.textContent = tipText(h, s);
    },
    `${palette.theme}|${width}|${sizesKey}|${hover ? 1 : 0}`,
    0.35,
  );

  const localPoint = (e: ReactPointerEvent) => {
    const r = box.current?.getBoundingClientRect();
    return { x: e.clientX - (r?.left ?? 0), y: e.clientY - (r?.top ?? 0) };
  };
  const tolerance = projector ? 8 : 6;
  const findTarget = (x: number, y: number): Target | null => {
    const n = hitNode(layout, x, y);
    if (n) return { kind: 'node', node: n };
    const k = hitLink(layout, x, y, tolerance);
    return k ? { kind: 'link', link: k } : null;
  };

  const onMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const { x, y } = localPoint(e);
    const t = findTarget(x, y);
    if (!t) {
      if (hover) setHover(null);
      return;
    }
    const same =
      hover &&
      hover.kind === t.kind &&
      (t.kind === 'link'
        ? hover.kind === 'link' && hover.link === t.link
        : hover.kind === 'node' && hover.node === t.node);
    if (!same || Math.abs(hover.x - x) > 24 || Math.abs(hover.y - y) > 24) setHover({ ...t, x, y });
  };

  const onClick = (e: ReactPointerEvent<HTMLDivElement>) => {
    const { x, y } = localPoint(e);
    const t = findTarget(x, y);
    if (!t) return;
    const s = p.source.get();
    if (t.kind === 'link') {
      const from = features[t.link.from];
      const fromName =
        t.link.layer === 0 && from ? featureLabel(from) : `unit ${t.link.from + 1} of layer ${t.link.layer}`;
      const toName =
        t.link.layer + 1 === sizes.length - 1 ? 'the output' : `unit ${t.link.to + 1} of layer ${t.link.layer + 1}`;
      setEditor({
        layer: t.link.layer,
        to: t.link.to,
        from: t.link.from,
        x,
        y,
        title: `Weight from ${fromName} to ${toName}`,
      });
    } else if (t.node.layer > 0 && targetValue(t, s) !== null) openBias(t.node, x, y);
  };

  const openBias = (n: DiagramNode, x: number, y: number) =>
    setEditor({
      layer: n.layer - 1,
      to: n.index,
      from: -1,
      x,
      y,
      title: `Bias of ${nodeName(n, features, outputs).toLowerCase()}`,
    });

  const tipText = (h: Target, s: LiveState): string => {
    const v = targetValue(h, s);
    if (h.kind === 'link') return `Weight ${formatNumber(v, 3)}`;
    if (h.node.kind === 'input') return nodeName(h.node, features, outputs);
    return `${nodeName(h.node, features, outputs)} · bias ${formatNumber(v, 3)}`;
  };

  return (
    <div className="diagram-wrap">
      {p.header ? <div className="diagram-header">{p.header(layout.columns)}</div> : null}
      <div
        className="diagram"
        ref={box}
        style={{ height: layout.height }}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
        onClick={onClick}
        data-testid="network-diagram"
        data-layers={sizes.length - 2}
        data-sizes={sizesKey}
      >
        <canvas ref={links} className="links" aria-hidden="true" width={1} height={1} />
        {layout.nodes.map((n) => {
          const key = `${n.layer}:${n.index}`;
          const label = nodeName(n, features, outputs);
          const style = {
            left: n.x - layout.nodeSize / 2,
            top: n.y - layout.nodeSize / 2,
            width: layout.nodeSize,
            height: layout.nodeSize,
          };
          const thumb = (
            <canvas
              ref={(el) => {
                if (el) thumbs.current.set(key, el);
                else thumbs.current.delete(key);
              }}
              width={1}
              height={1}
              aria-hidden="true"
            />
          );
          if (n.kind === 'input')
            return (
              <div key={key} className="node node-input" data-testid="node-input" style={style} title={label}>
                {thumb}
                <span className="node-label" aria-hidden="true">
                  {features[n.index] ? featureLabel(features[n.index]!) : ''}
                </span>
              </div>
            );
          // Hidden and output units are buttons: Enter (or a click) edits the bias; a keyboard path to the editor.
          return (
            <button
              key={key}
              type="button"
              className={`node node-${n.kind}`}
              data-testid={`node-${n.kind}`}
              style={style}
              title={label}
              aria-label={`${label}: edit bias`}
              onClick={(e) => {
                e.stopPropagation();
                openBias(n, n.x, n.y);
              }}
            >
              {thumb}
            </button>
          );
        })}
        {hover ? (
          <div className="tooltip" role="tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
            <span ref={tipValue}>{tipText(hover, p.source.get())}</span>
            {hover.kind === 'link' || hover.node.kind !== 'input' ? (
              <span className="tip-hint"> · click to edit</span>
            ) : null}
          </div>
        ) : null}
        {editor ? (
          <WeightEditor
            editor={editor}
            initial={targetValue(
              editor.from === -1
                ? {
                    kind: 'node',
                    node: { layer: editor.layer + 1, index: editor.to, kind: 'hidden', x: 0, y: 0, hiddenIndex: -1 },
                  }
                : {
                    kind: 'link',
                    link: { layer: editor.layer, to: editor.to, from: editor.from, x1: 0, y1: 0, x2: 0, y2: 0 },
                  },
              p.source.get(),
            )}
            width={width}
            onCancel={() => setEditor(null)}
            onSave={(v) => {
              p.onSetWeight(editor.layer, editor.to, editor.from, v);
              setEditor(null);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}

function WeightEditor(p: {
  editor: Editor;
  initial: number | null;
  width: number;
  onSave: (v: number) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(p.initial === null ? '' : String(Number(p.initial.toPrecision(4))));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Focus moves into the editor and back to where it came from when it closes.
    const before = document.activeElement;
    input.current?.focus();
    input.current?.select();
    return () => {
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
    };
  }, []);
  const save = () => {
    const v = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(v) || Math.abs(v) > MAX_WEIGHT) {
      setError(`Type a number from −${MAX_WEIGHT} to ${MAX_WEIGHT}.`);
      return;
    }
    p.onSave(v);
  };
  const left = Math.max(4, Math.min(p.editor.x - 110, p.width - 236));
  return (
    <div
      className="weight-editor"
      role="dialog"
      aria-label={p.editor.title}
      style={{ left, top: p.editor.y + 10 }}
      onClick={(e) => e.stopPropagation()}
      onPointerMove={(e) => e.stopPropagation()}
    >
      <p className="editor-title">{p.editor.title}</p>
      <label>
        <span>{p.editor.from === -1 ? 'New bias' : 'New weight'}</span>
        <input
          ref={input}
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // preventDefault: focus returns to the node, which must not take this Enter as a click.
            if (e.key === 'Enter') {
              e.preventDefault();
              save();
            }
            if (e.key === 'Escape') {
              e.preventDefault();
              p.onCancel();
            }
          }}
        />
      </label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="editor-actions">
        <button type="button" onClick={save}>
          Apply
        </button>
        <button type="button" onClick={p.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function drawLinks(
  canvas: HTMLCanvasElement | null,
  layout: DiagramLayout,
  s: LiveState,
  palette: CanvasPalette,
): void {
  if (!canvas) return;
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  sizeCanvas(canvas, layout.width * dpr, layout.height * dpr);
  canvas.style.width = `${layout.width}px`;
  canvas.style.height = `${layout.height}px`;
  const ctx = context2d(canvas);
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  const info = s.info;
  const snap = s.snapshot;
  const live = info && snap && snap.runId === info.runId && info.sizes.join() === layoutKey(layout);
  const widths = { minWidth: 0.75 * palette.scale, maxWidth: 7 * palette.scale, full: 3 };
  ctx.lineCap = 'round';
  // One path per (colour, width) bucket: a few dozen strokes instead of one per link, which is
  // what software rasterisation pays for. 32 colours a side and half-pixel widths look the same.
  const groups = new Map<number, DiagramLink[]>();
  const lutSize = palette.linkLut.size;
  for (const k of layout.links) {
    let w = 0;
    if (live) {
      const L = info.layers[k.layer];
      if (L) w = snap.params[L.wOffset + k.to * L.inSize + k.from] ?? 0;
    }
    const colour = Math.round((lutIndex(Math.tanh(w), lutSize) / (lutSize - 1)) * 64);
    const width = Math.round((live ? linkWidth(w, widths) : widths.minWidth) * 2);
    const key = width * 128 + colour;
    const g = groups.get(key);
    if (g) g.push(k);
    else groups.set(key, [k]);
  }
  const keys = [...groups.keys()].sort((a, b) => a - b); // thin links first, strong ones on top
  for (const key of keys) {
    const colour = key % 128;
    ctx.strokeStyle = lutCss(palette.linkLut, (colour / 64) * 2 - 1);
    ctx.lineWidth = Math.max(0.5, Math.floor(key / 128) / 2);
    ctx.beginPath();
    for (const k of groups.get(key)!) {
      const xm = (k.x1 + k.x2) / 2;
      ctx.moveTo(k.x1, k.y1);
      ctx.bezierCurveTo(xm, k.y1, xm, k.y2, k.x2, k.y2);
    }
    ctx.stroke();
  }
}

function layoutKey(layout: DiagramLayout): string {
  const counts: number[] = [];
  for (const n of layout.nodes) counts[n.layer] = (counts[n.layer] ?? 0) + 1;
  return counts.join();
}

/** Thumbnails need no more cells than a node has pixels: read every step-th grid cell. */
export function thumbStep(resolution: number, maxCells = 25): number {
  return Math.max(1, Math.ceil(resolution / maxCells));
}

function drawThumbs(
  canvases: Map<string, HTMLCanvasElement>,
  images: Map<string, ImageData>,
  layout: DiagramLayout,
  s: LiveState,
  palette: CanvasPalette,
): void {
  const info = s.info;
  const snap = s.snapshot;
  if (!info || info.sizes.join() !== layoutKey(layout)) return;
  const R = info.gridResolution;
  const RR = R * R;
  const step = thumbStep(R);
  const T = Math.ceil(R / step);
  const outputs = info.sizes.at(-1) ?? 1;
  for (const n of layout.nodes) {
    const key = `${n.layer}:${n.index}`;
    const canvas = canvases.get(key);
    if (!canvas) continue;
    if (n.kind === 'input' && canvas.dataset.run === `${info.runId}|${palette.theme}`) continue; // inputs never change within a run
    if (n.kind !== 'input' && (!snap || snap.runId !== info.runId)) continue;
    sizeCanvas(canvas, T, T);
    const ctx = context2d(canvas);
    if (!ctx) continue;
    let img = images.get(key);
    if (!img || img.width !== T) {
      img = ctx.createImageData(T, T);
      images.set(key, img);
    }
    const grid = { step, sourceSize: R };
    if (n.kind === 'input') {
      // Features span different ranges (x: ±6, x²: 0..36); scale each to its own max |value|.
      let m = 0;
      for (let i = 0; i < RR; i++) m = Math.max(m, Math.abs(info.inputGrids[n.index * RR + i] ?? 0));
      const scaled = new Float32Array(RR);
      for (let i = 0; i < RR; i++) scaled[i] = m > 0 ? (info.inputGrids[n.index * RR + i] ?? 0) / m : 0;
      paintScalarField(img, scaled, { lut: palette.lut, ...grid });
      canvas.dataset.run = `${info.runId}|${palette.theme}`;
    } else if (n.kind === 'hidden' && snap) {
      paintScalarField(img, snap.hiddenGrids, { lut: palette.lut, offset: n.hiddenIndex * RR, ...grid });
    } else if (n.kind === 'output' && snap) {
      if (info.problem === 'multiclass' && outputs > 1) {
        // One node per class: its probability on the class's own hue.
        const c = palette.classes[n.index % palette.classes.length]!;
        const bg = palette.background;
        const d = img.data;
        let p = 0;
        for (let r = 0; r < T; r++)
          for (let col = 0; col < T; col++, p++) {
            const cell = r * step * R + col * step;
            const pr = snap.outputGrid[cell * outputs + n.index] ?? 0;
            d[p * 4] = bg[0] + (c[0] - bg[0]) * pr;
            d[p * 4 + 1] = bg[1] + (c[1] - bg[1]) * pr;
            d[p * 4 + 2] = bg[2] + (c[2] - bg[2]) * pr;
            d[p * 4 + 3] = 255;
          }
      } else paintScalarField(img, snap.outputGrid, { lut: palette.lut, activation: info.outputActivation, ...grid });
    }
    ctx.putImageData(img, 0, 0);
  }
}
