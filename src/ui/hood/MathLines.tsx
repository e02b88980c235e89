/**
 * TeX lines → MathML (Temml), read natively by Chromium, Firefox and Safari and by screen readers.
 * Each line is typeset as a few inline <math> pieces (texBreak.ts) so a long equation wraps in a
 * narrow panel instead of being cut off; continuation rows are indented under the first.
 */
import temml from 'temml';
import { memo } from 'react';
import type { Fact } from '../../explain/equations.ts';
import { PRODUCT_BREAKS, splitTex } from '../../explain/texBreak.ts';
import './MathLines.css';

function toMathML(tex: string): string {
  // Inline math in display style: each line starts at the left edge, like worked steps on paper.
  // A piece that starts with +, − or · (a wrapped sum or product) keeps the binary operator's spacing ({} before it).
  const piece = /^([+-]|\\cdot)/.test(tex) ? `{}${tex}` : tex;
  return temml.renderToString(`\\displaystyle ${piece}`, { displayMode: false, throwOnError: false, annotate: true });
}

/** A piece as one inline-block: kept whole on a row when it fits, else wrapped before its products. */
function piece(tex: string): string {
  return `<span class="hood-math-piece">${splitTex(tex, PRODUCT_BREAKS).map(toMathML).join(' ')}</span>`;
}

export const MathLines = memo(function MathLines({ tex }: { tex: readonly string[] }) {
  return (
    <div className="hood-math">
      {tex.map((t, i) => (
        // Temml escapes the TeX it is given; the TeX comes from equations.ts (numbers and fixed symbols).
        <div
          key={i}
          className="hood-math-line"
          dangerouslySetInnerHTML={{ __html: splitTex(t).map(piece).join(' ') }}
        />
      ))}
    </div>
  );
});

/** The key values beside the equations ("z 1.049"), each findable as data-testid `${prefix}${label}`. */
export function Facts(p: { facts: readonly Fact[]; className: string; prefix: string; testId?: string }) {
  return (
    <dl className={p.className} data-testid={p.testId}>
      {p.facts.map((f) => (
        <div key={f.label} data-testid={`${p.prefix}${f.label}`}>
          <dt>{f.label}</dt>
          <dd>{f.shown}</dd>
        </div>
      ))}
    </dl>
  );
}
