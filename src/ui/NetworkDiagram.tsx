import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import type { FeatureName } from '../nn/types.ts';
import {
  hitLink,
  hitNode,
  layoutDiagram,
  type DiagramLayout,
  type DiagramLink,
  type DiagramNode,
} from '../viz/diagram.ts';
import { drawNodeLayer, emptyTiles, linkJob, type LinkMemo } from './diagramDraw.ts';
import { useBoxWidth } from './useBoxWidth.ts';
import { FEATURE_LABELS, formatNumber } from './labels.ts';
import { nowMs, settleCanvas, useLiveDraw, useProgressiveDraw, type LiveSource, type LiveState } from './live.ts';
import type { CanvasPalette } from './theme.ts';
import { WeightEditor, type Editor } from './WeightEditor.tsx';
import { pause, play, useStore } from '../state/store.ts';
import { focusUnit } from './planeFocus.ts';
import './NetworkDiagram.css';
import { focusFromDiagram, showUnitCard } from '../state/hood.ts';
import { DiagramHighlight } from './hood/DiagramHighlight.tsx';

export interface NetworkDiagramProps {
  source: LiveSource;
  palette: CanvasPalette;
  /** [inputs, ...hidden, outputs] as configured (the diagram follows the config at once). */
  sizes: number[];
  features: readonly FeatureName[];
  /** layer: weight layer (0 = from the inputs); from = -1 edits the bias of unit `to`. */
  onSetWeight: (layer: number, to: number, from: number, value: number) => void;
  /** The weight editor opens (App: the replay timeline goes back to live, the weights an edit changes). */
  onEdit?: () => void;
  /** Controls above the columns (units per layer), given each column's centre x. */
  header?: (columns: number[]) => ReactNode;
}

type Target = { kind: 'link'; link: DiagramLink } | { kind: 'node'; node: DiagramNode };

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
    return f ? `Input ${FEATURE_LABELS[f]}` : `Input ${n.index + 1}`;
  }
  if (n.kind === 'output') return outputs > 1 ? `Output for class ${n.index + 1}` : 'Output';
  return `Unit ${n.index + 1} of layer ${n.layer}`;
}

/** The unit a hovered or focused node shows on the output plane (the output node: the output itself). */
function planeFocusOf(n: DiagramNode, features: readonly FeatureName[], outputs: number) {
  if (n.kind === 'input')
    return { source: { kind: 'input' as const, index: n.index }, name: nodeName(n, features, outputs) };
  if (n.kind === 'hidden')
    return { source: { kind: 'hidden' as const, index: n.hiddenIndex }, name: nodeName(n, features, outputs) };
  return null;
}

export function NetworkDiagram(p: NetworkDiagramProps) {
  const box = useRef<HTMLDivElement>(null);
  const linkCanvas = useRef<HTMLCanvasElement>(null);
  const nodeCanvas = useRef<HTMLCanvasElement>(null);
  /** The links' back buffer (detached): drawn over a few frames, then copied to linkCanvas. */
  const linkBack = useRef<HTMLCanvasElement | null>(null);
  const tiles = useRef(emptyTiles());
  const tipValue = useRef<HTMLSpanElement>(null);
  const width = useBoxWidth(box, 640);
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

  const editing = editor !== null;
  const onEdit = useRef(p.onEdit);
  useEffect(() => {
    onEdit.current = p.onEdit;
  });
  const [, setTick] = useState(0);
  // Training pauses while the editor is open (its prefilled value would go stale under it) and
  // resumes on close if it was playing; the value refreshes once the worker's pause lands.
  useEffect(() => {
    if (!editing) return;
    const wasRunning = useStore.getState().run.status === 'running';
    if (wasRunning) pause();
    const off = p.source.subscribe(() => setTick((t) => t + 1));
    onEdit.current?.();
    return () => {
      off();
      if (wasRunning && useStore.getState().run.status === 'paused') play();
    };
  }, [editing, p.source]);

  // A diagram that goes away (a panel hidden) leaves the plane showing the output.
  useEffect(() => () => focusUnit(null), []);

  const hoverRef = useRef(hover);
  useEffect(() => {
    hoverRef.current = hover;
  });

  const sizesKey = sizes.join(',');
  const redrawKey = `${palette.theme}|${width}|${sizesKey}`;
  // Thumbnails every frame they change (image copies, cheap); links a few strokes per frame into
  // a back buffer, shown when complete: a 2,000-link network updates its links several times a
  // second without ever taking a whole frame. A snapshot that moves no link to another colour or
  // width redraws nothing (the memo holds what the canvas shows, for this layout and palette).
  const linkMemo = useRef({ key: '', memo: { keys: null } as LinkMemo });
  if (linkMemo.current.key !== redrawKey) linkMemo.current = { key: redrawKey, memo: { keys: null } };
  useProgressiveDraw(
    p.source,
    (s) =>
      linkJob(
        linkCanvas.current,
        (linkBack.current ??= document.createElement('canvas')),
        layout,
        s,
        palette,
        settleCanvas,
        nowMs,
        linkMemo.current.memo,
      ),
    redrawKey,
    undefined,
    box,
  );
  useLiveDraw(
    p.source,
    (s) => {
      drawNodeLayer(nodeCanvas.current, layout, s, palette, tiles.current);
      const h = hoverRef.current;
      if (h && tipValue.current) tipValue.current.textContent = tipText(h, s);
    },
    `${redrawKey}|${hover ? 1 : 0}`,
    0.35,
    box,
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
    focusUnit(t?.kind === 'node' ? planeFocusOf(t.node, features, outputs) : null);
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
    // Under the hood open: a click focuses the unit (or link) whose numbers the panel shows.
    if (
      t.kind === 'link'
        ? focusFromDiagram(t.link.layer, t.link.to, t.link.from)
        : t.node.layer > 0 && focusFromDiagram(t.node.layer - 1, t.node.index, null)
    )
      return;
    if (t.kind === 'link') {
      const from = features[t.link.from];
      const fromName =
        t.link.layer === 0 && from ? FEATURE_LABELS[from] : `unit ${t.link.from + 1} of layer ${t.link.layer}`;
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
    } else if (t.node.layer > 0 && targetValue(t, s) !== null && !showUnitCard(t.node.layer - 1, t.node.index))
      openBias(t.node, x, y);
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
        onPointerLeave={() => {
          setHover(null);
          focusUnit(null);
        }}
        onClick={onClick}
        data-testid="network-diagram"
        data-layers={sizes.length - 2}
        data-sizes={sizesKey}
      >
        <canvas ref={linkCanvas} className="diagram-canvas" aria-hidden="true" width={1} height={1} />
        <canvas ref={nodeCanvas} className="diagram-canvas" aria-hidden="true" width={1} height={1} />
        <DiagramHighlight layout={layout} sizes={sizes} />
        {layout.nodes.map((n) => {
          const key = `${n.layer}:${n.index}`;
          const label = nodeName(n, features, outputs);
          const style = {
            left: n.x - layout.nodeSize / 2,
            top: n.y - layout.nodeSize / 2,
            width: layout.nodeSize,
            height: layout.nodeSize,
          };
          if (n.kind === 'input')
            return (
              <div key={key} className="node node-input" data-testid="node-input" style={style} title={label}>
                <span className="node-label" aria-hidden="true">
                  {features[n.index] ? FEATURE_LABELS[features[n.index]!] : ''}
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
              onFocus={() => focusUnit(planeFocusOf(n, features, outputs))}
              onBlur={() => focusUnit(null)}
              onClick={(e) => {
                e.stopPropagation();
                if (focusFromDiagram(n.layer - 1, n.index, null) || showUnitCard(n.layer - 1, n.index)) return;
                openBias(n, n.x, n.y);
              }}
            ></button>
          );
        })}
        {hover && !editing ? (
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
