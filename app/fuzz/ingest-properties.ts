import assert from 'node:assert/strict';
import { classifyRecord, classifyRecordFull } from '../core/classify/classify';
import type { ClassifyOptions, Outcome } from '../core/classify/outcome';
import { runIngest, type IngestRun } from '../core/formats/fake-classifier';
import { checkLedger } from '../core/ledger/ledger';
import type { Ledger } from '../core/ledger/types';
import { appendEvent, createEventStore, getEvent, MESSAGE_MAX, REQUEST_ID_MAX } from '../core/store';
import { capMessage } from '../core/store/message-ids';
import { lineStartsPastHead, readSplit, readWhole, type ReadOptions } from '../core/formats/read-in-parts.test-support';
import { concatBytes } from '../core/formats/bytes';
import type { IngestCase } from './ingest-cases';

/**
 * What must hold for any file a user drops, checked on the real pipeline and classifier (the unit tests of the
 * pipeline use a stand-in classifier). Each property throws an AssertionError naming what broke. They run in
 * `npm test` with a few runs each, and for as long as asked in `npm run fuzz`.
 */
export interface IngestProperty {
  readonly name: string;
  readonly check: (c: IngestCase) => void;
}

type Classify = (text: string, options: ClassifyOptions) => Outcome;

function readOptions(c: IngestCase, classify: Classify = classifyRecord): ReadOptions {
  const options: ClassifyOptions = { localOffsetMinutes: () => c.localOffsetMinutes };
  return {
    classify: (text) => classify(text, options),
    ...(c.maxLineBytes === null ? {} : { maxLineBytes: c.maxLineBytes }),
    ...(c.maxRecordLines === null ? {} : { maxRecordLines: c.maxRecordLines }),
  };
}

function ingest(c: IngestCase, bytes: Uint8Array, cuts: readonly number[], classify: Classify = classifyRecord, decodeBatchBytes?: number): IngestRun {
  return runIngest(bytes, cuts, { ...readOptions(c, classify), ...(decodeBatchBytes === undefined ? {} : { decodeBatchBytes }) });
}

/** Every line is accounted for, the bytes reconcile, and every event points into the text it came from. */
const reconciles: IngestProperty = {
  name: 'ledger-reconciles',
  check(c) {
    const { ledger, events } = ingest(c, c.bytes, c.cuts);
    assert.deepEqual(checkLedger(ledger), []);
    assert.equal(ledger.bytesRead, c.plain.length, 'bytes read = the decompressed size');
    assert.equal(ledger.sourceBytes, c.bytes.length, 'source bytes = the file size');
    // A gzip's own bytes are counted apart, in their unit (RELIABILITY 2.2): all of them, none in the text's.
    assert.equal(ledger.compressed?.bytesRead, c.gzipped ? c.bytes.length : undefined, 'compressed bytes read = the gzip file size');
    assert.equal(ledger.events, events.length, 'the ledger counts the events emitted');
    for (const e of events) {
      assert.ok(e.line >= 1 && e.lineCount >= 1 && e.line + e.lineCount - 1 <= ledger.lines, `event lines ${e.line}+${e.lineCount} within ${ledger.lines}`);
      assert.ok(e.byteOffset >= 0 && e.byteLength >= 0 && e.byteOffset + e.byteLength <= c.plain.length, `event bytes ${e.byteOffset}+${e.byteLength}`);
    }
  },
};

/**
 * The same file gives the same ledger and events however it arrives in chunks, and however many bytes of lines
 * are decoded at once (the page and the CLI decode different amounts).
 */
const chunking: IngestProperty = {
  name: 'chunking-invariant',
  check(c) {
    const whole = ingest(c, c.bytes, []);
    assert.deepEqual(ingest(c, c.bytes, c.cuts), whole);
    assert.deepEqual(ingest(c, c.bytes, c.otherCuts, classifyRecord, c.decodeBatchBytes), whole);
  },
};

/** The classifier's shortcuts (fast NDJSON path and its memory of earlier lines, pre-check) change nothing. */
const shortcuts: IngestProperty = {
  name: 'shortcuts-invariant',
  check(c) {
    assert.deepEqual(ingest(c, c.bytes, c.cuts, classifyRecord), ingest(c, c.bytes, c.cuts, classifyRecordFull));
  },
};

/** A gzip of a file (one member or several) reads as the file itself, its size aside. */
const gzip: IngestProperty = {
  name: 'gzip-as-plain',
  check(c) {
    if (!c.gzipped) return;
    const packed = ingest(c, c.bytes, c.cuts);
    const plain = ingest(c, c.plain, []);
    assert.deepEqual(packed.events, plain.events);
    assert.deepEqual(countsOf(packed.ledger), countsOf(plain.ledger));
  },
};

/**
 * An event's record starts where its line starts: the detail view re-reads the record at that offset. Lines end
 * at LF, CRLF or CR; a byte order mark is part of the first line.
 */
const offsets: IngestProperty = {
  name: 'event-offsets',
  check(c) {
    const { ledger, events } = ingest(c, c.plain, c.cuts);
    if (Object.keys(ledger.bytesUnsplittable).length > 0) return;
    const starts = lineStarts(c.plain);
    for (const e of events) {
      assert.equal(e.byteOffset, starts[e.line - 1], `line ${e.line} starts at byte ${starts[e.line - 1]}`);
    }
  },
};

/**
 * The same file with LF, CRLF or CR line ends gives the same events and counts, byte positions aside. Not for a
 * file refused whole as binary: that verdict is a share of control bytes in its head, where line ends count.
 */
const terminators: IngestProperty = {
  name: 'terminator-invariant',
  check(c) {
    const text = new TextDecoder().decode(c.plain).replaceAll(/\r\n|\r/g, '\n');
    const runs = ['\n', '\r\n', '\r'].map((t) => ingest(c, new TextEncoder().encode(text.replaceAll('\n', t)), []));
    if (runs.some((r) => Object.keys(r.ledger.bytesUnsplittable).length > 0)) return;
    const variants = runs.map(({ ledger, events }) => ({ counts: countsOf(ledger), events: events.map(({ byteOffset: _o, byteLength: _l, ...rest }) => rest) }));
    assert.deepEqual(variants[1], variants[0], 'CRLF as LF');
    assert.deepEqual(variants[2], variants[0], 'CR as LF');
  },
};

const HEAD = new TextEncoder().encode('2026-11-20T00:00:00Z INFO warming up\n'.repeat(30));

/**
 * A large text source is read in two parts at once (page and CLI) and put together: that gives what one reading
 * gives, or the split is refused (inside a multi-line record) and the source is read in one pass.
 */
const parts: IngestProperty = {
  name: 'two-parts-as-one',
  check(c) {
    if (c.gzipped) return;
    const bytes = concatBytes([HEAD, c.plain]);
    const starts = lineStartsPastHead(bytes);
    const at = starts[c.splitPick % Math.max(1, starts.length)];
    if (at === undefined) return;
    const options = readOptions(c);
    const split = readSplit(bytes, at, options);
    if (split !== null) assert.deepEqual(split, readWhole(bytes, options));
  },
};

/** The columnar store gives back each event as it was emitted, within its stated caps. */
const store: IngestProperty = {
  name: 'store-round-trip',
  check(c) {
    const { events } = ingest(c, c.bytes, c.cuts);
    const s = createEventStore();
    for (const e of events) appendEvent(s, e, 7);
    events.forEach((e, i) => {
      const stored = getEvent(s, i);
      assert.ok(stored !== null);
      const d = e.details;
      const expected = {
        time: typeof d.ts === 'number' && Number.isFinite(d.ts) ? d.ts : null,
        code: d.code,
        category: e.entry?.category ?? null,
        sourceId: 7,
        line: e.line,
        byteOffset: e.byteOffset,
        byteLength: e.byteLength,
        flags: [...d.flags].sort(),
        http: d.http,
        attempts: Math.min(e.attempts, 255),
        message: d.message === null ? null : capMessage(d.message),
        requestId: d.requestId === null || d.requestId === '' ? null : d.requestId.slice(0, REQUEST_ID_MAX),
        resetAt: d.reset?.at ?? null,
        window: d.window,
        format: e.format,
      };
      const actual = {
        time: stored.time,
        code: stored.code,
        category: stored.category,
        sourceId: stored.sourceId,
        line: stored.line,
        byteOffset: stored.byteOffset,
        byteLength: stored.byteLength,
        flags: [...stored.flags].sort(),
        http: stored.http,
        attempts: stored.attempts,
        message: stored.message,
        requestId: stored.requestId,
        resetAt: stored.reset?.at ?? null,
        window: stored.window,
        format: stored.format,
      };
      assert.deepEqual(actual, expected, `event ${i} (line ${e.line})`);
      assert.ok(stored.message === null || stored.message.length <= MESSAGE_MAX);
    });
  },
};

export const INGEST_PROPERTIES: readonly IngestProperty[] = [reconciles, chunking, shortcuts, gzip, offsets, terminators, parts, store];

/** The ledger's counts, without what depends on the bytes (sizes, examples' byte lengths, notices). */
function countsOf(ledger: Ledger) {
  const { lines, catalogued, uncatalogued, nonError, rejected, records, events, retriesFolded, flags } = ledger;
  return { lines, catalogued, uncatalogued, nonError, rejected, records, events, retriesFolded, flags };
}

function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 10) starts.push(i + 1);
    else if (bytes[i] === 13 && bytes[i + 1] !== 10) starts.push(i + 1);
  }
  return starts;
}
