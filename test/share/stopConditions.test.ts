/** Stop conditions as experiment settings: link keys, the schema's gate, the file, and the store's live update. */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { readExperimentFile, writeExperimentFile } from '../../src/share/file.ts';
import { decodeHash, encodeHash } from '../../src/share/hash.ts';
import { validateConfig } from '../../src/share/schema.ts';
import { stopText } from '../../src/state/events.ts';
import {
  connectWorker,
  receiveEvent,
  resetStoreForTests,
  setConfig,
  startCurrentRun,
  store,
} from '../../src/state/store.ts';
import type { Command } from '../../src/worker/protocol.ts';

const withStops: ExperimentConfig = { ...DEFAULT_CONFIG, stopEpoch: 500, stopTestLoss: 0.05 };

describe('stop conditions in a link', () => {
  it('are written as stopEpoch= and stopLoss= only when set, and read back exactly', () => {
    const { hash } = encodeHash(withStops);
    expect(hash).toContain('&stopEpoch=500&stopLoss=0.05&');
    expect(decodeHash(hash)).toMatchObject({ config: withStops, notices: [] });
    const plain = encodeHash(DEFAULT_CONFIG).hash;
    expect(plain).not.toContain('stop');
    expect(decodeHash(plain).config).toMatchObject({ stopEpoch: null, stopTestLoss: null });
    expect(decodeHash('#v=1&stopEpoch=off&stopLoss=').config).toMatchObject({ stopEpoch: null, stopTestLoss: null });
  });

  it('go through the gate: a bad value is off with a notice naming it; out of range is clamped or rounded', () => {
    const bad = decodeHash('#v=1&stopEpoch=soon&stopLoss=-3');
    expect(bad.config.stopEpoch).toBeNull();
    expect(bad.config.stopTestLoss).toBe(0);
    expect(bad.notices.map((n) => n.field)).toEqual(['stopEpoch', 'stopTestLoss']);
    expect(validateConfig({ stopEpoch: 12.6 }).config.stopEpoch).toBe(13);
    expect(validateConfig({ stopEpoch: 0 }).config.stopEpoch).toBe(1);
    expect(validateConfig({ stopEpoch: null, stopTestLoss: null }).notices).toEqual([]);
  });

  it('are kept by an experiment file', () => {
    const text = writeExperimentFile({ config: withStops, epoch: 0, history: [] });
    const read = readExperimentFile(text);
    expect(read.ok && read.experiment.config).toMatchObject({ stopEpoch: 500, stopTestLoss: 0.05 });
  });
});

describe('stop conditions in the store', () => {
  let sent: Command[] = [];
  let disconnect: () => void = () => undefined;
  beforeEach(() => {
    disconnect();
    resetStoreForTests();
    sent = [];
    disconnect = connectWorker((c) => sent.push(c));
    startCurrentRun();
  });

  it('reach the running worker as one setStop, without a rebuild', () => {
    const runId = store.getState().runId;
    sent = [];
    setConfig({ stopEpoch: 200 });
    expect(sent).toEqual([{ type: 'setStop', runId, stop: { stopEpoch: 200, stopTestLoss: null } }]);
    expect(store.getState().runId).toBe(runId);
  });

  it('a stop the worker reports becomes a notice saying why; playing again removes it', () => {
    const runId = store.getState().runId;
    receiveEvent({ type: 'status', runId, status: 'paused', epoch: 200, stopped: { kind: 'epoch', epoch: 200 } });
    const notice = store.getState().notices.find((n) => n.key === 'stop');
    expect(notice?.text).toBe(stopText({ kind: 'epoch', epoch: 200 }));
    expect(notice?.text).toContain('epoch 200');
    receiveEvent({ type: 'status', runId, status: 'running', epoch: 200 });
    expect(store.getState().notices.some((n) => n.key === 'stop')).toBe(false);
    expect(stopText({ kind: 'testLoss', epoch: 90, testLoss: 0.049876, below: 0.05 })).toBe(
      'Paused at epoch 90: the test loss (0.0499) fell below 0.05, as "Stop when test loss <" asks.',
    );
  });
});
