import type { LessonData } from './types.ts';

const SPIRAL = {
  dataset: 'spiral',
  features: ['x', 'y', 'sinX', 'sinY'],
  hidden: [8, 8],
  learningRate: 0.03,
  optimizer: 'sgd',
} as const;

export const optimizersLesson: LessonData = {
  title: 'Optimizers',
  summary: 'SGD, momentum and Adam on the spiral: same network, different ways to step.',
  steps: [
    {
      experiment: SPIRAL,
      text: 'The spiral is hard. This network trains with plain **SGD**: each step moves the weights straight down the slope of the loss.\n\nPress **Play** and note the train loss at epoch 100.',
      task: [
        { kind: 'optimizerIs', value: 'sgd' },
        { kind: 'epochAtLeast', value: 100 },
      ],
    },
    {
      experiment: SPIRAL,
      text: 'Set **Optimizer** to Momentum and press **Play**. Momentum keeps a running direction, like a ball rolling downhill: steps in a steady direction grow, steps that zig-zag cancel out.',
      question: 'Compare the train loss at epoch 100 with SGD’s.',
      task: [
        { kind: 'optimizerIs', value: 'momentum' },
        { kind: 'trainLossBelow', value: 0.005 },
      ],
    },
    {
      experiment: { ...SPIRAL, learningRate: 0.01 },
      text: '**Adam** gives every weight its own step size, from how large and how steady its recent gradients were. Set **Optimizer** to Adam and press **Play**.',
      question: 'Which optimizer would you pick for a new problem, and why?',
      task: [
        { kind: 'optimizerIs', value: 'adam' },
        { kind: 'trainLossBelow', value: 0.005 },
      ],
    },
  ],
};
