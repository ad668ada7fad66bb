import type { StoredEvent } from '../store';

/** Columns of an events export, in order; the CSV header and the JSON keys are the same names. */
export const EXPORT_COLUMNS = [
  'time', 'code', 'category', 'verdict', 'http', 'message', 'requestId', 'resetAt', 'window', 'attempts', 'source', 'line',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Readonly<Record<ExportColumn, string | number | null>>;

/** toExportRow(event, 'app.log') -> { time: '2026-11-27T10:00:00.000Z', code: '1308', ... } */
export function toExportRow(event: StoredEvent, sourceName: string): ExportRow {
  return {
    time: event.time === null ? null : new Date(event.time).toISOString(),
    code: event.code,
    category: event.category,
    verdict: event.verdict,
    http: event.http,
    message: event.message,
    requestId: event.requestId,
    resetAt: event.reset?.at != null && event.reset.plausible ? new Date(event.reset.at).toISOString() : null,
    window: event.window,
    attempts: event.attempts,
    source: sourceName,
    line: event.line,
  };
}

// Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One CSV cell: formula-looking text is prefixed with ' and every cell with a quote, comma or break is quoted. */
export function toCsvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** toCsv(rows) -> 'time,code,...\r\n2026-...,1308,...\r\n' (RFC 4180 line ends). */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map((column) => toCsvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
