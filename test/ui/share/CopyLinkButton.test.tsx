// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyLinkButton, type LinkToCopy } from '../../../src/ui/share/CopyLinkButton.tsx';

function setClipboard(value: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
}

function renderButton(link: () => LinkToCopy) {
  render(<CopyLinkButton label="Copy it" fieldLabel="The link" link={link} testId="said" />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy it' }));
}

afterEach(() => vi.useRealTimers());

describe('CopyLinkButton', () => {
  it('says the confirmation, then clears it', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    renderButton(() => ({ url: 'http://x/#a', copied: 'Done copying' }));
    await act(async () => {});
    expect(writeText).toHaveBeenCalledWith('http://x/#a');
    expect(screen.getByTestId('said')).toHaveTextContent('Done copying');
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('said')).toBeEmptyDOMElement();
  });

  it('when the clipboard is denied, shows the link in a field until it loses focus', async () => {
    setClipboard({ writeText: () => Promise.reject(new Error('denied')) });
    renderButton(() => ({ url: 'http://x/#b', copied: 'Done copying' }));
    const field = await screen.findByRole('textbox', { name: 'The link' });
    expect((field as HTMLInputElement).value).toBe('http://x/#b');
    expect(screen.getByTestId('said')).toHaveTextContent('Copy this link:');
    fireEvent.blur(field);
    expect(screen.getByTestId('said')).toBeEmptyDOMElement();
  });

  it('says why there is no link, and it stays', async () => {
    vi.useFakeTimers();
    const writeText = vi.fn(() => Promise.resolve());
    setClipboard({ writeText });
    renderButton(() => ({ error: 'Too long for a link.' }));
    await act(async () => {});
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('said')).toHaveTextContent('Too long for a link.');
    expect(writeText).not.toHaveBeenCalled();
  });
});
