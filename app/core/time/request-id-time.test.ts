import { describe, expect, it } from 'vitest';
import { timestampFromRequestId } from './request-id-time';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('timestampFromRequestId', () => {
  it.each([
    ['20251110185613958b81c5b1234255', '2025-11-10T10:56:13.000Z'],
    ['202602261029392bc0093d0e944297', '2026-02-26T02:29:39.000Z'],
    ['20260430204055297B81C5B1234255', '2026-04-30T12:40:55.000Z'],
    // not Z.ai ids: wrong length, not a date, Anthropic / new-api shapes
    ['2025111018561395', null],
    ['20251310185613958b81c5b1234255', null],
    ['20250230185613958b81c5b1234255', null],
    ['20251110245613958b81c5b1234255', null],
    ['req_011CUzP5hWQzZ1p4Lw3N8vXy', null],
    ['20260326075131922547400WhbmySPg', null],
    ['2025111018561395zzzzzzzzzzzzzz', null],
  ])('%s -> %s', (id, expected) => {
    expect(iso(timestampFromRequestId(id))).toBe(expected);
  });
});
