/**
 * Errors that look like Z.ai's but are not (README "Look-alikes"): Anthropic's own plan limits and rate
 * limits in Claude Code, whose ids start with `req_`. They are never catalogued. They are
 * uncatalogued errors when the record is structurally an error (an `error` object, HTTP >= 400, a
 * transcript API-error record), and non-errors when they are only a client notice (a plain text line).
 * Numeric coincidences (Windows `ERROR_INVALID_PRIMARY_GROUP 1308`, `took 1308 ms`, `port 1302`) need no
 * guard: a code is only read from a `code` field, a `[1308][` bracket or a Z.ai wording.
 */
const ANTHROPIC_NOTICES: readonly RegExp[] = [
  /Claude (?:AI )?usage limit reached/i,
  /You[’']ve hit your limit/i,
  /\b\d+-hour limit reached/i,
  /would exceed your account[’']s rate limit/i,
  /\brequest_id["']?\s*:\s*["']req_[0-9A-Za-z]/,
];

/** Each notice holds `limit` (any case) or `req_`: one search instead of all of them on most texts. */
const NOTICE_WORDS = /limit|req_/i;

const HEAD_CHARS = 4096;

/** isLookalike('Claude AI usage limit reached|1755615600') -> true */
export function isLookalike(text: string): boolean {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  return NOTICE_WORDS.test(head) && ANTHROPIC_NOTICES.some((pattern) => pattern.test(head));
}
