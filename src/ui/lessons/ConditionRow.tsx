/** One task condition in the editor: which condition, and its value (a number or a choice). */
import { useId } from 'react';
import {
  CONDITION_KINDS,
  CONDITIONS,
  conditionValueKind,
  type Condition,
  type ConditionKind,
} from '../../lessons/conditions.ts';

/** "Test loss below …": the condition's words without a value, for the list. */
function kindName(kind: ConditionKind): string {
  return (CONDITIONS[kind].label as (v: string) => string)('…');
}

export function ConditionRow(p: {
  condition: Condition;
  index: number;
  onChange: (c: Condition) => void;
  onRemove: () => void;
}) {
  const kindId = useId();
  const valueId = useId();
  const v = conditionValueKind(p.condition.kind);
  const setKind = (kind: ConditionKind) => {
    const vk = conditionValueKind(kind);
    if (vk.type === 'none') p.onChange({ kind });
    else if (vk.type === 'choice') p.onChange({ kind, value: vk.options[0]! });
    else p.onChange({ kind, value: Math.max(vk.min, Math.min(vk.max, Number(p.condition.value) || vk.min)) });
  };
  return (
    <div className="lesson-condition">
      <label htmlFor={kindId} className="visually-hidden">
        Condition {p.index + 1}
      </label>
      <select id={kindId} value={p.condition.kind} onChange={(e) => setKind(e.target.value as ConditionKind)}>
        {CONDITION_KINDS.map((k) => (
          <option key={k} value={k}>
            {kindName(k)}
          </option>
        ))}
      </select>
      {v.type === 'none' ? null : (
        <>
          <label htmlFor={valueId} className="visually-hidden">
            Value of condition {p.index + 1}
          </label>
          {v.type === 'choice' ? (
            <select
              id={valueId}
              value={String(p.condition.value)}
              onChange={(e) => p.onChange({ ...p.condition, value: e.target.value })}
            >
              {v.options.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={valueId}
              type="number"
              min={v.min}
              max={v.max}
              step={v.type === 'integer' ? 1 : 'any'}
              value={String(p.condition.value ?? '')}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (e.target.value !== '' && Number.isFinite(n))
                  p.onChange({
                    ...p.condition,
                    value: Math.max(v.min, Math.min(v.max, v.type === 'integer' ? Math.round(n) : n)),
                  });
              }}
            />
          )}
        </>
      )}
      <button type="button" onClick={p.onRemove} aria-label={`Remove condition ${p.index + 1}`}>
        Remove
      </button>
    </div>
  );
}
