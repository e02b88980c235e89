/**
 * Learning-rate schedules: the rate used for a whole epoch, from the base rate and the number
 * of epochs already trained (e = 0 for the first). Parameters are fixed and stated here:
 *   constant     lr
 *   step         lr · 0.5^floor(e / 500)                      (halve every 500 epochs)
 *   exponential  lr · 0.999^e                                 (−0.1% per epoch)
 *   cosine       lr · (0.01 + 0.99 · 0.5 · (1 + cos(π · (e mod 1000) / 1000)))
 *                (SGDR-style: anneal to 1% over 1000 epochs, then restart; a playground runs on)
 */
import type { ScheduleName } from './types.ts';

export const SCHEDULE_PARAMS = {
  step: { every: 500, factor: 0.5 },
  exponential: { factor: 0.999 },
  cosine: { period: 1000, floor: 0.01 },
} as const;

export function scheduledRate(schedule: ScheduleName, lr: number, epoch: number): number {
  const e = Math.max(0, Math.floor(epoch));
  switch (schedule) {
    case 'constant':
      return lr;
    case 'step':
      return lr * Math.pow(SCHEDULE_PARAMS.step.factor, Math.floor(e / SCHEDULE_PARAMS.step.every));
    case 'exponential':
      return lr * Math.pow(SCHEDULE_PARAMS.exponential.factor, e);
    case 'cosine': {
      const { period, floor } = SCHEDULE_PARAMS.cosine;
      const c = 0.5 * (1 + Math.cos((Math.PI * (e % period)) / period));
      return lr * (floor + (1 - floor) * c);
    }
    default:
      throw new Error(`Unknown schedule: ${String(schedule)}`);
  }
}
