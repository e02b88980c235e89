import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../src/share/config.ts';
import { coherentConfig } from '../../src/state/configRules.ts';

/** What the store does: the patch over the previous config, made coherent. */
function apply(prev: ExperimentConfig, patch: Partial<ExperimentConfig>): ExperimentConfig {
  return coherentConfig({ ...prev, ...patch }, patch, prev);
}

describe('coherentConfig: output activation', () => {
  it('keeps a sigmoid output chosen for squared error (the article network)', () => {
    const c = apply(DEFAULT_CONFIG, { output: 'sigmoid' });
    expect([c.loss, c.output]).toEqual(['mse', 'sigmoid']);
    // Another dataset of the same problem keeps it.
    expect(apply(c, { dataset: 'xor' }).output).toBe('sigmoid');
  });

  it('a new loss or problem brings its default output, as before the output was a setting', () => {
    const sig = apply(DEFAULT_CONFIG, { output: 'linear' });
    expect(apply(sig, { loss: 'bce' }).output).toBe('sigmoid');
    expect(apply(apply(sig, { loss: 'bce' }), { loss: 'mse' }).output).toBe('tanh');
    expect(apply(sig, { dataset: 'regPlane' }).output).toBe('linear');
    expect(apply(sig, { problem: 'multiclass' }).output).toBe('softmax');
  });

  it('an output the loss does not allow becomes the default', () => {
    const bce = apply(DEFAULT_CONFIG, { loss: 'bce' });
    expect(apply(bce, { output: 'tanh' }).output).toBe('sigmoid');
  });
});

describe('coherentConfig: the XOR table trains on every row', () => {
  it('picking the XOR table sets 100%; leaving it goes back to the default split', () => {
    const table = apply(DEFAULT_CONFIG, { dataset: 'xorTable' });
    expect(table.trainPercent).toBe(100);
    expect(apply(table, { dataset: 'circle' }).trainPercent).toBe(DEFAULT_CONFIG.trainPercent);
  });

  it('leaves a split a person chose alone', () => {
    const table = apply(apply(DEFAULT_CONFIG, { dataset: 'xorTable' }), { trainPercent: 50 });
    expect(table.trainPercent).toBe(50);
    expect(apply(table, { dataset: 'circle' }).trainPercent).toBe(50);
    const circle = apply(DEFAULT_CONFIG, { trainPercent: 100 });
    expect(apply(circle, { dataset: 'spiral' }).trainPercent).toBe(100);
    expect(apply(DEFAULT_CONFIG, { dataset: 'xorTable', trainPercent: 70 }).trainPercent).toBe(70);
  });
});

describe('coherentConfig in TF Playground’s exact mode', () => {
  it('keeps the settings TF Playground lacks at its values whatever is patched', () => {
    const prev = { ...DEFAULT_CONFIG, engineMode: 'tfpg' as const, tfSeed: '0.12345' };
    const c = coherentConfig({ ...prev, optimizer: 'adam', features: ['x', 'cosX'] }, { optimizer: 'adam' }, prev);
    expect(c).toMatchObject({ optimizer: 'sgd', features: ['x'], tfSeed: '0.12345', engineMode: 'tfpg' });
    const ours = coherentConfig({ ...prev, engineMode: 'ours', optimizer: 'adam' }, { engineMode: 'ours' }, prev);
    expect(ours.optimizer).toBe('adam');
  });
});
