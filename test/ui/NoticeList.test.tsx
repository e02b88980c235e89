// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addNotice, resetStoreForTests, useStore } from '../../src/state/store.ts';
import { Notices } from '../../src/ui/share/Notices.tsx';

beforeEach(() => resetStoreForTests());

describe('notice actions', () => {
  it('a notice with an action shows its button; pressing it runs the action and dismisses the notice', () => {
    const run = vi.fn();
    addNotice('Restored your last experiment (epoch 40).', 'info', 'restored', [{ label: 'Start fresh', run }]);
    render(<Notices />);
    fireEvent.click(screen.getByRole('button', { name: 'Start fresh' }));
    expect(run).toHaveBeenCalledTimes(1);
    expect(useStore.getState().notices).toHaveLength(0);
  });

  it('a notice without actions has only its dismiss button', () => {
    addNotice('Opened xor.json.');
    render(<Notices />);
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });
});
