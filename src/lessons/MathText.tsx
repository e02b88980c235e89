/**
 * One inline formula, typeset by temml (0.13.5) as MathML. temml.render builds DOM nodes itself
 * (createElementNS, no HTML parsing), with trust off (no \href, \class, \html...), so a formula
 * from a lesson link can only become math. A formula temml cannot read shows as its source text.
 */
import { useLayoutEffect, useRef } from 'react';
import temml from 'temml';

export function MathText({ tex }: { tex: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    try {
      temml.render(tex, el, { throwOnError: true, trust: false, maxSize: [10, 10], maxExpand: 100 });
    } catch {
      el.textContent = tex;
    }
  }, [tex]);
  return <span ref={ref} className="md-math" data-tex={tex} />;
}
