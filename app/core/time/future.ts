/**
 * How far past the clock an event's time may lie before it counts as dated in the future (E9): beyond a clock's
 * usual drift and the minute the page's `now` is rounded to.
 */
export const FUTURE_MARGIN_MS = 5 * 60_000;
