import type { ResetInfo } from '../classify/outcome';
import type { EventStore } from './event-store';
import { graphemeBoundaryAtOrBefore } from '../text/grapheme-boundary';
import { resetRaw, RESET_RAW_MAX } from './reset-table';
import { detachString, internString, lookupString, type StringTable } from './string-table';

/**
 * A quota message names its reset ("… will reset at 2026-11-20 11:00:02"), and in a storm every line names
 * another: kept whole, each would be a string of its own (about 150 bytes, most of what a storm event kept).
 * Such a message is kept as its wording, the message with a hole (U+0000) where the row's reset text goes:
 * a storm's messages then share one wording. Message column values from WORDING_BASE on are wording ids.
 */
export const WORDING_BASE = 0x80000000;
const HOLE = '\u0000';

/** Messages are kept to 300 characters (UTF-16 units), the cut mark included. */
export const MESSAGE_MAX = 300;
/** Ends a message cut at MESSAGE_MAX, so the page shows it as cut and not as the whole message. */
const CUT_MARK = '…';
/**
 * A message as it is kept: whole up to MESSAGE_MAX, else cut before the grapheme the cut would split (a family emoji
 * is 11 units, a letter with its accents more) and marked with '…' (RELIABILITY D12, D13).
 * Example: capMessage('x'.repeat(400)) -> 'x'.repeat(299) + '…'
 */
export function capMessage(message: string): string {
  if (message.length <= MESSAGE_MAX) return message;
  return `${message.slice(0, graphemeBoundaryAtOrBefore(message, MESSAGE_MAX - CUT_MARK.length))}${CUT_MARK}`;
}

/** The message column value for `message` on a row whose reset is `reset` (interned as `resetId`). */
export function messageIdOf(store: EventStore, message: string | null, reset: ResetInfo | null, resetId: number): number {
  if (message === null) return 0;
  const text = capMessage(message);
  const raw = reset?.raw;
  // The hole must be the message's only U+0000, and the reset table must give back exactly this text.
  if (resetId !== 0 && typeof raw === 'string' && raw !== '' && raw.length <= RESET_RAW_MAX) {
    const at = text.indexOf(raw);
    if (at >= 0 && text.indexOf(HOLE) < 0) return WORDING_BASE + wordingId(store.wordings, text, at, raw.length);
  }
  return internString(store.messages, text);
}

/** A wording recently interned, by its two parts. */
interface RecentWording {
  readonly before: string;
  readonly after: string;
  readonly id: number;
}
/** Per table, the last few wordings (a storm interleaves the wordings of its windows). */
const recentWordings = new WeakMap<StringTable, RecentWording[]>();
const RECENT_WORDINGS = 8;

/**
 * The id of `text` with a hole in place of its `length` characters at `at`. The recent wordings are tried
 * first, by their two parts: in a storm no wording string is built and hashed per line.
 */
function wordingId(wordings: StringTable, text: string, at: number, length: number): number {
  let recent = recentWordings.get(wordings);
  if (recent === undefined) {
    recent = [];
    recentWordings.set(wordings, recent);
  }
  // Compared as slices: a message built by concatenation is a cons string, which startsWith reads a character at a time.
  const before = text.slice(0, at);
  const after = text.slice(at + length);
  for (const known of recent) if (known.before === before && known.after === after) return known.id;
  const id = internString(wordings, `${before}${HOLE}${after}`);
  if (recent.length >= RECENT_WORDINGS) recent.pop();
  recent.unshift({ before: detachString(before), after: detachString(after), id });
  return id;
}

/** The message column value for `message` kept whole (never as a wording). */
export function plainMessageId(store: EventStore, message: string | null): number {
  return internString(store.messages, message === null ? null : capMessage(message));
}

/** The message of a row: `messageId` as stored, its reset id `resetId`. */
export function messageTextOf(store: EventStore, messageId: number, resetId: number): string | null {
  if (messageId < WORDING_BASE) return lookupString(store.messages, messageId);
  const wording = lookupString(store.wordings, messageId - WORDING_BASE);
  if (wording === null) return null;
  // Joined by position: `replace` would read `$` patterns in the reset text.
  const [before, after] = wordingParts(wording);
  return `${before}${resetRaw(store.resets, resetId)}${after}`;
}

/** The text before and after a wording's hole. */
export function wordingParts(wording: string): readonly [string, string] {
  const at = wording.indexOf(HOLE);
  return at < 0 ? [wording, ''] : [wording.slice(0, at), wording.slice(at + 1)];
}
