import type { Overview, WindowResets } from '../../core/aggregate';
import { SafeText } from '../../shared/safe-text';
import { useNow } from '../../shared/use-now';
import { nowHeadline } from './now-headline';

interface NowLineProps {
  readonly resets: readonly WindowResets[];
  readonly latest: Overview['latest'] | undefined;
  readonly tz: 'local' | 'utc' | 'utc+8';
  readonly resetOffsetMinutes: number;
  /** The page says it is loading: the line keeps its room and says so. */
  readonly loading: boolean;
}

/**
 * The first line of the dashboard: what the logs say to do now (see nowHeadline). Not a live region: it changes each
 * minute while a limit blocks, and the resets panel's countdowns already speak.
 */
export function NowLine({ resets, latest, tz, resetOffsetMinutes, loading }: NowLineProps) {
  const now = useNow(1000);
  const headline = loading || latest === undefined ? null : nowHeadline({ resets, latest, now, tz, resetOffsetMinutes });
  return (
    <section className={`now-line${headline ? ` now-${headline.tone}` : ''}`} aria-label="What to do now" data-testid="now-line">
      <span className="now-label">Now</span>
      <span className="now-text">{headline ? <SafeText text={headline.text} max={300} /> : 'Loading…'}</span>
    </section>
  );
}
