const LF = 0x0a;
const CR = 0x0d;

export interface FileLine {
  /** Byte offset of the line's first byte in the file (this epoch of it). */
  readonly offset: number;
  /** The line without LF / CRLF, decoded as UTF-8 (invalid bytes become U+FFFD). */
  readonly text: string;
}

export interface LineReader {
  /** Bytes read from the file at `offset` (consecutive calls are consecutive bytes). */
  push(bytes: Buffer, offset: number): void;
  /** The file will not grow any more (rotated away): a held last line without newline is emitted. */
  flush(): void;
  /** Starts in the middle of a line (tailing from the end): the bytes up to the next LF are dropped. */
  skipToNextLine(): void;
}

/**
 * Splits appended bytes into complete lines; a partial last line is held until its newline arrives.
 * A line longer than `maxLineBytes` is dropped (reported through onSkip) and memory stays bounded.
 */
export function createLineReader(options: {
  maxLineBytes: number;
  onLine: (line: FileLine) => void;
  onSkip: (offset: number, bytes: number) => void;
}): LineReader {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let lineStart = 0;
  let isSkipping = false;
  let isDropping = false;

  const emit = (end: number): void => {
    const bytes = held.length === 1 ? (held[0] ?? Buffer.alloc(0)) : Buffer.concat(held);
    const content = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, -1) : bytes;
    if (isSkipping) options.onSkip(lineStart, heldBytes);
    else if (!isDropping) options.onLine({ offset: lineStart, text: content.toString('utf8') });
    held = [];
    heldBytes = 0;
    isSkipping = false;
    isDropping = false;
    lineStart = end;
  };

  const hold = (bytes: Buffer): void => {
    heldBytes += bytes.length;
    if (isSkipping || isDropping) return;
    if (heldBytes > options.maxLineBytes) {
      isSkipping = true;
      held = [];
      return;
    }
    held.push(Buffer.from(bytes));
  };

  return {
    push: (bytes, offset) => {
      if (heldBytes === 0) lineStart = offset;
      let at = 0;
      for (;;) {
        const lf = bytes.indexOf(LF, at);
        if (lf < 0) break;
        hold(bytes.subarray(at, lf));
        emit(offset + lf + 1);
        at = lf + 1;
      }
      if (at < bytes.length) hold(bytes.subarray(at));
    },
    flush: () => {
      if (heldBytes > 0) emit(lineStart + heldBytes);
    },
    skipToNextLine: () => {
      isDropping = true;
    },
  };
}
