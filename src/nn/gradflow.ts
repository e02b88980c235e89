/**
 * Gradient flow: the size of each layer's gradient, ‖∂L/∂(W_l, b_l)‖₂, so vanishing gradients (a
 * deep sigmoid network) and exploding ones (a too-high learning rate) show. One pass over the
 * grads (P values), so the worker calls it once per epoch on the last minibatch, never per minibatch.
 */
import type { Network } from './network.ts';

/** out[l] = ‖grads of layer l‖₂ / clipFactor (the norm before clipping; 1 when not clipped). */
export function layerGradNorms(net: Network, out: Float64Array, clipFactor = 1): void {
  const g = net.grads;
  const layers = net.layers;
  for (let l = 0; l < layers.length; l++) {
    const L = layers[l]!;
    let s = 0;
    for (let i = L.wOffset, end = L.bOffset + L.outSize; i < end; i++) s += g[i]! * g[i]!;
    out[l] = Math.sqrt(s) / clipFactor;
  }
}
