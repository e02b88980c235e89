/**
 * What the canvases (output plane, network) draw: the store's run info and latest snapshot, or
 * while the replay timeline views a checkpoint, that checkpoint's snapshot (src/state/timeline.ts).
 */
import { useStore } from '../../state/store.ts';
import { timelineStore } from '../../state/timeline.ts';
import type { LiveSource } from '../live.ts';

export const timelineSource: LiveSource = {
  get: () => {
    const s = useStore.getState();
    return { info: s.runInfo, snapshot: timelineStore.getState().viewing ?? s.snapshot };
  },
  subscribe: (listener) => {
    const offStore = useStore.subscribe(listener);
    const offTimeline = timelineStore.subscribe(listener);
    return () => {
      offStore();
      offTimeline();
    };
  },
};
