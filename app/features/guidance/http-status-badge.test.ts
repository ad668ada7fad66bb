import { describe, expect, it } from 'vitest';
import { httpStatusBadge } from './http-status-badge';

describe('httpStatusBadge', () => {
  it.each([
    ['observed, as usual', 429, 429, false, { text: 'HTTP 429', title: 'The record says HTTP 429.', isUsualOnly: false }],
    ['observed, the catalog has none', 503, null, false, { text: 'HTTP 503', title: 'The record says HTTP 503.', isUsualOnly: false }],
    [
      'observed, not the usual one: both, each for what it is',
      500,
      429,
      false,
      { text: 'HTTP 500 (usually 429)', title: 'The record says HTTP 500; HTTP 429 is the status the provider usually sends with this code.', isUsualOnly: false },
    ],
    [
      'none in the record: the usual one, said so',
      null,
      429,
      false,
      { text: 'usually HTTP 429', title: 'The record has no HTTP status; HTTP 429 is the status the provider usually sends with this code.', isUsualOnly: true },
    ],
    [
      'none in the record, the usual one inferred',
      null,
      429,
      true,
      {
        text: 'usually HTTP 429',
        title: 'The record has no HTTP status; HTTP 429 is the status the provider usually sends with this code (read off its HTTP status table).',
        isUsualOnly: true,
      },
    ],
    ['neither', null, null, false, null],
  ] as const)('%s', (_name, observed, usual, usualInferred, expected) => {
    expect(httpStatusBadge({ observed, usual, usualInferred })).toEqual(expected);
  });
});
