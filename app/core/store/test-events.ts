import type { CatalogEntry, Category, Family, QuotaWindow, Verdict } from '../catalog/types';
import type { ErrorDetails, RecordFlag, ResetInfo } from '../classify/outcome';
import type { IngestedEvent } from '../formats/types';

/**
 * Test builders: small catalog entries and events, so tests do not depend on the real catalog.
 * The facts below mirror the catalog's families for the codes the tests use.
 */
const TEST_CODES: Readonly<Record<string, readonly [Category, Family, Verdict, QuotaWindow | null]>> = {
  '500': ['basic', 'server', 'retry-later', null],
  '1001': ['authentication', 'auth', 'fix-key', null],
  '1113': ['account', 'billing', 'pay', null],
  '1210': ['api-call', 'request', 'fix-request', null],
  '1301': ['api-policy-block', 'policy', 'fix-request', null],
  '1302': ['api-policy-block', 'throttle', 'slow-down', null],
  '1303': ['api-policy-block', 'throttle', 'slow-down', null],
  '1305': ['api-policy-block', 'throttle', 'retry-later', null],
  '1308': ['api-policy-block', 'quota', 'wait-for-reset', '5-hour'],
  '1310': ['api-policy-block', 'quota', 'wait-for-reset', 'weekly'],
  '1316': ['api-policy-block', 'quota', 'wait-for-reset', 'monthly'],
};

export function testEntry(code: string): CatalogEntry | null {
  const facts = TEST_CODES[code];
  if (facts === undefined) return null;
  const [category, family, verdict, window] = facts;
  return {
    code, category, family, verdict, window,
    http: 429, httpInferred: false, origin: 'published', english: `Error ${code}`, params: [],
    newerEnglish: [], chinese: [], guidance: '', links: [], title: `Error ${code}`,
  };
}

export function testReset(at: number | null, plausible = true): ResetInfo {
  const raw = at === null ? 'soon' : new Date(at).toISOString();
  return { raw, at, dateOnly: false, assumedOffsetMinutes: null, plausible, implausibleReason: plausible ? null : 'before event' };
}

export interface TestEventInput {
  readonly ts?: number | null;
  readonly code?: string | null;
  readonly message?: string | null;
  readonly requestId?: string | null;
  readonly reset?: ResetInfo | null;
  readonly flags?: readonly RecordFlag[];
  readonly line?: number;
  readonly http?: number | null;
  readonly attempts?: number;
  /** Overrides the test catalog entry of the code. */
  readonly entry?: CatalogEntry | null;
}

/** testEvent({ ts: 0, code: '1308' }) -> an IngestedEvent with the test catalog entry of 1308. */
export function testEvent(input: TestEventInput = {}): IngestedEvent {
  const code = input.code === undefined ? '1302' : input.code;
  const entry = input.entry !== undefined ? input.entry : code === null ? null : testEntry(code);
  const details: ErrorDetails = {
    code,
    http: input.http ?? entry?.http ?? null,
    requestId: input.requestId ?? null,
    message: input.message === undefined ? `message for ${String(code)}` : input.message,
    language: 'en',
    window: entry?.window ?? null,
    reset: input.reset ?? null,
    ts: input.ts === undefined ? 0 : input.ts,
    params: {},
    flags: input.flags ?? [],
  };
  return { line: input.line ?? 1, lineCount: 1, byteOffset: 0, byteLength: 10, entry, details, attempts: input.attempts ?? 1, format: 'ndjson' };
}
