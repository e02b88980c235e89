/**
 * One "Copy link" button for every link the page hands out (the experiment's, a lesson's): it
 * puts the URL on the clipboard and says so beside it for a moment; where the browser denies the
 * clipboard it shows the link in a field to copy by hand; where there is no link, it says why.
 */
import { useEffect, useRef, useState } from 'react';
import './CopyLinkButton.css';

/** How long "… copied" stays beside the button (ms). */
const CONFIRM_MS = 2500;

/** What a click copies: the URL and the words that confirm it, or why there is no link. */
export type LinkToCopy = { url: string; copied: string } | { error: string };

type Said = { text: string; url?: string };

export function CopyLinkButton({
  label,
  fieldLabel,
  link,
  testId,
  className,
}: {
  /** The button's words, e.g. "Copy link". */
  label: string;
  /** The accessible name of the fallback field, e.g. "Link to this experiment". */
  fieldLabel: string;
  /** Called on each click: the link as it is now. */
  link: () => LinkToCopy;
  /** data-testid of the status beside the button. */
  testId: string;
  /** Extra class on the wrapper (a panel's own layout). */
  className?: string;
}) {
  const [said, setSaid] = useState<Said | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  // A confirmation fades; an error or the field to copy from stays until used.
  const say = (next: Said, fades: boolean) => {
    setSaid(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = fades ? setTimeout(() => setSaid(null), CONFIRM_MS) : null;
  };
  const copy = async () => {
    const r = link();
    if ('error' in r) {
      say({ text: r.error }, false);
      return;
    }
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(r.url);
      say({ text: r.copied }, true);
    } catch {
      say({ text: 'Copy this link:', url: r.url }, false);
    }
  };
  return (
    <span className={className ? `copy-link ${className}` : 'copy-link'}>
      <button type="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status" data-testid={testId}>
        {said ? (
          <>
            <span>{said.text}</span>
            {said.url !== undefined ? (
              <input
                aria-label={fieldLabel}
                readOnly
                value={said.url}
                onFocus={(e) => e.currentTarget.select()}
                onBlur={() => setSaid(null)}
                autoFocus
              />
            ) : null}
          </>
        ) : null}
      </span>
    </span>
  );
}
