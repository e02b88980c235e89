import { useId, type ReactNode } from 'react';
import { SPEEDS, type Speed, type Theme } from '../share/config.ts';
import { formatEpoch, formatNumber, speedLabel } from './labels.ts';
import './TopBar.css';
import { StopSlider } from './settingsControls.tsx';
import { HistoryButton } from './history/HistoryButton.tsx';

export type RunStatus = 'idle' | 'running' | 'paused' | 'diverged' | 'error';

export interface TopBarProps {
  status: RunStatus;
  epoch: number;
  trainLoss: number | null;
  testLoss: number | null;
  speed: Speed;
  theme: Theme;
  onTogglePlay: () => void;
  onStep: () => void;
  onReset: () => void;
  onSpeed: (s: Speed) => void;
  onTheme: (t: Theme) => void;
  /** Extra toolbar items (e.g. "Copy link" from the share feature). */
  toolbar?: ReactNode;
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
  return (
    <header className="topbar">
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
        <button type="button" onClick={p.onReset} title="Reset the weights (R)" data-control="reset">
          Reset
        </button>
      </div>
      <dl className="stats">
        <div className="stat">
          <dt>Epoch</dt>
          <dd data-testid="epoch">{formatEpoch(p.epoch)}</dd>
        </div>
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
      <div className="bar-controls">
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
          <label htmlFor={themeId}>Theme</label>
          <select id={themeId} value={p.theme} onChange={(e) => p.onTheme(e.target.value as Theme)}>
            {THEMES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <HistoryButton />
        {p.toolbar ? <div className="toolbar-slot">{p.toolbar}</div> : null}
      </div>
    </header>
  );
}
