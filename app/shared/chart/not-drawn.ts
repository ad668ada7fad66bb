import { formatCountOf } from '../format';

/**
 * The end of a chart's summary for the errors it counts but cannot place: undated ones, and those dated far
 * from all the others (off the "all data" axis, RELIABILITY E6). Empty when every error is drawn.
 * notDrawnNote(2, 1, 'error') -> '; 2 undated errors and 1 error dated far from the others are counted in the totals but not drawn'
 */
export function notDrawnNote(undated: number, outlying: number, noun: string, outlyingAt = ''): string {
  const parts: string[] = [];
  if (undated > 0) parts.push(formatCountOf(undated, `undated ${noun}`));
  if (outlying > 0) parts.push(`${formatCountOf(outlying, noun)} dated far from the others${outlyingAt ? ` (${outlyingAt})` : ''}`);
  if (parts.length === 0) return '';
  return `; ${parts.join(' and ')} ${undated + outlying === 1 ? 'is' : 'are'} counted in the totals but not drawn`;
}
