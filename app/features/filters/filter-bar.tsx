import { useState, type KeyboardEvent } from 'react';
import { CATEGORIES, VERDICTS, type Category, type Verdict } from '../../core/catalog/types';
import { CATEGORY_LABELS, VERDICT_LABELS } from '../../core/catalog/labels';
import { RANGE_PRESETS, clearFilters, hasFilters, isAbsoluteRange, isPresetId, sourcesNotLoaded, type PresetAnchor, type ViewState } from '../../core/view-state';
import { displayOffsetMinutes, zoneSuffix } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';

interface FilterBarProps {
  readonly view: ViewState;
  readonly sources: readonly { readonly id: number; readonly name: string }[];
  readonly onChange: (next: ViewState, mode?: 'push' | 'replace') => void;
  /** Only the demo is loaded: a linked source not loaded is said by the demo's banner, not again here. */
  readonly isDemo?: boolean;
}

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** Every filter is a labelled control writing the view (and so the URL). */
export function FilterBar({ view, sources, onChange, isDemo = false }: FilterBarProps) {
  const set = (patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push') => onChange({ ...view, ...patch }, mode);
  const notLoaded = sourcesNotLoaded(view, sources);
  return (
    <section className="panel filter-bar" aria-label="Filters">
      <label className="field">
        <span>Time range</span>
        <select
          value={isAbsoluteRange(view.range) ? 'custom' : view.range}
          onChange={(event) => {
            const value = event.target.value;
            if (isPresetId(value)) set({ range: value });
          }}
        >
          {isAbsoluteRange(view.range) ? <option value="custom">Custom range</option> : null}
          <option value="all">All data</option>
          {/* "Last hour" counts back from now, "Latest hour of data" from the last error: two groups, named. */}
          {RANGE_GROUPS.map(({ label, anchors }) => (
            <optgroup key={label} label={label}>
              {RANGE_PRESETS.filter((preset) => preset.anchor !== 'all' && anchors.includes(preset.anchor)).map((preset) => (
                <option key={preset.id} value={preset.id}>
                  {preset.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <AbsoluteRangeInputs key={JSON.stringify(view.range) + view.tz} view={view} onApply={(from, to) => set({ range: { from, to } })} />
      <fieldset className="chips">
        <legend>Categories</legend>
        {CATEGORIES.map((category: Category) => (
          <label key={category} className="chip">
            <input type="checkbox" checked={view.categories.includes(category)} onChange={() => set({ categories: toggle(view.categories, category) })} />
            <span className={`cat-dot swatch-${category}`} />
            {CATEGORY_LABELS[category]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Verdict</span>
        <select value={view.verdicts[0] ?? ''} onChange={(event) => set({ verdicts: event.target.value ? [event.target.value as Verdict] : [] })}>
          <option value="">Any verdict</option>
          {VERDICTS.map((verdict) => (
            <option key={verdict} value={verdict}>
              {VERDICT_LABELS[verdict]}
            </option>
          ))}
        </select>
      </label>
      <CodesInput key={view.codes.join(',')} codes={view.codes} onApply={(codes) => set({ codes })} />
      <label className="field">
        <span>Source</span>
        <select value={view.sources[0] ?? ''} onChange={(event) => set({ sources: event.target.value ? [event.target.value] : [] })}>
          <option value="">All sources</option>
          {/* A source the link names but none loaded has: shown as chosen, not as All sources (the note says why). */}
          {notLoaded.slice(0, 1).map((name) => (
            <option key={`missing-${name}`} value={name}>
              {name.slice(0, 60)} (not loaded)
            </option>
          ))}
          {/* By name, as the link writes it: two sources of one name are one choice. */}
          {[...new Set(sources.map((source) => source.name.trim()))].map((name) => (
            <option key={name} value={name}>
              {name.slice(0, 60)}
            </option>
          ))}
        </select>
      </label>
      <label className="field grow">
        <span>Search text</span>
        <input type="search" value={view.q} placeholder="message, code or request id" onChange={(event) => set({ q: event.target.value }, 'replace')} />
      </label>
      {hasFilters(view) ? (
        <button type="button" className="btn" onClick={() => onChange(clearFilters(view))}>
          Clear filters
        </button>
      ) : null}
      {notLoaded.length > 0 && !isDemo ? (
        <p className="small filter-note row" role="note">
          <span>
            This view shows source <SafeText text={notLoaded.join(', ')} max={80} />, which is not loaded here
            {notLoaded.every((name) => /^\d+$/.test(name))
              ? ': links written before sources went by name numbered them in the order they were loaded, so the file it meant cannot be known.'
              : ': load the same files to see it.'}
          </span>
          <button type="button" className="btn btn-small" onClick={() => set({ sources: [] })}>
            Show all sources
          </button>
        </p>
      ) : null}
    </section>
  );
}

function CodesInput({ codes, onApply }: { readonly codes: readonly string[]; readonly onApply: (codes: string[]) => void }) {
  const [draft, setDraft] = useState(codes.join(', '));
  const apply = () => onApply(draft.split(/[\s,]+/).filter(Boolean));
  return (
    <label className="field">
      <span>Codes</span>
      <input
        value={draft}
        placeholder="e.g. 1308, 1302"
        size={12}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={apply}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
        }}
      />
    </label>
  );
}

/** Every preset but "All data" (first, on its own: it is the data's whole span) falls in one group by its anchor. */
const RANGE_GROUPS: ReadonlyArray<{ readonly label: string; readonly anchors: readonly Exclude<PresetAnchor, 'all'>[] }> = [
  { label: 'Until now', anchors: ['now'] },
  { label: 'Until the latest error', anchors: ['latest'] },
];

function AbsoluteRangeInputs({ view, onApply }: { readonly view: ViewState; readonly onApply: (from: number, to: number) => void }) {
  const offset = (at: number) => displayOffsetMinutes(view.tz, at);
  const range = isAbsoluteRange(view.range) ? view.range : null;
  const [from, setFrom] = useState(range ? toLocalInput(range.from, offset(range.from)) : '');
  const [to, setTo] = useState(range ? toLocalInput(range.to, offset(range.to)) : '');
  const fromAt = fromLocalInput(from, offset);
  const toAt = fromLocalInput(to, offset);
  const isValid = fromAt !== null && toAt !== null && fromAt < toAt;
  // Enter in either field applies the range, as Apply does.
  const applyOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && isValid) onApply(fromAt, toAt);
  };
  return (
    <fieldset className="chips range-inputs">
      <legend>Custom range ({view.tz === 'local' ? 'your time' : zoneSuffix(offset(0))})</legend>
      <input type="datetime-local" step={1} aria-label="Range from" value={from} onChange={(event) => setFrom(event.target.value)} onKeyDown={applyOnEnter} />
      <input type="datetime-local" step={1} aria-label="Range to" value={to} onChange={(event) => setTo(event.target.value)} onKeyDown={applyOnEnter} />
      <button type="button" className="btn btn-small" disabled={!isValid} onClick={() => isValid && onApply(fromAt, toAt)}>
        Apply
      </button>
      {range ? (
        <button type="button" className="btn btn-small" onClick={() => onApply(range.from - (range.to - range.from), range.to + (range.to - range.from))}>
          Zoom out
        </button>
      ) : null}
      {/* Apply is disabled for a reason the user should not have to guess. */}
      {fromAt !== null && toAt !== null && fromAt >= toAt ? (
        <span className="small filter-note" role="note">
          The range ends before it begins.
        </span>
      ) : null}
    </fieldset>
  );
}

/** '2026-11-27T10:00:00' for a datetime-local input, in the display zone. */
function toLocalInput(at: number, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 19);
}

function fromLocalInput(value: string, offset: (at: number) => number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return Number.isFinite(wall) ? wall - offset(wall) * 60_000 : null;
}
