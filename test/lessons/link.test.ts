import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinLessons } from '../../src/lessons/builtin/index.ts';
import {
  decodeLesson,
  encodeLesson,
  lessonParam,
  lessonToJson,
  MAX_LESSON_LINK_CHARS,
  readLessonJson,
  withLessonParam,
} from '../../src/lessons/link.ts';
import { compressForUri } from '../../src/share/lz.ts';

describe('lesson links', () => {
  it('every built-in lesson round-trips through a link and through a file', () => {
    for (const lesson of builtinLessons()) {
      const { value, fits } = encodeLesson(lesson);
      expect(fits).toBe(true);
      expect(value).toMatch(/^[A-Za-z0-9+\-$]+$/);
      const back = decodeLesson(value);
      expect(back.ok && back.lesson).toEqual(lesson);
      const file = readLessonJson(lessonToJson(lesson));
      expect(file.ok && file.lesson).toEqual(lesson);
    }
  });

  it('the query param is read and written without touching other params', () => {
    expect(lessonParam('?a=1&lesson=XYZ&b=2')).toBe('XYZ');
    expect(lessonParam('?a=1')).toBeNull();
    expect(withLessonParam('?a=1&lesson=old', 'new')).toBe('?a=1&lesson=new');
    expect(withLessonParam('?lesson=old', null)).toBe('');
  });

  it('bad links say why in plain words and open nothing', () => {
    expect(decodeLesson('')).toEqual({ ok: false, error: 'The lesson link is empty.' });
    const long = decodeLesson('A'.repeat(MAX_LESSON_LINK_CHARS + 1));
    expect(!long.ok && long.error).toMatch(/too long/);
    const damaged = decodeLesson('%%%not-lz');
    expect(damaged.ok).toBe(false);
    const notJson = decodeLesson(compressForUri('{"title": '));
    expect(!notJson.ok && notJson.error).toBe('The lesson link is not valid JSON.');
    const notLesson = decodeLesson(compressForUri('{"steps": 3}'));
    expect(!notLesson.ok && notLesson.error).toMatch(/not a lesson/);
    const huge = readLessonJson(' '.repeat(500_000));
    expect(!huge.ok && huge.error).toMatch(/too large/);
  });

  it('fuzz: any string as a link value never throws, and what opens is a valid lesson', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const r = decodeLesson(s);
        if (r.ok) expect(r.lesson.steps.length).toBeGreaterThan(0);
        else expect(typeof r.error).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('fuzz: hostile lesson JSON (any shape, odd keys, huge numbers) compressed into a link stays inside the gate', () => {
    const hostileText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '[x](javascript:alert(1))',
        '$\\href{javascript:alert(1)}{x}$',
        '__proto__',
      ),
    );
    const anyValue = fc.anything({ maxDepth: 3 });
    const step = fc.record(
      {
        text: hostileText,
        question: fc.oneof(hostileText, anyValue),
        experiment: fc.oneof(anyValue, fc.dictionary(fc.string({ maxLength: 12 }), anyValue)),
        task: fc.oneof(
          anyValue,
          fc.array(
            fc.record({ kind: fc.oneof(fc.string(), fc.constantFrom('testLossBelow', 'featureOn')), value: anyValue }),
          ),
        ),
        controls: fc.oneof(anyValue, fc.array(hostileText)),
        mode: anyValue,
        hood: anyValue,
        keep: anyValue,
      },
      { requiredKeys: [] },
    );
    const lesson = fc.record(
      {
        v: anyValue,
        title: fc.oneof(hostileText, anyValue),
        steps: fc.oneof(fc.array(step, { maxLength: 4 }), anyValue),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(lesson, (l) => {
        let json: string;
        try {
          json = JSON.stringify(l);
        } catch {
          return; // BigInt and the like: not JSON, cannot be in a link
        }
        if (json === undefined) return;
        const r = decodeLesson(compressForUri(json));
        if (!r.ok) return;
        for (const s of r.lesson.steps) {
          expect(typeof s.text).toBe('string');
          expect(s.experiment.hidden.every((n) => n >= 1 && n <= 16)).toBe(true);
          for (const c of s.controls ?? []) expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
          for (const c of s.task ?? []) expect(typeof c.kind).toBe('string');
          if (s.mode !== undefined) expect(['simple', 'full']).toContain(s.mode);
        }
      }),
      { numRuns: 400 },
    );
  });
});
