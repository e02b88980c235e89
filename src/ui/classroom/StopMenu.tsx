/**
 * The stop conditions in the top bar's run controls: "Stop at epoch" N and "Stop when test loss <"
 * x, folded in a small menu ("Stop", with what is set) so the bar stays one row. Empty = off.
 * The worker pauses exactly there (src/worker/stopRule.ts); the notice says why.
 */
import { useId, useRef, useState } from 'react';
import { STOP_LIMITS } from '../../share/config.ts';
import { setConfig, useStore } from '../../state/store.ts';
import { FieldError, FieldLabel } from '../controls.tsx';
import { useCloseOutside } from '../share/useCloseOutside.ts';
import './classroom.css';

/** "" → null (off); else a number in range, or an error message. */
export function parseStop(text: string, integer: boolean): { value: number | null } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  const range = integer ? STOP_LIMITS.epoch : STOP_LIMITS.testLoss;
  const v = integer
    ? /^\d+$/.test(t)
      ? Number(t)
      : NaN
    : /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)
      ? Number(t)
      : NaN;
  if (!Number.isFinite(v) || v < range.min || v > range.max || (!integer && v <= 0))
    return {
      error: integer
        ? `Type a whole number from ${range.min} to ${range.max}, or leave it empty.`
        : `Type a number above 0, like 0.05, or leave it empty.`,
    };
  return { value: v };
}

/** What the menu's button says: "Stop" alone, or what is set. */
export function stopSummary(stopEpoch: number | null, stopTestLoss: number | null): string {
  const parts: string[] = [];
  if (stopEpoch !== null) parts.push(`epoch ${stopEpoch}`);
  if (stopTestLoss !== null) parts.push(`loss < ${stopTestLoss}`);
  return parts.length > 0 ? `Stop: ${parts.join(', ')}` : 'Stop';
}

export function StopMenu() {
  const stopEpoch = useStore((s) => s.config.stopEpoch);
  const stopTestLoss = useStore((s) => s.config.stopTestLoss);
  const menu = useRef<HTMLDetailsElement>(null);
  useCloseOutside(menu);
  return (
    <details className="stop-menu" data-control="stop" ref={menu}>
      <summary className={stopEpoch !== null || stopTestLoss !== null ? 'is-set' : undefined}>
        {stopSummary(stopEpoch, stopTestLoss)}
      </summary>
      <div className="stop-items">
        <StopField
          label="Stop at epoch"
          control="stopEpoch"
          value={stopEpoch}
          integer
          placeholder="e.g. 500"
          onCommit={(v) => setConfig({ stopEpoch: v })}
        />
        <StopField
          label="Stop when test loss <"
          control="stopTestLoss"
          value={stopTestLoss}
          integer={false}
          placeholder="e.g. 0.05"
          onCommit={(v) => setConfig({ stopTestLoss: v })}
        />
      </div>
    </details>
  );
}

function StopField(p: {
  label: string;
  control: string;
  value: number | null;
  integer: boolean;
  placeholder: string;
  onCommit: (v: number | null) => void;
}) {
  const shown = p.value === null ? '' : String(p.value);
  const [text, setText] = useState(shown);
  const [prev, setPrev] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  if (prev !== shown) {
    setPrev(shown);
    setText(shown);
    setError(null);
  }
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  const apply = () => {
    const r = parseStop(text, p.integer);
    if ('error' in r) {
      setError(r.error);
      return;
    }
    setError(null);
    if (r.value !== p.value) p.onCommit(r.value);
  };
  return (
    <div className="field stop-field" data-control={p.control}>
      <FieldLabel htmlFor={id} label={p.label} helpId={helpId} control={p.control} />
      <input
        id={id}
        type="text"
        inputMode={p.integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        placeholder={p.placeholder}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={[helpId, error ? errorId : ''].filter(Boolean).join(' ')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
        onBlur={apply}
      />
      <FieldError id={errorId} text={error} />
    </div>
  );
}
