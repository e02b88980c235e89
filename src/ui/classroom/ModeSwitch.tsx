/** The top bar's Simple / Full switch (data-control="mode"): two radio buttons styled as one segmented control. */
import { useId } from 'react';
import { setMode, useClassroom, type Mode } from '../../state/classroom.ts';
import { FieldHelp } from '../controls.tsx';
import './classroom.css';

const LABELS: Record<Mode, string> = { simple: 'Simple', full: 'Full' };

export function ModeSwitch() {
  const mode = useClassroom((s) => s.mode);
  const name = useId();
  const helpId = useId();
  return (
    <div className="mode-switch" data-control="mode">
      <div className="segmented" role="radiogroup" aria-label="Controls shown" aria-describedby={helpId}>
        {(['simple', 'full'] as const).map((m) => (
          <label key={m} className={mode === m ? 'is-on' : undefined}>
            <input type="radio" name={name} value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span>{LABELS[m]}</span>
          </label>
        ))}
      </div>
      <FieldHelp id={helpId} text={undefined} control="mode" label="Simple or Full" />
    </div>
  );
}
