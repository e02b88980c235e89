import type { LessonData } from './types.ts';
import { outlierPoints } from './outliers.ts';

export const regressionLesson: LessonData = {
  title: 'Regression',
  summary: 'Fitting a surface; squared error against Huber when some points are outliers.',
  steps: [
    {
      experiment: { dataset: 'regPlane', problem: 'regression', hidden: [], learningRate: 0.03 },
      text: 'In **regression** each point has a number, not a class; the colour shows it. The network fits a surface through the points.\n\nThis data is a flat plane, so a network with no hidden layer fits it. Press **Play**.',
      task: [{ kind: 'testLossBelow', value: 0.005 }],
    },
    {
      experiment: { dataset: 'regGauss', problem: 'regression', hidden: [8], learningRate: 0.03 },
      text: 'These bumps are not flat, so this network has a hidden layer of 8 neurons. Press **Play**.',
      question: 'Where on the picture is the fit still poor?',
      task: [
        { kind: 'epochAtLeast', value: 300 },
        { kind: 'testLossBelow', value: 0.025 },
      ],
    },
    {
      experiment: {
        dataset: 'custom',
        problem: 'regression',
        loss: 'mse',
        hidden: [],
        learningRate: 0.01,
        trainPercent: 100,
        points: outlierPoints(),
      },
      text: 'Points on a gentle slope, and six **outliers** far above them in one corner. Press **Play** with **Squared error**: each outlier’s error counts squared, so they pull the whole surface toward them.\n\nThen set **Loss** to Huber: the run starts again with the new loss. Huber counts large errors only linearly, so the outliers pull much less.',
      question: 'With which loss does the surface follow the slope of most points?',
      task: [
        { kind: 'lossIs', value: 'huber' },
        { kind: 'epochAtLeast', value: 200 },
      ],
    },
  ],
};
