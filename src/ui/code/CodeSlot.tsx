/**
 * What the main bundle holds of the Code panel: the top-bar button and a lazy slot. The panel
 * itself (the generators and highlight.js) is its own chunk, loaded the first time it opens.
 */
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
export function CodeSlot({ highlight = null }: { highlight?: CodePhase | null }) {
  const open = useCode((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="code-loading">Loading the code…</p>}>
      <CodePanel highlight={highlight} />
    </Suspense>
  );
}
