import type { SseEvent } from './sse-types';

export interface SseFrame {
  /** One `name: value` line of the current frame (`retry` and comments are handled by the parser). */
  field(name: string, value: string, lineBytes: number): void;
  /** A blank line: dispatch the frame if it has data, then start a new one. */
  dispatch(): void;
  /** Forget the current frame (skipped as too large). */
  reset(): void;
  /** Forget the current frame and its id (cut by the end of the connection). */
  abandon(): void;
  bytes(): number;
  hasFields(): boolean;
  lastEventId(): string;
}

/**
 * The field buffers of one SSE frame (WHATWG "process the field"). An `id:` with NUL or longer than
 * `maxIdChars` is ignored: a truncated id would resume at the wrong place. Unknown fields are ignored.
 */
export function createSseFrame(options: {
  onEvent: (event: SseEvent) => void;
  maxIdChars: number;
  lastEventId: string;
}): SseFrame {
  let data: string[] = [];
  let type = '';
  let id: string | null = null;
  let bytes = 0;
  let hasFields = false;
  /** The id committed by the last dispatched frame; the buffer of the current frame may differ. */
  let committedId = options.lastEventId;

  const reset = (): void => {
    data = [];
    type = '';
    id = null;
    bytes = 0;
    hasFields = false;
  };

  return {
    field: (name, value, lineBytes) => {
      bytes += lineBytes;
      hasFields = true;
      if (name === 'data') data.push(value);
      else if (name === 'event') type = value;
      else if (name === 'id' && !value.includes('\u0000') && value.length <= options.maxIdChars) id = value;
    },
    dispatch: () => {
      if (id !== null) committedId = id;
      if (data.length > 0) {
        options.onEvent({ type: type === '' ? 'message' : type, data: data.join('\n'), id, lastEventId: committedId });
      }
      reset();
    },
    reset,
    abandon: reset,
    bytes: () => bytes,
    hasFields: () => hasFields,
    lastEventId: () => committedId,
  };
}
