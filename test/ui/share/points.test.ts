import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/share/config.ts';
import { addPoint, drawLabels, pointsOfRun, removeNearest, roundCoord } from '../../../src/ui/share/points.ts';

describe('drawing points', () => {
  it('adds a rounded point inside the plane, refuses past the limit', () => {
    expect(addPoint([], 1.23456, -7, 1)).toEqual([]);
    expect(addPoint([], 1.23456, -2.0004, 1)).toEqual([{ x: 1.235, y: -2, label: 1 }]);
    const full = Array.from({ length: 2000 }, () => ({ x: 0, y: 0, label: 0 }));
    expect(addPoint(full, 1, 1, 1)).toBeNull();
    expect(Object.is(roundCoord(-0.0001), 0)).toBe(true);
  });

  it('removes the nearest point within the radius only', () => {
    const pts = [
      { x: 0, y: 0, label: 0 },
      { x: 0.3, y: 0, label: 1 },
    ];
    expect(removeNearest(pts, 0.25, 0)).toEqual([{ x: 0, y: 0, label: 0 }]);
    expect(removeNearest(pts, 3, 3)).toBe(pts);
  });

  it('reads a run’s points and offers labels per problem', () => {
    const info = {
      trainPoints: new Float64Array([1, 2]),
      trainLabels: new Float64Array([1]),
      testPoints: new Float64Array([3, 4, 5, 6]),
      testLabels: new Float64Array([0, 1]),
    };
    expect(pointsOfRun(info)).toEqual({
      train: [{ x: 1, y: 2, label: 1 }],
      test: [
        { x: 3, y: 4, label: 0 },
        { x: 5, y: 6, label: 1 },
      ],
    });
    expect(drawLabels(DEFAULT_CONFIG).map((l) => l.value)).toEqual([1, 0]);
    expect(drawLabels({ ...DEFAULT_CONFIG, problem: 'multiclass', classes: 4 })).toHaveLength(4);
    expect(drawLabels({ ...DEFAULT_CONFIG, problem: 'regression' }).map((l) => l.value)).toEqual([-1, 1]);
  });
});
