import { TEMPLATES, type CompiledTemplate } from './templates';

/**
 * A cheap necessary condition for a text record to be an error, so ordinary log lines skip the readers.
 * Each reader needs something this test looks for: a JSON body (`{`), a bracketed code, a quoted `code`
 * or `type` key, an explicit HTTP status pattern, a Z.ai exception name, or a word of some catalog
 * wording (one trigger per wording, generated from the catalog so the two never drift apart).
 */
const STRUCTURAL = [
  '\\[\\d{3,4}\\]',
  '(?:code|type)[\'"“”’\\\\]',
  'HTTP/',
  ':status',
  'API Error',
  'Request rejected',
  'error code',
  'upstream_status',
  'status',
  'Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Overloaded',
  'zai|zhipu',
];

/** The longest ASCII word (≥ 3 letters) of a wording, else one CJK character of it. */
function triggerOf(t: CompiledTemplate): string {
  const words = t.segments.join(' ').match(/[a-z]{3,}/g) ?? [];
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (longest !== '') return longest;
  const wide = t.segments.join('').match(/[\u2e80-\u9fff\uf900-\ufaff]/);
  return wide?.[0] ?? escape(t.segments[0] ?? '');
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function buildPattern(): RegExp {
  const triggers = [...new Set(TEMPLATES.map(triggerOf))];
  const ascii = triggers.filter((t) => /^[a-z]+$/.test(t));
  const wide = triggers.filter((t) => /^[\u2e80-\u9fff\uf900-\ufaff]$/.test(t));
  const other = triggers.filter((t) => !ascii.includes(t) && !wide.includes(t));
  const parts = [...STRUCTURAL, ...ascii, ...other];
  if (wide.length > 0) parts.push(`[${wide.join('')}]`);
  return new RegExp(parts.join('|'), 'i');
}

const MAYBE_ERROR = buildPattern();

/** mightBeError('2026-11-27 10:00:00 INFO server started') -> false; mightBeError('401 Authentication Failed') -> true */
export function mightBeError(text: string): boolean {
  if (text.indexOf('{') >= 0) return true;
  return MAYBE_ERROR.test(text);
}
