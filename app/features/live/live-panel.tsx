import { useState } from 'react';
import type { StreamKind } from '../../core/stream';
import type { StreamRead } from '../../core/view-state';
import type { IngestClient } from '../../ingest/ingest-client';
import type { SourceStatus } from '../../ingest/protocol';
import { KIND_LABELS, guessStreamKind, isAutoConnect, streamKeyOf, streamNameOf, toStreamTarget } from '../../ingest/streams';
import { ConnectPrompt } from './connect-prompt';
import { StreamForm } from './stream-form';
import { StreamSessionView } from './stream-session-view';

interface LivePanelProps {
  readonly client: IngestClient;
  /** The view's `stream` (already validated, credentials removed), or null. */
  readonly stream: string | null;
  /** The view's `read` (SSE or NDJSON chosen for an http(s) stream), or null: told by the URL. */
  readonly streamRead: StreamRead | null;
  readonly sources: readonly SourceStatus[];
  /** Writes `stream=` into the URL (null removes it); returns the canonical value written, or null if refused. */
  readonly onStreamChange: (stream: string | null, streamRead?: StreamRead | null) => StreamWritten | null;
}

/** The stream written into the link, and what was taken out of it (a password or token), said to the user. */
export interface StreamWritten {
  readonly stream: string;
  readonly notice: string | null;
}

/**
 * Live error streams: connect by URL, or confirm the stream a link names. A link connects by itself only
 * to the demo and to the tail server that served this page; anything else waits for "Connect".
 */
export function LivePanel({ client, stream, streamRead, sources, onStreamChange }: LivePanelProps) {
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const target = stream === null ? null : toStreamTarget(stream, streamRead);
  const isConfirmed = stream !== null && (confirmed === stream || isAutoConnect(stream, window.location.origin));
  const key = target === null ? null : streamKeyOf(target);
  const source = key === null ? null : sources.find((s) => s.streamKey === key) ?? null;

  // The reading goes into the link only when it is not what the URL tells, so a shared link reads the
  // stream the same way; WebSocket is a matter of the scheme (https:// read as WebSocket is wss://).
  const connect = (url: string, kind: StreamKind) => {
    const asked = kind === 'ws' ? url.replace(/^http(s?):/i, 'ws$1:') : url;
    const read = kind !== 'ws' && kind !== guessStreamKind(asked) ? kind : null;
    const written = onStreamChange(asked, read);
    if (written === null) return { message: 'Not a stream URL: use http, https, ws or wss (or demo).', connected: null };
    setConfirmed(written.stream);
    return { message: written.notice === null ? null : `${written.notice}; the stream is read without them.`, connected: written.stream };
  };
  return (
    <section className="panel stack" aria-labelledby="live-title">
      <div className="panel-header">
        <h2 id="live-title">Live stream</h2>
        <span className="hint">SSE, NDJSON, WebSocket</span>
      </div>
      {target !== null && key !== null && isConfirmed ? (
        <StreamSessionView key={key} client={client} target={target} name={streamNameOf(target)} source={source} onDisconnect={() => onStreamChange(null)} />
      ) : null}
      {target !== null && target.kind !== 'demo' && !isConfirmed ? (
        <ConnectPrompt url={target.url} kindLabel={KIND_LABELS[target.kind]} onConnect={() => setConfirmed(target.url)} onDismiss={() => onStreamChange(null)} />
      ) : null}
      {target === null || isConfirmed ? (
        // Only a stream still read is "Connected": one that failed or ended may be connected to again, or read otherwise.
        <StreamForm onConnect={connect} connected={target !== null && isConfirmed && source?.state === 'reading' ? { url: stream, kind: target.kind } : null} />
      ) : null}
    </section>
  );
}
