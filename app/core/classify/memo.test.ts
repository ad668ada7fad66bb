import { describe, expect, it } from 'vitest';
import { memoByString } from './memo';

describe('memoByString', () => {
  it('computes a repeated key once', () => {
    let calls = 0;
    const length = memoByString((key) => {
      calls += 1;
      return key.length;
    });
    for (let i = 0; i < 1000; i += 1) expect(length(`key ${i % 10}`)).toBe(5);
    expect(calls).toBe(10);
  });

  it('stops storing when keys never repeat, still answering right, and tries again later', () => {
    let calls = 0;
    const double = memoByString((key) => {
      calls += 1;
      return `${key}${key}`;
    }, 16);
    for (let i = 0; i < 17; i += 1) expect(double(`u${i}`)).toBe(`u${i}u${i}`);
    // A generation of 16 distinct keys without a hit: the next 128 calls bypass the memo.
    calls = 0;
    for (let i = 0; i < 128; i += 1) expect(double('same')).toBe('samesame');
    expect(calls).toBe(128);
    calls = 0;
    for (let i = 0; i < 10; i += 1) expect(double('same')).toBe('samesame');
    expect(calls).toBe(1);
  });
});
