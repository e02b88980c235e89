/**
 * The training worker's heap for the soak (scripts/bench-soak.ts): the page's CDP session sees
 * only the page's own heap, so this attaches to the worker's target from a browser-level session
 * (Target.attachToTarget, not flattened) and talks to it through Target.sendMessageToTarget.
 * A fresh attachment each time, as a replaced worker is a new target.
 */
import type { Browser } from '@playwright/test';

/** Heap used by the page's dedicated worker after a forced GC, MB; null when there is no worker. */
export async function workerHeapMB(browser: Browser): Promise<number | null> {
  const b = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await b.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'worker');
    if (!worker) return null;
    const { sessionId } = await b.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let nextId = 1;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => reject(new Error(`worker did not answer ${method}`)), 10_000);
        const onMessage = (e: { sessionId?: string; message: string }) => {
          const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: unknown };
          if (e.sessionId !== sessionId || m.id !== id) return;
          clearTimeout(timer);
          b.off('Target.receivedMessageFromTarget', onMessage);
          if (m.error) reject(new Error(JSON.stringify(m.error)));
          else resolve(m.result ?? {});
        };
        b.on('Target.receivedMessageFromTarget', onMessage);
        void b.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const heap = await call('Runtime.getHeapUsage');
    await b.send('Target.detachFromTarget', { sessionId });
    return Math.round(((heap.usedSize as number) / (1024 * 1024)) * 100) / 100;
  } finally {
    await b.detach();
  }
}
