/**
 * One TeX line → pieces that may wrap between them. Chromium and Safari do not break lines inside
 * a <math> element (Temml's soft breaks work only in Firefox), so a long equation is typeset as
 * several inline <math> pieces, split before each top-level =, +, −, ←, → and \\quad, as TeX breaks inline
 * math. "Top level": outside every {…}, (…), […]. Pure string work, no typesetting.
 */
const BREAK_BEFORE = ['=', '+', '-', '\\leftarrow', '\\rightarrow', '\\approx', '\\quad'];
const OPEN = new Set(['{', '(', '[']);
const CLOSE = new Set(['}', ')', ']']);

/** The pieces of `tex`, in order; joined with spaces they typeset as the whole line. */
export function splitTex(tex: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i]!;
    if (ch === '\\' && (tex[i + 1] === '{' || tex[i + 1] === '}')) {
      i++; // an escaped brace is a character, not a group
      continue;
    }
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    if (depth > 0 || i === 0) continue;
    // A command operator must end there (\leftarrow, not \leftarrowtail).
    const op = BREAK_BEFORE.find(
      (o) => tex.startsWith(o, i) && !(o.startsWith('\\') && /[a-z]/i.test(tex[i + o.length] ?? '')),
    );
    if (!op) continue;
    const before = tex.slice(start, i).trim();
    // An operator right after another (= −x, a unary minus) stays with it.
    if (before === '' || BREAK_BEFORE.includes(before)) continue;
    pieces.push(before);
    start = i;
  }
  const last = tex.slice(start).trim();
  if (last) pieces.push(last);
  return pieces;
}
