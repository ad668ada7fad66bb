import type { RejectReason } from '../classify/outcome';
import { createTerminatorFinder } from './terminators';
import { REJECTED_TEXT_CHARS, type LineKind, type LineSink, type LineSplitter } from './line-types';

/**
 * Splits UTF-16 text (with a byte order mark) into lines. Decoding comes first here (TextDecoder with
 * `stream: true` joins code units cut by chunk boundaries); byte counts stay exact because every code unit
 * is two bytes. The BOM's two bytes belong to line 1; an odd last byte to the last line.
 */
export function createUtf16LineSplitter(options: { endian: 'le' | 'be'; maxLineBytes: number; onLine: LineSink }): LineSplitter {
  const { maxLineBytes, onLine } = options;
  const decoder = new TextDecoder(options.endian === 'le' ? 'utf-16le' : 'utf-16be');
  let bytesIn = 0;
  let bytesOut = 0;
  let isFirstLine = true;
  let held = '';
  let heldUnits = 0;
  let skipping = false;
  let pendingCr = false;

  const emit = (termBytes: number, contentBytes: number, tailReason: RejectReason | null): void => {
    let content = contentBytes;
    if (isFirstLine) {
      content += 2;
      isFirstLine = false;
    }
    let kind: LineKind = 'ok';
    if (skipping || content > maxLineBytes) kind = 'line_too_long';
    else if (tailReason !== null) kind = tailReason;
    else if (held.includes('\u0000')) kind = 'binary_data';
    else if (held.includes('\uFFFD')) kind = 'invalid_utf8';
    onLine(kind === 'ok' || kind === 'invalid_utf8' ? held : held.slice(0, REJECTED_TEXT_CHARS), content, termBytes, kind);
    bytesOut += content + termBytes;
    held = '';
    heldUnits = 0;
    skipping = false;
  };

  const hold = (text: string): void => {
    heldUnits += text.length;
    if (skipping) return;
    held += text;
    if (heldUnits * 2 > maxLineBytes) {
      held = held.slice(0, REJECTED_TEXT_CHARS);
      skipping = true;
    }
  };

  const take = (text: string): void => {
    let at = 0;
    if (pendingCr && text.length > 0) {
      pendingCr = false;
      const termUnits = text.charCodeAt(0) === 10 ? 2 : 1;
      emit(termUnits * 2, heldUnits * 2, null);
      at = termUnits - 1;
    }
    const nextTerminator = createTerminatorFinder((from, code) => text.indexOf(code === 10 ? '\n' : '\r', from));
    while (at < text.length) {
      const end = nextTerminator(at);
      if (end < 0) return hold(text.slice(at));
      hold(text.slice(at, end));
      if (text.charCodeAt(end) === 13 && end === text.length - 1) {
        pendingCr = true;
        return;
      }
      const termUnits = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
      emit(termUnits * 2, heldUnits * 2, null);
      at = end + termUnits;
    }
  };

  return {
    push: (chunk) => {
      bytesIn += chunk.length;
      take(decoder.decode(chunk, { stream: true }));
    },
    finish: (tailReason) => {
      take(decoder.decode());
      if (pendingCr) {
        pendingCr = false;
        emit(2, heldUnits * 2, null);
      } else if (heldUnits > 0 || bytesIn > bytesOut) {
        emit(0, bytesIn - bytesOut - (isFirstLine ? 2 : 0), tailReason);
      }
    },
    heldBytes: () => heldUnits * 2 + (pendingCr ? 2 : 0),
  };
}
