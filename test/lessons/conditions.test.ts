import { describe, expect, it } from 'vitest';
import {
  CONDITION_KINDS,
  checkConditionValue,
  conditionLabel,
  conditionMet,
  taskLabel,
  taskMet,
  type LessonRunState,
} from '../../src/lessons/conditions.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';

function state(
  run: Partial<LessonRunState['run']> = {},
  config = {},
  hood: LessonRunState['hood'] = null,
): LessonRunState {
  return {
    config: { ...DEFAULT_CONFIG, ...config },
    run: {
      status: 'paused',
      epoch: 0,
      trainLoss: null,
      testLoss: null,
      trainAccuracy: null,
      testAccuracy: null,
      ...run,
    },
    hood,
  };
}

describe('task conditions', () => {
  it('test loss below x: strictly below, never with no test loss or NaN', () => {
    const c = { kind: 'testLossBelow', value: 0.05 } as const;
    expect(conditionMet(c, state({ testLoss: 0.049 }))).toBe(true);
    expect(conditionMet(c, state({ testLoss: 0.05 }))).toBe(false);
    expect(conditionMet(c, state({ testLoss: null }))).toBe(false);
    expect(conditionMet(c, state({ testLoss: NaN }))).toBe(false);
  });

  it('epoch at least n with train loss above y (the XOR lesson)', () => {
    const task = [
      { kind: 'epochAtLeast', value: 500 },
      { kind: 'trainLossAbove', value: 0.24 },
    ] as const;
    expect(taskMet([...task], state({ epoch: 500, trainLoss: 0.25 }))).toBe(true);
    expect(taskMet([...task], state({ epoch: 499, trainLoss: 0.25 }))).toBe(false);
    expect(taskMet([...task], state({ epoch: 900, trainLoss: 0.1 }))).toBe(false);
    expect(taskLabel([...task])).toBe('Epoch at least 500 and Train loss above 0.24');
  });

  it('hidden layers equal n; learning rate at least x; features; diverged', () => {
    expect(conditionMet({ kind: 'hiddenLayersEqual', value: 0 }, state({}, { hidden: [] }))).toBe(true);
    expect(conditionMet({ kind: 'hiddenLayersEqual', value: 0 }, state({}, { hidden: [2] }))).toBe(false);
    expect(conditionMet({ kind: 'learningRateAtLeast', value: 3 }, state({}, { learningRate: 3 }))).toBe(true);
    expect(conditionMet({ kind: 'learningRateAtLeast', value: 3 }, state({}, { learningRate: 1 }))).toBe(false);
    expect(conditionMet({ kind: 'featureOn', value: 'x2' }, state({}, { features: ['x2', 'y2'] }))).toBe(true);
    expect(conditionMet({ kind: 'featureOff', value: 'x2' }, state({}, { features: ['x2'] }))).toBe(false);
    expect(conditionMet({ kind: 'diverged' }, state({ status: 'diverged' }))).toBe(true);
    expect(conditionMet({ kind: 'diverged' }, state({ status: 'running' }))).toBe(false);
  });

  it('overfitting gap: test minus train, both needed', () => {
    const c = { kind: 'lossGapAtLeast', value: 0.3 } as const;
    expect(conditionMet(c, state({ trainLoss: 0.1, testLoss: 0.5 }))).toBe(true);
    expect(conditionMet(c, state({ trainLoss: 0.1, testLoss: 0.3 }))).toBe(false);
    expect(conditionMet(c, state({ trainLoss: 0.1, testLoss: null }))).toBe(false);
  });

  it('hood conditions are never met without the hood (a build without the panel)', () => {
    expect(conditionMet({ kind: 'hoodOpen', value: 'step' }, state())).toBe(false);
    expect(conditionMet({ kind: 'backpropFixed' }, state())).toBe(false);
    const hood = { open: true, tab: 'step', phase: 'loss', breakKind: 'none' };
    expect(conditionMet({ kind: 'hoodOpen', value: 'step' }, state({}, {}, hood))).toBe(true);
    expect(conditionMet({ kind: 'hoodPhase', value: 'loss' }, state({}, {}, hood))).toBe(true);
    expect(conditionMet({ kind: 'hoodPhase', value: 'update' }, state({}, {}, hood))).toBe(false);
    expect(conditionMet({ kind: 'backpropFixed' }, state({}, {}, { ...hood, breakKind: 'flip-sign' }))).toBe(false);
  });

  it('an empty task is never done', () => {
    expect(taskMet([], state())).toBe(false);
  });

  it('labels use the page’s words', () => {
    expect(conditionLabel({ kind: 'featureOn', value: 'x2' })).toBe('Feature x² on');
    expect(conditionLabel({ kind: 'optimizerIs', value: 'adam' })).toBe('Optimizer is Adam');
    expect(conditionLabel({ kind: 'testAccuracyAtLeast', value: 0.95 })).toBe('Test accuracy at least 95%');
  });

  it('values are checked per kind', () => {
    expect(checkConditionValue('epochAtLeast', 1.5)).toBeNull();
    expect(checkConditionValue('epochAtLeast', 10)).toBe(10);
    expect(checkConditionValue('testLossBelow', Infinity)).toBeNull();
    expect(checkConditionValue('testLossBelow', '0.1')).toBeNull();
    expect(checkConditionValue('featureOn', 'x9')).toBeNull();
    expect(checkConditionValue('diverged', 'anything')).toBeUndefined();
    for (const k of CONDITION_KINDS) expect(conditionLabel({ kind: k, value: 1 })).not.toBe('');
  });
});
