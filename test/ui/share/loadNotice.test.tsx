// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/share/config.ts';
import { validateConfig } from '../../../src/share/schema.ts';
import { resetStoreForTests, useStore } from '../../../src/state/store.ts';
import { FIELD_LABELS } from '../../../src/ui/labels.ts';
import { plainNotice, reportLoad, reportLoadError } from '../../../src/ui/share/loadNotice.ts';
import { Notices } from '../../../src/ui/share/Notices.tsx';

beforeEach(() => resetStoreForTests(DEFAULT_CONFIG));

describe('a load’s notices in the page’s words', () => {
  it('names settings and datasets as the page does', () => {
    const { notices } = validateConfig({
      ...DEFAULT_CONFIG,
      trainPercent: 150,
      batchSize: 0.5,
      dataset: 'regPlane',
      problem: 'classification',
    });
    const text = notices.map(plainNotice);
    expect(text).toContain('Ratio of training data: 150 → 100 (allowed 10 to 100).');
    expect(text).toContain('Batch size: 0.5 → 1 (allowed 1 to 500).');
    expect(text.join(' ')).toContain('Plane');
    for (const id of ['trainPercent', 'batchSize', 'regPlane']) expect(text.join(' ')).not.toContain(id);
  });

  it('has an on-screen label for every setting a link holds', () => {
    for (const field of Object.keys(DEFAULT_CONFIG)) expect(FIELD_LABELS[field], field).toBeTruthy();
  });
});

describe('one message per load', () => {
  it('groups a load’s changes under one message with a count, and the next load replaces it', () => {
    const bad = validateConfig({ ...DEFAULT_CONFIG, trainPercent: 150, noise: 99, learningRate: 'fast' }).notices;
    act(() => void reportLoad('Opened bad.json', bad));
    render(<Notices />);
    const list = screen.getByRole('list', { name: 'Notices' });
    const item = within(list).getAllByRole('listitem')[0]!;
    expect(item).toHaveTextContent('Opened bad.json · 3 settings were changed');
    fireEvent.click(within(item).getByText('Details'));
    expect(within(item).getByText('Ratio of training data: 150 → 100 (allowed 10 to 100).')).toBeVisible();
    expect(useStore.getState().notices).toHaveLength(1);

    act(() => void reportLoad('Opened xor.json'));
    expect(useStore.getState().notices.map((n) => n.text)).toEqual(['Opened xor.json']);

    act(() => void reportLoadError('Could not import bad.csv', ['Line 3: y "oops" is not a number.']));
    act(() => void reportLoad('Imported 40 points from good.csv'));
    expect(useStore.getState().notices.map((n) => n.text)).toEqual(['Imported 40 points from good.csv']);
  });
});
