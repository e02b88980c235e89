/** TeX lines → MathML (Temml), read natively by Chromium, Firefox and Safari and by screen readers. */
import temml from 'temml';
import { memo } from 'react';

function toMathML(tex: string): string {
  // Inline math in display style: each line starts at the left edge, like worked steps on paper.
  return temml.renderToString(`\\displaystyle ${tex}`, { displayMode: false, throwOnError: false, annotate: true });
}

export const MathLines = memo(function MathLines({ tex }: { tex: readonly string[] }) {
  return (
    <div className="hood-math">
      {tex.map((t, i) => (
        // Temml escapes the TeX it is given; the TeX comes from equations.ts (numbers and fixed symbols).
        <div key={i} className="hood-math-line" dangerouslySetInnerHTML={{ __html: toMathML(t) }} />
      ))}
    </div>
  );
});
