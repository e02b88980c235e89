/**
 * The first-visit welcome's rules: shown once, never again once dismissed (localStorage), never
 * in embed mode, never when the page was opened from a link (the link is what the person wants).
 */
export const WELCOME_STORAGE_KEY = 'nn-playground:welcomed';

export function shouldWelcome(p: { embed: boolean; fromLink: boolean }): boolean {
  if (p.embed || p.fromLink) return false;
  try {
    return globalThis.localStorage?.getItem(WELCOME_STORAGE_KEY) === null;
  } catch {
    return false; // storage blocked: a welcome that could never be dismissed for good is not shown
  }
}

export function dismissWelcome(): void {
  try {
    globalThis.localStorage?.setItem(WELCOME_STORAGE_KEY, '1');
  } catch {
    // not remembered
  }
}
