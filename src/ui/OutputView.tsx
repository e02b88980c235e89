import {
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { PLANE_REGION, type Region } from '../nn/types.ts';
import { niceTicks, pxToData, xToPx, yToPx } from '../viz/axes.ts';
import { paintClassField, paintScalarField } from '../viz/heatmap.ts';
import { classColor } from '../viz/colors.ts';
import { divergingColor } from '../viz/colors.ts';
import { Toggle } from './controls.tsx';
import { useBoxWidth } from './useBoxWidth.ts';
import { context2d, sizeCanvas, useLiveDraw, type LiveSource, type LiveState } from './live.ts';
import type { RunInfo } from '../worker/protocol.ts';
import type { CanvasPalette } from './theme.ts';
import { scaledFeatureGrid } from './diagramDraw.ts';
import { usePlaneFocus, type PlaneFocus } from './planeFocus.ts';
import { formatReadout, gridSide, readoutAt } from '../viz/readout.ts';
import './OutputView.css';
import { clearPlanePoint, notePlanePoint, pickFromPlane } from '../state/hood.ts';
import { PlanePick } from './hood/PlanePick.tsx';
import type { OutputActivation } from '../nn/types.ts';
import { outputRange } from './labels.ts';

export interface PlaneClick {
  x: number;
  y: number;
  shiftKey: boolean;
  button: number;
}

export interface OutputViewProps {
  source: LiveSource;
  palette: CanvasPalette;
  showTestData: boolean;
  discretize: boolean;
  onShowTestData: (v: boolean) => void;
  onDiscretize: (v: boolean) => void;
  /** Multi-class shows one swatch per class instead of the diverging scale. */
  classes?: number;
  /** Click on the plane in data coordinates (for drawing your own points). */
  onPlaneClick?: (p: PlaneClick) => void;
  /** The output unit's activation: the legend shows its range. */
  outputActivation?: OutputActivation;
}

/** Arrow keys move the keyboard cursor by this much (data units); with Shift, by a tenth. */
const CURSOR_STEP = 0.5;

/**
 * The decision boundary: a small R×R canvas scaled by CSS, points on a crisp overlay, axes in HTML.
 * While a unit of the diagram is hovered (planeFocus), the plane shows that unit's picture large.
 * The pointer (or, with the keyboard, a cursor moved by the arrow keys) reads the value under it.
 */
export function OutputView(p: OutputViewProps) {
  const heat = useRef<HTMLCanvasElement>(null);
  const dots = useRef<HTMLCanvasElement>(null);
  const plane = useRef<HTMLDivElement>(null);
  const size = useBoxWidth(plane, 360);
  const [region, setRegion] = useState<Region>(PLANE_REGION);
  const image = useRef<ImageData | null>(null);
  /** The points change with the run (its data), not with every snapshot: redraw them only then. */
  const pointsDrawn = useRef<{ info: RunInfo | null; key: string }>({ info: null, key: '' });

  const focus = usePlaneFocus();
  /** The point read out, in data coordinates; null when the pointer is off the plane. */
  const pointer = useRef<{ x: number; y: number; keyboard: boolean } | null>(null);
  const readout = useRef<HTMLSpanElement>(null);
  const cursor = useRef<HTMLSpanElement>(null);
  const focusRef = useRef(focus);
  focusRef.current = focus;

  const showReadout = () => {
    const el = readout.current;
    const at = pointer.current;
    const { info, snapshot } = p.source.get();
    const r = at && info ? readoutAt(info, snapshot, at.x, at.y, focusRef.current.source) : null;
    if (el) {
      el.hidden = r === null;
      el.textContent = r ? formatReadout(r) : '';
      if (at && info) {
        // Beside the point, flipped to the other side near the right and bottom edges.
        const fx = (at.x - info.region.xMin) / (info.region.xMax - info.region.xMin);
        const fy = (info.region.yMax - at.y) / (info.region.yMax - info.region.yMin);
        el.style.left = fx > 0.6 ? '' : `calc(${(fx * 100).toFixed(2)}% + 12px)`;
        el.style.right = fx > 0.6 ? `calc(${((1 - fx) * 100).toFixed(2)}% + 12px)` : '';
        el.style.top = fy > 0.8 ? '' : `calc(${(fy * 100).toFixed(2)}% + 12px)`;
        el.style.bottom = fy > 0.8 ? `calc(${((1 - fy) * 100).toFixed(2)}% + 12px)` : '';
      }
    }
    const c = cursor.current;
    if (c) {
      c.hidden = !at?.keyboard || !info;
      if (at && info) {
        c.style.left = `${(xToPx(at.x, info.region, 1) * 100).toFixed(2)}%`;
        c.style.top = `${(yToPx(at.y, info.region, 1) * 100).toFixed(2)}%`;
      }
    }
  };

  const { palette, showTestData, discretize } = p;
  useLiveDraw(
    p.source,
    (s: LiveState) => {
      const info = s.info;
      if (
        info &&
        (info.region.xMin !== region.xMin || info.region.yMax !== region.yMax || info.region.xMax !== region.xMax)
      )
        setRegion(info.region);
      drawHeat(heat.current, s, palette, discretize, image, focus);
      if (pointer.current) showReadout();
      const key = `${palette.theme}|${showTestData}|${size}`;
      if (s.info !== pointsDrawn.current.info || key !== pointsDrawn.current.key) {
        drawPoints(dots.current, s, palette, showTestData, size);
        pointsDrawn.current = { info: s.info, key };
      }
    },
    `${palette.theme}|${showTestData}|${discretize}|${size}|${focus.name}`,
  );

  const ticks = niceTicks(region.xMin, region.xMax, region.xMax - region.xMin > 4 ? 6 : 4);
  const yTicks = niceTicks(region.yMin, region.yMax, region.yMax - region.yMin > 4 ? 6 : 4);

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width <= 0) return;
    const d = pxToData(e.clientX - r.left, e.clientY - r.top, region, r.width, r.height);
    // While a step is explained, a click picks the minibatch's sample; otherwise it draws (if drawing).
    if (e.button === 0 && pickFromPlane(d.x, d.y)) return;
    p.onPlaneClick?.({ ...d, shiftKey: e.shiftKey, button: e.button });
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width <= 0) return;
    pointer.current = {
      ...pxToData(e.clientX - r.left, e.clientY - r.top, region, r.width, r.height),
      keyboard: false,
    };
    notePlanePoint(pointer.current.x, pointer.current.y);
    showReadout();
  };
  const hideReadout = () => {
    pointer.current = null;
    clearPlanePoint();
    showReadout();
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const at = pointer.current ?? { x: 0, y: 0, keyboard: true };
    const d = e.shiftKey ? CURSOR_STEP / 10 : CURSOR_STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-d, 0],
      ArrowRight: [d, 0],
      ArrowUp: [0, d],
      ArrowDown: [0, -d],
    };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      const x = Math.max(region.xMin, Math.min(region.xMax, at.x + m[0]));
      const y = Math.max(region.yMin, Math.min(region.yMax, at.y + m[1]));
      pointer.current = { x: Number(x.toFixed(3)), y: Number(y.toFixed(3)), keyboard: true };
      notePlanePoint(pointer.current.x, pointer.current.y);
      showReadout();
    } else if (e.key === 'Enter' && pickFromPlane(at.x, at.y)) {
      e.preventDefault();
    } else if (e.key === 'Enter' && p.onPlaneClick) {
      // Drawing by keyboard: Enter adds a point at the cursor (Shift+Enter removes the nearest).
      e.preventDefault();
      p.onPlaneClick({ x: at.x, y: at.y, shiftKey: e.shiftKey, button: 0 });
    }
  };

  return (
    <div className="output-view">
      <div className="plane-frame">
        <div className="y-axis" aria-hidden="true">
          {yTicks.map((t) => (
            <span key={t} style={{ top: `${(yToPx(t, region, 1) * 100).toFixed(3)}%` }}>
              {fmtTick(t)}
            </span>
          ))}
        </div>
        <div
          ref={plane}
          className={`plane ${p.onPlaneClick ? 'is-editable' : ''}`}
          role="img"
          aria-label="Decision boundary of the network over the input plane, with the data points. Arrow keys read the output at a point."
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerLeave={hideReadout}
          onFocus={() => {
            pointer.current ??= { x: 0, y: 0, keyboard: true };
            showReadout();
          }}
          onBlur={hideReadout}
          onKeyDown={onKeyDown}
        >
          <canvas
            ref={heat}
            className="heat"
            width={1}
            height={1}
            data-testid="heatmap"
            data-showing={focus.source.kind === 'output' ? 'output' : focus.name}
          />
          <canvas ref={dots} className="dots" width={1} height={1} />
          <span ref={cursor} className="plane-cursor" hidden aria-hidden="true" />
          <PlanePick />
          <span ref={readout} className="plane-readout" data-testid="plane-readout" aria-live="polite" hidden />
          {focus.source.kind === 'output' ? null : (
            <p className="plane-caption" data-testid="plane-caption">
              Showing {focus.name.charAt(0).toLowerCase() + focus.name.slice(1)}
            </p>
          )}
        </div>
        <div className="x-axis" aria-hidden="true">
          {ticks.map((t) => (
            <span key={t} style={{ left: `${(xToPx(t, region, 1) * 100).toFixed(3)}%` }}>
              {fmtTick(t)}
            </span>
          ))}
        </div>
      </div>
      {p.classes && p.classes > 2 ? (
        <ClassLegend k={p.classes} />
      ) : (
        <Legend palette={palette} range={outputRange(p.outputActivation)} />
      )}
      <div className="output-toggles">
        <Toggle label="Show test data" checked={showTestData} onChange={p.onShowTestData} control="showTestData" />
        <Toggle label="Discretize output" checked={discretize} onChange={p.onDiscretize} control="discretize" />
      </div>
    </div>
  );
}

function fmtTick(t: number): string {
  return String(t).replace('-', '−');
}

function Legend({ palette, range }: { palette: CanvasPalette; range: { low: string; high: string } }) {
  return (
    <div className="legend" aria-hidden="true">
      <span>{range.low}</span>
      <span
        className="legend-bar"
        style={{
          background: `linear-gradient(to right, ${palette.negative}, ${rgbCss(divergingColor(0))}, ${palette.positive})`,
        }}
      />
      <span>{range.high}</span>
    </div>
  );
}

function ClassLegend({ k }: { k: number }) {
  return (
    <ul className="legend class-legend" aria-label="Class colours">
      {Array.from({ length: k }, (_, i) => (
        <li key={i}>
          <span className="swatch" aria-hidden="true" style={{ background: rgbCss(classColor(i, k)) }} />
          Class {i + 1}
        </li>
      ))}
    </ul>
  );
}

function rgbCss(c: readonly number[]): string {
  return `rgb(${Math.round(c[0] ?? 0)}, ${Math.round(c[1] ?? 0)}, ${Math.round(c[2] ?? 0)})`;
}

function drawHeat(
  canvas: HTMLCanvasElement | null,
  s: LiveState,
  palette: CanvasPalette,
  discretize: boolean,
  image: { current: ImageData | null },
  focus: PlaneFocus,
): void {
  const info = s.info;
  const snap = s.snapshot;
  if (!canvas || !info || !snap || snap.runId !== info.runId) return;
  const shown = focus.source;
  const R = gridSide(info, shown.kind);
  sizeCanvas(canvas, R, R);
  const ctx = context2d(canvas);
  if (!ctx) return;
  if (!image.current || image.current.width !== R) image.current = ctx.createImageData(R, R);
  const img = image.current;
  const outputs = info.sizes.at(-1) ?? 1;
  if (shown.kind === 'hidden')
    paintScalarField(img, snap.hiddenGrids, { lut: palette.lut, offset: shown.index * R * R });
  else if (shown.kind === 'input') paintScalarField(img, scaledFeatureGrid(info, shown.index), { lut: palette.lut });
  else if (info.problem === 'multiclass' && outputs > 1)
    paintClassField(img, snap.outputGrid, outputs, {
      classColors: palette.classes,
      background: palette.background,
      discretize,
    });
  else
    paintScalarField(img, snap.outputGrid, {
      lut: palette.lut,
      activation: info.outputActivation,
      discretize: discretize && info.problem !== 'regression',
    });
  ctx.putImageData(img, 0, 0);
}

function drawPoints(
  canvas: HTMLCanvasElement | null,
  s: LiveState,
  palette: CanvasPalette,
  showTest: boolean,
  cssSize: number,
): void {
  const info = s.info;
  if (!canvas || !info) return;
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const px = cssSize * dpr;
  sizeCanvas(canvas, px, px);
  const ctx = context2d(canvas);
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const r = Math.max(2.5, (cssSize / 110) * palette.scale) * dpr;
  const k = info.classes;
  const dot = (pts: Float64Array, labels: Float64Array, stroke: string, width: number) => {
    const n = labels.length;
    ctx.lineWidth = width * dpr;
    ctx.strokeStyle = stroke;
    for (let i = 0; i < n; i++) {
      const x = xToPx(pts[2 * i]!, info.region, px);
      const y = yToPx(pts[2 * i + 1]!, info.region, px);
      const label = labels[i]!;
      const c = info.problem === 'regression' ? divergingColor(label) : classColor(label, k);
      ctx.fillStyle = rgbCss(c);
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    }
  };
  // Regression values near 0 are as pale as the plane behind them: outline them darker.
  const trainStroke =
    info.problem === 'regression' && palette.theme !== 'dark' ? 'rgba(0, 0, 0, 0.45)' : palette.pointStroke;
  dot(info.trainPoints, info.trainLabels, trainStroke, 1 * palette.scale);
  if (showTest) dot(info.testPoints, info.testLabels, palette.testStroke, 1.5 * palette.scale);
}
