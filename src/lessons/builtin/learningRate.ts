import type { LessonData } from './types.ts';

/** A linear output: nothing bounds it, so a too-large learning rate makes the numbers blow up. */
const BASE = { dataset: 'circle', hidden: [4, 2], output: 'linear' } as const;

export const learningRateLesson: LessonData = {
  title: 'The learning rate',
  summary: 'Too small, about right, too large: the run crawls, learns, or diverges.',
  steps: [
    {
      experiment: { ...BASE, learningRate: 0.0001 },
      text: 'The **learning rate** is the size of each step down the loss. Here it is 0.0001: tiny.\n\nPress **Play**.',
      question: 'How fast does the train loss fall?',
      task: [
        { kind: 'epochAtLeast', value: 300 },
        { kind: 'trainLossAbove', value: 0.1 },
      ],
    },
    {
      experiment: { ...BASE, learningRate: 0.0001 },
      text: 'Set the **Learning rate** to 0.03 and press **Play**. Steps that are large enough, but not too large, reach the bottom quickly.',
      task: [
        { kind: 'learningRateAtLeast', value: 0.01 },
        { kind: 'learningRateAtMost', value: 0.1 },
        { kind: 'testLossBelow', value: 0.02 },
      ],
    },
    {
      experiment: { ...BASE, learningRate: 0.03 },
      text: 'Now set the **Learning rate** to 3 and press **Play**.\n\nEach step overshoots the bottom and lands higher up; the next step overshoots more. The weights grow until they are too big for the computer to hold: the loss becomes **NaN** ("not a number"). The run stops and the top bar says *Diverged*.',
      question: 'What does the app tell you to do when a run diverges?',
      task: [{ kind: 'learningRateAtLeast', value: 3 }, { kind: 'diverged' }],
    },
  ],
};
