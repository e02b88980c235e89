/**
 * Component-test harness: the real store with the worker client mocked (jsdom has no Worker),
 * every command the page sends recorded, canvases without a 2D context (as jsdom).
 */
import { vi } from 'vitest';
import type { Command } from '../../src/worker/protocol.ts';

export const sent: Command[] = [];
export const lifecycle = { terminated: 0 };

vi.mock('../../src/worker/client.ts', () => ({
  createTrainingClient: () => ({
    send: (c: Command) => {
      sent.push(c);
    },
    subscribe: () => () => undefined,
    terminate: () => {
      lifecycle.terminated++;
    },
  }),
}));

// jsdom logs "not implemented" for getContext; the views must cope with null anyway.
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

export function commandsOf<T extends Command['type']>(type: T): Extract<Command, { type: T }>[] {
  return sent.filter((c): c is Extract<Command, { type: T }> => c.type === type);
}

export function clearSent(): void {
  sent.length = 0;
}
