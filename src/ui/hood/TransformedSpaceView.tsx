/**
 * The "Space" tab: pick a hidden layer and two of its units; the training points and the input
 * plane's grid as those two units see them, live while training (requested from the worker at
 * most every REFRESH_MS, one request at a time), with the output behind when the layer is the last
 * hidden one. This is how hidden layers make the data easier to separate.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { requestSpace, useGradCheck } from '../../state/gradcheck.ts';
import { useStore } from '../../state/store.ts';
import { context2d, sizeCanvas } from '../live.ts';
import { paletteFor, useResolvedTheme } from '../theme.ts';
import { drawSpace } from './spaceDraw.ts';
import './TransformedSpaceView.css';

/** At most this often while training: a few times a second. */
export const REFRESH_MS = 250;
const CSS_SIZE = 360;

export function TransformedSpaceView() {
  const info = useStore((s) => s.runInfo);
  const config = useStore((s) => s.config);
  const palette = paletteFor(useResolvedTheme(config.theme));
  const space = useGradCheck((s) => s.space);
  const hiddenSizes = info ? info.sizes.slice(1, -1) : [];
  const [choice, setChoice] = useState({ layer: 0, a: 0, b: 1 });
  const layer = Math.min(choice.layer, Math.max(0, hiddenSizes.length - 1));
  const units = hiddenSizes[layer] ?? 0;
  const a = Math.min(choice.a, Math.max(0, units - 1));
  const b = Math.min(choice.b, Math.max(0, units - 1));
  const ids = { layer: useId(), a: useId(), b: useId() };
  const canvas = useRef<HTMLCanvasElement>(null);

  // Ask for the view now and again as snapshots arrive, at most every REFRESH_MS.
  useEffect(() => {
    if (hiddenSizes.length === 0 || units === 0) return;
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const ask = () => {
      timer = null;
      last = performance.now();
      if (!requestSpace(layer, a, b)) timer = setTimeout(ask, REFRESH_MS);
    };
    ask();
    const off = useStore.subscribe((s, prev) => {
      if (s.snapshot === prev.snapshot || timer !== null) return;
      timer = setTimeout(ask, Math.max(0, REFRESH_MS - (performance.now() - last)));
    });
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [layer, a, b, hiddenSizes.length, units, info]);

  const shown = space && space.layer === layer && space.unitA === a && space.unitB === b ? space : null;
  useEffect(() => {
    const c = canvas.current;
    if (!c || !shown || !info) return;
    const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
    const size = Math.round(CSS_SIZE * dpr);
    sizeCanvas(c, size, size);
    const ctx = context2d(c);
    if (!ctx) return;
    drawSpace(ctx, size, shown, {
      palette,
      problem: info.problem,
      classes: info.classes,
      outputActivation: info.outputActivation,
      labels: info.trainLabels,
    });
  }, [shown, info, palette]);

  if (!info) return <p>Waiting for the network…</p>;
  if (hiddenSizes.length === 0)
    return <p className="space-empty">This network has no hidden layer: add one to see the space it makes.</p>;
  const unitOptions = Array.from({ length: units }, (_, u) => (
    <option key={u} value={u}>
      Unit {u + 1}
    </option>
  ));
  const last = layer === hiddenSizes.length - 1;
  return (
    <div className="space-view">
      <p className="space-intro">
        Each hidden layer moves the points to a new place. Here are the training points and the grid of the input plane
        as two units of one layer see them: a straight line through this picture is what the next layer can draw.
      </p>
      <div className="space-controls">
        <label htmlFor={ids.layer}>Layer</label>
        <select
          id={ids.layer}
          data-control="space-layer"
          value={layer}
          onChange={(e) => setChoice({ layer: Number(e.target.value), a: 0, b: 1 })}
        >
          {hiddenSizes.map((n, l) => (
            <option key={l} value={l}>
              Hidden layer {l + 1} ({n} units)
            </option>
          ))}
        </select>
        <label htmlFor={ids.a}>Across</label>
        <select
          id={ids.a}
          data-control="space-unit-a"
          value={a}
          onChange={(e) => setChoice({ layer, a: Number(e.target.value), b })}
        >
          {unitOptions}
        </select>
        <label htmlFor={ids.b}>Up</label>
        <select
          id={ids.b}
          data-control="space-unit-b"
          value={b}
          onChange={(e) => setChoice({ layer, a, b: Number(e.target.value) })}
        >
          {unitOptions}
        </select>
      </div>
      <canvas
        ref={canvas}
        className="space-canvas"
        data-testid="space-canvas"
        role="img"
        aria-label={`Training points and the input grid as unit ${a + 1} (across) and unit ${b + 1} (up) of hidden layer ${layer + 1} see them`}
        style={{ width: CSS_SIZE, height: CSS_SIZE }}
      />
      <p className="space-note">
        {units < 2 ? 'This layer has one unit: both axes show it. ' : ''}
        {last
          ? units > 2
            ? "Behind: what the output says for these two units' values, with the layer's other units held at their average."
            : "Behind: what the output says for these two units' values."
          : 'The output is drawn behind the last hidden layer only.'}
      </p>
    </div>
  );
}
