import type { Overview } from '../../core/aggregate';
import { lookupCode } from '../../core/catalog/catalog';
import { formatDuration, formatInstant } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { useNow } from '../../shared/use-now';
import { latestAdvice } from './latest-advice';

interface LatestErrorCardProps {
  readonly latest: Overview['latest'];
  /** Errors dated in the future: when no other is dated, the card says so rather than "none dated". */
  readonly future: number;
  readonly loading: boolean;
  readonly tz: 'local' | 'utc' | 'utc+8';
}

/**
 * The error logged last: its code and the catalog's title, how long ago, and what to do about it now (a quota
 * reset passed since reads as such, on the shared clock). Its height is the same loading or not, and before or after
 * the reset: the title sits beside the code within the code's line, and the advice keeps room for two lines (a phone's card).
 */
export function LatestErrorCard({ latest, future, loading, tz }: LatestErrorCardProps) {
  const now = useNow(10_000);
  const entry = latest?.code ? lookupCode(latest.code) : undefined;
  const shown = loading ? null : latest;
  const advice = shown ? latestAdvice({ verdict: entry?.verdict ?? null, reset: shown.reset, now, tz }) : null;
  return (
    <div className="card" data-testid="latest-error">
      <div className="label">Latest error</div>
      <div className="value latest-error-value">
        <span className="latest-error-code">{loading ? '…' : latest === null ? '–' : latest.code ? <SafeText text={latest.code} max={16} /> : 'no code'}</span>
        {shown && entry ? <span className="latest-error-title" title={entry.title}>{entry.title}</span> : null}
      </div>
      <div className="sub" title={shown ? formatInstant(shown.at, tz) : undefined}>
        {loading ? 'Loading…' : shown === null ? (future > 0 ? 'only dated in the future' : 'none dated') : now - shown.at < 60_000 ? 'just now' : `${formatDuration(now - shown.at, false)} ago`}
      </div>
      <div className="sub latest-error-advice" data-testid="latest-error-advice" title={advice?.title}>{advice ? advice.text : '\u00a0'}</div>
    </div>
  );
}
