import type { LessonData } from './types.ts';

/** 20 noisy training points, a large network with many features: it learns the noise. */
const OVERFIT = {
  dataset: 'circle',
  noise: 50,
  samples: 200,
  trainPercent: 10,
  features: ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY'],
  hidden: [8, 8, 8],
  activation: 'relu',
  learningRate: 0.03,
  regularizationRate: 0.1,
  showTestData: true,
} as const;

export const overfittingLesson: LessonData = {
  title: 'Overfitting',
  summary: 'Little noisy data and a large network: the test loss rises; L2, dropout and stopping early help.',
  steps: [
    {
      experiment: OVERFIT,
      text: 'Only **20 training points**, with a lot of noise, and a large network. Press **Play** and watch both lines of the loss chart.',
      question: 'The train loss keeps falling. What does the test loss do after a while?',
      task: [
        { kind: 'epochAtLeast', value: 400 },
        { kind: 'lossGapAtLeast', value: 0.3 },
      ],
    },
    {
      experiment: OVERFIT,
      text: 'The network learned the noise of its 20 points: it **overfits**. The test points show it.\n\nSet **Regularization** to L2 (its rate is already 0.1) and press **Play**. L2 pulls every weight toward 0 a little each step, so the network stays simpler.',
      task: [
        { kind: 'regularizationIs', value: 'l2' },
        { kind: 'epochAtLeast', value: 800 },
        { kind: 'testLossBelow', value: 0.5 },
      ],
    },
    {
      experiment: OVERFIT,
      text: 'Another cure: **Dropout**. While training, each hidden neuron is switched off at random, so no neuron can rely on another one memorising a point.\n\nOpen **Advanced** below the learning rate, set **Dropout** to 50% and press **Play**.',
      task: [
        { kind: 'dropoutAtLeast', value: 0.5 },
        { kind: 'epochAtLeast', value: 800 },
        { kind: 'testLossBelow', value: 0.5 },
      ],
    },
    {
      experiment: OVERFIT,
      text: 'The simplest cure: **stop early**. Press **Play** and press **Pause** while the test loss is still low, before it starts to rise (around epoch 60).',
      question: 'Why is the epoch with the lowest test loss the one to keep?',
      task: [
        { kind: 'epochAtLeast', value: 20 },
        { kind: 'testLossBelow', value: 0.31 },
      ],
    },
  ],
};
