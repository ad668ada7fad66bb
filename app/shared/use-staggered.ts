import { startTransition, useEffect, useState } from 'react';

/**
 * `value` handed to `count` consumers one after another: consumer 0 gets it at once, consumer i (in a
 * transition) only once consumer i - 1 has it and a frame has been drawn since. Recharts redraws a chart
 * from its own store in one synchronous task, right after the commit that gave it new data or in the
 * next frame; charts that get an answer in the same commit redraw in the same task, so each chart gets a
 * step of its own. A consumer that has nothing yet (the first answer) gets the value at once. In a hidden
 * tab, where no frame is drawn, the later consumers catch up when the tab is shown again.
 */
export function useStaggered<T>(value: T, count: number): readonly T[] {
  const [later, setLater] = useState<readonly T[]>(() => Array.from({ length: Math.max(0, count - 1) }, () => value));
  const stages = later.map((v) => (v === undefined ? value : v));
  // The render-time update pattern: React renders again at once, before committing.
  if (stages.some((v, i) => v !== later[i])) setLater(stages);
  const next = stages.findIndex((v) => !Object.is(v, value));
  useEffect(() => {
    if (next < 0) return;
    // After the next frame (a chart's store notifies some changes in a frame callback, registered by the
    // previous consumer's effects before this one), then in a task of its own.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setLater((current) => current.map((v, i) => (i === next ? value : v)))), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [next, value]);
  return [value, ...stages];
}
