import { describe, expect, it } from 'vitest';
import { overviewNote } from './overview-cards';

describe('overviewNote', () => {
  it.each([
    [12, 0, 0, 'all with a time'],
    [12, 2, 0, '2 without a time'],
    [12, 0, 3, 'all with a time · 3 lines rejected in the sources'],
    // No error in view: nothing to say of their times; the rejected lines are the sources' still.
    [0, 0, 44, '44 lines rejected in the sources'],
    [0, 0, 0, ''],
    [1, 0, 1, 'all with a time · 1 line rejected in the sources'],
  ])('%i errors, %i undated, %i rejected -> %j', (total, undated, rejected, expected) => {
    expect(overviewNote(total, undated, rejected)).toBe(expected);
  });
});
