/**
 * Which unit the network diagram points at (hover or keyboard focus), so the output plane can
 * show that unit's picture large, as TF Playground does. A tiny store of its own: the diagram
 * writes, the output view reads; nothing else needs it.
 */
import { useStore as useZustandStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { PlaneSource } from '../viz/readout.ts';

export interface PlaneFocus {
  /** What the plane shows, and its name for the caption ("unit 2 of layer 1"). */
  source: PlaneSource;
  name: string;
}

const OUTPUT: PlaneFocus = { source: { kind: 'output' }, name: 'Output' };

export const planeFocus = createStore<{ focus: PlaneFocus }>()(() => ({ focus: OUTPUT }));

export function focusUnit(focus: PlaneFocus | null): void {
  const next = focus ?? OUTPUT;
  const prev = planeFocus.getState().focus;
  if (prev.name === next.name && prev.source.kind === next.source.kind) return;
  planeFocus.setState({ focus: next });
}

export function usePlaneFocus(): PlaneFocus {
  return useZustandStore(planeFocus, (s) => s.focus);
}
