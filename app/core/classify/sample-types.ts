import type { Category, QuotaWindow } from '../catalog/types';
import type { OutcomeKind, RecordFlag, RejectReason } from './outcome';

/** A realistic record and what the classifier must make of it. Shared by unit tests, demo data and e2e. */
export interface ClassifierSample {
  readonly id: string;
  /** One record: a line, or several lines joined with '\n'. */
  readonly text: string;
  /** Where the shape comes from (client, relay, docs) and whether it is verbatim or reconstructed. */
  readonly note: string;
  readonly expected: {
    readonly kind: OutcomeKind;
    /** Catalog code, or the raw code of an uncatalogued error (null when none could be known). */
    readonly code?: string | null;
    readonly category?: Category;
    readonly http?: number | null;
    /** Reset instant as ISO UTC, or null when there must be no reset instant. */
    readonly reset?: string | null;
    readonly plausible?: boolean;
    readonly window?: QuotaWindow | null;
    readonly requestId?: string;
    /** Event time as ISO UTC. */
    readonly ts?: string;
    readonly reason?: RejectReason;
    /** Flags that must be present. */
    readonly flags?: readonly RecordFlag[];
    readonly params?: Readonly<Record<string, string>>;
  };
}
