import { memo } from 'react';
import { lookupCode } from '../../core/catalog/catalog';
import { CATEGORY_LABELS, VERDICT_LABELS } from '../../core/catalog/labels';
import type { CodeBreakdownRow } from '../../core/aggregate';
import { formatCount, formatInstant, formatShare } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';

interface CodeBreakdownProps {
  readonly rows: readonly CodeBreakdownRow[];
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly onFilterCode: (code: string | null) => void;
  /** The page says it is loading (see useAnswerDisplay). */
  readonly loading?: boolean;
}

/** One row per code: count, share, first and last seen, verdict. Clicking a code filters to it. */
/** Memoized: it redraws only when its data changes, not on every progress update. */
export const CodeBreakdown = memo(function CodeBreakdown({ rows, tz, onFilterCode, loading = false }: CodeBreakdownProps) {
  return (
    <section className="panel" aria-labelledby="breakdown-title">
      <div className="panel-header">
        <h2 id="breakdown-title">Codes</h2>
        <span className="hint">click a code to filter to it</span>
      </div>
      {rows.length === 0 ? (
        <p className="empty">{loading ? 'Loading…' : 'No errors in this view.'}</p>
      ) : (
        <div className="table-scroll tall">
          <table className="data codes-table" aria-labelledby="breakdown-title">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">What</th>
                <th scope="col" className="num">Count</th>
                <th scope="col" className="num">Share</th>
                <th scope="col">First seen</th>
                <th scope="col">Last seen</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const entry = row.code ? lookupCode(row.code) : undefined;
                return (
                  <tr key={row.code ?? 'none'}>
                    <td>
                      <button type="button" className="btn-link mono" onClick={() => onFilterCode(row.code)} aria-label={`Filter to code ${row.code ?? 'none'}`}>
                        {row.code ? <SafeText text={row.code} max={16} /> : 'none'}
                      </button>
                    </td>
                    <td>
                      {entry ? entry.title : <span className="muted">uncatalogued</span>}
                      {row.category ? <div className="small muted">{CATEGORY_LABELS[row.category]}</div> : null}
                    </td>
                    <td className="num">{formatCount(row.count)}</td>
                    <td className="num">{formatShare(row.share)}</td>
                    <td className="small">{row.firstSeen !== null ? formatInstant(row.firstSeen, tz) : '—'}</td>
                    <td className="small">{row.lastSeen !== null ? formatInstant(row.lastSeen, tz) : '—'}</td>
                    <td>{row.verdict ? <span className={`verdict verdict-${row.verdict}`}>{VERDICT_LABELS[row.verdict]}</span> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
