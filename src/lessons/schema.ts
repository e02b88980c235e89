/**
 * The one gate every lesson passes on its way in (a built-in, a link, a JSON file): zod checks the
 * lesson's shape and sizes, and each step's experiment goes through the experiments' own gate
 * (validateConfig, src/share/schema.ts), so a lesson can hold nothing a link could not.
 *
 * A lesson (version 1):
 *   { v: 1, title, summary?, steps: [{ experiment, text, question?, task?, controls?, mode?, hood? }] }
 * `experiment` is the step's settings; only the fields that differ from DEFAULT_CONFIG need be
 * given (lessonToJson writes just those). `text` and `question` are the safe Markdown subset
 * (markdown.tsx). `task` is a list of conditions (conditions.ts), all of which must hold.
 * `keep: true` continues from the previous step's run instead of loading the experiment again.
 * `controls` are data-control names shown in the step (null/absent: all). `hood` opens the
 * "Under the hood" panel on a tab and can break backprop on purpose (the gradient-check lesson).
 *
 * What is wrong in a step is dropped or replaced with a notice (like links); a lesson whose shape
 * is wrong (no title, no steps, not an object, too large) is refused with one reason. Never throws.
 */
import { z } from 'zod';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../share/config.ts';
import { CONFIG_FIELDS, describeValue, validateConfig } from '../share/schema.ts';
import {
  checkConditionValue,
  CONDITION_KINDS,
  MAX_CONDITIONS,
  type Condition,
  type ConditionKind,
  type Task,
} from './conditions.ts';

export const LESSON_VERSION = 1;

export const LESSON_LIMITS = {
  title: 120,
  summary: 400,
  steps: 20,
  text: 4000,
  question: 1000,
  controls: 60,
  controlName: 40,
} as const;

export const BREAK_KINDS = ['none', 'no-derivative', 'no-average', 'flip-sign', 'no-bias'] as const;
export type BreakKindName = (typeof BREAK_KINDS)[number];
export const HOOD_TABS = ['step', 'check', 'space'] as const;
export type HoodTab = (typeof HOOD_TABS)[number];
export const MODES = ['simple', 'full'] as const;
export type LessonMode = (typeof MODES)[number];

export interface LessonStep {
  experiment: ExperimentConfig;
  text: string;
  question?: string;
  task?: Task;
  controls?: string[];
  mode?: LessonMode;
  hood?: { open?: HoodTab; breakBackprop?: BreakKindName };
  /** Continue from the run as the previous step left it (the experiment is not loaded again). */
  keep?: boolean;
}

export interface Lesson {
  title: string;
  summary?: string;
  steps: LessonStep[];
}

export type LessonRead = { ok: true; lesson: Lesson; notices: string[] } | { ok: false; error: string };

const CONTROL_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * A string of at most `max` characters (`min` after trimming). Not z.string(): its string formats
 * would land in the main bundle (zod is shared with the experiments' gate), about 20 KB.
 */
function text(max: number, min = 0): z.ZodType<string> {
  return z.unknown().refine((v) => typeof v === 'string' && v.trim().length >= min && v.length <= max, {
    message: min > 0 ? `text of 1 to ${max} characters` : `text of at most ${max} characters`,
  }) as unknown as z.ZodType<string>;
}

const stepShape = z.object({
  experiment: z.unknown().optional(),
  text: text(LESSON_LIMITS.text),
  question: text(LESSON_LIMITS.question).optional(),
  task: z.array(z.unknown()).max(100).optional(),
  controls: z.array(z.unknown()).max(1000).nullable().optional(),
  mode: z.unknown().optional(),
  hood: z.unknown().optional(),
  keep: z.boolean().optional(),
});

const lessonShape = z.object({
  v: z.unknown().optional(),
  title: text(LESSON_LIMITS.title, 1),
  summary: text(LESSON_LIMITS.summary).optional(),
  steps: z.array(z.unknown()).min(1).max(LESSON_LIMITS.steps),
});

const conditionShape = z.object({ kind: z.enum(CONDITION_KINDS), value: z.unknown().optional() });
const hoodShape = z.object({
  open: z.enum(HOOD_TABS).optional(),
  breakBackprop: z.enum(BREAK_KINDS).optional(),
});

function readTask(raw: unknown[], where: string, notices: string[]): Task | undefined {
  const task: Condition[] = [];
  for (const item of raw) {
    const c = conditionShape.safeParse(item);
    if (!c.success) {
      notices.push(`${where}: ignored a task condition this playground does not know.`);
      continue;
    }
    const value = checkConditionValue(c.data.kind, c.data.value);
    if (value === null) {
      notices.push(
        `${where}: ignored the task “${c.data.kind}” (its value ${describeValue(c.data.value)} does not fit).`,
      );
      continue;
    }
    if (task.length >= MAX_CONDITIONS) {
      notices.push(`${where}: kept the first ${MAX_CONDITIONS} task conditions.`);
      break;
    }
    task.push(value === undefined ? { kind: c.data.kind } : { kind: c.data.kind as ConditionKind, value });
  }
  return task.length > 0 ? task : undefined;
}

function readStep(raw: unknown, index: number, notices: string[]): LessonStep | null {
  const where = `Step ${index + 1}`;
  const s = stepShape.safeParse(raw);
  if (!s.success) {
    notices.push(`${where} could not be read (its text is missing or too long); left out.`);
    return null;
  }
  const v = validateConfig(s.data.experiment ?? {});
  for (const n of v.notices) notices.push(`${where}: ${n.message}`);
  const step: LessonStep = { experiment: v.config, text: s.data.text };
  if (s.data.question !== undefined && s.data.question.trim() !== '') step.question = s.data.question;
  if (s.data.keep === true && index > 0) step.keep = true;
  const task = s.data.task ? readTask(s.data.task, where, notices) : undefined;
  if (task) step.task = task;
  if (s.data.controls) {
    const names = s.data.controls.filter(
      (c): c is string => typeof c === 'string' && c.length <= LESSON_LIMITS.controlName && CONTROL_NAME.test(c),
    );
    if (names.length < s.data.controls.length) notices.push(`${where}: ignored control names that are not names.`);
    step.controls = [...new Set(names)].slice(0, LESSON_LIMITS.controls);
  }
  if (s.data.mode !== undefined) {
    if ((MODES as readonly unknown[]).includes(s.data.mode)) step.mode = s.data.mode as LessonMode;
    else notices.push(`${where}: ignored the mode ${describeValue(s.data.mode)} (simple or full).`);
  }
  if (s.data.hood !== undefined) {
    const h = hoodShape.safeParse(s.data.hood);
    if (h.success) {
      const hood: LessonStep['hood'] = {};
      if (h.data.open) hood.open = h.data.open;
      if (h.data.breakBackprop) hood.breakBackprop = h.data.breakBackprop;
      step.hood = hood;
    } else notices.push(`${where}: ignored its “Under the hood” settings.`);
  }
  return step;
}

/** Any value in: a lesson and what was changed, or why it cannot be a lesson. Never throws. */
export function validateLesson(input: unknown): LessonRead {
  try {
    const l = lessonShape.safeParse(input);
    if (!l.success) {
      const issue = l.error.issues[0];
      const field = issue?.path.join('.') || 'lesson';
      return {
        ok: false,
        error: `This is not a lesson this playground can open (${field}: ${describeValue(issue?.message)}).`,
      };
    }
    const notices: string[] = [];
    if (l.data.v !== undefined && l.data.v !== LESSON_VERSION)
      notices.push(
        `The lesson has format version ${describeValue(l.data.v)}; this playground reads version ${LESSON_VERSION}.`,
      );
    const steps = l.data.steps.map((s, i) => readStep(s, i, notices)).filter((s): s is LessonStep => s !== null);
    if (steps.length === 0) return { ok: false, error: 'This lesson has no step that could be read.' };
    const lesson: Lesson = { title: l.data.title.trim(), steps };
    if (l.data.summary !== undefined && l.data.summary.trim() !== '') lesson.summary = l.data.summary;
    return { ok: true, lesson, notices };
  } catch (err) {
    return { ok: false, error: `The lesson could not be read (${describeValue(String(err))}).` };
  }
}

/** Only the settings that differ from DEFAULT_CONFIG (a shorter link; the gate fills the rest back in). */
export function experimentDiff(c: ExperimentConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of CONFIG_FIELDS) {
    if (f === 'theme' || f === 'speed') continue; // the person's own view settings, not the lesson's
    if (JSON.stringify(c[f]) !== JSON.stringify(DEFAULT_CONFIG[f])) out[f] = c[f];
  }
  return out;
}

/** The lesson as plain data (version 1), the form links and files hold. */
export function lessonToData(lesson: Lesson): Record<string, unknown> {
  return {
    v: LESSON_VERSION,
    title: lesson.title,
    ...(lesson.summary ? { summary: lesson.summary } : {}),
    steps: lesson.steps.map((s) => ({ ...s, experiment: experimentDiff(s.experiment) })),
  };
}
