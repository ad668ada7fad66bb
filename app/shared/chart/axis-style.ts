/**
 * Chart props shared by the time charts, as constants: Recharts copies them into its store, and a new
 * object on every render would be a store update, and one more redraw, each time.
 */
export const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 } as const;
export const AXIS_STROKE = 'var(--border)';
/** Width of an axis label's character at 11 px (digits and short month names): labels are not measured. */
export const LABEL_CHAR_PX = 7;
/** The y axis's width in the time charts: the plot starts this far right of the chart's left margin. */
export const Y_AXIS_WIDTH = 44;
export const TOOLTIP_CURSOR = { fill: 'var(--panel-2)' } as const;
/**
 * For a grid without vertical lines: Recharts computes their positions anyway (the x axis's ticks again,
 * measuring every label) unless a generator says there are none.
 */
export const NO_VERTICAL_LINES = (): number[] => [];

/**
 * How many ticks a count axis gets for its highest value: whole numbers only, so a chart whose every bar is 1
 * reads 0 and 1, not 0 to 4 (Recharts fills its default five ticks with whole steps past the data).
 * countAxisTicks(1) -> 2; countAxisTicks(250) -> 5
 */
export function countAxisTicks(highest: number): number {
  return Math.max(2, Math.min(5, Math.floor(highest) + 1));
}
