import type { LessonData } from './types.ts';

const CIRCLE = { dataset: 'circle', features: ['x', 'y'], hidden: [], learningRate: 0.03 } as const;

export const featuresLesson: LessonData = {
  title: 'Features or layers',
  summary: 'The circle cannot be split by one line of x and y; x² and y² or a hidden layer can.',
  steps: [
    {
      experiment: CIRCLE,
      mode: 'simple',
      text: 'The circle: blue points inside, orange points outside. The network sees only $x$ and $y$ and has **no hidden layer**, so it can only draw one straight line.\n\nPress **Play**.',
      question: 'Can one straight line put the inside points on one side and the outside points on the other?',
      task: [
        { kind: 'epochAtLeast', value: 200 },
        { kind: 'testLossAbove', value: 0.4 },
      ],
    },
    {
      experiment: CIRCLE,
      mode: 'simple',
      text: 'Give the network better inputs. In **Features**, turn on $x^2$ and $y^2$, then press **Play**.\n\nA point is inside the circle when $x^2 + y^2$ is small. With $x^2$ and $y^2$ as inputs that is a straight line again, so a network with no hidden layer can learn it.',
      task: [
        { kind: 'featureOn', value: 'x2' },
        { kind: 'featureOn', value: 'y2' },
        { kind: 'hiddenLayersEqual', value: 0 },
        { kind: 'testLossBelow', value: 0.05 },
      ],
    },
    {
      experiment: CIRCLE,
      mode: 'simple',
      text: 'Now keep only $x$ and $y$ and let the network find its own features. Press **Add layer** above the network, then press the layer’s **+** twice so it has **4 units**. Press **Play**.\n\nEach hidden unit learns a line; together they surround the circle.',
      question: 'Look at the small pictures in the hidden units. What does each one draw?',
      task: [
        { kind: 'featureOff', value: 'x2' },
        { kind: 'hiddenLayersAtLeast', value: 1 },
        { kind: 'testLossBelow', value: 0.05 },
      ],
    },
  ],
};
