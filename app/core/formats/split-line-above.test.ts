import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRecord } from '../classify/classify';
import { lineStartsPastHead, readSplit as readSplitWith, readWhole as readWholeWith } from './read-in-parts.test-support';

/**
 * A source read in two parts (split-source.ts) against an error dated by the stamped line above it: the part after
 * the split has no line above its first record, so the split is refused where that line would date it.
 */
const classify = (text: string) => classifyRecord(text, { localOffsetMinutes: () => 60 });
const encode = (text: string) => new TextEncoder().encode(text);
const OPTIONS = { classify, maxRecordLines: 20 };
const readWhole = (bytes: Uint8Array) => readWholeWith(bytes, OPTIONS);
const readSplit = (bytes: Uint8Array, at: number) => readSplitWith(bytes, at, OPTIONS);

const head = '2026-11-20T00:00:00Z INFO warming up\n'.repeat(30);
const BODY = '{"error":{"code":"1302","message":"Rate limit reached for requests"}}\n';
const DATED = '{"ts":"2026-11-20T00:00:02Z","status":429,"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-20 11:00:02"}}\n';
const LINE_ABOVE = ['2026-11-20 10:00:00 DEBUG response body:\n', '1763632800 DEBUG response:\n', '2026-11-20 10:00:00,123 - app - ERROR - request failed\n'] as const;
const TRACEBACK = "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nopenai.RateLimitError: Error code: 429 - {'error': {'code': '1302'}}\n";
const HTTP = 'HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n\r\n{"error":{"code":"1308","message":"Usage limit reached"}}\r\n';
const PIECES = [...LINE_ABOVE, BODY, DATED, TRACEBACK, HTTP, '\n', 'plain text line\n', '{"level":"info","msg":"ok"}\n', `${LINE_ABOVE[0]}${BODY}`, `${LINE_ABOVE[2]}${TRACEBACK}`];

describe('reading in two parts an error dated by the stamped line above it', () => {
  it('refuses a split right under a stamped line only when the line would date the record after it', () => {
    for (const [above, below, refused] of [
      [LINE_ABOVE[0], BODY, true],
      [LINE_ABOVE[1], BODY, true],
      [LINE_ABOVE[0], DATED, false],
      [LINE_ABOVE[0], '{"level":"info","msg":"ok"}\n', false],
      ['plain text line\n', BODY, false],
    ] as const) {
      const bytes = encode(`${head}${above}${below}${DATED}`);
      const split = readSplit(bytes, encode(`${head}${above}`).length);
      expect(split === null, `${above}${below}`).toBe(refused);
      if (split !== null) expect(split).toEqual(readWhole(bytes));
    }
    expect(readWhole(encode(`${head}${LINE_ABOVE[0]}${BODY}`)).events.map((e) => e.details.flags)).toEqual([['timestamp_zone_assumed', 'timestamp_from_previous_line']]);
  });

  it('gives what one reading gives for any sequence of such records and any split, or refuses it', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom('\n', '\r\n'), (pieces, pick, eol) => {
        const bytes = encode((head + pieces.join('')).replaceAll('\r\n', '\n').replaceAll('\n', eol));
        const starts = lineStartsPastHead(bytes);
        if (starts.length === 0) return;
        const at = starts[pick % starts.length] ?? 0;
        const split = readSplit(bytes, at);
        if (split === null) refused += 1;
        else {
          accepted += 1;
          expect(split).toEqual(readWhole(bytes));
        }
      }),
      { numRuns: 400 },
    );
    // Both happen: the comparison above ran, and the refusal is not a blanket one.
    expect(accepted).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(0);
  });
});
