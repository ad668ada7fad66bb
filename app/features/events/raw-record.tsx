import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { eventDetailQueryOptions } from '../../data/query-options';
import type { IngestClient } from '../../ingest/ingest-client';
import { RECORD_READ_BYTES, type EventDetail } from '../../ingest/protocol';
import { toDisplayText } from '../../core/text/display-text';
import { formatBytes, formatCount } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { LineAboveRecord } from './line-above';

/** Graphemes shown when the detail opens: any ordinary record whole, and little enough to lay out at once. */
const PREVIEW_GRAPHEMES = 20_000;
/** The full record is cut by bytes in the worker; its text has no more graphemes than that many bytes. */
const FULL_GRAPHEMES = RECORD_READ_BYTES.full;

interface RawRecordProps {
  readonly client: IngestClient;
  readonly index: number;
  readonly storeEpoch: number;
  /** What the detail read when it opened: the record's first RECORD_READ_BYTES.preview bytes. */
  readonly preview: EventDetail;
  readonly raw: string;
}

type CopyState = 'idle' | 'copying' | { readonly copied: EventDetail } | 'failed';

/**
 * The record as its source holds it: a preview, "Show full record" for the rest up to a cap (said when even that
 * cuts it), and "Copy record". Long tokens wrap (`overflow-wrap: anywhere`) inside a box of its own, so a 1 MB
 * line neither widens the dialog nor lays out the page again.
 */
export function RawRecord({ client, index, storeEpoch, preview, raw }: RawRecordProps) {
  const [isFullAsked, setFullAsked] = useState(false);
  const queryClient = useQueryClient();
  const fullOptions = eventDetailQueryOptions(client, index, storeEpoch, 'full');
  const full = useQuery({ ...fullOptions, enabled: isFullAsked });
  const isPreviewShortened = useMemo(() => toDisplayText(raw, PREVIEW_GRAPHEMES, true).truncated, [raw]);
  const isPreviewCut = isPreviewShortened || isCutByBytes(preview);
  const fullDetail = isFullAsked && full.data?.raw != null ? full.data : null;
  const { copy, copyRecord } = useCopyRecord(async () => (isPreviewCut ? queryClient.fetchQuery(fullOptions) : preview));

  return (
    <div className="stack raw-record-section">
      <div className="panel-header raw-record-header">
        <h3 id="raw-record-title">Raw record</h3>
        <div className="panel-actions">
          {isPreviewCut ? (
            <button type="button" className="btn btn-small" onClick={() => setFullAsked(!isFullAsked)}>
              {!isFullAsked ? 'Show full record' : full.isPending ? 'Loading the full record…' : 'Show less'}
            </button>
          ) : null}
          <button type="button" className="btn btn-small" onClick={() => void copyRecord()}>
            Copy record
          </button>
        </div>
      </div>
      <p className="small muted raw-record-note" role="status">
        {fullDetail ? fullNote(fullDetail) : isPreviewCut ? previewNote(preview, isPreviewShortened) : null}
      </p>
      <p className="small raw-record-note" role="status">
        {copy === 'idle' || copy === 'copying' ? null : copyNote(copy)}
      </p>
      {full.error ? <p role="alert">Could not load the full record: {full.error.message}</p> : null}
      {preview.lineAbove ? <LineAboveRecord lineAbove={preview.lineAbove} recordLine={preview.event.line} /> : null}
      <pre className="raw-record" tabIndex={0} role="region" aria-labelledby="raw-record-title">
        <SafeText text={fullDetail?.raw ?? raw} max={fullDetail ? FULL_GRAPHEMES : PREVIEW_GRAPHEMES} multiline />
        {isCutByBytes(fullDetail ?? preview) && (fullDetail || !isPreviewShortened) ? '…' : null}
      </pre>
    </div>
  );
}

/** "Copy record": what the clipboard answered is kept to be said, a refusal included (never dropped). */
function useCopyRecord(readRecord: () => Promise<EventDetail | null>) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const copyRecord = async () => {
    if (copy === 'copying') return;
    setCopy('copying');
    try {
      // The record as the file holds it, controls included (the page shows them as markers): what a bug report needs.
      const detail = await readRecord();
      if (detail?.raw == null) throw new Error('The record is no longer readable.');
      await navigator.clipboard.writeText(detail.raw);
      setCopy({ copied: detail });
    } catch {
      setCopy('failed');
    }
  };
  return { copy, copyRecord };
}

/** Cut where the worker stopped reading (SafeText marks a cut of its own with the same '…'). */
const isCutByBytes = (detail: EventDetail) => detail.rawBytes < detail.recordBytes;

/** 'Showing the first 20,000 characters of this 977 KiB record.' */
function previewNote(preview: EventDetail, isShortened: boolean): string {
  const part = isShortened ? `${formatCount(PREVIEW_GRAPHEMES)} characters` : formatBytes(preview.rawBytes);
  return `Showing the first ${part} of this ${formatBytes(preview.recordBytes)} record.`;
}

/** 'Showing the whole record (977 KiB).', or 'Showing the first 1.0 MiB of this 1.4 MiB record: …' for one cut at the cap. */
function fullNote(detail: EventDetail): string {
  if (!isCutByBytes(detail)) return `Showing the whole record (${formatBytes(detail.recordBytes)}).`;
  return `Showing the first ${formatBytes(detail.rawBytes)} of this ${formatBytes(detail.recordBytes)} record: the detail shows at most ${formatBytes(RECORD_READ_BYTES.full)} of one record.`;
}

function copyNote(copy: 'failed' | { readonly copied: EventDetail }): string {
  if (copy === 'failed') return 'Copy failed: the browser did not allow the clipboard. Select the text of the record to copy it.';
  return isCutByBytes(copy.copied) ? `Copied the first ${formatBytes(copy.copied.rawBytes)} of the record (the cap).` : 'Record copied.';
}
