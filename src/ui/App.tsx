import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { FeatureName } from '../nn/types.ts';
import { networkSizes, outputFor, type ExperimentConfig } from '../share/config.ts';
import type { PanelId } from '../share/embed.ts';
import { useTrainingBridge } from '../state/bridge.ts';
import { useCompare } from '../state/compare.ts';
import { CompareButton } from './compare/CompareButton.tsx';
import { regenerate, reset, setConfig, setSpeed, setWeight, step, togglePlay, useStore } from '../state/store.ts';
import { useThrottled } from './useThrottled.ts';
import { RunStats } from './RunStats.tsx';
import { Announcer, statusAnnouncement } from './Announcer.tsx';
import { CodeButton, CodeSlot } from './code/CodeSlot.tsx';
import { addLayer, changeUnits, removeLayer, toggleFeature, type ShapeResult } from './configPatches.ts';
import { ConfusionMatrix, confusionSetOf } from './ConfusionMatrix.tsx';
import { Panel } from './controls.tsx';
import { DataPanel } from './DataPanel.tsx';
import { FeaturesPanel } from './FeaturesPanel.tsx';
import { HyperPanel } from './HyperPanel.tsx';
import type { LiveSource } from './live.ts';
import { LossChart } from './LossChart.tsx';
import { NoticeList } from './NoticeList.tsx';
import { TfpgBanner } from './TfpgBanner.tsx';
import { TFPG_MISSING_FEATURES } from '../share/tfpgMode.ts';
import { NetworkDiagram } from './NetworkDiagram.tsx';
import { NetworkPanel } from './NetworkPanel.tsx';
import { OutputView, type PlaneClick } from './OutputView.tsx';
import { previewPainter } from './previews.ts';
import { paletteFor, useResolvedTheme, type CanvasPalette } from './theme.ts';
import { TableView } from './TableView.tsx';
import { hasTable, tableRows } from './tableRows.ts';
import { TopBar } from './TopBar.tsx';
import { batchStep, explainStep, useHood } from '../state/hood.ts';
import { backToLive, useTimeline } from '../state/timeline.ts';
import { useLazyRunRecorder } from './history/historyView.ts';
import { Timeline } from './timeline/Timeline.tsx';
import { timelineSource } from './timeline/source.ts';
import { useShortcuts } from './useShortcuts.ts';
import { BreakBanner } from './hood/BreakBanner.tsx';
import { GradFlowSection } from './hood/GradFlowChart.tsx';

export interface AppProps {
  /** Extra top-bar items ("Copy link", export...). */
  toolbar?: ReactNode;
  /** Shown above the panels (e.g. notices about a link). Default: the store's notices. */
  notices?: ReactNode;
  /** Click on the output plane, in data coordinates (draw-your-own-data mode). */
  onPlaneClick?: (p: PlaneClick) => void;
  /** Panels to leave out (embed mode). */
  hidden?: ReadonlySet<PanelId>;
}

/** The store as the canvases see it (or the replay timeline's viewed epoch): read without React, redrawn on animation frames. */
const liveSource: LiveSource = timelineSource;

const NONE: ReadonlySet<PanelId> = new Set();
/** Two runs side by side: a lazy chunk, loaded when Compare is pressed. */
const CompareBoard = lazy(() => import('./compare/CompareBoard.tsx'));
/** Under the hood: its own chunk (with Temml), loaded when first opened. */
const HoodPanel = lazy(() => import('./hood/HoodPanel.tsx'));

export function App({ toolbar, notices, onPlaneClick, hidden = NONE }: AppProps) {
  useTrainingBridge();
  useLazyRunRecorder();
  const config = useStore((s) => s.config);
  const theme = useResolvedTheme(config.theme);
  const palette = paletteFor(theme);
  const comparing = useCompare((s) => s.active);
  const [announce, setAnnounce] = useState({ text: '', nonce: 0 });
  const [limit, setLimit] = useState<{ where: 'network' | 'features'; text: string } | null>(null);

  // Before paint, so a dark-preferring visitor never sees a light flash.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const say = useCallback((text: string) => setAnnounce((a) => ({ text, nonce: a.nonce + 1 })), []);

  // Status changes → live region.
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        if (s.run.status !== prev.run.status) {
          const text =
            s.run.status === 'idle' && prev.run.status !== 'idle'
              ? `Ready at epoch ${s.run.epoch}`
              : statusAnnouncement(s.run.status, s.run.message, s.run.epoch);
          if (text) say(text);
        }
      }),
    [say],
  );

  useShortcuts({ togglePlay, step: () => step(), reset });

  const applyShape = useCallback(
    (where: 'network' | 'features', r: ShapeResult) => {
      if ('limit' in r) {
        setLimit({ where, text: r.limit });
        say(r.limit);
        return;
      }
      setLimit(null);
      setConfig(r.patch);
    },
    [say],
  );

  const onChange = useCallback((patch: Partial<ExperimentConfig>) => setConfig(patch), []);
  const cfg = () => useStore.getState().config;
  const { features, hidden: layers, problem, classes } = config;
  const sizes = useMemo(
    () => networkSizes({ features, hidden: layers, problem, classes }),
    [features, layers, problem, classes],
  );

  return (
    <div className="app">
      <TopBarContainer
        theme={config.theme}
        speed={config.speed}
        toolbar={
          <>
            {toolbar}
            <CodeButton />
          </>
        }
      />
      <div className="notices-slot">{notices ?? <StoreNotices />}</div>
      <BreakBanner />
      <TfpgBanner />
      <HoodSlot />
      <main className="layout" data-compare={comparing ? '' : undefined}>
        <div className="col col-left">
          {hidden.has('data') ? null : (
            <DataPanel
              config={config}
              onChange={onChange}
              onRegenerate={regenerate}
              paintPreview={previewPainter(palette)}
            />
          )}
        </div>
        <div className="col col-feat">
          {hidden.has('features') ? null : (
            <FeaturesPanel
              features={config.features}
              onToggle={(f: FeatureName, on: boolean) => applyShape('features', toggleFeature(cfg(), f, on))}
              limitMessage={limit?.where === 'features' ? limit.text : null}
              lut={palette.lut}
              unavailable={config.engineMode === 'tfpg' ? TFPG_MISSING_FEATURES : undefined}
            />
          )}
        </div>
        <div className="col col-mid">
          {hidden.has('network') ? null : (
            <NetworkPanel
              hidden={config.hidden}
              onAddLayer={() => applyShape('network', addLayer(cfg()))}
              onRemoveLayer={() => applyShape('network', removeLayer(cfg()))}
              onUnits={(layer, delta) => applyShape('network', changeUnits(cfg(), layer, delta))}
              limitMessage={limit?.where === 'network' ? limit.text : null}
              renderDiagram={(header) => (
                <NetworkDiagram
                  source={liveSource}
                  palette={palette}
                  sizes={sizes}
                  features={config.features}
                  onSetWeight={setWeight}
                  onEdit={backToLive}
                  header={header}
                />
              )}
            />
          )}
          {hidden.has('hyper') ? null : (
            <HyperPanel config={config} onChange={onChange} onProblem={(problem) => setConfig({ problem })} />
          )}
          {hidden.has('chart') || comparing ? null : <ChartContainer palette={palette} problem={config.problem} />}
        </div>
        <div className="col col-right">
          {comparing ? (
            <Suspense fallback={null}>
              <CompareBoard palette={palette} />
            </Suspense>
          ) : null}
          {hidden.has('output') || comparing ? null : (
            <Panel title="Output" className="output-panel">
              <OutputView
                source={liveSource}
                palette={palette}
                showTestData={config.showTestData}
                discretize={config.discretize}
                classes={config.problem === 'multiclass' ? config.classes : 2}
                outputActivation={outputFor(config.problem, config.loss, config.output).activation}
                onShowTestData={(showTestData) => setConfig({ showTestData })}
                onDiscretize={(discretize) => setConfig({ discretize })}
                {...(onPlaneClick ? { onPlaneClick } : {})}
              />
            </Panel>
          )}
          {hidden.has('output') || comparing ? null : <TableContainer />}
          {hidden.has('output') || comparing || config.problem === 'regression' ? null : <ConfusionContainer />}
        </div>
      </main>
      <CodeSlot />
      <footer className="shortcuts">
        <span>
          Keys: <kbd>Space</kbd> play/pause · <kbd>S</kbd> step · <kbd>R</kbd> reset
        </span>
        <WorkerStatus />
      </footer>
      <Announcer message={announce.text} nonce={announce.nonce} />
    </div>
  );
}

function TopBarContainer(p: {
  theme: ExperimentConfig['theme'];
  speed: ExperimentConfig['speed'];
  toolbar: ReactNode;
}) {
  const status = useStore((s) => s.run.status);
  return (
    <TopBar
      status={status}
      stats={<RunStatsContainer />}
      speed={p.speed}
      theme={p.theme}
      onTogglePlay={togglePlay}
      onStep={() => step()}
      onExplainStep={explainStep}
      onBatchStep={batchStep}
      onReset={reset}
      onSpeed={setSpeed}
      onTheme={(theme) => setConfig({ theme })}
      toolbar={p.toolbar}
      compare={<CompareButton />}
    />
  );
}

/** The top bar's numbers: the epoch and losses re-read 10×/s while training, enough to read. */
function RunStatsContainer() {
  const status = useStore((s) => s.run.status);
  const run = useThrottled((s) => s.run, status === 'running' ? 100 : 0);
  // The replay timeline's viewed epoch: its numbers, marked as viewed.
  const viewed = useTimeline((s) => s.viewing);
  const { epoch, trainLoss, testLoss } = viewed ?? run;
  // Two numbers, not the snapshot's object (a new one per snapshot would re-render every frame).
  const batchDone = useStore((s) => s.snapshot?.batch?.done ?? 0);
  const batchOf = useStore((s) => s.snapshot?.batch?.of ?? 0);
  const batch = useMemo(() => (batchOf > 0 ? { done: batchDone, of: batchOf } : null), [batchDone, batchOf]);
  return (
    <RunStats
      epoch={epoch}
      trainLoss={trainLoss}
      testLoss={testLoss}
      batch={viewed ? null : batch}
      viewing={viewed !== null}
    />
  );
}

function HoodSlot() {
  const open = useHood((s) => s.open);
  return open ? (
    <Suspense fallback={null}>
      <HoodPanel />
    </Suspense>
  ) : null;
}

function ConfusionContainer() {
  const live = useThrottled((s) => s.snapshot?.confusion ?? null, 250);
  // While the timeline views a checkpoint: that epoch's counts (the worker counted them with its weights).
  const viewed = useTimeline((s) => s.viewing);
  const confusion = viewed ? viewed.confusion : live;
  const k = useStore((s) => s.runInfo?.classes ?? (s.config.problem === 'multiclass' ? s.config.classes : 2));
  const set = useStore((s) => confusionSetOf(s.snapshot, s.runInfo));
  return (
    <Panel title="Confusion matrix" className="confusion-panel" control="confusion">
      <ConfusionMatrix
        counts={confusion && confusion.length === k * k ? confusion : null}
        k={k}
        set={set}
        viewedEpoch={viewed?.epoch ?? null}
      />
    </Panel>
  );
}

/** The table of a tiny dataset, its outputs recomputed once per snapshot. */
function TableContainer() {
  const info = useStore((s) => s.runInfo);
  // Only a network with a table follows the snapshots (the others would re-render every frame for nothing).
  const live = useStore((s) => (hasTable(s.runInfo) ? s.snapshot : null));
  const viewed = useTimeline((s) => s.viewing);
  const snapshot = viewed ?? live;
  const rows = useMemo(
    () => (hasTable(info) ? tableRows(info, snapshot?.runId === info.runId ? snapshot.params : null) : null),
    [info, snapshot],
  );
  if (!rows) return null;
  return (
    <Panel title="Table" className="table-panel">
      <TableView rows={rows} viewedEpoch={viewed?.epoch ?? null} />
    </Panel>
  );
}

function ChartContainer({ palette, problem }: { palette: CanvasPalette; problem: ExperimentConfig['problem'] }) {
  // The store republishes the history 10×/s while training (HISTORY_PUBLISH_MS); the chart follows.
  const history = useStore((s) => s.history);
  const marker = useTimeline((s) => s.viewingEpoch);
  const classification = problem !== 'regression';
  return (
    <Panel title="Training" className="chart-panel">
      <LossChart
        history={history}
        showAccuracy={classification}
        colors={palette.chart}
        fontSize={palette.theme === 'projector' ? 16 : 12}
        height={palette.theme === 'projector' ? 220 : 170}
        marker={marker}
      />
      <GradFlowSection palette={palette} />
      <Timeline />
    </Panel>
  );
}

function StoreNotices() {
  const notices = useStore((s) => s.notices);
  if (notices.length === 0) return null;
  return <NoticeList notices={notices} />;
}

function WorkerStatus() {
  const worker = useStore((s) => s.worker);
  const status = useStore((s) => s.run.status);
  const { epoch } = useThrottled((s) => s.run, status === 'running' ? 100 : 0);
  return (
    <span className="worker-status">
      <span data-testid="worker-status">Training worker: {worker}</span>
      <span className="visually-hidden" data-testid="run-status">
        Run: {status}, epoch {epoch}
      </span>
    </span>
  );
}
