import { isBlank, isChunkSizeLine, isHttpHeaderLine, isHttpStatusLine, isJsonContinuation, scanJsonDepth, type JsonDepth } from './record-rules';

/**
 * Header lines kept in one HTTP record's text. Past it, headers are still the record's lines (counted, so the
 * ledger reconciles) but their text is dropped: the status and the body's code stay one event (C2: 10,000 headers).
 */
const MAX_HTTP_HEADERS = 100;
const CHUNKED = /^transfer-encoding:\s*chunked/i;

export interface HttpRecordOps {
  /**
   * Adds the line to the open record; `joined` puts its text right after the previous line's, without a line break
   * (a chunked body's framing is counted, its data read as the one body it was).
   */
  append(text: string, lineBytes: number, isInvalid: boolean, joined?: boolean): void;
  /** Adds the line to the open record's lines and bytes, not to its text, nor to the lines its cap counts. */
  appendUnkept(lineBytes: number, isInvalid: boolean): void;
  /** Closes the open record (after the line just appended). */
  close(): void;
  /** Nesting of a JSON body, shared with the assembler so an open body at the end is `truncated_record`. */
  readonly json: JsonDepth;
}

export interface HttpRecordReader {
  /** Starts a response at its status line. */
  begin(): void;
  /** Takes the next line if it continues the response (headers, blank line, body, chunk sizes). */
  continueWith(text: string, lineBytes: number, isInvalid: boolean): boolean;
  /** Whether continueWith would take `text`, without taking it (the assembler asks at a record's cap). */
  wouldContinue(text: string): boolean;
}

/**
 * A raw HTTP response as one record: status line, headers (capped), blank line (may be missing), then a body
 * that is one line, a JSON value over several lines, or chunked (hex size lines are part of the record).
 */
export function createHttpRecordReader(ops: HttpRecordOps): HttpRecordReader {
  const { json } = ops;
  let inBody = false;
  let headers = 0;
  let chunked = false;
  let chunkedEnd = false;
  let expectChunkData = false;
  let chunks = 0;
  let bodyLines = 0;

  const take = (text: string, lineBytes: number, isInvalid: boolean): true => {
    ops.append(text, lineBytes, isInvalid);
    return true;
  };

  /**
   * A chunk-size line: counted in the record (lines, bytes, invalid UTF-8, and the record's line cap) without its
   * text. Headers past their cap go through ops.appendUnkept instead, which the line cap does not count.
   */
  const takeSizeLine = (lineBytes: number, isInvalid: boolean): true => {
    ops.append('', lineBytes, isInvalid, true);
    return true;
  };

  // Chunks split the body anywhere, inside a word or a reset's time: their data is joined as it was sent, and the
  // size lines add bytes and lines to the record but no text. One line of data per chunk, as captures print them.
  const continueChunked = (text: string, lineBytes: number, isInvalid: boolean): boolean => {
    if (expectChunkData) {
      expectChunkData = false;
      chunks += 1;
      ops.append(text, lineBytes, isInvalid, chunks > 1);
      return true;
    }
    if (isChunkSizeLine(text)) {
      if (Number.parseInt(text, 16) === 0) chunkedEnd = true;
      else expectChunkData = true;
      return takeSizeLine(lineBytes, isInvalid);
    }
    if (!chunkedEnd || !isBlank(text)) return false;
    take(text, lineBytes, isInvalid);
    ops.close();
    return true;
  };

  const continueBody = (text: string, lineBytes: number, isInvalid: boolean): boolean => {
    if (chunked) return continueChunked(text, lineBytes, isInvalid);
    if (json.depth > 0) {
      if (!isJsonContinuation(text)) return false;
      take(text, lineBytes, isInvalid);
      scanJsonDepth(json, text);
    } else {
      // A status line where the body would be starts the next response: this one had no body (two 429s in a row).
      if (bodyLines > 0 || isBlank(text) || isHttpStatusLine(text)) return false;
      bodyLines += 1;
      take(text, lineBytes, isInvalid);
      const c = text.charCodeAt(0);
      if (c === 123 || c === 91) scanJsonDepth(json, text, true);
    }
    if (json.depth === 0) ops.close();
    return true;
  };

  const continueHeaders = (text: string, lineBytes: number, isInvalid: boolean): boolean => {
    if (isBlank(text)) {
      inBody = true;
      return take(text, lineBytes, isInvalid);
    }
    // `:status: 429` looks like a header, but it opens the next HTTP/2 response (one with neither body nor blank line).
    if (isHttpStatusLine(text)) return false;
    if (isHttpHeaderLine(text)) {
      headers += 1;
      if (CHUNKED.test(text)) chunked = true;
      if (headers <= MAX_HTTP_HEADERS) return take(text, lineBytes, isInvalid);
      ops.appendUnkept(lineBytes, isInvalid);
      return true;
    }
    const c = text.charCodeAt(0);
    if (c !== 123 && c !== 91) return false;
    inBody = true;
    return continueBody(text, lineBytes, isInvalid);
  };

  // continueWith's tests, in the same order, without taking the line.
  const wouldContinueBody = (text: string): boolean => {
    if (chunked) return expectChunkData || isChunkSizeLine(text) || (chunkedEnd && isBlank(text));
    if (json.depth > 0) return isJsonContinuation(text);
    return !(bodyLines > 0 || isBlank(text) || isHttpStatusLine(text));
  };

  const wouldContinueHeaders = (text: string): boolean => {
    if (isBlank(text)) return true;
    if (isHttpStatusLine(text)) return false;
    if (isHttpHeaderLine(text)) return true;
    const c = text.charCodeAt(0);
    return (c === 123 || c === 91) && wouldContinueBody(text);
  };

  return {
    begin: () => {
      inBody = false;
      headers = 0;
      chunked = false;
      chunkedEnd = false;
      expectChunkData = false;
      chunks = 0;
      bodyLines = 0;
      json.depth = 0;
      json.inString = false;
      json.escaped = false;
    },
    continueWith: (text, lineBytes, isInvalid) =>
      inBody ? continueBody(text, lineBytes, isInvalid) : continueHeaders(text, lineBytes, isInvalid),
    wouldContinue: (text) => (inBody ? wouldContinueBody(text) : wouldContinueHeaders(text)),
  };
}
