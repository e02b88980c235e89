import { useState, type ReactNode } from 'react';
import { dismissNotice, type Notice } from '../state/store.ts';
import './NoticeList.css';

/**
 * The store's notices, newest first, taking at most one notice's height: the newest shows, the
 * older ones wait behind "N more". A notice's first line is its message; further lines (what a
 * loaded link or file changed) are behind "Details". Each has its action buttons and a Dismiss.
 */
export function NoticeList({ notices, extra }: { notices: readonly Notice[]; extra?: ReactNode }) {
  const [expanded, setExpanded] = useState(false);
  const newestFirst = [...notices].reverse();
  const older = newestFirst.length - 1;
  return (
    <div className="notice-stack">
      <ul className="notices" aria-label="Notices">
        {newestFirst.map((n, i) => (
          <NoticeItem key={n.id} notice={n} hidden={i > 0 && !expanded} />
        ))}
      </ul>
      {older > 0 ? (
        <button type="button" className="notice-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `${older} more`}
        </button>
      ) : null}
      {extra}
    </div>
  );
}

function NoticeItem({ notice: n, hidden }: { notice: Notice; hidden: boolean }) {
  const [head = '', ...details] = n.text.split('\n');
  return (
    <li className={`notice notice-${n.kind}`} hidden={hidden}>
      <div className="notice-body">
        <span>{head}</span>
        {details.length > 0 ? (
          <details className="notice-details">
            <summary>Details</summary>
            <ul>
              {details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
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
      <button type="button" onClick={() => dismissNotice(n.id)} aria-label={`Dismiss: ${head}`}>
        ×
      </button>
    </li>
  );
}
