/** Small labelled controls shared by the panels. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function Panel(p: { title: string; className?: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section className={`panel ${p.className ?? ''}`} aria-labelledby={id}>
      <div className="panel-head">
        <h2 id={id}>{p.title}</h2>
        {p.actions}
      </div>
      {p.children}
    </section>
  );
}

/**
 * A range slider with a visible label and value. The shown value follows the thumb at once;
 * onCommit is called after the thumb rests for `delay` ms (data changes rebuild the network,
 * so a drag should cost one rebuild, not thirty).
 */
export function Slider(p: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  format?: (v: number) => string;
  onCommit: (v: number) => void;
  delay?: number;
  /** Embed id (src/share/embed.ts): a link can hide this control. */
  control?: string;
}) {
  const [local, setLocal] = useState(p.value);
  const [prev, setPrev] = useState(p.value);
  if (prev !== p.value) {
    setPrev(p.value);
    setLocal(p.value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commit = useRef(p.onCommit);
  useEffect(() => {
    commit.current = p.onCommit;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const id = useId();
  const fmt = p.format ?? String;
  return (
    <div className="field slider" data-control={p.control}>
      <label htmlFor={id}>{p.label}</label>
      <output htmlFor={id} aria-hidden="true">
        {fmt(local)}
      </output>
      <input
        id={id}
        type="range"
        min={p.min}
        max={p.max}
        step={p.step ?? 1}
        value={local}
        aria-valuetext={fmt(local)}
        onChange={(e) => {
          const v = Number(e.target.value);
          setLocal(v);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => commit.current(v), p.delay ?? 150);
        }}
      />
    </div>
  );
}

export function Select<T extends string>(p: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  className?: string;
  /** Embed id (src/share/embed.ts): a link can hide this control. */
  control?: string;
}) {
  const id = useId();
  return (
    <div className={`field ${p.className ?? ''}`} data-control={p.control}>
      <label htmlFor={id}>{p.label}</label>
      <select id={id} value={p.value} onChange={(e) => p.onChange(e.target.value as T)}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Toggle(p: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  className?: string;
  /** Embed id (src/share/embed.ts): a link can hide this control. */
  control?: string;
}) {
  return (
    <label className={`toggle ${p.className ?? ''}`} data-control={p.control}>
      <input type="checkbox" checked={p.checked} onChange={(e) => p.onChange(e.target.checked)} />
      <span>{p.label}</span>
    </label>
  );
}
