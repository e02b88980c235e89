import { describe, expect, it } from 'vitest';
import {
  eventRunId,
  evaluationStride,
  PROTOCOL_VERSION,
  unpackParams,
  type LayerLayout,
} from '../../src/worker/protocol.ts';

describe('protocol', () => {
  it('has a positive integer version', () => {
    expect(Number.isInteger(PROTOCOL_VERSION)).toBe(true);
    expect(PROTOCOL_VERSION).toBeGreaterThan(0);
  });

  it('evaluates every epoch up to 511, then about 256 times per doubling of the epoch count', () => {
    for (let e = 0; e < 512; e++) expect(evaluationStride(e)).toBe(1);
    expect(evaluationStride(512)).toBe(2);
    expect(evaluationStride(1023)).toBe(2);
    expect(evaluationStride(1024)).toBe(4);
    const count = (from: number, to: number) => {
      let n = 0;
      for (let e = from; e < to; e++) if (e % evaluationStride(e) === 0) n++;
      return n;
    };
    expect(count(512, 1024)).toBe(256);
    expect(count(1024, 2048)).toBe(256);
    expect(count(65536, 131072)).toBe(256);
  });

  it('names the run of every event that has one', () => {
    expect(eventRunId({ type: 'status', runId: 3, status: 'paused', epoch: 0 })).toBe(3);
    expect(eventRunId({ type: 'error', message: 'x' })).toBeUndefined();
    expect(eventRunId({ type: 'error', runId: 4, message: 'x' })).toBe(4);
    expect(eventRunId({ type: 'hello', protocol: 1, nonce: 1 })).toBeUndefined();
  });

  it('unpacks flat params into per-layer (out, in) weights and biases', () => {
    // 2 → 3 → 1: W0 3×2 at 0, b0 at 6, W1 1×3 at 9, b1 at 12.
    const layers: LayerLayout[] = [
      { inSize: 2, outSize: 3, wOffset: 0, bOffset: 6, activation: 'tanh' },
      { inSize: 3, outSize: 1, wOffset: 9, bOffset: 12, activation: 'tanh' },
    ];
    const params = Float64Array.from({ length: 13 }, (_, i) => i);
    expect(unpackParams(layers, params)).toEqual({
      weights: [
        [
          [0, 1],
          [2, 3],
          [4, 5],
        ],
        [[9, 10, 11]],
      ],
      biases: [[6, 7, 8], [12]],
    });
  });
});
