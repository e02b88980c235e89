import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTROL_IDS } from '../../../src/share/embed.ts';

describe('share.css', () => {
  it('has a hiding rule for every control a link can hide, and none for unknown ids', () => {
    const css = readFileSync(new URL('../../../src/ui/share/share.css', import.meta.url), 'utf8');
    const ruled = [...css.matchAll(/:root\[data-hide~=['"]([^'"]+)['"]\] \[data-control=['"]([^'"]+)['"]\]/g)];
    for (const m of ruled) expect(m[1]).toBe(m[2]);
    expect(ruled.map((m) => m[1]).sort()).toEqual([...CONTROL_IDS].sort());
  });
});
