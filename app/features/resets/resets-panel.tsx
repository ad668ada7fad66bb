import type { WindowResets } from '../../core/aggregate';
import { WINDOW_LABELS } from '../../core/catalog/labels';
import { formatCount, formatInstant } from '../../shared/format';
import { useNow } from '../../shared/use-now';
import { ResetCountdown } from './reset-countdown';

interface ResetsPanelProps {
  readonly resets: readonly WindowResets[];
  readonly tz: 'local' | 'utc' | 'utc+8';
}

/** "Quota resets": per limit window, the latest reset and a live countdown driven by the shared ticker. */
export function ResetsPanel({ resets, tz }: ResetsPanelProps) {
  const now = useNow(1000);
  const seen = resets.filter((w) => w.latest !== null);
  return (
    <section className="panel stack" aria-labelledby="resets-title">
      <div className="panel-header">
        <h2 id="resets-title">Quota resets</h2>
        <span className="hint">reset stamps are written without a zone; read as UTC+8, the provider’s time</span>
      </div>
      {seen.length === 0 ? <p className="empty">No quota hit (1308, 1310, 1316–1321) in this view.</p> : null}
      {seen.map((w) =>
        w.latest ? (
          <article key={w.window} className="reset-card" aria-label={`${WINDOW_LABELS[w.window]} reset`}>
            <ResetCountdown window={w.window} group={w.latest} hitAfterReset={w.hitAfterReset} now={now} />
            {w.superseded.length > 0 ? (
              <details className="small">
                <summary>{formatCount(w.superseded.length + w.omitted)} earlier resets of this window</summary>
                <ul>
                  {w.superseded.map((g) => (
                    <li key={g.resetAt}>
                      {formatInstant(g.resetAt, tz)} · code {g.code} · {formatCount(g.count)} hit{g.count === 1 ? '' : 's'}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </article>
        ) : null,
      )}
    </section>
  );
}
