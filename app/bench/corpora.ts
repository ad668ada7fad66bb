import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { mixedRecord, ndjsonErrorLine } from './lines';
import { seeded, type Random } from './random';

export const MIB = 1024 * 1024;

export interface Corpus {
  readonly key: 'ndjson' | 'mixed' | 'big' | 'gzip' | 'tiny-lines' | 'gzip-bomb';
  readonly label: string;
  readonly path: string;
  /** Size on disk. */
  readonly bytes: number;
  /** Bytes of log text (the decompressed size for the gzip): rates are given in these. */
  readonly dataBytes: number;
}

export interface CorpusPlan {
  readonly dir: string;
  readonly quick: boolean;
}

/** Bump when a generator changes, so stale corpora are not reused. */
const GENERATOR_VERSION = 1;
const T0 = Date.UTC(2026, 10, 20, 0, 0, 0);

type RecordMaker = (random: Random, t: number) => string;

/**
 * Writes what `source` yields to `path`, gzipped at `gzipLevel` if given, never the whole file in memory.
 * Written to a temporary name first, so an interrupted run is not reused.
 */
async function writeAtomically(path: string, source: Readable, gzipLevel?: number): Promise<void> {
  const partial = `${path}.partial`;
  if (gzipLevel === undefined) await pipeline(source, createWriteStream(partial));
  else await pipeline(source, createGzip({ level: gzipLevel }), createWriteStream(partial));
  renameSync(partial, path);
}

/** Records until `targetBytes` is reached, ~1 MiB per chunk. */
function* records(targetBytes: number, seed: number, make: RecordMaker, stepMs: (random: Random) => number): Generator<string> {
  const random = seeded(seed);
  let written = 0;
  let t = T0;
  while (written < targetBytes) {
    const parts: string[] = [];
    let chunkBytes = 0;
    while (chunkBytes < MIB && written + chunkBytes < targetBytes) {
      const record = make(random, t);
      t += stepMs(random);
      parts.push(record);
      chunkBytes += Buffer.byteLength(record);
    }
    written += chunkBytes;
    yield parts.join('');
  }
}

/** `count` lines of `x` (RELIABILITY A16): what each line costs, apart from what is in it. */
function* tinyLines(count: number): Generator<string> {
  const perChunk = MIB / 2;
  for (let written = 0; written < count; written += perChunk) yield 'x\n'.repeat(Math.min(perChunk, count - written));
}

/** Zeros (RELIABILITY A20), gzipped: 3 GiB in 3 MiB, read until its ratio (past 1,000:1 after 256 MiB) stops it. */
export const BOMB_BYTES = 3 * 1024 * MIB;
const BOMB_STOP_BYTES = 256 * MIB;

function* zeros(bytes: number): Generator<Uint8Array> {
  const block = new Uint8Array(MIB);
  for (let written = 0; written < bytes; written += MIB) yield block;
}

/** Generates what is missing and returns the corpora of this plan, in measurement order. */
export async function ensureCorpora(plan: CorpusPlan, log: (text: string) => void): Promise<Corpus[]> {
  mkdirSync(plan.dir, { recursive: true });
  const size = plan.quick ? 10 * MIB : 100 * MIB;
  const tag = `${plan.quick ? '10m' : '100m'}-v${GENERATOR_VERSION}`;
  const ndjson = join(plan.dir, `ndjson-${tag}.ndjson`);
  const mixed = join(plan.dir, `mixed-${tag}.log`);
  const gzip = `${ndjson}.gz`;
  const big = join(plan.dir, `big-1g-v${GENERATOR_VERSION}.log`);
  const tinyLineCount = plan.quick ? 1_000_000 : 10_000_000;
  const tinyLinesPath = join(plan.dir, `tiny-lines-${tinyLineCount / 1_000_000}m.log`);
  const bomb = join(plan.dir, 'zeros-3g.gz');

  const steps: Array<{ path: string; what: string; make: () => Promise<void> }> = [
    { path: ndjson, what: 'NDJSON', make: () => writeAtomically(ndjson, Readable.from(records(size, 1302, ndjsonErrorLine, () => 250))) },
    { path: mixed, what: 'mixed text', make: () => writeAtomically(mixed, Readable.from(records(size, 1308, mixedRecord, steps250))) },
    { path: gzip, what: 'gzip of the NDJSON', make: () => writeAtomically(gzip, createReadStream(ndjson, { highWaterMark: MIB }), 6) },
    { path: tinyLinesPath, what: `${tinyLineCount / 1_000_000} M lines of "x"`, make: () => writeAtomically(tinyLinesPath, Readable.from(tinyLines(tinyLineCount))) },
  ];
  if (!plan.quick) {
    steps.push({ path: big, what: '1 GiB mixed text', make: () => writeAtomically(big, Readable.from(records(1024 * MIB, 1310, mixedRecord, steps250))) });
    steps.push({ path: bomb, what: 'gzip bomb (3 GiB of zeros)', make: () => writeAtomically(bomb, Readable.from(zeros(BOMB_BYTES)), 9) });
  }
  for (const step of steps) {
    if (existsSync(step.path)) continue;
    const started = performance.now();
    log(`generating ${step.what} → ${step.path}`);
    await step.make();
    log(`  ${(statSync(step.path).size / MIB).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const corpus = (key: Corpus['key'], label: string, path: string, dataFrom = path): Corpus => ({
    key, label, path, bytes: statSync(path).size, dataBytes: statSync(dataFrom).size,
  });
  const list = [
    corpus('ndjson', `NDJSON ${plan.quick ? '10' : '100'} MiB`, ndjson),
    corpus('mixed', `mixed text ${plan.quick ? '10' : '100'} MiB`, mixed),
    corpus('gzip', `NDJSON ${plan.quick ? '10' : '100'} MiB, gzip`, gzip, ndjson),
    corpus('tiny-lines', `${tinyLineCount / 1_000_000} M tiny lines`, tinyLinesPath),
  ];
  if (!plan.quick) {
    list.push(corpus('big', 'mixed text 1 GiB', big));
    // Its rate is of what is unpacked before its ratio stops it: 256 MiB, and at most a piece's 64 MiB more.
    list.push({ key: 'gzip-bomb', label: 'gzip bomb, 3 GiB of zeros', path: bomb, bytes: statSync(bomb).size, dataBytes: BOMB_STOP_BYTES });
  }
  return list;
}

/** Irregular spacing (50-450 ms, 250 on average) for the mixed corpora. */
const steps250 = (random: Random) => 50 + Math.floor(random() * 400);

/** A one-line file: a command run on it measures start-up cost only. */
export function tinyFile(dir: string): string {
  const path = join(dir, 'tiny.ndjson');
  if (!existsSync(path)) writeFileSync(path, ndjsonErrorLine(seeded(1), T0));
  return path;
}
