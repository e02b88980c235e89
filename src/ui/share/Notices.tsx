/**
 * The store's notices (what a link, a file or the worker changed or refused), each dismissable,
 * inside a labelled region so they are found as a landmark; one notice high (see NoticeList).
 */
import { dismissNotice, useStore } from '../../state/store.ts';
import { NoticeList } from '../NoticeList.tsx';

export function Notices() {
  const notices = useStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section className="notices-region" aria-label="Messages">
      <NoticeList
        notices={notices}
        extra={
          notices.length > 1 ? (
            <button type="button" className="dismiss-all" onClick={() => notices.forEach((n) => dismissNotice(n.id))}>
              Dismiss all
            </button>
          ) : null
        }
      />
    </section>
  );
}
