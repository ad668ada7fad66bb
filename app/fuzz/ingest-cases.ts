import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { CATALOG } from '../core/catalog/catalog';
import { CLASSIFIER_SAMPLES } from '../core/classify/samples';
import { concatBytes } from '../core/formats/bytes';

/**
 * Generated inputs for the ingest properties: whole files of records a user could drop, mutated, framed with
 * random terminators, sometimes gzipped, and cut into random chunks. Records come from four places, so random
 * input reaches the deep readers and not only the pre-check: the classifier's samples (real captured shapes),
 * the lines of the end-to-end fixtures, NDJSON error lines built from the catalog's wordings, and pieces of
 * records glued together.
 */
export interface IngestCase {
  /** The file as dropped: plain text, or gzip members of `plain`. */
  readonly bytes: Uint8Array;
  /** The decompressed text (equals `bytes` when not gzipped). */
  readonly plain: Uint8Array;
  readonly gzipped: boolean;
  /** Where the file is cut into chunks: sorted offsets into `bytes`. */
  readonly cuts: readonly number[];
  /** A second chunking of the same file. */
  readonly otherCuts: readonly number[];
  /** Small caps reach the line and record limits with small inputs; null keeps the defaults. */
  readonly maxLineBytes: number | null;
  readonly maxRecordLines: number | null;
  /** Bytes of lines decoded at once, for the second chunking (the page decodes 1 MiB, the CLI 64 KiB). */
  readonly decodeBatchBytes: number;
  /** Which line start past the sniffed head a read in two parts splits at (modulo their count). */
  readonly splitPick: number;
  /** The viewer's offset from UTC for zone-less stamps, in minutes. */
  readonly localOffsetMinutes: number;
}

const FIXTURE_DIR = new URL('../../e2e/fixtures/logs/', import.meta.url);

/** Lines of the text fixtures (binary and archive fixtures are left to their own tests). */
function fixtureLines(): string[] {
  const lines: string[] = [];
  for (const name of readdirSync(FIXTURE_DIR)) {
    if (!/\.(log|jsonl|har)$/.test(name) || name.startsWith('utf16') || name.startsWith('gbk')) continue;
    const text = readFileSync(new URL(name, FIXTURE_DIR), 'utf8');
    for (const line of text.split(/\r\n|\r|\n/)) if (line.length > 0 && line.length < 4000) lines.push(line);
  }
  return lines;
}

const FIXTURE_LINES = fixtureLines();
const SAMPLE_TEXTS = CLASSIFIER_SAMPLES.map((s) => s.text);
const WORDINGS = CATALOG.flatMap((e) => [e.english, ...e.newerEnglish, ...e.chinese]);

/** Pieces of real records, glued at random so the readers see near misses of every shape. */
const FRAGMENTS = [
  '{', '}', '[', ']', '"', "'", '\\"', ':', ',', ' ', '\t', '"error":', '"code":', '"message":', '"1308"', '1308', '"1302"', '[1308]',
  '"ts":"2026-11-27T10:00:00Z",', '"ts":"2026-11-27 10:00:00",', '"timestamp":1764237600,', '"status":429,', '"request_id":"20261127180000abc",',
  'API Error: 429 ', 'HTTP/1.1 429 Too Many Requests', 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Retry-After: 30',
  'data: ', 'event: error', 'Traceback (most recent call last):', '  File "a.py", line 1', '    at fetch (a.js:1:1)', 'Caused by: ',
  '2026-11-27 10:00:00.123 | ERROR | ', '2026-11-27T10:00:00+08:00 ', 'ERROR:root:', '[main] ERROR c.z.Client - ',
  'Usage limit reached for 5 hour. Your limit will reset at ', '2026-11-27 15:00:00', '已达到 5 小时的使用上限。', '您的账户已欠费',
  '"isApiErrorMessage":true', '"type":"system","subtype":"api_error",', '"retryAttempt":2,', '"maxRetries":10,', '__proto__',
  '\u0000', '\uFFFD', '\u200B', '\u202E', '😀', '１３０８', 'é', '18446744073709551616', '1e309', 'NaN', '// c', '{"a":1}{"b":2}',
];

const fragmentRecord = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 16 })
  .map((parts) => parts.join(''));

const stamp = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([d, h, m]) => `2026-11-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`);

/** An NDJSON error line of the usual layout, the shape a storm repeats thousands of times. */
const ndjsonRecord = fc
  .record({
    time: fc.oneof(stamp.map((s) => `"${s.replace(' ', 'T')}Z"`), stamp.map((s) => `"${s}"`), fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }).map(String)),
    status: fc.constantFrom(400, 401, 403, 429, 500, 503),
    code: fc.oneof(fc.constantFrom(...CATALOG.map((e) => e.code)), fc.integer({ min: 1000, max: 1399 }).map(String)),
    wording: fc.constantFrom(...WORDINGS),
    reset: stamp,
    requestId: fc.option(fc.stringMatching(/^2026112[0-9]{7}[a-f0-9]{6}$/), { nil: undefined }),
  })
  .map(({ time, status, code, wording, reset, requestId }) => {
    const message = wording.replaceAll(/\{next_flush_time\}|\$\{next_flush_time\}/g, reset).replaceAll(/\{[a-z_A-Z]+\}/g, '5');
    const id = requestId === undefined ? '' : `,"request_id":"${requestId}"`;
    return `{"ts":${time},"status":${status},"error":{"code":"${code}","message":${JSON.stringify(message)}}${id}}`;
  });

const record = fc.oneof(
  { arbitrary: fc.constantFrom(...SAMPLE_TEXTS), weight: 3 },
  { arbitrary: fc.constantFrom(...FIXTURE_LINES), weight: 3 },
  { arbitrary: ndjsonRecord, weight: 4 },
  { arbitrary: fragmentRecord, weight: 2 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
);

/** A small edit of a record: cut it, or put a fragment or a stray character in it. */
const mutated = fc.oneof(
  { arbitrary: record, weight: 6 },
  {
    arbitrary: fc.tuple(record, fc.nat(), fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 }))).map(([r, at, piece]) => {
      const i = at % (r.length + 1);
      return r.slice(0, i) + piece + r.slice(i);
    }),
    weight: 2,
  },
  { arbitrary: fc.tuple(record, fc.nat()).map(([r, at]) => r.slice(0, at % (r.length + 1))), weight: 1 },
);

const TERMINATORS = ['\n', '\r\n', '\r'] as const;

/** Bytes no UTF-8 text holds, spliced into a file between its records. */
const RAW_BYTES = [[0xff], [0xc3], [0xe4, 0xb8], [0xf0, 0x9f, 0x98], [0x00, 0x00], [0xef, 0xbb, 0xbf]];

interface DocumentShape {
  readonly records: readonly string[];
  readonly terminators: readonly string[];
  readonly endsWithTerminator: boolean;
  readonly bom: boolean;
  readonly raw: ReadonlyArray<readonly [number, readonly number[]]>;
}

const document: fc.Arbitrary<DocumentShape> = fc.record({
  records: fc.array(mutated, { minLength: 1, maxLength: 30 }),
  /** One terminator for the file, or each line its own. */
  terminators: fc.oneof(fc.constantFrom(...TERMINATORS).map((t) => [t]), fc.array(fc.constantFrom(...TERMINATORS), { minLength: 2, maxLength: 5 })),
  endsWithTerminator: fc.boolean(),
  bom: fc.boolean(),
  raw: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...RAW_BYTES)), { maxLength: 2 }),
});

const encoder = new TextEncoder();

function renderDocument(d: DocumentShape): Uint8Array {
  const text = d.records.map((r, i) => r + (i < d.records.length - 1 || d.endsWithTerminator ? (d.terminators[i % d.terminators.length] ?? '\n') : '')).join('');
  let bytes: Uint8Array = encoder.encode((d.bom ? '\uFEFF' : '') + text);
  for (const [at, raw] of d.raw) {
    const i = at % (bytes.length + 1);
    bytes = concatBytes([bytes.subarray(0, i), Uint8Array.from(raw), bytes.subarray(i)]);
  }
  return bytes;
}


/** Gzip members of `plain`, cut at `splits` (a file written by a logger that rotates into one .gz). */
function gzipMembers(plain: Uint8Array, splits: readonly number[]): Uint8Array {
  const bounds = [0, ...splits.map((s) => s % (plain.length + 1)).sort((a, b) => a - b), plain.length];
  const members: Uint8Array[] = [];
  for (let i = 1; i < bounds.length; i += 1) members.push(gzipSync(plain.subarray(bounds[i - 1], bounds[i]), { mtime: 0 }));
  return concatBytes(members);
}

/** `value` in `weight` of `weight + nullWeight` cases, else null. */
const sometimes = <T>(value: fc.Arbitrary<T>, weight: number, nullWeight: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: value, weight }, { arbitrary: fc.constant(null), weight: nullWeight });

const cutsOf = (length: number) => fc.array(fc.integer({ min: 0, max: length }), { maxLength: 10 }).map((c) => [...c].sort((a, b) => a - b));

/** A HAR export from the browser's devtools: the records as response bodies of provider hosts and others. */
const harDocument: fc.Arbitrary<Uint8Array> = fc
  .array(
    fc.record({
      host: fc.constantFrom('api.z.ai', 'open.bigmodel.cn', 'example.com', 'z.ai.evil.example'),
      status: fc.constantFrom(200, 400, 401, 429, 500, 503, 0),
      started: fc.oneof(stamp.map((t) => `${t.replace(' ', 'T')}.120Z`), stamp.map((t) => `${t.replace(' ', 'T')}+08:00`), stamp, fc.constant('')),
      body: mutated,
    }),
    { maxLength: 8 },
  )
  .chain((entries) =>
    fc.constantFrom(0, 2).map((indent) => {
      const har = {
        log: {
          version: '1.2',
          entries: entries.map((e) => ({
            startedDateTime: e.started,
            request: { method: 'POST', url: `https://${e.host}/api/paas/v4/chat/completions` },
            response: { status: e.status, statusText: '', content: { mimeType: 'application/json', text: e.body } },
          })),
        },
      };
      return encoder.encode(JSON.stringify(har, null, indent));
    }),
  );

export const ingestCase: fc.Arbitrary<IngestCase> = fc
  .record({
    plain: fc.oneof({ arbitrary: document.map(renderDocument), weight: 5 }, { arbitrary: harDocument, weight: 1 }),
    gzip: sometimes(fc.array(fc.nat(), { maxLength: 2 }), 1, 3),
    maxLineBytes: sometimes(fc.integer({ min: 16, max: 400 }), 1, 2),
    maxRecordLines: sometimes(fc.integer({ min: 1, max: 6 }), 1, 2),
    decodeBatchBytes: fc.integer({ min: 1, max: 512 }),
    splitPick: fc.nat(),
    localOffsetMinutes: fc.constantFrom(0, 60, -300, 480, 345),
  })
  .chain((c) => {
    const bytes = c.gzip === null ? c.plain : gzipMembers(c.plain, c.gzip);
    return fc.record({ cuts: cutsOf(bytes.length), otherCuts: cutsOf(bytes.length) }).map(({ cuts, otherCuts }) => ({
      bytes,
      plain: c.plain,
      gzipped: c.gzip !== null,
      cuts,
      otherCuts,
      maxLineBytes: c.maxLineBytes,
      maxRecordLines: c.maxRecordLines,
      decodeBatchBytes: c.decodeBatchBytes,
      splitPick: c.splitPick,
      localOffsetMinutes: c.localOffsetMinutes,
    }));
  });

/** A case as JSON (bytes in base64), so a failing one is kept as a file and read back exactly. */
export function caseToJson(c: IngestCase): unknown {
  return { ...c, bytes: Buffer.from(c.bytes).toString('base64'), plain: Buffer.from(c.plain).toString('base64') };
}

/** Fields added since a case was kept take the value that reads it as it was read then. */
const ADDED_SINCE: Partial<IngestCase> = { decodeBatchBytes: 1 << 20, splitPick: 0 };

export function caseFromJson(value: unknown): IngestCase {
  const v = value as Record<string, unknown>;
  const bytes = (key: string) => new Uint8Array(Buffer.from(String(v[key]), 'base64'));
  return { ...ADDED_SINCE, ...(v as unknown as IngestCase), bytes: bytes('bytes'), plain: bytes('plain') };
}
