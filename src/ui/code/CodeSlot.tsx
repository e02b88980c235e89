/**
 * What the main bundle holds of the Code panel: the top-bar button and a lazy slot. The panel
 * itself (the generators and highlight.js) is its own chunk, loaded the first time it opens.
 */
import { useHood, type ExplainPhase } from '../../state/hood.ts';
import { lazy, Suspense } from 'react';
import type { CodePhase } from '../../codegen/program.ts';
import { toggleCode, useCode } from '../../state/code.ts';

const CodePanel = lazy(() => import('./CodePanel.tsx'));

export function CodeButton() {
  const open = useCode((s) => s.open);
  return (
    <button
      type="button"
      data-control="code"
      aria-pressed={open}
      onClick={toggleCode}
      title="The experiment as a program"
    >
      Code
    </button>
  );
}

/** The panel when open; `highlight` marks the lines that compute that phase of a training step. */
/** While "Explain step" walks through a phase, the code lines that compute it are marked. */
function phaseOf(kind: ExplainPhase['kind'] | undefined): CodePhase | null {
  if (kind === undefined) return null;
  return kind === 'gradients' ? 'backward' : kind;
}

export function CodeSlot({ highlight }: { highlight?: CodePhase | null }) {
  const open = useCode((s) => s.open);
  const explaining = useHood((s) => (s.open && s.tab === 'step' ? phaseOf(s.phase?.kind) : null));
  if (!open) return null;
  highlight ??= explaining;
  return (
    <Suspense fallback={<p className="code-loading">Loading the code…</p>}>
      <CodePanel highlight={highlight} />
    </Suspense>
  );
}
