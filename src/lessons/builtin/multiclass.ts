import type { LessonData } from './types.ts';

const BLOBS = { dataset: 'blobs', problem: 'multiclass', loss: 'softmaxCe', classes: 3, hidden: [] } as const;

export const multiclassLesson: LessonData = {
  title: 'More than two classes',
  summary: 'Softmax and cross-entropy on the blobs.',
  steps: [
    {
      experiment: BLOBS,
      text: 'Three blobs, three classes. The network has **one output per class**. The **softmax** turns the outputs into chances that add up to 1: $p_k = e^{z_k} / \\sum_j e^{z_j}$.\n\nPress **Play**.',
      task: [{ kind: 'testAccuracyAtLeast', value: 0.95 }],
    },
    {
      experiment: BLOBS,
      text: 'The loss is **cross-entropy**: $-\\log p$ of the right class. It is 0 when the network is sure and right, and very large when it is sure and wrong.\n\nSet **Classes** to 5 and press **Play**.',
      question: 'How many outputs does the network have now?',
      task: [
        { kind: 'classesAtLeast', value: 5 },
        { kind: 'testAccuracyAtLeast', value: 0.95 },
      ],
    },
    {
      experiment: { ...BLOBS, classes: 5 },
      text: 'Look at the **Confusion matrix**: a row per true class, a column per answer. Numbers off the diagonal are mistakes.',
      question:
        'Which two classes would the network mix up first if you added noise? Try it with the **Noise** slider.',
    },
  ],
};
