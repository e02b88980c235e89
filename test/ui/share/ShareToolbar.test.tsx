// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/share/config.ts';
import { DEFAULT_VIEW } from '../../../src/share/embed.ts';
import { addNotice, resetStoreForTests, useStore } from '../../../src/state/store.ts';
import { Notices } from '../../../src/ui/share/Notices.tsx';
import { ShareToolbar } from '../../../src/ui/share/ShareToolbar.tsx';

beforeEach(() => {
  resetStoreForTests({ ...DEFAULT_CONFIG, dataset: 'xor' });
  window.history.replaceState(null, '', '/');
});

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

describe('Copy link', () => {
  it('copies the experiment’s link and confirms', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    render(<ShareToolbar view={{ ...DEFAULT_VIEW, hide: ['noise'] }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Link copied'));
    const url = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/#v=1&dataset=xor&/);
    expect(url).toContain('&hide=noise');
  });

  it('without a clipboard, shows the link in a field to copy by hand', async () => {
    setClipboard(undefined);
    render(<ShareToolbar view={DEFAULT_VIEW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: 'Link to this experiment' });
    expect((field as HTMLInputElement).value).toContain('#v=1&dataset=xor');
    expect(screen.getByRole('status')).toHaveTextContent('Copy this link:');
  });
});

describe('Notices', () => {
  it('shows the newest notice, the older ones behind “N more”, each dismissable, and all at once', () => {
    render(<Notices />);
    expect(screen.queryByRole('region', { name: 'Messages' })).toBeNull();
    act(() => {
      addNotice('learningRate: "x" is not a number', 'warning', 'link:learningRate');
      addNotice('noise: clamped', 'warning', 'link:noise');
    });
    const list = screen.getByRole('list', { name: 'Notices' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('noise: clamped')]);
    fireEvent.click(screen.getByRole('button', { name: '1 more' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: noise: clamped' }));
    expect(useStore.getState().notices.map((n) => n.text)).toEqual(['learningRate: "x" is not a number']);
    expect(screen.queryByRole('button', { name: 'Dismiss all' })).toBeNull();
    act(() => {
      addNotice('a', 'info');
      addNotice('b', 'info');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss all' }));
    expect(useStore.getState().notices).toEqual([]);
    expect(screen.queryByRole('region', { name: 'Messages' })).toBeNull();
  });
});
