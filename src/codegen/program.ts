/**
 * A generated program as blocks: each block is one step the article would explain (a markdown
 * title and equation for the notebook) and its code. Lines may be tagged with the training phase
 * they compute, so the Code panel can highlight them while "Explain step" walks through a step.
 */

export type CodePhase = 'forward' | 'loss' | 'backward' | 'update';
export const CODE_PHASES: readonly CodePhase[] = ['forward', 'loss', 'backward', 'update'];

/** One line of code, optionally tagged with the phase it computes. */
export type CodeLine = string | { text: string; phase: CodePhase };

export interface Block {
  /** Short heading (the notebook's markdown cell). */
  title: string;
  /** One or two sentences for a person, with the equation in $…$ (notebook only). */
  note: string;
  /** Every line of this block belongs to this phase (e.g. the forward function). */
  phase?: CodePhase;
  lines: CodeLine[];
}

export interface Program {
  language: 'python' | 'typescript';
  blocks: Block[];
  /** The whole program. */
  text: string;
  /** 1-based line numbers of `text` per phase. */
  phases: Record<CodePhase, number[]>;
  /** The data as CSV when it is too big to write inline (the program reads it from CSV_NAME). */
  csv: string | null;
}

/** Beyond this many points the data goes in a CSV file beside the program. */
export const INLINE_POINTS = 2000;
export const CSV_NAME = 'data.csv';

export function lineText(line: CodeLine): string {
  return typeof line === 'string' ? line : line.text;
}

/** Tag every line of `lines` with `phase`. */
export function tag(phase: CodePhase, ...lines: string[]): CodeLine[] {
  return lines.map((text) => ({ text, phase }));
}

/** Join the blocks (a blank line between) and collect each phase's line numbers. */
export function assemble(language: Program['language'], blocks: Block[], csv: string | null): Program {
  const out: string[] = [];
  const phases: Record<CodePhase, number[]> = { forward: [], loss: [], backward: [], update: [] };
  blocks.forEach((b, i) => {
    if (i > 0) out.push('');
    for (const line of b.lines) {
      out.push(lineText(line));
      const phase = typeof line === 'string' ? b.phase : line.phase;
      if (phase) phases[phase].push(out.length);
    }
  });
  return { language, blocks, text: out.join('\n') + '\n', phases, csv };
}

/** A block's code as one string. */
export function blockCode(b: Block): string {
  return b.lines.map(lineText).join('\n');
}

/** The data as CSV: set (train/test), x, y, label; one row per point. */
export function dataCsv(
  train: { points: number[]; labels: number[] },
  test: { points: number[]; labels: number[] },
): string {
  const rows = ['set,x,y,label'];
  for (const [name, d] of [
    ['train', train],
    ['test', test],
  ] as const) {
    for (let i = 0; i < d.labels.length; i++)
      rows.push(`${name},${d.points[2 * i]},${d.points[2 * i + 1]},${d.labels[i]}`);
  }
  return rows.join('\n') + '\n';
}

/** Numbers as literals that read back to the same double: the shortest round-trip form. */
export function jsNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** Python float literal (integers get ".0" so NumPy arrays are float arrays). */
export function pyNumber(x: number): string {
  if (Object.is(x, -0)) return '-0.0';
  const s = String(x);
  return /^-?\d+$/.test(s) ? `${s}.0` : s;
}

/** Items joined by ", " and wrapped into lines of about `width` characters, each with `indent`. */
export function wrap(items: string[], indent: string, width = 96): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const it of items) {
    const piece = cur === '' ? it : `${cur}, ${it}`;
    if (cur !== '' && indent.length + piece.length + 1 > width) {
      lines.push(`${indent}${cur},`);
      cur = it;
    } else cur = piece;
  }
  if (cur !== '') lines.push(`${indent}${cur}`);
  return lines;
}

/** "(m, 4)"-style shape text. */
export function shape(...dims: (number | string)[]): string {
  return `(${dims.join(', ')}${dims.length === 1 ? ',' : ''})`;
}
