/**
 * The worker's scheduler for the training loop. A zero delay yields through a MessageChannel:
 * pending messages (pause, new settings) are handled first, and there is no 4 ms clamp as
 * nested setTimeout(0) has. Longer delays use setTimeout.
 */
export type Cancel = () => void;

export function createYieldScheduler(): (fn: () => void, delayMs: number) => Cancel {
  const channel = new MessageChannel();
  const queue = new Map<number, () => void>();
  let nextId = 1;
  channel.port1.onmessage = (e: MessageEvent<number>) => {
    const fn = queue.get(e.data);
    if (fn) {
      queue.delete(e.data);
      fn();
    }
  };
  return (fn, delayMs) => {
    if (delayMs > 0) {
      const t = setTimeout(fn, delayMs);
      return () => clearTimeout(t);
    }
    const id = nextId++;
    queue.set(id, fn);
    channel.port2.postMessage(id);
    return () => {
      queue.delete(id);
    };
  };
}
