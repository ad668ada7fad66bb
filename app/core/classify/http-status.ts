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

const STRONG: readonly RegExp[] = [
  /\bHTTP\/\d(?:\.\d)?\s+(\d{3})\b/,
  /(?:^|\n)\s*:status:?\s*(\d{3})\b/,
  /\bAPI Error:?\s*\(?(\d{3})\b/,
  /\bRequest rejected \((\d{3})\)/,
  /\bError code:?\s*(\d{3})\b/i,
  /\bupstream_status:\s*HTTP\s*(\d{3})\b/,
  new RegExp(`\\b(\\d{3}) (?:${REASONS})\\b`, 'i'),
  /["']?\b(?:status|statusCode|status_code|apiErrorStatus)["']?\s*[:=]\s*["']?(\d{3})\b/,
];

const WEAK = /^\s*(\d{3})\s+\S/;

/** Patterns only look at the head of a record: statuses come first in every shape seen. */
const HEAD_CHARS = 4096;

/** httpFromText('API Error: 429 {...}') -> { status: 429, strong: true } */
export function httpFromText(text: string): HttpHint | null {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  for (const pattern of STRONG) {
    const status = toStatus(pattern.exec(head)?.[1]);
    if (status !== null) return { status, strong: true };
  }
  const weak = toStatus(WEAK.exec(head)?.[1]);
  return weak !== null && weak >= 400 ? { status: weak, strong: false } : null;
}

function toStatus(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const n = Number(digits);
  return n >= 100 && n <= 599 ? n : null;
}
