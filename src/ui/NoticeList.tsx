import { dismissNotice, type PlaygroundState } from '../state/store.ts';
import './NoticeList.css';

/** The store's notices as a list, each with its action buttons (if any) and its own Dismiss button. */
export function NoticeList({ notices }: { notices: PlaygroundState['notices'] }) {
  return (
    <ul className="notices" aria-label="Notices">
      {notices.map((n) => (
        <li key={n.id} className={`notice notice-${n.kind}`}>
          <span>{n.text}</span>
          {n.actions?.map((a) => (
            <button
              key={a.label}
              type="button"
              className="notice-action"
              onClick={() => {
                dismissNotice(n.id);
                a.run();
              }}
            >
              {a.label}
            </button>
          ))}
          <button type="button" onClick={() => dismissNotice(n.id)} aria-label={`Dismiss: ${n.text}`}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
