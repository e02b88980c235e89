/**
 * Weight penalties, on weights only (never biases), as reference.json states:
 *   l2: 0.5·rate·Σ W²  → grad += rate·W
 *   l1: rate·Σ |W|     → grad += rate·sign(W), sign(0) = 0
 * The penalty is part of the training objective (its gradient moves the weights) but not of the
 * loss the trainer reports: epoch() and evaluate() give the data loss alone.
 */
import type { Network } from './network.ts';
import type { RegularizationName } from './types.ts';

export const REG_NONE = 0;
export const REG_L1 = 1;
export const REG_L2 = 2;

export function regularizationCode(name: RegularizationName): number {
  switch (name) {
    case 'none':
      return REG_NONE;
    case 'l1':
      return REG_L1;
    case 'l2':
      return REG_L2;
    default:
      throw new Error(`Unknown regularization: ${String(name)}`);
  }
}

/** The penalty added to the objective for the current weights. */
export function regularizationPenalty(net: Network, reg: number, rate: number): number {
  if (reg === REG_NONE || rate === 0) return 0;
  const p = net.params;
  let s = 0;
  for (const L of net.layers) {
    const end = L.wOffset + L.inSize * L.outSize;
    if (reg === REG_L2) for (let i = L.wOffset; i < end; i++) s += p[i]! * p[i]!;
    else for (let i = L.wOffset; i < end; i++) s += Math.abs(p[i]!);
  }
  return reg === REG_L2 ? 0.5 * rate * s : rate * s;
}

/** grads += d(penalty)/dW over each layer's W range. */
export function addRegularizationGrad(net: Network, reg: number, rate: number): void {
  if (reg === REG_NONE || rate === 0) return;
  const p = net.params;
  const g = net.grads;
  for (const L of net.layers) {
    const end = L.wOffset + L.inSize * L.outSize;
    if (reg === REG_L2) {
      for (let i = L.wOffset; i < end; i++) g[i] = g[i]! + rate * p[i]!;
    } else {
      for (let i = L.wOffset; i < end; i++) {
        const w = p[i]!;
        g[i] = g[i]! + (w > 0 ? rate : w < 0 ? -rate : 0);
      }
    }
  }
}
