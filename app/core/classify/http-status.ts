/**
 * HTTP status written in the text of a record. "Strong" patterns name the status explicitly
 * (`HTTP/1.1 429`, `API Error: 429`, `Error code: 429`, `Request rejected (429)`, `429 Too Many Requests`,
 * `"status": 429`); a bare leading number (`429 该模型…`, `401 Authentication Failed`) is "weak" and only
 * describes a record that is an error for another reason.
 */
export interface HttpHint {
  readonly status: number;
  readonly strong: boolean;
}

const REASONS = 'Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Overloaded';

/**
 * Each pattern with a literal it cannot match without (case-sensitive; null for the case-insensitive ones):
 * a record without the literal skips the pattern. Most records that reach this have none of them, and
 * running the eight patterns over each was a twentieth of reading a mixed log.
 */
const STRONG: readonly (readonly [RegExp, readonly string[] | null])[] = [
  [/\bHTTP\/\d(?:\.\d)?\s+(\d{3})\b/, ['HTTP/']],
  [/(?:^|\n)\s*:status:?\s*(\d{3})\b/, [':status']],
  [/\bAPI Error:?\s*\(?(\d{3})\b/, ['API Error']],
  [/\bRequest rejected \((\d{3})\)/, ['Request rejected (']],
  [/\bError code:?\s*(\d{3})\b/i, null],
  [/\bupstream_status:\s*HTTP\s*(\d{3})\b/, ['upstream_status:']],
  [new RegExp(`\\b(\\d{3}) (?:${REASONS})\\b`, 'i'), null],
  [/["']?\b(?:status|statusCode|status_code|apiErrorStatus)["']?\s*[:=]\s*["']?(\d{3})\b/, ['status', 'Status']],
];

const WEAK = /^\s*(\d{3})\s+\S/;

/** Patterns only look at the head of a record: statuses come first in every shape seen. */
const HEAD_CHARS = 4096;

/** httpFromText('API Error: 429 {...}') -> { status: 429, strong: true } */
export function httpFromText(text: string): HttpHint | null {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  for (const [pattern, needs] of STRONG) {
    if (needs !== null && !holdsAny(head, needs)) continue;
    const status = toStatus(pattern.exec(head)?.[1]);
    if (status !== null) return { status, strong: true };
  }
  const weak = toStatus(WEAK.exec(head)?.[1]);
  return weak !== null && weak >= 400 ? { status: weak, strong: false } : null;
}

function holdsAny(text: string, literals: readonly string[]): boolean {
  for (const literal of literals) if (text.includes(literal)) return true;
  return false;
}

function toStatus(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits);
  return n >= 100 && n <= 599 ? n : null;
}
