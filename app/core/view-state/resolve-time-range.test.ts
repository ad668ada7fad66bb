import { describe, expect, it } from 'vitest';
import type { PresetId } from './presets';
import { resolveTimeRange } from './resolve-time-range';
import { DEFAULT_VIEW, type ViewRange } from './view-state';

const NOW = Date.UTC(2026, 2, 1, 12);
const LATEST = Date.UTC(2025, 11, 31, 23);
const H = 3_600_000;

describe('resolveTimeRange', () => {
  it.each<[ViewRange, number | null, { from: number; to: number } | null]>([
    ['all', LATEST, null],
    ['1h', LATEST, { from: NOW + 1 - H, to: NOW + 1 }],
    ['24h', null, { from: NOW + 1 - 24 * H, to: NOW + 1 }],
    ['last-1h', LATEST, { from: LATEST + 1 - H, to: LATEST + 1 }],
    ['last-7d', LATEST, { from: LATEST + 1 - 168 * H, to: LATEST + 1 }],
    ['last-24h', null, null],
    [{ from: 10, to: 20 }, LATEST, { from: 10, to: 20 }],
  ])('%j (latest %s) -> %j', (range, latestEventAt, expected) => {
    expect(resolveTimeRange({ ...DEFAULT_VIEW, range }, { now: NOW, latestEventAt })).toEqual(expected);
  });

  it.each<PresetId>(['15m', '1h', '6h', '24h', '7d', '30d'])('%s contains now', (range) => {
    const r = resolveTimeRange({ ...DEFAULT_VIEW, range }, { now: NOW, latestEventAt: null });
    expect(r !== null && r.from <= NOW && NOW < r.to).toBe(true);
  });
});
