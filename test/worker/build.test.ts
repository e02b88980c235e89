import { describe, expect, it } from 'vitest';
import { PLANE_REGION as REGION, XOR_TABLE_REGION } from '../../src/nn/types.ts';
import { buildRun } from '../../src/worker/build.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import { ARTICLE_XOR } from '../fixtures/article.ts';

describe('buildRun region', () => {
  it('shows the XOR truth table on its own square and every other dataset on the whole plane', () => {
    const table = buildRun(1, { ...DEFAULT_CONFIG, dataset: 'xorTable', trainPercent: 50 }, { output: 10, hidden: 10 });
    expect(table.info.region).toEqual(XOR_TABLE_REGION);
    const circle = buildRun(2, DEFAULT_CONFIG, { output: 10, hidden: 10 });
    expect(circle.info.region).toEqual(REGION);
  });
});

describe("buildRun for the article's XOR", () => {
  const article = ARTICLE_XOR;

  it('builds the output activation the config names: a sigmoid with squared error, targets 0 and 1', () => {
    const b = buildRun(1, article, { output: 10, hidden: 10 });
    expect(b.outputActivation).toBe('sigmoid');
    expect(b.info.outputActivation).toBe('sigmoid');
    expect(b.info.loss).toBe('mse');
    expect(b.info.layers.at(-1)!.activation).toBe('sigmoid');
    expect([...b.train.y].sort()).toEqual([0, 0, 1, 1]);
    // The default stays TF Playground's: tanh with targets ±1.
    const tanh = buildRun(2, { ...article, output: 'tanh' }, { output: 10, hidden: 10 });
    expect(tanh.outputActivation).toBe('tanh');
    expect([...tanh.train.y].sort()).toEqual([-1, -1, 1, 1]);
  });

  it('at 100% trains on all four rows and has no test set', () => {
    const b = buildRun(1, article, { output: 10, hidden: 10 });
    expect(b.train.n).toBe(4);
    expect(b.test.n).toBe(0);
    expect(b.info.testPoints.length).toBe(0);
  });

  it('a linear network ends at 0.5 on every row: one layer cannot learn XOR', () => {
    const b = buildRun(1, article, { output: 10, hidden: 10 });
    for (let e = 0; e < 10_000; e++) b.trainer.epoch();
    const out = new Float64Array(4);
    b.trainer.predict(b.train.x, 4, out);
    for (const o of out) expect(Math.abs(o - 0.5)).toBeLessThan(0.01);
  });
});
