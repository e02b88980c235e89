/**
 * One TeX line → pieces that may wrap between them. Chromium and Safari do not break lines inside
 * a <math> element (Temml's soft breaks work only in Firefox), so a long equation is typeset as
 * several inline <math> pieces, split before each top-level =, +, −, ←, →, \quad and \; (a spaced
 * separator), as TeX breaks inline math; a piece still too wide splits again before its · products
 * (PRODUCT_BREAKS). "Top level": outside every {…}, (…), […] (but not \big(…\big), which
 * typesets in pieces). Pure string work, no typesetting.
 */
const BREAK_BEFORE = ['=', '+', '-', '\\leftarrow', '\\rightarrow', '\\approx', '\\quad', '\\;'];
/** Second choice, inside a piece still too wide for its row: before each product's ·. */
export const PRODUCT_BREAKS = ['\\cdot'];
const OPEN = new Set(['{', '(', '[']);
const CLOSE = new Set(['}', ')', ']']);

/** The pieces of `tex`, in order, split before `ops`; joined with spaces they typeset as the whole line. */
export function splitTex(tex: string, ops: readonly string[] = BREAK_BEFORE): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i]!;
    if (ch === '\\' && (tex[i + 1] === '{' || tex[i + 1] === '}')) {
      i++; // an escaped brace is a character, not a group
      continue;
    }
    // \big( … \big) are sized delimiters that typeset alone, so a long sum inside them may wrap too.
    const sized = /^\\[bB]ig[lr]?[()[\]]/.exec(tex.slice(i, i + 7));
    if (sized) {
      i += sized[0].length - 1;
      continue;
    }
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (depth > 0 || i === 0) continue;
    // A command operator must end there (\leftarrow, not \leftarrowtail).
    const op = ops.find((o) => tex.startsWith(o, i) && !(o.startsWith('\\') && /[a-z]/i.test(tex[i + o.length] ?? '')));
    if (!op) continue;
    const before = tex.slice(start, i).trim();
    // An operator right after another (= −x, a unary minus) stays with it.
    if (before === '' || BREAK_BEFORE.includes(before) || ops.includes(before)) continue;
    pieces.push(before);
    start = i;
  }
  const last = tex.slice(start).trim();
  if (last) pieces.push(last);
  return pieces;
}
