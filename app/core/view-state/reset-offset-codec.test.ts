import { describe, expect, it } from 'vitest';
import { parseViewState } from './parse-view-state';
import { decodeResetOffset, encodeResetOffset } from './scalar-codecs';
import { serializeViewState } from './serialize-view-state';
import { DEFAULT_VIEW } from './view-state';

describe('rtz: the zone reset stamps are read in', () => {
  it.each([
    ['utc+8', 480],
    ['UTC+8', 480],
    ['utc 8', 480],
    ['utc', 0],
    ['utc-5', -300],
    ['utc+5:30', 330],
    ['utc+14', 840],
    ['utc-12', -720],
  ])('%s -> %d minutes', (raw, minutes) => {
    expect(decodeResetOffset(raw)).toEqual({ value: minutes });
    expect(decodeResetOffset(encodeResetOffset(minutes))).toEqual({ value: minutes });
  });

  it.each(['utc+15', 'utc-13', 'utc+5:20', 'gmt+8', '+8', 'utc+8:00:00', ''])('rejects %j', (raw) => {
    expect(decodeResetOffset(raw)).toHaveProperty('reason');
  });

  it('defaults to UTC+8 and writes only other zones', () => {
    expect(parseViewState('').view.resetOffsetMinutes).toBe(480);
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
    expect(serializeViewState({ ...DEFAULT_VIEW, resetOffsetMinutes: 0 })).toBe('v=1&rtz=utc');
    expect(parseViewState('v=1&rtz=utc%2B5%3A30').view.resetOffsetMinutes).toBe(330);
    const { view, dropped } = parseViewState('rtz=mars');
    expect(view.resetOffsetMinutes).toBe(480);
    expect(dropped.map((d) => d.param)).toEqual(['rtz']);
  });
});
