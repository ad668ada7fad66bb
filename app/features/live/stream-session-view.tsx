import { useQuery } from '@tanstack/react-query';
import { streamQueryOptions } from '../../data/stream-query';
import type { IngestClient } from '../../ingest/ingest-client';
import type { SourceStatus } from '../../ingest/protocol';
import type { StreamTarget } from '../../ingest/streams';
import { formatCount, formatCountOf } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { useNow } from '../../shared/use-now';
import { formatStreamStatus, statusTone } from './stream-status';

interface StreamSessionViewProps {
  readonly client: IngestClient;
  readonly target: StreamTarget;
  readonly name: string;
  /** The stream's source in the worker (its ledger), once it exists. */
  readonly source: SourceStatus | null;
  readonly onDisconnect: () => void;
}

/** One connected stream: its status line, its counts and the live controls. */
export function StreamSessionView({ client, target, name, source, onDisconnect }: StreamSessionViewProps) {
  const query = useQuery(streamQueryOptions(client, target));
  const now = useNow(1000);
  const data = query.data;
  if (!data) return <p className="small" role="status">Stream: connecting</p>;
  const { snapshot, controls } = data;
  const { counts } = snapshot;
  // The ledger's count, so that this panel and the Line accounting say one number: it takes the records
  // refused on the wire (a replayed id, a cut frame, an overflow) and those refused as read (binary data).
  // A finished NDJSON response has no id to resume from: fetched again, it comes from its first line, so what
  // it read before is cleared first rather than counted twice.
  const readsFromStart = target.kind === 'ndjson' && snapshot.machine?.status.kind === 'ended';
  const readAgain = () => {
    client.streams.clear(snapshot.key, 'read-again');
    void query.refetch();
  };
  const rejected = Object.values(source?.ledger.rejected ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);
  return (
    <div className="stack stream-session" role="group" aria-label={`Stream ${name}`}>
      <code className="stream-url"><SafeText text={target.url} max={2048} /></code>
      <p className="row small" role="status" aria-label="Stream status">
        <span className={`pill stream-${statusTone(snapshot)}`} data-testid="stream-status">{formatStreamStatus(snapshot, now)}</span>
        {snapshot.reconnects > 0 ? <span data-testid="stream-reconnects">{formatCountOf(snapshot.reconnects, 'reconnect')}</span> : null}
      </p>
      <table className="data small">
        <tbody>
          {/* The Line accounting's count, and the records held while paused: every row below is part of it. */}
          <Row label="Records read" value={(source?.ledger.lines ?? 0) + counts.waiting} testId="stream-records" />
          <Row label="Error events" value={source?.ledger.events ?? 0} testId="stream-events" />
          <Row label="Records rejected (malformed, too long…)" value={rejected} testId="stream-rejected" />
          <Row label="↳ dropped: too many held at once (while paused, say)" value={counts.overflowed} testId="stream-overflowed" />
          {counts.isPaused ? <Row label="Waiting while paused" value={counts.waiting} testId="stream-waiting" /> : null}
        </tbody>
      </table>
      <div className="row">
        {snapshot.isFinished ? (
          readsFromStart ? (
            <button type="button" className="btn btn-small" onClick={readAgain} title="Reads the response from its start, in place of what it read">
              Read again
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => void query.refetch()}>Reconnect</button>
          )
        ) : counts.isPaused ? (
          <button type="button" className="btn btn-small" onClick={controls.resume}>Resume</button>
        ) : (
          <button type="button" className="btn btn-small" onClick={controls.pause}>Pause</button>
        )}
        <button type="button" className="btn btn-small" onClick={controls.clear} disabled={snapshot.isFinished}>Clear</button>
        <button type="button" className="btn btn-small" onClick={onDisconnect}>Disconnect</button>
      </div>
    </div>
  );
}

function Row({ label, value, testId }: { readonly label: string; readonly value: number; readonly testId: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num" data-testid={testId}>{formatCount(value)}</td>
    </tr>
  );
}
