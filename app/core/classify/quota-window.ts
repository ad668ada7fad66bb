import type { CatalogEntry, QuotaWindow } from '../catalog/types';

/**
 * The quota window of a hit. 1308's blank is filled with `5 hour` (plan window) or `1 month` (MCP tool
 * quota); 1310 is weekly unless the text speaks of a month or a tool; 1316–1321 are fixed by code.
 * "Weekly/Monthly" and "每周/每月" name both windows and decide nothing.
 */
const MONTH = /\bmonths?\b|\bmonthly\b|个月|每月|\b(?:web[_-]?search|search-prime|web-reader|zread)\b|\btools?\b/i;
const WEEK = /\bweeks?\b|\bweekly\b|\b7\s*days?\b|7\s*天|每周|周/i;
const HOURS = /\bhours?\b|小时/i;

/** windowFor(entry1308, 'Usage limit reached for 1 month. …') -> 'monthly' */
export function windowFor(entry: CatalogEntry, message: string | null, params: Readonly<Record<string, string>>): QuotaWindow | null {
  if (entry.code === '1308') return windowOf1308(params, message) ?? entry.window;
  if (entry.code === '1310' && message !== null && MONTH.test(withoutBothWindows(message))) return 'monthly';
  return entry.window;
}

function windowOf1308(params: Readonly<Record<string, string>>, message: string | null): QuotaWindow | null {
  const unit = `${params['number'] ?? ''} ${params['unit'] ?? ''}`.trim();
  const text = unit !== '' ? unit : (message ?? '');
  if (MONTH.test(text)) return 'monthly';
  if (WEEK.test(text)) return 'weekly';
  if (HOURS.test(text)) return '5-hour';
  return null;
}

function withoutBothWindows(message: string): string {
  return message.replace(/weekly\s*\/\s*monthly/gi, '').replace(/每周\s*\/\s*每月/g, '');
}
