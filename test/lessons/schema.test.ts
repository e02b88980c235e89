import { describe, expect, it } from 'vitest';
import { builtinLessons, BUILTIN_DATA } from '../../src/lessons/builtin/index.ts';
import { experimentDiff, lessonToData, validateLesson } from '../../src/lessons/schema.ts';
import { DEFAULT_CONFIG } from '../../src/share/config.ts';

describe('lesson schema', () => {
  it('every built-in lesson passes the gate unchanged, with 3 to 7 steps', () => {
    expect(BUILTIN_DATA).toHaveLength(10);
    for (const data of BUILTIN_DATA) {
      const r = validateLesson(data);
      expect(r.ok, data.title).toBe(true);
      if (!r.ok) continue;
      expect(r.notices, data.title).toEqual([]);
      expect(r.lesson.steps.length).toBeGreaterThanOrEqual(3);
      expect(r.lesson.steps.length).toBeLessThanOrEqual(7);
      // Every task the text sets is kept (no condition dropped by the gate).
      r.lesson.steps.forEach((s, i) => expect(s.task?.length ?? 0).toBe(data.steps[i]!.task?.length ?? 0));
    }
    expect(builtinLessons().map((l) => l.title)[0]).toBe('The article’s network cannot learn XOR');
  });

  it('refuses what is not a lesson, with one reason', () => {
    for (const bad of [null, 1, 'x', [], {}, { title: '', steps: [{ text: 'a' }] }, { title: 'T', steps: [] }]) {
      const r = validateLesson(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/lesson/);
    }
    const many = { title: 'T', steps: Array.from({ length: 21 }, () => ({ text: 'a' })) };
    expect(validateLesson(many).ok).toBe(false);
  });

  it("a step's experiment goes through the experiments' gate (clamped, with a notice)", () => {
    const r = validateLesson({ title: 'T', steps: [{ text: 'a', experiment: { learningRate: 1e9, hidden: [99] } }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.steps[0]!.experiment.learningRate).toBe(10);
    expect(r.lesson.steps[0]!.experiment.hidden).toEqual([16]);
    expect(r.notices.length).toBe(2);
    expect(r.notices[0]).toMatch(/^Step 1: /);
  });

  it('drops unknown task conditions, bad values, bad control names, bad modes; keeps the rest', () => {
    const r = validateLesson({
      title: 'T',
      steps: [
        {
          text: 'a',
          task: [{ kind: 'testLossBelow', value: 0.1 }, { kind: 'rm -rf' }, { kind: 'epochAtLeast', value: -3 }],
          controls: ['play', 'a"]{}', 7],
          mode: 'expert',
          hood: { open: 'check', breakBackprop: 'flip-sign' },
        },
        { text: 'b', keep: true, unknownKey: '<script>' },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [s1, s2] = r.lesson.steps;
    expect(s1!.task).toEqual([{ kind: 'testLossBelow', value: 0.1 }]);
    expect(s1!.controls).toEqual(['play']);
    expect(s1!.mode).toBeUndefined();
    expect(s1!.hood).toEqual({ open: 'check', breakBackprop: 'flip-sign' });
    expect(s2!.keep).toBe(true);
    expect(r.notices.length).toBe(4);
  });

  it('writes only the settings that differ from the defaults (not theme or speed) and reads them back', () => {
    const lesson = builtinLessons()[0]!;
    const data = lessonToData(lesson);
    expect(data.v).toBe(1);
    const back = validateLesson(JSON.parse(JSON.stringify(data)));
    expect(back.ok && back.lesson).toEqual(lesson);
    expect(experimentDiff({ ...DEFAULT_CONFIG, theme: 'dark', speed: 'max' })).toEqual({});
  });
});
