// The only module that constructs a Worker. Everything else talks through TrainingClient.
import type { Command, WorkerEvent } from './protocol.ts';

export type Listener = (event: WorkerEvent) => void;

export interface TrainingClient {
  send(command: Command): void;
  subscribe(listener: Listener): () => void;
  terminate(): void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });

/** Every event type, checked by the compiler: a new event in protocol.ts must be listed here. */
const KNOWN: Record<WorkerEvent['type'], true> = {
  hello: true,
  pong: true,
  runInfo: true,
  snapshot: true,
  status: true,
  error: true,
  export: true,
  notice: true,
};
const EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(KNOWN));

function isWorkerEvent(data: unknown): data is WorkerEvent {
  return typeof data === 'object' && data !== null && EVENT_TYPES.has((data as { type?: unknown }).type as string);
}

export function createTrainingClient(factory: WorkerFactory = defaultFactory): TrainingClient {
  const worker = factory();
  const listeners = new Set<Listener>();
  let terminated = false;

  const emit = (event: WorkerEvent) => {
    for (const l of listeners) l(event);
  };
  worker.onmessage = (e: MessageEvent<unknown>) => {
    if (isWorkerEvent(e.data)) emit(e.data);
    else emit({ type: 'error', message: 'The training worker sent a message this page does not understand.' });
  };
  // An exception that escaped the worker's own handling, or a worker that failed to load: treat it as gone.
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    emit({ type: 'error', message: e.message || 'The training worker failed.', fatal: true });
  };
  worker.onmessageerror = () => emit({ type: 'error', message: 'A message from the worker could not be read.' });

  return {
    send(command) {
      if (!terminated) worker.postMessage(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate() {
      terminated = true;
      listeners.clear();
      worker.terminate();
    },
  };
}
