import { describe, expect, it } from 'vitest';
import { parseViewState } from './parse-view-state';
import { serializeViewState } from './serialize-view-state';
import { DEFAULT_VIEW, type ViewState } from './view-state';

const T0 = Date.UTC(2026, 2, 1, 8);
const T1 = Date.UTC(2026, 2, 1, 9);
const view = (patch: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, ...patch });

describe('parseViewState: valid links', () => {
  it.each<[string, ViewState]>([
    ['', DEFAULT_VIEW],
    ['?', DEFAULT_VIEW],
    ['?v=1', DEFAULT_VIEW],
    ['range=24h', view({ range: '24h' })],
    ['?v=1&range=last-7d', view({ range: 'last-7d' })],
    ['from=2026-03-01T08:00:00Z&to=2026-03-01T09:00:00Z', view({ range: { from: T0, to: T1 } })],
    ['from=2026-03-01T16:00:00%2B08:00&to=1772355600000', view({ range: { from: T0, to: T1 } })],
    ['cat=api-policy-block,basic', view({ categories: ['basic', 'api-policy-block'] })],
    ['code=1310,1308,none,500,1308', view({ codes: ['500', '1308', '1310', 'none'] })],
    ['code=1308&code=1302', view({ codes: ['1302', '1308'] })],
    ['verdict=slow-down,wait-for-reset', view({ verdicts: ['wait-for-reset', 'slow-down'] })],
    ['src=mixed.log&src=a%2Cb.log&src=2', view({ sources: ['2', 'a,b.log', 'mixed.log'] })],
    ['q=quota%20exceeded', view({ q: 'quota exceeded' })],
    ['q=rate+limit', view({ q: 'rate limit' })],
    ['q=%20padded%20', view({ q: 'padded' })],
    ['tz=utc', view({ tz: 'utc' })],
    ['tz=utc%2B8', view({ tz: 'utc+8' })],
    ['tz=utc+8', view({ tz: 'utc+8' })],
    ['order=oldest', view({ order: 'oldest' })],
    ['order=Oldest', view({ order: 'oldest' })],
    ['order=newest', DEFAULT_VIEW],
    ['stream=demo', view({ stream: 'demo' })],
    ['stream=wss%3A%2F%2Fhost%2Fws', view({ stream: 'wss://host/ws' })],
  ])('%s', (search, expected) => {
    expect(parseViewState(search)).toEqual({ view: expected, dropped: [], heldSecrets: false });
  });
});

/** [id, search, expected view patch, dropped params (in order)] */
const TAMPERING: [string, string, Partial<ViewState>, string[]][] = [
  ['G1 unknown param', 'foo=1&range=1h', { range: '1h' }, ['foo']],
  ['G1 duplicate list, one invalid', 'code=1308&code=abc', { codes: ['1308'] }, ['code']],
  ['G1 duplicate scalar: first valid wins', 'range=1h&range=7d', { range: '1h' }, ['range']],
  ['G1 duplicate scalar: invalid then valid', 'tz=mars&tz=utc', { tz: 'utc' }, ['tz']],
  ['G1 empty values', 'code=&q=&tz=', {}, ['code', 'q', 'tz']],
  ['G1 unknown order', 'order=random&range=1h', { range: '1h' }, ['order']],
  ['G1 duplicate order: first valid wins', 'order=sideways&order=newest&order=oldest', { order: 'newest' }, ['order', 'order']],
  ['G2 truncated UTF-8', 'q=%E0%A4%A&range=1h', { range: '1h' }, ['q']],
  ['G2 lone percent', 'q=%&code=1308', { codes: ['1308'] }, ['q']],
  ['G2 bad hex', 'q=%zz', {}, ['q']],
  ['G2 malformed name', '%zz=1', {}, ['%zz']],
  ['G3 from > to swapped', 'from=2026-03-01T09:00:00Z&to=2026-03-01T08:00:00Z', { range: { from: T0, to: T1 } }, ['from']],
  ['G3 from == to', 'from=2026-03-01T08:00:00Z&to=2026-03-01T08:00:00Z', {}, ['from']],
  ['G3 NaN', 'from=NaN&to=2026-03-01T08:00:00Z', {}, ['from', 'to']],
  ['G3 1e308', 'from=1e308&to=1772352000000', {}, ['from', 'to']],
  ['G3 negative', 'from=-1&to=1772352000000', {}, ['from', 'to']],
  ['G3 year 0', 'from=0000-01-01T00:00:00Z&to=2026-03-01T08:00:00Z', {}, ['from', 'to']],
  ['G3 year 275760', 'from=2026-03-01T08:00:00Z&to=%2B275760-09-13T00:00:00Z', {}, ['to', 'from']],
  ['G3 range and from/to: from/to win', 'range=1h&from=1772352000000&to=1772355600000', { range: { from: T0, to: T1 } }, ['range']],
  ['G3 invalid from/to fall back to range', 'range=1h&from=x&to=y', { range: '1h' }, ['from', 'to']],
  ['G5 script in q kept as text', 'q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { q: '<script>alert(1)</script>' }, []],
  ['G5 markup in code dropped', 'code=%22%3E%3Csvg%20onload%3Dalert(1)%3E', {}, ['code']],
  ['G6 javascript:', 'stream=javascript:alert(1)', {}, ['stream']],
  ['G6 data:', 'stream=data:text/html,x', {}, ['stream']],
  ['G6 file:', 'stream=file:///etc/passwd', {}, ['stream']],
  ['G6 blob:', 'stream=blob:https://h/1', {}, ['stream']],
  ['G6 legacy source param', 'source=javascript:alert(1)', {}, ['source']],
  ['G8 __proto__', '__proto__[x]=1&__proto__=1', {}, ['__proto__[x]', '__proto__']],
  ['G8 constructor', 'constructor[prototype][x]=1&constructor=1&prototype=1', {}, ['constructor[prototype][x]', 'constructor', 'prototype']],
  ['G11 other version', 'v=2&range=1h', { range: '1h' }, ['v']],
  ['G12 credentials stripped', 'stream=https%3A%2F%2Fuser%3Apass%40host%2Ftail', { stream: 'https://host/tail' }, ['stream']],
  ['control characters in q', 'q=a%00b', {}, ['q']],
];

describe('parseViewState: tampering (RELIABILITY G)', () => {
  it.each(TAMPERING)('%s: %s', (_id, search, patch, droppedParams) => {
    const { view: parsed, dropped } = parseViewState(search);
    expect(parsed).toEqual(view(patch));
    expect(dropped.map((d) => d.param)).toEqual(droppedParams);
    expect(dropped.every((d) => d.reason.length > 0)).toBe(true);
  });

  it('G8: parsing prototype-named params pollutes nothing', () => {
    parseViewState('__proto__[x]=1&constructor[prototype][x]=1&__proto__.x=1&x=1');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('G12: credentials never appear in the link or in the notice', () => {
    const search = 'stream=https%3A%2F%2Fuser%3Asecret%40host%2Ftail&stream=ftp%3A%2F%2Fu%3Asecret%40h';
    const { view: parsed, dropped } = parseViewState(search);
    expect(serializeViewState(parsed)).toBe('v=1&stream=https%3A%2F%2Fhost%2Ftail');
    expect(JSON.stringify(dropped)).not.toContain('secret');
  });

  it('G4: a 1 MB link is capped with one notice and still read', () => {
    const search = `range=1h&${'q=x&'.repeat(250_000)}`;
    const started = performance.now();
    const { view: parsed, dropped } = parseViewState(search);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed.range).toBe('1h');
    expect(dropped.length).toBeLessThanOrEqual(21);
  });

  it('G4: 100k codes in one list are capped at 100', () => {
    const codes = Array.from({ length: 100_000 }, (_, i) => String(1000 + i)).join(',');
    const { view: parsed, dropped } = parseViewState(`code=${codes}`);
    expect(parsed.codes.length).toBeLessThanOrEqual(100);
    expect(dropped.length).toBeGreaterThan(0);
  });

  it('caps the dropped list at 20 entries plus one summary', () => {
    const search = Array.from({ length: 50 }, (_, i) => `bad${i}=1`).join('&');
    const { dropped } = parseViewState(search);
    expect(dropped).toHaveLength(21);
    expect(dropped[20]?.reason).toBe('30 more invalid values not listed');
  });

  it('quotes at most 100 characters of an invalid value', () => {
    const { dropped } = parseViewState(`tz=${'x'.repeat(500)}`);
    expect(dropped[0]?.value.length).toBeLessThanOrEqual(101);
  });
});
