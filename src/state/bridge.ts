/**
 * The bridge between the store and the training worker: the store's only subscriber of
 * consequence. It starts the worker, says hello, sends the current config, feeds every event to
 * the store (which drops stale runs), and when the worker dies starts a fresh one and continues
 * from the latest snapshot's weights and trainer state with the whole history, so the run goes on
 * exactly as if nothing had happened (run.ts startCurrentRun), and says so only when it is true. A death is a fatal error event from
 * the client: the worker's own `error`, or the client's heartbeat finding it silent.
 */
import { useEffect } from 'react';
import { createTrainingClient, type ClientOptions, type TrainingClient, type WorkerFactory } from '../worker/client.ts';
import { PROTOCOL_VERSION, type WorkerEvent } from '../worker/protocol.ts';
import { ackPacer } from './ackPacer.ts';
import { frameStride } from './frame.ts';
import { connectWorker, receiveEvent, setWorkerState, startCurrentRun, store, type Resumed } from './store.ts';
import { installTestHook } from './testHook.ts';

export interface BridgeOptions {
  /** Builds the Worker (tests inject a fake); default: the real training worker. */
  factory?: WorkerFactory;
  /** Restarts allowed within `restartWindowMs` before giving up (a config that kills the worker every time). */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Ping interval and silence timeout of each worker (see client.ts); false: none. */
  heartbeat?: ClientOptions['heartbeat'];
}

/** Start the worker and wire it to the store; returns the function that stops and terminates it. */
export function startWorkerBridge(options: BridgeOptions = {}): () => void {
  const maxRestarts = options.maxRestarts ?? 3;
  const windowMs = options.restartWindowMs ?? 60_000;
  const restarts: number[] = [];
  let client: TrainingClient | null = null;
  let disconnect: (() => void) | null = null;
  let off: (() => void) | null = null;
  let stopped = false;

  const teardown = () => {
    off?.();
    disconnect?.();
    client?.terminate();
    off = disconnect = client = null;
  };

  const connect = (play: boolean): Resumed => {
    const c = createTrainingClient(options.factory, { heartbeat: options.heartbeat });
    client = c;
    setWorkerState('starting');
    // Flow control: acknowledge the latest snapshot on an animation frame (every other one while
    // comparing two runs), so the worker streams no faster than this page draws.
    const ack = ackPacer((a) => c.send({ type: 'ack', ...a }), frameStride);
    off = c.subscribe((event) => {
      if (event.type === 'error' && event.fatal) {
        restart(event);
        return;
      }
      receiveEvent(event);
      if (event.type === 'snapshot') ack(event.snapshot);
    });
    disconnect = connectWorker((command) =>
      c.send(command.type === 'init' ? { ...command, flowControl: true } : command),
    );
    c.send({ type: 'hello', protocol: PROTOCOL_VERSION, nonce: Date.now() % 1e9 });
    return startCurrentRun(true, play);
  };

  /** One notice per death: what happened and what follows. A run that was playing plays on. */
  const restart = (death: WorkerEvent & { type: 'error' }) => {
    if (stopped) return;
    const wasRunning = store.getState().run.status === 'running';
    const t = performance.now();
    while (restarts.length > 0 && t - restarts[0]! > windowMs) restarts.shift();
    teardown();
    if (restarts.length >= maxRestarts) {
      receiveEvent(death);
      setWorkerState('failed');
      store
        .getState()
        .addNotice(
          'The training worker keeps failing with this experiment. Change a setting or reload the page.',
          'error',
          'worker',
        );
      return;
    }
    restarts.push(t);
    const resumed = connect(wasRunning);
    store
      .getState()
      .addNotice(`${describeDeath(death.message)} ${describeResume(resumed, wasRunning)}`, 'warning', 'worker');
  };

  const uninstall = installTestHook();
  connect(false);
  return () => {
    stopped = true;
    uninstall();
    teardown();
  };
}

/** For App: start the bridge once, stop (and terminate the worker) on unmount. */
export function useTrainingBridge(options?: BridgeOptions): void {
  useEffect(() => startWorkerBridge(options), [options]);
}

/** What the fresh worker continues from, as a sentence; "nothing was lost" only when the run goes on exactly. */
export function describeResume(r: Resumed, training: boolean): string {
  const keeps = training ? ' and keeps training' : '';
  switch (r.from) {
    case 'snapshot':
      return `A fresh worker continues exactly where it was (epoch ${r.epoch})${keeps}; nothing was lost.`;
    case 'loaded':
      return r.exact
        ? `A fresh worker continues exactly from the loaded experiment (epoch ${r.epoch})${keeps}; nothing was lost.`
        : `A fresh worker continues from the loaded weights (epoch ${r.epoch})${keeps}, with a fresh optimizer and shuffle.`;
    case 'start':
      return r.diverged
        ? `The run had diverged, so a fresh worker starts it again from epoch 0${keeps}; your settings are kept.`
        : `A fresh worker starts this experiment from epoch 0${keeps}; your settings are kept.`;
  }
}

/** The death as a sentence: the client's own messages as they are, the browser's in brackets. */
function describeDeath(message: string): string {
  const m = message.trim().replace(/\.$/, '');
  if (m === '') return 'The training worker stopped.';
  return /^The training worker/.test(m) ? `${m}.` : `The training worker failed (${m}).`;
}
