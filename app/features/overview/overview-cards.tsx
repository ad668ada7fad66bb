import { memo } from 'react';
import { lookupCode } from '../../core/catalog/catalog';
import { VERDICT_LABELS } from '../../core/catalog/labels';
import type { Overview } from '../../core/aggregate';
import { formatCount, formatCountOf, formatShare } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { TREND_SERIES_STYLE } from '../../shared/chart/series-style';
import { LatestErrorCard } from './latest-error-card';

interface OverviewCardsProps {
  readonly overview: Overview;
  readonly rejectedLines: number;
  /** The page says it is loading: counts read "…", not 0 (see useAnswerDisplay). */
  readonly loading?: boolean;
  readonly tz: 'local' | 'utc' | 'utc+8';
}

/** Totals, throttling and quota hits, share per category and the most frequent codes. */
/** Memoized: it redraws only when its data changes, not on every progress update. */
export const OverviewCards = memo(function OverviewCards({ overview, rejectedLines, loading = false, tz }: OverviewCardsProps) {
  const count = (n: number) => (loading ? '…' : formatCount(n));
  return (
    <section aria-label="Overview" className="stack">
      <div className="cards">
        <div className="card">
          <div className="label">Errors in view</div>
          <div className="value" data-testid="total-errors">{count(overview.total)}</div>
          <div className="sub">
            {loading ? 'Loading…' : overviewNote(overview.total, overview.undated, rejectedLines)}
          </div>
          {!loading && overview.future > 0 ? (
            <div className="sub" data-testid="future-errors">
              {formatCount(overview.future)} dated in the future: a clock ahead, or a time read in the wrong zone
            </div>
          ) : null}
        </div>
        <LatestErrorCard latest={overview.latest} future={overview.future} loading={loading} tz={tz} />
        <div className="card">
          <div className="label">Throttling hits</div>
          <div className="value" data-testid="throttle-hits">{count(overview.throttleHits)}</div>
          <div className="sub">1302, 1303, 1305, 1312, 1313: slow down</div>
        </div>
        <div className="card">
          <div className="label">Quota hits</div>
          <div className="value" data-testid="quota-hits">{count(overview.quotaHits)}</div>
          <div className="sub">1304, 1308, 1310, 1316–1321: wait for the reset</div>
        </div>
        <div className="card card-wide">
          <div className="label">By category</div>
          {loading ? <div className="sub">Loading…</div> : overview.total === 0 ? <div className="sub">No errors in this view.</div> : null}
          <ul className="share-list">
            {overview.categories
              .filter((c) => c.count > 0)
              .map((c) => (
                <li key={c.category}>
                  <span className={`cat-dot swatch-${c.category}`} />
                  {TREND_SERIES_STYLE[c.category].label} <span className="muted">{formatCount(c.count)} · {formatShare(c.share)}</span>
                </li>
              ))}
          </ul>
        </div>
      </div>
      {loading && overview.topCodes.length === 0 ? (
        <div className="top-codes small" aria-hidden="true">
          <span className="muted">Most frequent: …</span>
        </div>
      ) : null}
      {overview.topCodes.length > 0 ? (
        <div className="top-codes small" aria-label="Most frequent codes">
          <span className="muted">Most frequent:</span>
          {overview.topCodes.map((row) => (
            <span key={row.code ?? 'none'} className="pill">
              <code>{row.code ? <SafeText text={row.code} max={16} /> : 'no code'}</code> {lookupCode(row.code ?? '')?.title ?? 'uncatalogued'} ×{' '}
              {formatCount(row.count)}
              {row.verdict ? <span className={`verdict verdict-${row.verdict}`}> · {VERDICT_LABELS[row.verdict]}</span> : null}
            </span>
          ))}
        </div>
      ) : null}
    </section>
  );
});

/**
 * Under the count: how many of the errors have no time (so are not on the charts), and the lines rejected, which
 * belong to the sources, not to the view. overviewNote(12, 0, 3) -> 'all with a time · 3 lines rejected in the sources'
 */
export function overviewNote(total: number, undated: number, rejectedLines: number): string {
  const dating = total === 0 ? null : undated > 0 ? `${formatCount(undated)} without a time` : 'all with a time';
  const rejected = rejectedLines > 0 ? `${formatCountOf(rejectedLines, 'line')} rejected in the sources` : null;
  return [dating, rejected].filter((part) => part !== null).join(' · ');
}
