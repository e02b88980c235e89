/**
 * "Draw your own data": pick a class (or the eraser), then click the output plane. A click adds a
 * point of that class; shift-click or the eraser removes the nearest point. The first point drawn
 * on a generated dataset starts the 'custom' dataset from that dataset's points, and says so in a
 * notice (a learner drawing on the Circle data expects its points to stay, and should be told that
 * they are now editable copies and that the test points are shown).
 */
import { useCallback, useId, useRef } from 'react';
import type { PlaneClick } from '../OutputView.tsx';
import { addNotice, setConfig, useStore } from '../../state/store.ts';
import { SHARE_LIMITS } from '../../share/schema.ts';
import { CLASS_COLORS } from '../../viz/colors.ts';
import { DATASET_LABELS } from '../labels.ts';
import { useCloseOutside } from './useCloseOutside.ts';
import { addPoint, drawLabels, pointsOfRun, removeNearest, roundCoord } from './points.ts';

/** null: drawing off; 'erase'; or the label to draw. */
export type DrawTool = null | 'erase' | number;

export function usePlaneClick(tool: DrawTool): ((p: PlaneClick) => void) | undefined {
  const onClick = useCallback(
    (p: PlaneClick) => {
      if (tool === null || p.button !== 0) return;
      const s = useStore.getState();
      const c = s.config;
      let points = c.points;
      const first = c.dataset !== 'custom';
      if (first) {
        const run = s.runInfo ? pointsOfRun(s.runInfo) : { train: [], test: [] };
        // Rounded like drawn points (1/1000): the same picture, and a link short enough to hold it.
        points = [...run.train, ...run.test]
          .slice(0, SHARE_LIMITS.points.max)
          .map((q) => ({ x: roundCoord(q.x), y: roundCoord(q.y), label: Math.round(q.label * 1000) / 1000 }));
      }
      const copied = () => {
        if (first) addNotice(firstDrawNotice(DATASET_LABELS[c.dataset], points.length, c.showTestData), 'info', 'draw');
      };
      if (tool === 'erase' || p.shiftKey) {
        const next = removeNearest(points, p.x, p.y);
        if (next !== points || first) {
          setConfig({ dataset: 'custom', points: [...next], showTestData: true });
          copied();
        }
        return;
      }
      const next = addPoint(points, p.x, p.y, tool);
      if (!next) {
        addNotice(`At most ${SHARE_LIMITS.points.max} points: erase some first.`, 'warning', 'draw');
        return;
      }
      setConfig({ dataset: 'custom', points: next, showTestData: true });
      copied();
    },
    [tool],
  );
  return tool === null ? undefined : onClick;
}

/** What the first point drawn on a generated dataset did, in the words on the page. */
export function firstDrawNotice(dataset: string, copied: number, testShown: boolean): string {
  const what =
    copied > 0
      ? `Drawing on the ${dataset} data: its ${copied} points were copied so you can edit them.`
      : `Drawing your own points (the ${dataset} data had none).`;
  return testShown ? what : `${what} Test points are shown.`;
}

export function DrawTools({ tool, onTool }: { tool: DrawTool; onTool: (t: DrawTool) => void }) {
  const config = useStore((s) => s.config);
  const name = useId();
  const menu = useRef<HTMLDetailsElement>(null);
  useCloseOutside(menu);
  const labels = drawLabels(config);
  const regression = config.problem === 'regression';
  const swatch = (value: number): string =>
    (regression
      ? CLASS_COLORS[value > 0 ? 1 : 0]
      : CLASS_COLORS[Math.max(0, Math.min(CLASS_COLORS.length - 1, value))]) ?? '';
  // A tool for a label the problem no longer has is off.
  const active = typeof tool === 'number' && !labels.some((l) => l.value === tool) ? null : tool;
  return (
    <details className={`draw-menu${active === null ? '' : ' is-active'}`} data-control="draw" ref={menu}>
      {/* Labels of about the same width, so the top bar does not reflow when the tool changes. */}
      <summary>
        {active === null ? (
          'Draw data'
        ) : active === 'erase' ? (
          'Erasing'
        ) : (
          <>
            Drawing
            <span className="swatch" aria-hidden="true" data-color={swatch(active)} ref={paintSwatch(swatch(active))} />
          </>
        )}
      </summary>
      <div className="draw-items" role="radiogroup" aria-label="Draw points on the output plane">
        <label>
          <input type="radio" name={name} checked={active === null} onChange={() => onTool(null)} />
          Off
        </label>
        {labels.map((l) => (
          <label key={l.value}>
            <input type="radio" name={name} checked={active === l.value} onChange={() => onTool(l.value)} />
            <span
              className="swatch"
              aria-hidden="true"
              data-color={swatch(l.value)}
              ref={paintSwatch(swatch(l.value))}
            />
            {l.name}
          </label>
        ))}
        <label>
          <input type="radio" name={name} checked={active === 'erase'} onChange={() => onTool('erase')} />
          Eraser
        </label>
        <p className="draw-hint">Click the output plane to add a point; shift-click removes one.</p>
        <button
          type="button"
          disabled={config.dataset !== 'custom' || config.points.length === 0}
          onClick={() => setConfig({ points: [] })}
        >
          Clear drawn points
        </button>
      </div>
    </details>
  );
}

/**
 * Swatch colour set through the DOM (no inline style attribute needed for a dynamic colour). One
 * ref callback per colour: React calls a ref again only when the callback changes, so a single
 * shared callback painted the first colour chosen and never the next one.
 */
const swatchRefs = new Map<string, (el: HTMLSpanElement | null) => void>();
function paintSwatch(color: string): (el: HTMLSpanElement | null) => void {
  let ref = swatchRefs.get(color);
  if (!ref) {
    ref = (el) => {
      if (el) el.style.backgroundColor = color;
    };
    swatchRefs.set(color, ref);
  }
  return ref;
}
