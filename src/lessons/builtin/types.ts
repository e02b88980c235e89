/**
 * A built-in lesson as written: a step's experiment gives only the settings that differ from the
 * defaults. builtin/index.ts passes every one through validateLesson (the gate links use).
 */
export interface LessonData {
  title: string;
  summary?: string;
  steps: {
    experiment: Record<string, unknown>;
    text: string;
    question?: string;
    task?: { kind: string; value?: number | string }[];
    controls?: string[];
    mode?: 'simple' | 'full';
    keep?: boolean;
    hood?: { open?: 'step' | 'check' | 'space'; breakBackprop?: string };
  }[];
}
