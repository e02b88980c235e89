import { describe, expect, it } from 'vitest';
import { buildRun, REGION, XOR_TABLE_REGION } from '../../src/worker/build.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';

describe('buildRun region', () => {
  it('shows the XOR truth table on its own square and every other dataset on the whole plane', () => {
    const table = buildRun(1, { ...DEFAULT_CONFIG, dataset: 'xorTable', trainPercent: 50 }, { output: 10, hidden: 10 });
    expect(table.info.region).toEqual(XOR_TABLE_REGION);
    const circle = buildRun(2, DEFAULT_CONFIG, { output: 10, hidden: 10 });
    expect(circle.info.region).toEqual(REGION);
  });
});
