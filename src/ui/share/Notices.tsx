/**
 * The store's notices (what a link, a file or the worker changed or refused), each dismissable,
 * inside a labelled region so they are found as a landmark.
 */
import { dismissNotice, useStore } from '../../state/store.ts';

export function Notices() {
  const notices = useStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section className="notices-region" aria-label="Messages">
      <ul className="notices" aria-label="Notices">
        {notices.map((n) => (
          <li key={n.id} className={`notice notice-${n.kind}`}>
            <span>{n.text}</span>
            <button type="button" onClick={() => dismissNotice(n.id)} aria-label={`Dismiss: ${n.text}`}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {notices.length > 2 ? (
        <button type="button" className="dismiss-all" onClick={() => notices.forEach((n) => dismissNotice(n.id))}>
          Dismiss all
        </button>
      ) : null}
    </section>
  );
}
