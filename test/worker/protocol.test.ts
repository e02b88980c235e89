import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/worker/protocol.ts';

describe('protocol', () => {
  it('has a positive integer version', () => {
    expect(Number.isInteger(PROTOCOL_VERSION)).toBe(true);
    expect(PROTOCOL_VERSION).toBeGreaterThan(0);
  });
});
