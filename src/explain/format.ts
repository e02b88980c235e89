/** How equations.ts writes numbers and sums: 4 significant digits, the 9 largest terms of a long sum. */
import type { Fact } from './equations.ts';

/** Terms written out in full before "+ k more". */
export const MAX_TERMS = 9;

/** 4 significant digits; TeX (×10^k) outside [1e-3, 1e5). */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const ax = Math.abs(x);
  if (ax >= 1e-3 && ax < 1e5) return String(Number(x.toPrecision(4)));
  const [m, e] = x.toExponential(3).split('e');
  return `${String(Number(m))}\\times 10^{${Number(e)}}`;
}
/** A number inside a product: negatives in parentheses. */
export function p(x: number): string {
  const s = fmt(x);
  return x < 0 || s.includes('times') ? `(${s})` : s;
}
/** fmt as plain text (1.5e-7), for the facts list. */
export function fmtPlain(x: number): string {
  return fmt(x).replace('\\times 10^{', 'e').replace('}', '');
}
export function fact(label: string, value: number): Fact {
  return { label, value, shown: fmtPlain(value) };
}

/** Σ of terms as TeX: the MAX_TERMS largest in magnitude, then "+ k more (= s)". */
export function sumTerms(terms: { tex: string; value: number }[]): string {
  if (terms.length === 0) return '0';
  const order = terms.map((_, k) => k);
  if (terms.length > MAX_TERMS) order.sort((a, b) => Math.abs(terms[b]!.value) - Math.abs(terms[a]!.value));
  const shown = order.slice(0, MAX_TERMS);
  const rest = order.slice(MAX_TERMS);
  let tex = shown.map((k) => terms[k]!.tex).join(' + ');
  if (rest.length > 0) {
    let s = 0;
    for (const k of rest) s += terms[k]!.value;
    tex += ` + \\underbrace{\\cdots}_{${rest.length}\\text{ more}\\,=\\,${fmt(s)}}`;
  }
  return tex;
}
