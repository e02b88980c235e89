import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { SPEEDS, type Speed, type Theme } from '../share/config.ts';
import { formatEpoch, formatNumber, speedLabel } from './labels.ts';
import './TopBar.css';
import './hood/hoodButtons.css';
import { StopSlider } from './settingsControls.tsx';
import { FieldHelp, FieldLabel } from './controls.tsx';
import { ModeSwitch } from './classroom/ModeSwitch.tsx';
import { StopMenu } from './classroom/StopMenu.tsx';
import { HistoryButton } from './history/HistoryButton.tsx';

export type RunStatus = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

export interface TopBarProps {
  status: RunStatus;
  epoch: number;
  trainLoss: number | null;
  testLoss: number | null;
  /** The numbers are the replay timeline's viewed epoch, not the live run's. */
  viewing?: boolean;
  speed: Speed;
  theme: Theme;
  onTogglePlay: () => void;
  onStep: () => void;
  /** Train the next minibatch and show every number of it (Under the hood); and without showing. */
  onExplainStep?: () => void;
  onBatchStep?: () => void;
  /** Inside an epoch: minibatches trained of the epoch's count. */
  batch?: { done: number; of: number } | null;
  onReset: () => void;
  onSpeed: (s: Speed) => void;
  onTheme: (t: Theme) => void;
  /** Extra toolbar items (e.g. "Copy link" from the share feature). */
  toolbar?: ReactNode;
  /** The "Compare" button (src/ui/compare). */
  compare?: ReactNode;
}

const THEMES: { value: Theme; label: string }[] = [
  { value: 'auto', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'projector', label: 'Projector' },
];

export function TopBar(p: TopBarProps) {
  const running = p.status === 'running';
  const themeId = useId();
  const helpId = useId();
  const moreId = useId();
  const [more, setMore] = useState(false);
  const bar = useRef<HTMLElement>(null);
  // Escape or a click outside the bar folds the tools away again.
  useEffect(() => {
    if (!more) return;
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMore(false);
    };
    const click = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setMore(false);
    };
    document.addEventListener('keydown', key);
    document.addEventListener('pointerdown', click);
    return () => {
      document.removeEventListener('keydown', key);
      document.removeEventListener('pointerdown', click);
    };
  }, [more]);
  return (
    <header className={`topbar${more ? ' more-open' : ''}`} ref={bar}>
      <h1 className="brand" data-control="text">
        Neural Network Playground
      </h1>
      <div className="transport" role="group" aria-label="Training">
        <button
          type="button"
          className={`play ${running ? 'is-running' : ''}`}
          data-control="play"
          onClick={p.onTogglePlay}
          title={running ? 'Pause (Space)' : 'Play (Space)'}
        >
          <span aria-hidden="true" className="play-icon">
            {running ? '❚❚' : '▶'}
          </span>
          <span className="play-text">{running ? 'Pause' : 'Play'}</span>
        </button>
        <button type="button" onClick={p.onStep} title="Step one epoch (S)" data-control="step">
          Step
        </button>
        <span className="hood-btns">
          {p.onExplainStep ? (
            <button
              type="button"
              className="hood-btn"
              onClick={p.onExplainStep}
              title="Train the next minibatch and show every number of it"
              aria-label="Explain step"
              data-control="explain"
            >
              Explain<span className="hood-btn-more"> step</span>
            </button>
          ) : null}
          {p.onBatchStep ? (
            <button
              type="button"
              className="hood-btn"
              onClick={p.onBatchStep}
              title="Train the next minibatch only"
              aria-label="Batch step"
              data-control="batch-step"
            >
              Batch<span className="hood-btn-more"> step</span>
            </button>
          ) : null}
        </span>
        <button type="button" onClick={p.onReset} title="Reset the weights (R)" data-control="reset">
          Reset
        </button>
        <FieldHelp id={`${helpId}-run`} text={undefined} control="play" label="Play, Step and Reset" />
        <StopMenu />
      </div>
      <dl className={`stats${p.viewing ? ' is-viewing' : ''}`} data-testid="stats">
        <div className="stat">
          <dt>{p.viewing ? 'Viewed epoch' : 'Epoch'}</dt>
          <dd data-testid="epoch">{formatEpoch(p.epoch)}</dd>
        </div>
        {p.batch ? (
          <div
            className="stat"
            title={`${p.epoch} epochs done, then ${p.batch.done} of the next epoch's ${p.batch.of} minibatches`}
          >
            <dt>Batch</dt>
            <dd data-testid="batch">
              {p.batch.done} of {p.batch.of}
            </dd>
          </div>
        ) : null}
        <div className="stat">
          <dt>Train loss</dt>
          <dd data-testid="train-loss">{formatNumber(p.trainLoss)}</dd>
        </div>
        <div className="stat">
          <dt>Test loss</dt>
          <dd data-testid="test-loss">{formatNumber(p.testLoss)}</dd>
        </div>
      </dl>
      {p.status === 'diverged' || p.status === 'error' ? (
        <p className="run-alert" data-testid="run-alert">
          {p.status === 'diverged'
            ? 'Diverged: lower the learning rate, then Reset'
            : 'Stopped by an error: Reset to retry'}
        </p>
      ) : null}
      {/* Below 1280 px the tools (and on a phone the settings) fold away; "More" shows them in a second row. */}
      <div className="bar-controls" id={moreId}>
        <ModeSwitch />
        <StopSlider<Speed>
          label="Speed"
          control="speed"
          className="speed-slider"
          value={p.speed}
          stops={SPEEDS}
          format={speedLabel}
          onCommit={p.onSpeed}
          delay={0}
          title="Epochs per second, on a log scale (Max: as fast as this computer trains)"
        />
        <div className="field inline" data-control="theme">
          <FieldLabel htmlFor={themeId} label="Theme" helpId={`${helpId}-theme`} control="theme" />
          <select
            id={themeId}
            aria-describedby={`${helpId}-theme`}
            value={p.theme}
            onChange={(e) => p.onTheme(e.target.value as Theme)}
          >
            {THEMES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        {p.compare}
        <HistoryButton />
        {p.toolbar ? <div className="toolbar-slot">{p.toolbar}</div> : null}
        <button
          type="button"
          className="more-toggle"
          data-control="more"
          aria-expanded={more}
          aria-controls={moreId}
          aria-label="More tools"
          title={more ? 'Fold the tools away (Esc)' : 'Theme, Compare, History, Lessons, Code, Copy link and File'}
          onClick={() => setMore((m) => !m)}
        >
          More
          <span aria-hidden="true" className="more-caret" />
        </button>
      </div>
    </header>
  );
}
