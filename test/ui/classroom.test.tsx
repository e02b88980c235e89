// @vitest-environment jsdom
/** Classroom: Simple / Full and a lesson's controls, the "?" help popovers, the welcome's rules, the mode link key. */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import './harness.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';
import { CONTROL_IDS, TOOL_IDS } from '../../src/share/embed.ts';
import { decodeHash, encodeHash } from '../../src/share/hash.ts';
import {
  classroomHidden,
  MODE_STORAGE_KEY,
  resetClassroomForTests,
  setMode,
  setVisibleControls,
  SIMPLE_CONTROLS,
  useClassroom,
} from '../../src/state/classroom.ts';
import { ModeSwitch } from '../../src/ui/classroom/ModeSwitch.tsx';
import { parseStop, stopSummary } from '../../src/ui/classroom/StopMenu.tsx';
import { Welcome } from '../../src/ui/classroom/Welcome.tsx';
import { dismissWelcome, shouldWelcome, WELCOME_STORAGE_KEY } from '../../src/ui/classroom/welcome.ts';
import { Select } from '../../src/ui/controls.tsx';
import { CONTROL_HELP } from '../../src/ui/labels.ts';

const startFirstLesson = vi.hoisted(() => vi.fn());
vi.mock('../../src/ui/welcomeActions.ts', () => ({ startFirstLesson }));

beforeEach(() => {
  localStorage.clear();
  resetClassroomForTests();
  startFirstLesson.mockClear();
});

describe('Simple and Full', () => {
  it('Full hides nothing; Simple hides every control but the first lesson’s, and no settings panel', () => {
    expect(classroomHidden({ mode: 'full', visibleControls: null })).toEqual([]);
    const hidden = classroomHidden({ mode: 'simple', visibleControls: null });
    for (const id of ['noise', 'batchSize', 'optimizer', 'speed', 'stop', 'xy', 'sinX', 'confusion', 'draw'])
      expect(hidden).toContain(id);
    for (const id of ['advancedData', 'advancedHyper', 'outputActivation', 'showTestData'])
      expect(hidden).toContain(id);
    for (const id of SIMPLE_CONTROLS) expect(hidden).not.toContain(id);
    // The top bar's tools: Compare, History, Code and the learning-rate finder are for Full.
    for (const id of ['compare', 'history', 'code', 'lr-finder']) expect(hidden).toContain(id);
    for (const id of ['explain', 'batch-step', 'lessons', 'more']) expect(hidden).not.toContain(id);
    for (const panel of ['data', 'features', 'hyper', 'network', 'output', 'chart'])
      expect(hidden).not.toContain(panel);
  });

  it('a lesson’s list overrides the mode: only those controls, panels with none left out, containers kept for what is inside', () => {
    const hidden = classroomHidden({ mode: 'full', visibleControls: ['learningRate', 'play', 'stopEpoch', 'dropout'] });
    expect(hidden).toEqual(expect.arrayContaining(['data', 'features', 'activation', 'reset', 'stopTestLoss']));
    expect(hidden).not.toEqual(expect.arrayContaining(['hyper']));
    for (const id of ['learningRate', 'play', 'stop', 'stopEpoch', 'advancedHyper', 'dropout', 'hyper'])
      expect(hidden).not.toContain(id);
    expect(hidden).toContain('advancedData');
    // Every other hideable control is hidden, but for the Lessons button and the More fold.
    expect(CONTROL_IDS.filter((c) => !hidden.includes(c)).sort()).toEqual(
      ['advancedHyper', 'dropout', 'learningRate', 'play', 'stop', 'stopEpoch', 'lessons', 'more'].sort(),
    );
    expect(classroomHidden({ mode: 'full', visibleControls: ['explain'] })).toEqual(
      expect.arrayContaining(['compare', 'history', 'code', 'lr-finder', 'batch-step']),
    );
    expect(classroomHidden({ mode: 'full', visibleControls: ['explain'] })).not.toContain('explain');
  });

  it('setMode is remembered locally; setVisibleControls is not; the switch sets the mode', async () => {
    setMode('simple');
    expect(localStorage.getItem(MODE_STORAGE_KEY)).toBe('simple');
    setVisibleControls(['play']);
    resetClassroomForTests(); // a new visit
    expect(useClassroom.getState()).toEqual({ mode: 'simple', visibleControls: null });
    render(<ModeSwitch />);
    expect(screen.getByRole('radio', { name: 'Simple' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Full' }));
    expect(useClassroom.getState().mode).toBe('full');
    expect(localStorage.getItem(MODE_STORAGE_KEY)).toBe('full');
  });

  it('a link says mode=simple or mode=full; anything else is ignored with a notice', () => {
    const { hash } = encodeHash(DEFAULT_CONFIG, { hide: [], views: null, embed: false, mode: 'simple' });
    expect(hash.endsWith('&mode=simple')).toBe(true);
    expect(decodeHash(hash).view.mode).toBe('simple');
    expect(decodeHash('#v=1&mode=full').view.mode).toBe('full');
    expect(decodeHash('#v=1').view).not.toHaveProperty('mode');
    const bad = decodeHash('#v=1&mode=expert');
    expect(bad.view).not.toHaveProperty('mode');
    expect(bad.notices.map((n) => n.field)).toEqual(['mode']);
  });
});

describe('the ? help', () => {
  it('opens with Enter or Space, is read as a dialog, closes on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(
      <Select
        label="Activation"
        control="activation"
        value="tanh"
        options={[{ value: 'tanh', label: 'Tanh' }]}
        onChange={() => undefined}
      />,
    );
    const select = screen.getByLabelText('Activation');
    // The control is described by its help even while the popover is closed.
    expect(select).toHaveAccessibleDescription(CONTROL_HELP.activation!);
    // The ? sits beside the label, before the select in the tab order.
    await user.tab();
    const button = screen.getByRole('button', { name: 'What is Activation?' });
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const dialog = screen.getByRole('dialog', { name: 'About Activation' });
    expect(button).toHaveAttribute('aria-controls', dialog.id);
    expect(dialog).toHaveTextContent(CONTROL_HELP.activation!);
    expect(dialog).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard(' ');
    expect(screen.getByRole('dialog', { name: 'About Activation' })).toBeVisible();
    await user.click(document.body);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('every control of Full mode has help text, short and plain', () => {
    const noHelp = new Set([
      'text',
      'share',
      'draw',
      'step',
      'reset',
      'confusion',
      'advancedData',
      'advancedHyper',
      'stop',
      // The tools: buttons that say what they do (with a title).
      ...TOOL_IDS,
    ]);
    const features = ['x', 'y', 'x2', 'y2', 'xy', 'sinX', 'sinY', 'cosX', 'cosY'];
    for (const id of CONTROL_IDS) {
      if (noHelp.has(id) || features.includes(id)) continue;
      expect(CONTROL_HELP[id], id).toBeTruthy();
    }
    // Step and Reset share Play's help; the features share one; the Stop menu's fields have their own.
    expect(CONTROL_HELP.play).toMatch(/Step.*Reset/);
    for (const id of ['features', 'stopEpoch', 'stopTestLoss', 'mode']) expect(CONTROL_HELP[id], id).toBeTruthy();
    for (const [id, text] of Object.entries(CONTROL_HELP)) {
      expect(text.length, id).toBeLessThanOrEqual(160);
      expect(text.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length, id).toBeLessThanOrEqual(2);
    }
  });
});

describe('the welcome', () => {
  it('shows on a first visit only: never in embed mode, never from a link, never again once dismissed', () => {
    expect(shouldWelcome({ embed: false, fromLink: false })).toBe(true);
    expect(shouldWelcome({ embed: true, fromLink: false })).toBe(false);
    expect(shouldWelcome({ embed: false, fromLink: true })).toBe(false);
    dismissWelcome();
    expect(shouldWelcome({ embed: false, fromLink: false })).toBe(false);
  });

  it('is a dialog with one sentence and two buttons; Start the first lesson starts it and dismisses for good', async () => {
    const onClose = vi.fn();
    render(<Welcome onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Welcome' });
    expect(dialog).toHaveAccessibleDescription(/neural network/);
    const start = screen.getByRole('button', { name: 'Start the first lesson' });
    expect(start).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'Just explore' })).toHaveFocus();
    await userEvent.keyboard('{Tab}');
    expect(start).toHaveFocus(); // focus stays in the dialog
    await userEvent.click(start);
    expect(startFirstLesson).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(WELCOME_STORAGE_KEY)).not.toBeNull();
  });

  it('Just explore and Escape dismiss it without a lesson', async () => {
    const onClose = vi.fn();
    const { unmount } = render(<Welcome onClose={onClose} />);
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(startFirstLesson).not.toHaveBeenCalled();
    expect(shouldWelcome({ embed: false, fromLink: false })).toBe(false);
    unmount();
    localStorage.clear();
    render(<Welcome onClose={onClose} />);
    await act(() => userEvent.click(screen.getByRole('button', { name: 'Just explore' })));
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(startFirstLesson).not.toHaveBeenCalled();
  });
});

describe('the Stop menu', () => {
  it('reads an empty box as off, refuses what is not a number in range, and says what is set', () => {
    expect(parseStop('', true)).toEqual({ value: null });
    expect(parseStop(' 500 ', true)).toEqual({ value: 500 });
    expect(parseStop('1.5', true)).toHaveProperty('error');
    expect(parseStop('0', true)).toHaveProperty('error');
    expect(parseStop('0.05', false)).toEqual({ value: 0.05 });
    expect(parseStop('0', false)).toHaveProperty('error');
    expect(parseStop('abc', false)).toHaveProperty('error');
    expect(stopSummary(null, null)).toBe('Stop');
    expect(stopSummary(500, 0.05)).toBe('Stop: epoch 500, loss < 0.05');
  });
});
