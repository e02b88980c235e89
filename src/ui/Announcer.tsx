import { useEffect, useState } from 'react';

/**
 * The ARIA live region: one polite status line for screen-reader users. `message` changes are
 * read out; `nonce` lets the same text be read again (a second limit hit).
 */
export function Announcer({ message, nonce }: { message: string; nonce: number }) {
  const [text, setText] = useState('');
  useEffect(() => {
    // Clear first so an identical message is announced again.
    setText('');
    if (!message) return;
    const t = setTimeout(() => setText(message), 50);
    return () => clearTimeout(t);
  }, [message, nonce]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
    </div>
  );
}

export function statusAnnouncement(status: string, message: string | null, epoch: number): string {
  switch (status) {
    case 'running':
      return 'Playing';
    case 'paused':
      return `Paused at epoch ${epoch}`;
    case 'diverged':
      return `Training diverged${message ? `: ${message}` : ''}. Lower the learning rate and press Reset.`;
    case 'error':
      return `Training stopped by an error${message ? `: ${message}` : ''}`;
    default:
      return '';
  }
}
