import { describe, expect, it } from 'vitest';
import { nextKeepFrame } from './keep-frame';

/** The decisions of a chart through a sequence of (isReadingFile, isAnswerCurrent), from the start (kept). */
function decisions(steps: readonly (readonly [boolean, boolean])[]): boolean[] {
  let kept = true;
  return steps.map(([reading, current]) => (kept = nextKeepFrame(kept, reading, current)));
}

describe('nextKeepFrame', () => {
  it('keeps the frame from the start until a current answer, and through a read until the answer after it', () => {
    // Page start (no current answer yet), the demo read, its end with the old answer on screen, the new answer.
    expect(decisions([[false, false], [true, false], [true, true], [false, false], [false, true]])).toEqual([true, true, true, true, false]);
  });

  it('lets a current answer say the view is empty once no file is read', () => {
    expect(nextKeepFrame(true, false, true)).toBe(false);
    expect(nextKeepFrame(false, true, true)).toBe(true);
  });

  it('keeps its last decision while the next answer is on its way, so an empty view does not flicker', () => {
    expect(decisions([[false, true], [false, false], [false, true], [false, false]])).toEqual([false, false, false, false]);
    expect(decisions([[true, false], [false, false], [false, false]])).toEqual([true, true, true]);
  });
});
