// The only module that constructs a Worker. Everything else talks through TrainingClient.
import type { Command, WorkerEvent } from './protocol.ts';

/** What subscribers see: every worker event but the pongs, which the client's heartbeat consumes. */
export type ClientEvent = Exclude<WorkerEvent, { type: 'pong' }>;
export type Listener = (event: ClientEvent) => void;

export interface TrainingClient {
  send(command: Command): void;
  subscribe(listener: Listener): () => void;
  /** Stops the worker, the heartbeat and every listener; idempotent. */
  terminate(): void;
}

export type WorkerFactory = () => Worker;

/**
 * Liveness of a worker that dies or hangs without an `error` event (the browser kills one that ran
 * out of memory; a loop that never yields). One ping is in flight at a time: each tick sends one if
 * the previous one was answered, so a healthy worker is pinged every `intervalMs`.
 */
export interface HeartbeatOptions {
  intervalMs: number;
  /** Silence after a ping before the worker counts as dead: far above the worker's answer time. */
  timeoutMs: number;
}

/**
 * The worker answers between training slices (a frame, ~17 ms, plus one epoch and a snapshot at
 * most: well under a second even for the largest network at grid resolution 200); 8 s leaves a
 * busy machine a wide margin and still tells a person within ~10 s.
 */
export const HEARTBEAT: HeartbeatOptions = { intervalMs: 2000, timeoutMs: 8000 };

export const UNRESPONSIVE = 'The training worker stopped responding';

export interface ClientOptions {
  /** false: no heartbeat (a worker is then trusted to report its own death). */
  heartbeat?: Partial<HeartbeatOptions> | false | undefined;
}

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
  gradCheck: true,
  space: true,
  trace: true,
  checkpoints: true,
  checkpoint: true,
  lrRange: true,
};
const EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(KNOWN));

function isWorkerEvent(data: unknown): data is WorkerEvent {
  return typeof data === 'object' && data !== null && EVENT_TYPES.has((data as { type?: unknown }).type as string);
}

/** Unique across clients, so a pong can only ever answer the ping it was sent for. */
let nextNonce = 1;

export function createTrainingClient(
  factory: WorkerFactory = defaultFactory,
  options: ClientOptions = {},
): TrainingClient {
  const worker = factory();
  const listeners = new Set<Listener>();
  let terminated = false;

  const emit = (event: ClientEvent) => {
    for (const l of listeners) l(event);
  };

  // Heartbeat. A tab in the background has its timers throttled (to once a minute in Chrome after
  // a while) and a frozen or sleeping page runs none at all, so wall-clock silence alone would
  // condemn a healthy worker: after a freeze the overdue tick can run before the pong that waits in
  // the queue behind it. A ping therefore counts as missed only when BOTH `timeoutMs` have passed
  // since it was sent AND enough later ticks (timeoutMs / intervalMs of them) have found it
  // unanswered while the worker was known to be up: between two ticks the page handles the
  // messages already queued, so the worker really had those chances to answer. Ticks start counting
  // only once the worker has said anything at all, as a worker still loading its script on a slow
  // network is not dead (one that fails to load raises `error`). In a throttled tab a dead worker is
  // found later (a few minutes at worst), never wrongly.
  const beat = options.heartbeat === false ? null : { ...HEARTBEAT, ...options.heartbeat };
  const timeoutMs = beat?.timeoutMs ?? Infinity;
  const ticksToMiss = beat ? Math.max(1, Math.ceil(beat.timeoutMs / beat.intervalMs)) : 0;
  let heard = false;
  let ping: { nonce: number; sentAt: number; missedTicks: number } | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    terminated = true;
    clearInterval(timer);
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
  };
  const tick = () => {
    const now = performance.now();
    if (ping === null) {
      ping = { nonce: nextNonce++, sentAt: now, missedTicks: 0 };
      worker.postMessage({ type: 'ping', nonce: ping.nonce } satisfies Command);
      return;
    }
    if (heard) ping.missedTicks++;
    if (ping.missedTicks >= ticksToMiss && now - ping.sentAt >= timeoutMs) {
      stop();
      const seconds = Math.ceil((now - ping.sentAt) / 1000);
      emit({ type: 'error', message: `${UNRESPONSIVE} (no answer for ${seconds} s).`, fatal: true });
    }
  };
  if (beat) timer = setInterval(tick, beat.intervalMs);

  worker.onmessage = (e: MessageEvent<unknown>) => {
    heard = true;
    if (!isWorkerEvent(e.data)) {
      emit({ type: 'error', message: 'The training worker sent a message this page does not understand.' });
    } else if (e.data.type !== 'pong') {
      emit(e.data);
    } else if (ping !== null && e.data.nonce === ping.nonce) {
      ping = null;
    }
  };
  // An exception that escaped the worker's own handling, or a worker that failed to load: treat it as gone.
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    clearInterval(timer);
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
      if (!terminated) stop();
      listeners.clear();
    },
  };
}
