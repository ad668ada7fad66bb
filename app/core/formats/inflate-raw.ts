import { Inflate } from 'fflate';

/**
 * Raw DEFLATE, streaming, on fflate's `Inflate`, plus the one thing its public API does not say: where
 * the deflate stream ended. The gzip framing (members, trailers, trailing junk, truncation) needs it, and
 * fflate's own `Gunzip` neither reports a missing trailer nor how many trailing bytes it rejected.
 *
 * This reads three internal fields of fflate 0.8.3 (pinned exactly in package.json): `s.f` (final block
 * seen), `s.l` (inside a block), `s.p` (bit position in the pending input) and `p` (pending input).
 * `inflate-raw.test.ts` fails if a new fflate version changes them.
 */
interface InflateInternals {
  readonly s: { readonly f?: number; readonly l?: unknown; readonly p?: number };
  readonly p: Uint8Array;
}

export interface RawInflater {
  /** Inflates a piece; throws fflate's error on corrupt data. */
  push(piece: Uint8Array): void;
  /** True once the final deflate block has been read completely. */
  isDone(): boolean;
  /** After isDone: the input bytes pushed after the end of the deflate stream. */
  rest(): Uint8Array;
}

export function createRawInflater(onData: (chunk: Uint8Array) => void): RawInflater {
  const inflate = new Inflate((chunk) => {
    if (chunk.length > 0) onData(chunk);
  });
  const internals = inflate as unknown as InflateInternals;
  if (typeof internals.s !== 'object' || !(internals.p instanceof Uint8Array)) {
    throw new Error('fflate Inflate internals changed: update inflate-raw.ts');
  }
  return {
    push: (piece) => inflate.push(piece, false),
    isDone: () => Boolean(internals.s.f) && !internals.s.l,
    rest: () => internals.p.subarray(((internals.s.p ?? 0) + 7) >> 3),
  };
}
