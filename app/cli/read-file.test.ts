import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPLIT_MIN_BYTES } from '../core/formats/split-source';
import { formatCount } from './format-count';
import { ingestFile, type FileSplit } from './read-file';
import { classifierFor } from './zone-classifier';

const dir = mkdtempSync(join(tmpdir(), 'quotalens-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINE = '{"ts":"2026-11-27T10:00:00Z","status":429,"error":{"code":"1302","message":"Rate limit reached for requests"}}\n';

/** A split whose part thread fails (as it does on a file cut short): `onStart` runs as the part starts. */
function failingSplit(onStart: (at: number) => void): FileSplit<null> & { readonly starts: number[]; cancels: number } {
  const split = {
    starts: [] as number[],
    cancels: 0,
    start: (_path: string, at: number, end: number) => {
      split.starts.push(at, end);
      onStart(at);
      return { done: Promise.resolve(null), cancel: () => void (split.cancels += 1) };
    },
    join: () => undefined,
  };
  return split;
}

describe('ingestFile on a file cut short while it is read (RELIABILITY A24)', () => {
  const lines = Math.ceil((SPLIT_MIN_BYTES + 1024) / LINE.length);
  const size = lines * LINE.length;

  it.each([
    // Cut inside the first half: its reader stops, and the part is cancelled.
    ['inside the first half', (at: number) => at - 1000, 1],
    // Cut inside the second half: its thread fails, the first reader reads on and finds the end too soon.
    ['inside the second half', (at: number) => at + 1000, 0],
  ])('cut %s: file_unreadable for the rest, what was read kept', async (_name, cutAt, cancels) => {
    const path = join(dir, 'large.ndjson');
    writeFileSync(path, LINE.repeat(lines));
    let cut = 0;
    const split = failingSplit((at) => truncateSync(path, (cut = cutAt(at))));
    const result = await ingestFile({ path, size, classify: classifierFor(0), onEvent: () => undefined, split });
    expect(split.starts).toEqual([expect.any(Number), size]);
    expect(split.cancels).toBe(cancels);
    const linesRead = Math.floor(cut / LINE.length);
    expect(result.ledger).toMatchObject({
      lines: linesRead, catalogued: linesRead, rejected: {}, bytesRead: size, sourceBytes: size,
      bytesInLines: linesRead * LINE.length, bytesUnsplittable: { file_unreadable: size - linesRead * LINE.length },
    });
    expect(result.error).toBe(`${path}: the file was changed while it was read: it ended at byte ${formatCount(cut)} of the ${formatCount(size)} it had when the command began`);
  });

  it('reads a file in one part to the size it was given, and fails when it ends sooner', async () => {
    const path = join(dir, 'small.ndjson');
    writeFileSync(path, LINE.repeat(3));
    const read = (size: number) => ingestFile({ path, size, classify: classifierFor(0), onEvent: () => undefined });
    expect(await read(2 * LINE.length)).toMatchObject({ ledger: { lines: 2, sourceBytes: 2 * LINE.length }, error: null });
    const longer = await read(4 * LINE.length);
    expect(longer.ledger).toMatchObject({ lines: 3, bytesRead: 4 * LINE.length, bytesUnsplittable: { file_unreadable: LINE.length } });
    expect(longer.error).toBe(`${path}: the file was changed while it was read: it ended at byte ${3 * LINE.length} of the ${4 * LINE.length} it had when the command began`);
  });
});
