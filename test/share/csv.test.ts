import { describe, expect, it } from 'vitest';
import { formatCsvErrors, parseCsv, toCsv } from '../../src/share/csv.ts';

describe('parseCsv', () => {
  it('reads x,y,label with a header', () => {
    const r = parseCsv('x,y,label\n1,2,0\n-3.5,4e-1,1\n');
    expect(r).toEqual({
      ok: true,
      kind: 'label',
      classes: 2,
      points: [
        { x: 1, y: 2, label: 0 },
        { x: -3.5, y: 0.4, label: 1 },
      ],
    });
  });

  it('reads x,y,value as regression and infers the kind without a header', () => {
    expect(parseCsv('x,y,value\n1,2,3\n')).toMatchObject({ ok: true, kind: 'value', classes: 1 });
    expect(parseCsv('1,2,0.5\r\n0,0,1\r\n')).toMatchObject({ ok: true, kind: 'value' });
    expect(parseCsv('1,2,0\n0,0,3\n')).toMatchObject({ ok: true, kind: 'label', classes: 4 });
  });

  it('accepts tabs, quotes, blank lines and # comments', () => {
    const r = parseCsv('# drawn in class\n"x"\t"y"\t"label"\n\n 1 \t 2 \t 1 \n');
    expect(r).toEqual({ ok: true, kind: 'label', classes: 2, points: [{ x: 1, y: 2, label: 1 }] });
  });

  it('names the line of each error', () => {
    const r = parseCsv('x,y,label\n1,2,0\n1,2\n7,0,1\n1,abc,0\n0,0,9\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(r.errors[0]!.message).toContain('expected 3 values');
    expect(r.errors[1]!.message).toContain('outside the plane');
    expect(r.errors[2]!.message).toContain('y "abc" is not a number');
    expect(formatCsvErrors(r.errors)).toMatch(/^Line 3: /);
  });

  it('names the line of a bad class label once the rows are read', () => {
    const r = parseCsv('x,y,label\n1,2,0\n0,0,9\n0,0,0.5\n');
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'label 9 is not a class index 0 to 5.' },
        { line: 4, message: 'label 0.5 is not a class index 0 to 5.' },
      ],
    });
  });

  it('refuses a bad header, an empty file and too many points', () => {
    expect(parseCsv('a,b\n1,2,3')).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(parseCsv('\n\n')).toMatchObject({ ok: false, errors: [{ line: 0, message: 'The file holds no points.' }] });
    const many = Array.from({ length: 2001 }, () => '0,0,1').join('\n');
    expect(parseCsv(many)).toMatchObject({ ok: false, errors: [{ line: 2001 }] });
    expect(parseCsv('x'.repeat(2_000_001))).toMatchObject({ ok: false, errors: [{ line: 0 }] });
  });

  it('stops after ten errors', () => {
    const r = parseCsv(Array.from({ length: 50 }, () => 'bad,bad,bad').join('\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeLessThanOrEqual(10);
  });
});

describe('toCsv', () => {
  it('writes a header and round-trips through parseCsv', () => {
    const points = [
      { x: 0.1 + 0.2, y: -6, label: 1 },
      { x: 6, y: 1e-7, label: 0 },
    ];
    const text = toCsv(points, 'label');
    expect(text.split('\n')[0]).toBe('x,y,label');
    expect(parseCsv(text)).toEqual({ ok: true, kind: 'label', classes: 2, points });
    const reg = [{ x: 1, y: 2, label: 0.25 }];
    expect(parseCsv(toCsv(reg, 'value'))).toEqual({ ok: true, kind: 'value', classes: 1, points: reg });
  });
});
