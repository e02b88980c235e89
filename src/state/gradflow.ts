/**
 * Gradient flow on the page: per weight layer, the gradient's norm over training, under the same
 * history rules as the loss chart (history.ts: bounded, evenly downsampled by averaging). Each
 * layer's series is a HistoryBuffer whose `trainLoss` column carries the norm. Published to React
 * at most every PUBLISH_MS, so the chart redraws a few times a second at most.
 */
import { create } from 'zustand';
import type { Snapshot } from '../worker/protocol.ts';
import { HistoryBuffer, type HistoryPoint } from './history.ts';

export const PUBLISH_MS = 250;

export interface GradFlowState {
  runId: number;
  /** One series per weight layer (0 = the first hidden layer's weights); the norm is `trainLoss`. */
  layers: HistoryPoint[][];
}

export const useGradFlow = create<GradFlowState>(() => ({ runId: 0, layers: [] }));

let buffers: HistoryBuffer[] = [];
let runId = 0;
let lastPublish = -Infinity;

/** Take a snapshot's gradient norms (events.ts calls it for every snapshot of the current run). */
export function addGradFlow(snap: Snapshot, now = performance.now()): void {
  if (snap.runId !== runId) {
    runId = snap.runId;
    buffers = [];
    lastPublish = -Infinity;
  }
  const flow = snap.gradFlow;
  if (flow) {
    while (buffers.length < flow.layers) buffers.push(new HistoryBuffer());
    for (let i = 0; i < flow.epochs.length; i++) {
      for (let l = 0; l < flow.layers; l++)
        buffers[l]!.add(flow.epochs[i]!, { trainLoss: flow.norms[i * flow.layers + l]! });
    }
  }
  if (now - lastPublish >= PUBLISH_MS || snap.status !== 'running') {
    lastPublish = now;
    useGradFlow.setState({ runId, layers: buffers.map((b) => b.toArray()) });
  }
}
