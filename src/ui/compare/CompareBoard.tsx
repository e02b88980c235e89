/**
 * The comparison (a lazy chunk): which run the controls edit (buttons, keys A and B), Keep A /
 * Keep B, the line saying what differs, both runs' output planes and small networks, and one loss
 * chart and one accuracy chart with both runs. The runs' state comes from src/state/compare.ts:
 * the run being edited from the main store, the other from the compare store.
 */
import { useEffect, useMemo } from 'react';
import { networkSizes, outputFor } from '../../share/config.ts';
import type { HistoryPoint } from '../../state/history.ts';
import { compareStore, keep, setEditing, slotState, useCompare, type Slot } from '../../state/compare.ts';
import { setConfig, setWeight, store, useStore } from '../../state/store.ts';
import { Panel } from '../controls.tsx';
import { formatEpoch, formatNumber } from '../labels.ts';
import type { LiveSource } from '../live.ts';
import { NetworkDiagram } from '../NetworkDiagram.tsx';
import { OutputView } from '../OutputView.tsx';
import type { CanvasPalette } from '../theme.ts';
import { isTypingTarget } from '../useShortcuts.ts';
import { useThrottledRead } from '../useThrottled.ts';
import { CompareCharts } from './CompareCharts.tsx';
import { describeDifference } from './configDiff.ts';
import './compare.css';

const EMPTY: readonly HistoryPoint[] = [];

/** Either run changed (the edited run lives in the main store, the other in the compare store). */
function subscribeBoth(listener: () => void): () => void {
  const offA = store.subscribe(listener);
  const offB = compareStore.subscribe(listener);
  return () => {
    offA();
    offB();
  };
}
/** A run's canvases read it wherever it is held, redrawn when either store changes. */
function slotSource(slot: Slot): LiveSource {
  return {
    get: () => {
      const s = slotState(slot);
      return { info: s?.runInfo ?? null, snapshot: s?.snapshot ?? null };
    },
    subscribe: subscribeBoth,
  };
}
const SOURCES: Record<Slot, LiveSource> = { A: slotSource('A'), B: slotSource('B') };

/** A slot's value, re-rendered when it changes in either store. */
function useSlot<T>(slot: Slot, pick: (s: NonNullable<ReturnType<typeof slotState>>) => T, fallback: T): T {
  const editing = useCompare((s) => s.editing);
  const mine = useStore((s) => pick(s));
  const other = useCompare((s) => (s.other ? pick(s.other) : fallback));
  return slot === editing ? mine : other;
}

export default function CompareBoard({ palette }: { palette: CanvasPalette }) {
  const editing = useCompare((s) => s.editing);
  const configA = useSlot('A', (s) => s.config, store.getState().config);
  const configB = useSlot('B', (s) => s.config, store.getState().config);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      const k = e.key.toLowerCase();
      if (k !== 'a' && k !== 'b') return;
      e.preventDefault();
      setEditing(k === 'a' ? 'A' : 'B');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Panel title="Compare A and B" className="compare-panel">
      <div className="compare-head">
        <div className="compare-switch" role="group" aria-label="Run the controls edit">
          {(['A', 'B'] as const).map((slot) => (
            <button
              key={slot}
              type="button"
              aria-pressed={editing === slot}
              data-control={`edit-${slot.toLowerCase()}`}
              onClick={() => setEditing(slot)}
              title={`Edit run ${slot} (key ${slot})`}
            >
              Edit {slot}
            </button>
          ))}
        </div>
        <p className={`editing-marker run-${editing.toLowerCase()}`} data-testid="editing-marker" aria-live="polite">
          Editing {editing}
        </p>
        <div className="compare-keep">
          <button type="button" data-control="keep-a" onClick={() => keep('A')} title="Leave the comparison with run A">
            Keep A
          </button>
          <button type="button" data-control="keep-b" onClick={() => keep('B')} title="Leave the comparison with run B">
            Keep B
          </button>
        </div>
      </div>
      <p className="compare-diff" data-testid="compare-diff">
        {describeDifference(configA, configB)}
      </p>
      <p className="compare-hint">
        Keys <kbd>A</kbd> and <kbd>B</kbd> choose the run the controls edit. Play, Step and Reset act on both; a change
        to the network or the data starts both again.
      </p>
      <div className="compare-runs">
        <RunCard slot="A" editing={editing === 'A'} palette={palette} />
        <RunCard slot="B" editing={editing === 'B'} palette={palette} />
      </div>
      <BoardCharts palette={palette} showAccuracy={configA.problem !== 'regression'} />
      <div className="compare-nets">
        <SmallNetwork slot="A" editing={editing === 'A'} palette={palette} />
        <SmallNetwork slot="B" editing={editing === 'B'} palette={palette} />
      </div>
    </Panel>
  );
}

/** Both runs' histories, as the charts show them. */
interface Histories {
  a: readonly HistoryPoint[];
  b: readonly HistoryPoint[];
}
function histories(): Histories {
  return { a: slotState('A')?.history ?? EMPTY, b: slotState('B')?.history ?? EMPTY };
}
/**
 * While training, the charts and the cards' numbers re-read at most this often: each run republishes
 * its history 10 times a second, at different moments.
 */
const LIVE_MS = 100;
const sameHistories = (p: Histories, q: Histories) => p.a === q.a && p.b === q.b;

function BoardCharts({ palette, showAccuracy }: { palette: CanvasPalette; showAccuracy: boolean }) {
  // Both histories, at most every LIVE_MS: the two runs' republishing would otherwise redraw both charts twice as often.
  const { a, b } = useThrottledRead(histories, subscribeBoth, LIVE_MS, sameHistories);
  const projector = palette.theme === 'projector';
  return (
    <CompareCharts
      a={a}
      b={b}
      showAccuracy={showAccuracy}
      colors={palette.chart}
      fontSize={projector ? 16 : 12}
      height={projector ? 200 : 150}
    />
  );
}

function RunCard({ slot, editing, palette }: { slot: Slot; editing: boolean; palette: CanvasPalette }) {
  const config = useSlot(slot, (s) => s.config, store.getState().config);
  const { problem, classes } = config;
  return (
    <article
      className={`compare-run ${editing ? 'is-editing' : ''}`}
      aria-label={`Run ${slot}${editing ? ', being edited' : ''}`}
      data-run={slot}
    >
      <header className="compare-run-head">
        <h3>
          Run {slot}
          {editing ? <span className="compare-editing-tag"> · editing</span> : null}
        </h3>
        <RunStats slot={slot} />
      </header>
      <OutputView
        source={SOURCES[slot]}
        palette={palette}
        showTestData={config.showTestData}
        discretize={config.discretize}
        classes={problem === 'multiclass' ? classes : 2}
        outputActivation={outputFor(problem, config.loss, config.output).activation}
        onShowTestData={(showTestData) => setConfig({ showTestData })}
        onDiscretize={(discretize) => setConfig({ discretize })}
      />
    </article>
  );
}

/** The numbers that change every snapshot, in their own component: the plane is not re-rendered for them. */
function RunStats({ slot }: { slot: Slot }) {
  const running = useSlot(slot, (s) => s.run.status === 'running', false);
  const { epoch, testLoss, status } = useThrottledRead(
    () => {
      const run = slotState(slot)?.run;
      return { epoch: run?.epoch ?? 0, testLoss: run ? (run.testLoss ?? run.trainLoss) : null, status: run?.status };
    },
    subscribeBoth,
    running ? LIVE_MS : 0,
    (p, q) => p.epoch === q.epoch && p.testLoss === q.testLoss && p.status === q.status,
  );
  return (
    <>
      <span className="compare-stat">
        Epoch <span data-testid={`compare-epoch-${slot}`}>{formatEpoch(epoch)}</span>
      </span>
      <span className="compare-stat">
        Loss <span data-testid={`compare-loss-${slot}`}>{formatNumber(testLoss)}</span>
      </span>
      {status === 'diverged' ? <span className="compare-alert">Diverged</span> : null}
    </>
  );
}

/** A run's network, small: weights are edited on the run being edited (a click on the other selects it). */
function SmallNetwork({ slot, editing, palette }: { slot: Slot; editing: boolean; palette: CanvasPalette }) {
  const config = useSlot(slot, (s) => s.config, store.getState().config);
  const { features, hidden, problem, classes } = config;
  const sizes = useMemo(
    () => networkSizes({ features, hidden, problem, classes }),
    [features, hidden, problem, classes],
  );
  return (
    <figure className="compare-net" data-run={slot}>
      <figcaption>Network {slot}</figcaption>
      <NetworkDiagram
        source={SOURCES[slot]}
        palette={palette}
        sizes={sizes}
        features={features}
        onSetWeight={editing ? setWeight : () => setEditing(slot)}
      />
    </figure>
  );
}
