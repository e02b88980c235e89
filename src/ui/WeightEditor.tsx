import { useEffect, useRef, useState } from 'react';
import { FieldError } from './controls.tsx';
import './WeightEditor.css';

/** Which weight (from ≥ 0) or bias (from = -1) an editor edits, where it opens and its title. */
export interface Editor {
  layer: number;
  to: number;
  from: number;
  x: number;
  y: number;
  title: string;
}

export const MAX_WEIGHT = 1000;

/** The small dialog that opens on a clicked link or unit: type a number, Enter applies, Escape cancels. */
export function WeightEditor(p: {
  editor: Editor;
  initial: number | null;
  width: number;
  onSave: (v: number) => void;
  onCancel: () => void;
}) {
  const shown = p.initial === null ? '' : String(Number(p.initial.toPrecision(4)));
  const [text, setText] = useState(shown);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Until the person types, the field follows the value (training pauses as the editor opens, and
  // the last step may land after it).
  if (!touched && text !== shown) setText(shown);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Focus moves into the editor and back to where it came from when it closes.
    const before = document.activeElement;
    input.current?.focus();
    input.current?.select();
    return () => {
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus();
    };
  }, []);
  const save = () => {
    const v = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(v) || Math.abs(v) > MAX_WEIGHT) {
      setError(`Type a number from −${MAX_WEIGHT} to ${MAX_WEIGHT}.`);
      return;
    }
    p.onSave(v);
  };
  const left = Math.max(4, Math.min(p.editor.x - 110, p.width - 236));
  return (
    <div
      className="weight-editor"
      role="dialog"
      aria-label={p.editor.title}
      style={{ left, top: p.editor.y + 10 }}
      onClick={(e) => e.stopPropagation()}
      onPointerMove={(e) => e.stopPropagation()}
    >
      <p className="editor-title">{p.editor.title}</p>
      <label>
        <span>{p.editor.from === -1 ? 'New bias' : 'New weight'}</span>
        <input
          ref={input}
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setTouched(true);
            setText(e.target.value);
          }}
          onKeyDown={(e) => {
            // preventDefault: focus returns to the node, which must not take this Enter as a click.
            if (e.key === 'Enter') {
              e.preventDefault();
              save();
            }
            if (e.key === 'Escape') {
              e.preventDefault();
              p.onCancel();
            }
          }}
        />
      </label>
      <FieldError text={error} />
      <div className="editor-actions">
        <button type="button" onClick={save}>
          Apply
        </button>
        <button type="button" onClick={p.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
