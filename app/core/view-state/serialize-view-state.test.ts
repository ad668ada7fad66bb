import { describe, expect, it } from 'vitest';
import { isSameView, serializeViewState } from './serialize-view-state';
import { DEFAULT_VIEW, type ViewState } from './view-state';

const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });
const T0 = Date.UTC(2026, 2, 1, 8);

describe('serializeViewState', () => {
  it.each<[Partial<ViewState>, string]>([
    [{}, ''],
    [{ range: '24h' }, 'v=1&range=24h'],
    [{ range: { from: T0, to: T0 + 3_600_000 } }, 'v=1&from=2026-03-01T08:00:00Z&to=2026-03-01T09:00:00Z'],
    [{ range: { from: T0 + 3_600_000, to: T0 } }, 'v=1&from=2026-03-01T08:00:00Z&to=2026-03-01T09:00:00Z'],
    [{ range: { from: T0, to: T0 } }, ''],
    [{ codes: ['1310', '1308', '1308', 'none', '500'] }, 'v=1&code=500,1308,1310,none'],
    [{ codes: ['abc', '1308'] }, 'v=1&code=1308'],
    [{ categories: ['api-call', 'basic'], verdicts: ['pay', 'slow-down'] }, 'v=1&cat=basic,api-call&verdict=slow-down,pay'],
    [{ q: ' a&b=c ' }, 'v=1&q=a%26b%3Dc'],
    [{ q: 'x+y' }, 'v=1&q=x%2By'],
    [{ tz: 'utc+8' }, 'v=1&tz=utc%2B8'],
    [{ stream: 'https://u:p@host/x' }, 'v=1&stream=https%3A%2F%2Fhost%2Fx'],
    [{ stream: 'javascript:alert(1)' }, ''],
    [
      { tz: 'utc', stream: 'demo', q: 'q', sources: ['1'], verdicts: ['pay'], codes: ['1'], categories: ['basic'], range: '1h' },
      'v=1&range=1h&cat=basic&code=1&verdict=pay&src=1&q=q&tz=utc&stream=demo',
    ],
  ])('%j -> %s', (patch, search) => {
    expect(serializeViewState(view(patch))).toBe(search);
  });
});

describe('isSameView', () => {
  it.each<[Partial<ViewState>, Partial<ViewState>, boolean]>([
    [{}, {}, true],
    [{ codes: ['1308', '1310'] }, { codes: ['1310', '1308', '1308'] }, true],
    [{ range: '1h' }, { range: '24h' }, false],
    [{ q: 'a' }, { q: ' a ' }, true],
    [{ tz: 'utc' }, {}, false],
  ])('%j vs %j -> %s', (a, b, same) => {
    expect(isSameView(view(a), view(b))).toBe(same);
  });
});
