/**
 * Points from and to CSV: `x,y,label` (classification: class index 0..5) or `x,y,value`
 * (regression). A header line is optional; without one, whole-number labels mean classes.
 * Commas or tabs separate; blank lines and lines starting with # are skipped.
 * Every problem is reported with its line number; nothing throws.
 */
import { DOMAIN, LIMITS } from '../nn/types.ts';
import type { DataPoint } from './config.ts';
import { SHARE_LIMITS } from './schema.ts';

export type CsvKind = 'label' | 'value';

export interface CsvError {
  /** 1-based line number in the file; 0 for the file as a whole. */
  line: number;
  message: string;
}

export type CsvResult =
  { ok: true; points: DataPoint[]; kind: CsvKind; classes: number } | { ok: false; errors: CsvError[] };

/** A larger file is refused before it is read. */
export const MAX_CSV_CHARS = 2_000_000;
const MAX_ERRORS = 10;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function cells(line: string): string[] {
  return line.split(/[,\t]/).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

function headerKind(names: string[]): CsvKind | null {
  const third = names[2]?.toLowerCase() ?? '';
  if (['value', 'target', 'z', 'output'].includes(third)) return 'value';
  if (['label', 'class', 'category'].includes(third)) return 'label';
  return null;
}

export function parseCsv(text: string): CsvResult {
  if (typeof text !== 'string') return { ok: false, errors: [{ line: 0, message: 'The file is not text.' }] };
  if (text.length > MAX_CSV_CHARS) {
    return {
      ok: false,
      errors: [{ line: 0, message: `The file is too large (${text.length} characters; at most ${MAX_CSV_CHARS}).` }],
    };
  }
  const errors: CsvError[] = [];
  const rows: { line: number; x: number; y: number; label: number }[] = [];
  let kind: CsvKind | null = null;
  let seenData = false;
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length && errors.length < MAX_ERRORS; i++) {
    const line = i + 1;
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const c = cells(raw);
    if (!seenData && c.some((v) => !NUMBER.test(v))) {
      seenData = true;
      // A header: x, y and a label or value column.
      const k = c.length === 3 ? headerKind(c) : null;
      if (k === null) {
        errors.push({
          line,
          message: `expected a header "x,y,label" or "x,y,value", or three numbers; got "${raw.slice(0, 60)}".`,
        });
      } else kind = k;
      continue;
    }
    seenData = true;
    if (c.length !== 3) {
      errors.push({ line, message: `expected 3 values (x, y, label or value), got ${c.length}.` });
      continue;
    }
    const names = ['x', 'y', kind === 'value' ? 'value' : 'label'];
    const nums = c.map((v, j) => {
      if (!NUMBER.test(v)) {
        errors.push({ line, message: `${names[j]} "${v.slice(0, 30)}" is not a number.` });
        return NaN;
      }
      return Number(v);
    });
    const [x, y, label] = nums as [number, number, number];
    if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(label)) continue;
    if (Math.abs(x) > DOMAIN || Math.abs(y) > DOMAIN) {
      errors.push({
        line,
        message: `the point (${x}, ${y}) lies outside the plane: x and y must be in [-${DOMAIN}, ${DOMAIN}].`,
      });
      continue;
    }
    if (rows.length >= SHARE_LIMITS.points.max) {
      errors.push({ line, message: `more than ${SHARE_LIMITS.points.max} points; split the file.` });
      break;
    }
    rows.push({ line, x, y, label });
  }
  if (errors.length === 0 && rows.length === 0) errors.push({ line: 0, message: 'The file holds no points.' });
  if (errors.length > 0) return { ok: false, errors };

  const resolved: CsvKind = kind ?? (rows.every((r) => Number.isInteger(r.label)) ? 'label' : 'value');
  let classes = 1;
  for (const r of rows) {
    if (resolved === 'label') {
      if (!Number.isInteger(r.label) || r.label < 0 || r.label >= LIMITS.classes.max) {
        errors.push({ line: r.line, message: `label ${r.label} is not a class index 0 to ${LIMITS.classes.max - 1}.` });
      } else classes = Math.max(classes, r.label + 1);
    } else if (r.label < SHARE_LIMITS.regressionLabel.min || r.label > SHARE_LIMITS.regressionLabel.max) {
      errors.push({
        line: r.line,
        message: `value ${r.label} is outside ${SHARE_LIMITS.regressionLabel.min} to ${SHARE_LIMITS.regressionLabel.max}.`,
      });
    }
    if (errors.length >= MAX_ERRORS) break;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    kind: resolved,
    classes: resolved === 'label' ? Math.max(2, classes) : 1,
    points: rows.map(({ x, y, label }) => ({ x, y, label })),
  };
}

/** "x,y,label" (or value) with a header line, one point per line, numbers in round-trip form. */
export function toCsv(points: readonly DataPoint[], kind: CsvKind): string {
  const lines = [`x,y,${kind}`];
  for (const p of points) lines.push(`${p.x},${p.y},${p.label}`);
  return `${lines.join('\n')}\n`;
}

/** One line per error, for a notice. */
export function formatCsvErrors(errors: readonly CsvError[]): string {
  return errors.map((e) => (e.line > 0 ? `Line ${e.line}: ${e.message}` : e.message)).join('\n');
}
