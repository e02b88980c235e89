/**
 * The two lessons that use "Under the hood" (branches hoodstep and hoodcheck; names from
 * CONTRACTS.md): the panel's Step tab with its Previous/Next phases, the Gradient check tab with
 * "Check gradients", and "Break backprop" (flip-sign: the optimizer climbs the loss).
 */
import type { LessonData } from './types.ts';
import { ARTICLE_XOR } from './xor.ts';

const SMALL = { ...ARTICLE_XOR, hidden: [2], seed: 1 } as const;

export const backpropLesson: LessonData = {
  title: 'Backprop by hand',
  summary: 'One training step through “Under the hood”: predict each number, then reveal it.',
  steps: [
    {
      experiment: SMALL,
      text: 'A small network: 2 inputs, 2 hidden neurons, 1 output, on the XOR table. We will follow **one** training step number by number.\n\nPress **Explain step** in the top bar. The **Under the hood** panel opens at the first phase.',
      task: [{ kind: 'hoodOpen', value: 'step' }],
    },
    {
      experiment: SMALL,
      keep: true,
      text: '**Forward**: each neuron computes $z = w \\cdot a + b$ and then $a = f(z)$.\n\nBefore you press **Next**, predict: the output is a sigmoid, so is it above or below 0.5? Then press **Next** until the panel shows the **loss**.',
      question: 'The loss here is $\\frac{1}{2}(a - y)^2$. If the output is 0.5 and the target is 1, what is it?',
      task: [{ kind: 'hoodPhase', value: 'loss' }],
    },
    {
      experiment: SMALL,
      keep: true,
      text: "**Backward**: the error $\\delta = \\partial L / \\partial z$ flows from the output back to each layer: $\\delta_{\\text{prev}} = f'(z) \\cdot \\sum w \\, \\delta$.\n\nPredict the sign of the output’s $\\delta$ (is the output too high or too low?), then press **Next** until the **backward** phase.",
      task: [{ kind: 'hoodPhase', value: 'backward' }],
    },
    {
      experiment: SMALL,
      keep: true,
      text: '**Update**: each weight moves against its gradient: $w \\leftarrow w - \\eta \\, \\partial L / \\partial w$, with $\\eta$ the learning rate.\n\nPredict whether the first weight grows or shrinks, then press **Next** until the **update** phase.',
      question: 'Did the loss of the next step go down?',
      task: [{ kind: 'hoodPhase', value: 'update' }],
    },
  ],
};

const CIRCLE = { dataset: 'circle', hidden: [4, 2], learningRate: 0.03 } as const;

export const findBugLesson: LessonData = {
  title: 'Find the bug',
  summary: 'Backprop broken on purpose; the gradient check finds it.',
  steps: [
    {
      experiment: CIRCLE,
      hood: { breakBackprop: 'flip-sign' },
      text: 'In this step backprop has a **bug**, put there on purpose. Press **Play** and watch the loss.',
      question: 'A correct network’s loss goes down. What does this one do?',
      task: [
        { kind: 'epochAtLeast', value: 50 },
        { kind: 'trainLossAbove', value: 0.6 },
      ],
    },
    {
      experiment: CIRCLE,
      hood: { open: 'check', breakBackprop: 'flip-sign' },
      text: 'The **gradient check** compares backprop’s gradients with a slow, sure estimate: nudge one weight by a tiny $\\epsilon$ and see how the loss changes, $\\frac{L(w+\\epsilon) - L(w-\\epsilon)}{2\\epsilon}$.\n\nPress **Check gradients** in the Gradient check tab.',
      question: 'How large is the relative error? A correct backprop gives about $10^{-7}$ or less.',
      task: [{ kind: 'hoodOpen', value: 'check' }],
    },
    {
      experiment: CIRCLE,
      keep: true,
      text: 'The check says the gradients point the wrong way: the sign is flipped, so every step climbs the loss instead of going down.\n\nPress **Fix it** on the banner.',
      task: [{ kind: 'backpropFixed' }],
    },
    {
      experiment: CIRCLE,
      text: 'Backprop is right again. Press **Play**: the loss goes down.',
      task: [{ kind: 'testLossBelow', value: 0.05 }],
    },
  ],
};
