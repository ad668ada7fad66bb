import { describe, expect, it } from 'vitest';
import { createIngestPipeline } from '../formats/pipeline';
import { classifyRecord } from './classify';
import { errorsOf, type Outcome } from './outcome';
import { CLASSIFIER_SAMPLES } from './samples';

const T = Date.UTC(2026, 10, 27, 10);
const MINUTE = 60_000;
const at = (ms: number) => new Date(ms).toISOString();
const line = (ms: number, code = '1302') => `{"ts":"${at(ms)}","error":{"code":"${code}","message":"Rate limit reached for requests"}}`;

function flagsOf(outcome: Outcome): readonly (readonly string[])[] {
  return outcome.kind === 'catalogued' || outcome.kind === 'uncatalogued' ? errorsOf(outcome).map((error) => error.details.flags) : [];
}

const inFuture = (outcome: Outcome) => flagsOf(outcome).map((flags) => flags.includes('timestamp_in_future'));

describe('timestamp_in_future (E9)', () => {
  it('flags an error dated more than five minutes after the clock, and only such one', () => {
    const now = () => T;
    expect(inFuture(classifyRecord(line(T + 6 * MINUTE), { now }))).toEqual([true]);
    expect(inFuture(classifyRecord(line(T + 4 * MINUTE), { now }))).toEqual([false]);
    expect(inFuture(classifyRecord(line(T - 8 * 3_600_000), { now }))).toEqual([false]);
    expect(inFuture(classifyRecord(`2099-01-01 10:00:00 ERROR {"error":{"code":"1302","message":"Rate limit reached for requests"}}`, { now }))).toEqual([true]);
  });

  it('adds only the flag: every sample reads the same as without a clock when the clock is far ahead', () => {
    const farAhead = () => Date.UTC(2200, 0, 1);
    for (const sample of CLASSIFIER_SAMPLES) expect(classifyRecord(sample.text, { now: farAhead }), sample.id).toEqual(classifyRecord(sample.text));
  });

  it('with a clock far behind, flags exactly the dated errors of the samples', () => {
    const farBehind = () => Date.UTC(1990, 0, 1);
    for (const sample of CLASSIFIER_SAMPLES) {
      const plain = classifyRecord(sample.text);
      const flagged = classifyRecord(sample.text, { now: farBehind });
      const dated = plain.kind === 'catalogued' || plain.kind === 'uncatalogued' ? errorsOf(plain).map((error) => error.details.ts !== null) : [];
      expect(inFuture(flagged), sample.id).toEqual(dated);
    }
  });

  it('judges each error of a live stream against the clock when it arrives, not when the stream began', () => {
    let clock = T;
    const now = () => clock;
    expect(inFuture(classifyRecord(line(T + 10 * MINUTE), { now }))).toEqual([true]);
    expect(inFuture(classifyRecord(line(T + 2 * MINUTE), { now }))).toEqual([false]);
    clock = T + 60 * MINUTE;
    expect(inFuture(classifyRecord(line(T + 61 * MINUTE), { now }))).toEqual([false]);
    expect(inFuture(classifyRecord(line(T + 66 * MINUTE), { now }))).toEqual([true]);
    // A clock set back (one that was ahead, corrected while the page is open) is seen within 256 dated errors.
    clock = T - 120 * MINUTE;
    const afterSetBack = Array.from({ length: 256 }, () => inFuture(classifyRecord(line(T - 60 * MINUTE), { now }))[0]);
    expect(afterSetBack.at(-1)).toBe(true);
    expect(afterSetBack.filter((flagged) => !flagged).length).toBeLessThan(256);
  });

  it('B8: each error of an array line is judged on its own time', () => {
    const errors = (a: number, b: number) => `[${line(a)},${line(b, '1308')}]`;
    const now = () => T;
    expect(inFuture(classifyRecord(errors(T + 60 * MINUTE, T), { now }))).toEqual([true, false]);
    expect(inFuture(classifyRecord(errors(T, T + 60 * MINUTE), { now }))).toEqual([false, true]);
  });

  it('is counted in the ledger as a caveat, the lines keeping their outcome', () => {
    const now = () => T;
    const flagged: number[] = [];
    const pipeline = createIngestPipeline({
      classify: (text) => classifyRecord(text, { now }),
      onEvent: (event) => flagged.push(event.details.flags.includes('timestamp_in_future') ? 1 : 0),
    });
    pipeline.push(new TextEncoder().encode([line(T - MINUTE), line(T + 3_600_000), line(T + 7_200_000), 'INFO all good'].join('\n')));
    const ledger = pipeline.finish();
    expect(ledger.flags.timestamp_in_future).toBe(2);
    expect(ledger).toMatchObject({ lines: 4, catalogued: 3, nonError: 1, events: 3 });
    expect(flagged).toEqual([0, 1, 1]);
  });
});
