import { useState } from 'react';
import { CATEGORIES, VERDICTS, type Category, type Verdict } from '../../core/catalog/types';
import { CATEGORY_LABELS, VERDICT_LABELS } from '../../core/catalog/labels';
import { DEFAULT_VIEW, RANGE_PRESETS, isAbsoluteRange, isPresetId, type ViewState } from '../../core/view-state';
import { formatInstant } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';

interface FilterBarProps {
  readonly view: ViewState;
  readonly sources: readonly { readonly id: number; readonly name: string }[];
  readonly onChange: (next: ViewState, mode?: 'push' | 'replace') => void;
}

const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

/** Every filter is a labelled control writing the view (and so the URL). */
export function FilterBar({ view, sources, onChange }: FilterBarProps) {
  const set = (patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push') => onChange({ ...view, ...patch }, mode);
  const isFiltered = JSON.stringify({ ...view, tz: DEFAULT_VIEW.tz }) !== JSON.stringify({ ...DEFAULT_VIEW });
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
          {RANGE_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
      </label>
      <AbsoluteRangeInputs view={view} onApply={(from, to) => set({ range: { from, to } })} />
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
          {sources.map((source) => (
            <option key={source.id} value={String(source.id)}>
              {source.name.slice(0, 60)}
            </option>
          ))}
        </select>
      </label>
      <label className="field grow">
        <span>Search text</span>
        <input type="search" value={view.q} placeholder="message, code or request id" onChange={(event) => set({ q: event.target.value }, 'replace')} />
      </label>
      {isFiltered ? (
        <button type="button" className="btn" onClick={() => onChange({ ...DEFAULT_VIEW, tz: view.tz })}>
          Clear filters
        </button>
      ) : null}
      {view.sources.some((id) => !sources.some((s) => String(s.id) === id)) ? (
        <p className="small filter-note" role="note">
          This view expects source <SafeText text={view.sources.join(', ')} max={40} />, which is not loaded here: load the same files to see it.
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

function AbsoluteRangeInputs({ view, onApply }: { readonly view: ViewState; readonly onApply: (from: number, to: number) => void }) {
  if (!isAbsoluteRange(view.range)) return null;
  const { from, to } = view.range;
  return (
    <div className="field">
      <span>From – to (UTC)</span>
      <span className="small mono">
        {formatInstant(from, 'utc')} – {formatInstant(to, 'utc')}
      </span>
      <span className="row">
        <button type="button" className="btn btn-small" onClick={() => onApply(from - (to - from), to + (to - from))}>
          Zoom out
        </button>
      </span>
    </div>
  );
}
