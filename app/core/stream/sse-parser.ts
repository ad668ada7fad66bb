import { RETRY_MAX_MS, RETRY_MIN_MS, type SseParser, type SseParserOptions } from './sse-types';
import { createSseFrame } from './sse-frame';
import { utf8Length } from './utf8-length';

const MIB = 1024 * 1024;
const LINE_END = /[\r\n]/g;

/**
 * The WHATWG event-stream interpretation over decoded text chunks: lines end at CRLF, LF or CR (a CR that
 * ends a chunk waits for the next one, so a CRLF split in two is one line end); a BOM at the start of a
 * connection is dropped. Every chunking of the same text gives the same callbacks in the same order.
 * Memory is bounded by `maxFrameBytes`: a frame past it is reported once and skipped to its blank line.
 * Example: `const p = createSseParser({ onEvent }); p.push('id: 1\ndata: {"a":1}\n\n'); p.end();`
 */
export function createSseParser(options: SseParserOptions): SseParser {
  const maxFrameBytes = options.maxFrameBytes ?? MIB;
  const frame = createSseFrame({
    onEvent: options.onEvent,
    maxIdChars: options.maxIdChars ?? 1024,
    lastEventId: options.initialLastEventId ?? '',
  });
  let partial = '';
  let partialBytes = 0;
  let isAtStart = true;
  let hasPendingCr = false;
  /** Skipping an over-size frame up to its blank line; `isSkipLineEmpty` tells whether that line is blank. */
  let isSkipping = false;
  let isSkipLineEmpty = true;

  const startSkipping = (): void => {
    options.onReject?.('frame_too_large');
    frame.reset();
    isSkipping = true;
    isSkipLineEmpty = false;
    partial = '';
    partialBytes = 0;
  };

  const hold = (text: string): void => {
    if (text === '') return;
    if (isSkipping) {
      isSkipLineEmpty = false;
      return;
    }
    partial += text;
    partialBytes += utf8Length(text);
    if (frame.bytes() + partialBytes > maxFrameBytes) startSkipping();
  };

  const completeLine = (): void => {
    if (isSkipping) {
      if (isSkipLineEmpty) isSkipping = false;
      isSkipLineEmpty = true;
      return;
    }
    const line = partial;
    const lineBytes = partialBytes;
    partial = '';
    partialBytes = 0;
    interpretLine(line, lineBytes);
  };

  const interpretLine = (line: string, lineBytes: number): void => {
    if (line === '') return frame.dispatch();
    if (line.charCodeAt(0) === 0x3a) return options.onKeepalive?.(line.slice(1).replace(/^ /, ''));
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (name === 'retry') return readRetry(value);
    frame.field(name, value, lineBytes);
  };

  const readRetry = (value: string): void => {
    if (!/^[0-9]+$/.test(value)) return;
    options.onRetry?.(Math.min(RETRY_MAX_MS, Math.max(RETRY_MIN_MS, Number(value))));
  };

  const scan = (text: string): void => {
    let pos = 0;
    if (hasPendingCr) {
      hasPendingCr = false;
      if (text.charCodeAt(0) === 0x0a) pos = 1;
    }
    while (pos < text.length) {
      LINE_END.lastIndex = pos;
      const match = LINE_END.exec(text);
      if (match === null) return hold(text.slice(pos));
      const end = match.index;
      hold(text.slice(pos, end));
      completeLine();
      if (text.charCodeAt(end) === 0x0d) {
        if (end + 1 === text.length) hasPendingCr = true;
        else if (text.charCodeAt(end + 1) === 0x0a) pos = end + 2;
        else pos = end + 1;
        if (hasPendingCr) return;
      } else pos = end + 1;
    }
  };

  return {
    push: (text) => {
      if (text === '') return;
      if (isAtStart) {
        isAtStart = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      scan(text);
    },
    end: () => {
      const cut = partialBytes > 0 || frame.hasFields();
      if (cut && !isSkipping) options.onReject?.('truncated_record');
      frame.abandon();
      partial = '';
      partialBytes = 0;
      isSkipping = false;
      isSkipLineEmpty = true;
      hasPendingCr = false;
      isAtStart = true;
    },
    lastEventId: () => frame.lastEventId(),
  };
}
