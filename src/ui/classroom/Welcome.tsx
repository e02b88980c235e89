/**
 * The first visit's welcome: one sentence on what the app is, and two buttons. A modal dialog:
 * focus starts on the first button and stays inside, Escape means "Just explore". Either button
 * dismisses it for good (welcome.ts).
 */
import { useEffect, useId, useRef } from 'react';
import { startFirstLesson } from '../welcomeActions.ts';
import { dismissWelcome } from './welcome.ts';
import './classroom.css';

export function Welcome({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const textId = useId();
  const first = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const close = (start: boolean) => {
    dismissWelcome();
    onClose();
    if (start) startFirstLesson();
  };
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="welcome-backdrop">
      <div
        ref={box}
        className="welcome"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close(false);
            return;
          }
          if (e.key !== 'Tab') return;
          // Keep focus on the two buttons.
          const buttons = [...(box.current?.querySelectorAll('button') ?? [])];
          const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
          const next = buttons[(i + (e.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
          e.preventDefault();
          next?.focus();
        }}
      >
        <h2 id={titleId}>Welcome</h2>
        <p id={textId}>
          Here you train a small neural network in your browser and watch, step by step, how it learns to sort points.
        </p>
        <div className="welcome-actions">
          <button ref={first} type="button" className="primary" onClick={() => close(true)}>
            Start the first lesson
          </button>
          <button type="button" onClick={() => close(false)}>
            Just explore
          </button>
        </div>
      </div>
    </div>
  );
}
