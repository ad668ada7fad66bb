import { describe, expect, it } from 'vitest';
import { stampIn, templateKey } from './restamp';

describe('stampIn', () => {
  it.each([
    ['Your limit will reset at 2026-11-20 11:00:02', { text: '2026-11-20 11:00:02', index: 25 }],
    ['您的限额将在 2026-11-20 11:00:02 重置', { text: '2026-11-20 11:00:02', index: 7 }],
    ['reset at 2026-11-20 11:00:02.', { text: '2026-11-20 11:00:02', index: 9 }],
  ])('finds the one stamp of %j', (message, expected) => expect(stampIn(message)).toEqual(expected));

  it.each([
    'reset at 2026-11-20 11:00:02.5',
    'reset at 2026-11-20 11:00:02Z',
    'reset at 2026-11-20 11:00:02+08:00',
    'reset at 2026-11-20 11:00:023',
    'reset at 12026-11-20 11:00:02',
    'reset at 2026-11-20T11:00:02',
    'reset at 2026-11-20 11:00',
    'since 2026-11-19, reset at 2026-11-20 11:00:02',
    'reset at 2026-11-20 11:00:02 (was 2026-11-19 11:00:02)',
    'no stamp here',
  ])('refuses %j (another reading could differ)', (message) => expect(stampIn(message)).toBeNull());
});

describe('templateKey', () => {
  it('is the same for messages that differ only by the stamp, and differs otherwise', () => {
    const key = (m: string) => {
      const stamp = stampIn(m);
      if (stamp === null) throw new Error('no stamp');
      return templateKey(m, stamp);
    };
    expect(key('reset at 2026-11-20 11:00:02')).toBe(key('reset at 2027-01-01 00:00:00'));
    expect(key('reset at 2026-11-20 11:00:02')).not.toBe(key('reset  at 2026-11-20 11:00:02'));
    expect(key('a 2026-11-20 11:00:02 b')).not.toBe(key('a 2026-11-20 11:00:02b'));
  });
});
