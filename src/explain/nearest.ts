/**
 * Which sample of an explained minibatch a click on the output plane picks: the one whose training
 * point is nearest the click (Euclidean, in data coordinates), and whether it is near enough to
 * count as clicked on. Pure: no DOM, no state.
 *
 * points: N·2 (x, y) of the training set (RunInfo.trainPoints); rows: the minibatch's training
 * rows (StepTrace.rows), of which the first m are used.
 */
export interface Picked {
  /** Index into the minibatch (0..m−1). */
  sample: number;
  /** Distance from the click to that sample's point, in data units. */
  distance: number;
  /** Within `radius` of the click: the person clicked on that point. */
  near: boolean;
}

/** The minibatch sample nearest (x, y); null when the minibatch is empty. Ties go to the first. */
export function nearestSample(
  points: ArrayLike<number>,
  rows: ArrayLike<number>,
  m: number,
  x: number,
  y: number,
  radius: number,
): Picked | null {
  let best = -1;
  let bestD2 = Infinity;
  for (let i = 0; i < Math.min(m, rows.length); i++) {
    const r = rows[i]!;
    const dx = points[2 * r]! - x;
    const dy = points[2 * r + 1]! - y;
    const d2 = dx * dx + dy * dy;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  if (best < 0) return null;
  const distance = Math.sqrt(bestD2);
  return { sample: best, distance, near: distance <= radius };
}

/** The training point (x, y) of a training row. */
export function pointOf(points: ArrayLike<number>, row: number): { x: number; y: number } {
  return { x: points[2 * row]!, y: points[2 * row + 1]! };
}
