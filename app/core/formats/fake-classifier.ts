import type { CatalogEntry } from '../catalog/types';
import type { ErrorDetails, Outcome } from '../classify/outcome';
import type { Ledger } from '../ledger/types';
import { createIngestPipeline, type IngestOptions } from './pipeline';
import type { IngestedEvent } from './types';

/**
 * Test support: a small stand-in for the catalog classifier, so the pipeline is tested on its own.
 * Rules (after `\"` and `'` read as `"`): `"code": "1308"` or `[1308]` → catalogued 1308; another 3–4
 * digit `"code"` → uncatalogued with that code; a one-line text starting with `{` that does not parse → rejected malformed_json; `ERROR` →
 * uncatalogued without code; anything else → non-error.
 */
export const FAKE_1308: CatalogEntry = {
  code: '1308',
  category: 'api-policy-block',
  family: 'quota',
  http: 429,
  httpInferred: false,
  origin: 'published',
  english: 'Usage limit reached for {number} {unit}. Your limit will reset at {next_flush_time}',
  params: ['number', 'unit', 'next_flush_time'],
  newerEnglish: [],
  chinese: [],
  verdict: 'wait-for-reset',
  guidance: 'Wait for the reset.',
  links: [],
  window: '5-hour',
  title: 'Usage limit reached',
};

function details(code: string | null, text: string): ErrorDetails {
  return {
    code,
    http: text.includes('HTTP/1.1 429') ? 429 : null,
    requestId: null,
    message: null,
    language: null,
    window: code === '1308' ? '5-hour' : null,
    reset: null,
    ts: null,
    params: {},
    flags: [],
  };
}

const CODE = /"code"\s*:\s*"?(\d{3,4})"?/;

export function fakeClassify(text: string): Outcome {
  const match = CODE.exec(text.replaceAll('\\"', '"').replaceAll("'", '"'));
  const code = match?.[1] ?? (text.includes('[1308]') ? '1308' : null);
  if (code === '1308') return { kind: 'catalogued', entry: FAKE_1308, details: details('1308', text) };
  if (code !== null) return { kind: 'uncatalogued', details: details(code, text) };
  if (text.startsWith('{') && !text.includes('\n')) {
    try {
      JSON.parse(text);
    } catch {
      return { kind: 'rejected', reason: 'malformed_json' };
    }
  }
  if (text.includes('ERROR')) return { kind: 'uncatalogued', details: details(null, text) };
  return { kind: 'non-error', flags: [] };
}

export interface IngestRun {
  readonly ledger: Ledger;
  readonly events: IngestedEvent[];
}

/** Runs the pipeline over `bytes` cut at `cuts` (sorted offsets), with the fake classifier by default. */
export function runIngest(bytes: Uint8Array, cuts: readonly number[] = [], options: Partial<IngestOptions> = {}): IngestRun {
  const events: IngestedEvent[] = [];
  const pipeline = createIngestPipeline({ classify: fakeClassify, ...options, onEvent: (e) => events.push(e) });
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    pipeline.push(bytes.slice(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  return { ledger: pipeline.finish(), events };
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
