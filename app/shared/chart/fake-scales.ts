/** For tests of layers drawn with a chart's scales. */

/** A band scale of `step` px per category starting at `left`, as Recharts' `scale.map` answers. */
export const bandScale =
  (ts: readonly number[], left: number, step: number) =>
  (t: number, options?: { position?: 'start' | 'middle' | 'end' }) => {
    const i = ts.indexOf(t);
    if (i < 0) return undefined;
    return left + i * step + (options?.position === 'end' ? step : options?.position === 'middle' ? step / 2 : 0);
  };
