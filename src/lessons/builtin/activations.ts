import type { LessonData } from './types.ts';

const DEEP = { dataset: 'circle', hidden: [6, 6, 6, 6, 6, 6], activation: 'sigmoid', learningRate: 0.03 } as const;

export const activationsLesson: LessonData = {
  title: 'Activations and depth',
  summary: 'A deep sigmoid network barely learns (its gradients vanish); tanh and ReLU do.',
  steps: [
    {
      experiment: DEEP,
      text: 'Six hidden layers, every neuron a **sigmoid**. Press **Play**.',
      question: 'Does the loss move?',
      task: [
        { kind: 'epochAtLeast', value: 300 },
        { kind: 'trainLossAbove', value: 0.45 },
      ],
    },
    {
      experiment: DEEP,
      text: 'The sigmoid’s slope is at most $0.25$. Backpropagation multiplies one such slope per layer, so after six layers the first layers get gradients about $0.25^6 \\approx 0.0002$ times smaller: they hardly change. This is the **vanishing gradient**.\n\nSet **Activation** to Tanh (slope up to 1) and press **Play**.',
      task: [
        { kind: 'activationIs', value: 'tanh' },
        { kind: 'testLossBelow', value: 0.02 },
      ],
    },
    {
      experiment: DEEP,
      text: 'Now set **Activation** to ReLU and press **Play**. ReLU’s slope is exactly 1 for every positive input, so gradients pass through many layers unchanged.',
      question: 'Why do deep networks today mostly use ReLU or its cousins?',
      task: [
        { kind: 'activationIs', value: 'relu' },
        { kind: 'testLossBelow', value: 0.02 },
      ],
    },
  ],
};
