import { ARTICLE_EXPERIMENT } from '../../codegen/article.ts';
import type { LessonData } from './types.ts';

/**
 * The article's network (codegen/article.ts: XOR table, no hidden layer, sigmoid output, learning
 * rate 1). The hidden layer step 3 adds uses tanh, not the article's sigmoid: with 2 units it
 * learns XOR in under 500 epochs where sigmoid takes about 1,700 (seed 1), a minute at 30/s.
 */
export const ARTICLE_XOR = { ...ARTICLE_EXPERIMENT, activation: 'tanh' } as const;

export const xorLesson: LessonData = {
  title: 'The article’s network cannot learn XOR',
  summary: 'A network with no hidden layer, the XOR table, and why a hidden layer fixes it.',
  steps: [
    {
      experiment: ARTICLE_XOR,
      mode: 'simple',
      text: 'This is the network from the article: two inputs $x$ and $y$, **no hidden layer**, one sigmoid output, learning rate 1. The data is the XOR table: the output should be 1 when exactly one input is 1.\n\nPress **Play** and watch the **Table**.',
      question: 'What does the network answer for each of the four rows?',
      task: [
        { kind: 'epochAtLeast', value: 500 },
        { kind: 'trainLossAbove', value: 0.12 },
      ],
    },
    {
      experiment: ARTICLE_XOR,
      mode: 'simple',
      text: 'Every output stays at **0.5**. Without a hidden layer the output is $\\sigma(w_1 x + w_2 y + b)$: one straight line splits the plane in two.\n\nXOR needs the two corners $(0,1)$ and $(1,0)$ on one side and $(0,0)$ and $(1,1)$ on the other. No straight line does that, so the best the network can do is say 0.5 everywhere.',
      question:
        'Try to draw one straight line that puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other. Can you?',
    },
    {
      experiment: ARTICLE_XOR,
      mode: 'simple',
      text: 'Now give the network a hidden layer: press **Add layer** above the network. Then press **Play**.\n\nEach hidden unit (neuron) draws its own line; the output combines them, so the network can carve out the XOR pattern.',
      question: 'How many epochs does it take before the table’s outputs are close to 0, 1, 1, 0?',
      task: [
        { kind: 'hiddenLayersAtLeast', value: 1 },
        { kind: 'trainLossBelow', value: 0.01 },
      ],
    },
  ],
};
