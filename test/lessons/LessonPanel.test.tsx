// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinLessons } from '../../src/lessons/builtin/index.ts';
import { closeLessons, lessonsStore, resetLessonsForTests, startLesson } from '../../src/state/lessons.ts';
import { resetStoreForTests, useStore } from '../../src/state/store.ts';
import LessonPanel from '../../src/ui/lessons/LessonPanel.tsx';

beforeEach(() => {
  resetStoreForTests();
  resetLessonsForTests();
});

function setRun(patch: Partial<ReturnType<typeof useStore.getState>['run']>) {
  act(() => useStore.setState((s) => ({ run: { ...s.run, ...patch } })));
}

describe('Lesson panel', () => {
  it('lists the ten built-in lessons, and New lesson', () => {
    render(<LessonPanel />);
    expect(screen.getByRole('region', { name: 'Lesson' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^\d+\. / })).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'New lesson' })).toBeInTheDocument();
  });

  it('a lesson: its step loads the experiment, the task is checked live, Back/Next move through the steps', () => {
    const lesson = builtinLessons()[0]!;
    act(() => startLesson(lesson, 'builtin'));
    render(<LessonPanel />);
    expect(screen.getByTestId('lesson-count')).toHaveTextContent('Step 1 of 3');
    expect(useStore.getState().config.dataset).toBe('xorTable');
    expect(useStore.getState().config.hidden).toEqual([]);
    expect(screen.getByTestId('lesson-task')).toHaveTextContent('Task: Epoch at least 500 and Train loss above 0.12');
    expect(screen.getByTestId('lesson-task-state')).toHaveTextContent('Not yet');
    setRun({ epoch: 499, trainLoss: 0.125 });
    expect(screen.getByTestId('lesson-task-state')).toHaveTextContent('Not yet');
    setRun({ epoch: 500, trainLoss: 0.125 });
    expect(screen.getByTestId('lesson-task-state')).toHaveTextContent('✓ Done');
    // Once met, it stays done in this visit of the step.
    setRun({ epoch: 600, trainLoss: 0.01 });
    expect(screen.getByTestId('lesson-task-state')).toHaveTextContent('✓ Done');
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('lesson-count')).toHaveTextContent('Step 2 of 3');
    expect(screen.queryByTestId('lesson-task')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('lesson-count')).toHaveTextContent('Step 3 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Finish' }));
    expect(lessonsStore.getState().lesson).toBeNull();
    expect(screen.getByRole('button', { name: 'New lesson' })).toBeInTheDocument();
  });

  it('keeps the person’s theme and speed when a step loads its experiment', () => {
    act(() => useStore.setState((s) => ({ config: { ...s.config, theme: 'projector', speed: 'max' } })));
    act(() => startLesson(builtinLessons()[1]!, 'builtin'));
    render(<LessonPanel />);
    const c = useStore.getState().config;
    expect([c.dataset, c.theme, c.speed]).toEqual(['circle', 'projector', 'max']);
  });

  it('the editor records the current state as steps, with text, a task, reorder and preview', () => {
    act(() => useStore.setState((s) => ({ config: { ...s.config, dataset: 'spiral' } })));
    render(<LessonPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'New lesson' }));
    fireEvent.change(screen.getByLabelText('Lesson title'), { target: { value: 'Spirals' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'First *step*' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a condition' }));
    fireEvent.change(screen.getByLabelText('Value of condition 1'), { target: { value: '0.2' } });
    act(() => useStore.setState((s) => ({ config: { ...s.config, dataset: 'moons' } })));
    fireEvent.click(screen.getByRole('button', { name: 'Add the current state as a step' }));
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Second' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move up' }));
    const draft = lessonsStore.getState().draft!;
    expect(draft.title).toBe('Spirals');
    expect(draft.steps.map((s) => [s.text, s.experiment.dataset])).toEqual([
      ['Second', 'moons'],
      ['First *step*', 'spiral'],
    ]);
    expect(draft.steps[1]!.task).toEqual([{ kind: 'testLossBelow', value: 0.2 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByTestId('lesson-count')).toHaveTextContent('Step 1 of 2');
    expect(useStore.getState().config.dataset).toBe('moons');
    fireEvent.click(screen.getByRole('button', { name: 'Back to editing' }));
    expect(screen.getByLabelText('Lesson title')).toHaveValue('Spirals');
    act(() => closeLessons());
  });
});
