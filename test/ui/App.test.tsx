// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';

const terminate = vi.fn();
vi.mock('../../src/worker/client.ts', () => ({
  createTrainingClient: () => ({ send: vi.fn(), subscribe: () => () => undefined, terminate }),
}));

const { App } = await import('../../src/ui/App.tsx');

describe('App', () => {
  it('renders its title and terminates the worker on unmount', () => {
    const { unmount } = render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Neural Network Playground' })).toBeInTheDocument();
    unmount();
    expect(terminate).toHaveBeenCalled();
  });
});
