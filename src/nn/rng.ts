/**
 * Seeded pseudo-random numbers for the engine (the engine never calls Math.random).
 * mulberry32: 32-bit state, period 2^32, fast and good enough for data and init.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** The current 32-bit state, to save and restore a stream exactly. */
  state(): number;
}

export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  return {
    next() {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    state() {
      return s;
    },
  };
}

/**
 * Standard normal by Box–Muller from the seeded stream: two draws per call, one value (the
 * pair's second is discarded for simplicity). 1 − u lies in (0, 1], so the log is finite.
 * Weight init (network.ts) and the datasets (data/generators.ts) both draw through this.
 */
export function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
