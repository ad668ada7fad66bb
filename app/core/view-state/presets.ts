/**
 * Time-range presets. `now` presets end at the current instant, `latest` presets end at the latest event
 * in the data (useful for old logs, where "last hour" relative to now would be empty), `all` is no range.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RANGE_PRESETS = [
  { id: 'all', label: 'All data', anchor: 'all', durationMs: 0 },
  { id: '15m', label: 'Last 15 minutes', anchor: 'now', durationMs: 15 * MINUTE },
  { id: '1h', label: 'Last hour', anchor: 'now', durationMs: HOUR },
  { id: '6h', label: 'Last 6 hours', anchor: 'now', durationMs: 6 * HOUR },
  { id: '24h', label: 'Last 24 hours', anchor: 'now', durationMs: DAY },
  { id: '7d', label: 'Last 7 days', anchor: 'now', durationMs: 7 * DAY },
  { id: '30d', label: 'Last 30 days', anchor: 'now', durationMs: 30 * DAY },
  { id: 'last-15m', label: 'Latest 15 minutes of data', anchor: 'latest', durationMs: 15 * MINUTE },
  { id: 'last-1h', label: 'Latest hour of data', anchor: 'latest', durationMs: HOUR },
  { id: 'last-6h', label: 'Latest 6 hours of data', anchor: 'latest', durationMs: 6 * HOUR },
  { id: 'last-24h', label: 'Latest 24 hours of data', anchor: 'latest', durationMs: DAY },
  { id: 'last-7d', label: 'Latest 7 days of data', anchor: 'latest', durationMs: 7 * DAY },
  { id: 'last-30d', label: 'Latest 30 days of data', anchor: 'latest', durationMs: 30 * DAY },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number];
export type PresetId = RangePreset['id'];
export type PresetAnchor = RangePreset['anchor'];

export const DEFAULT_PRESET: PresetId = 'all';

const PRESET_BY_ID: ReadonlyMap<string, RangePreset> = new Map(RANGE_PRESETS.map((p) => [p.id, p]));

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === 'string' && PRESET_BY_ID.has(value);
}

/** getPreset('1h') -> { id: '1h', label: 'Last hour', anchor: 'now', durationMs: 3600000 } */
export function getPreset(id: PresetId): RangePreset {
  // Every PresetId is in the map; the fallback only satisfies the index type.
  return PRESET_BY_ID.get(id) ?? RANGE_PRESETS[0];
}
