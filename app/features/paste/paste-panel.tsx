import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useState, type ReactNode } from 'react';
import { classifyTextQueryOptions } from '../../data/query-options';
import type { IngestClient } from '../../ingest/ingest-client';
import type { EventSummary } from '../../ingest/protocol';
import { formatCountOf } from '../../shared/format';

interface PastePanelProps {
  readonly client: IngestClient;
  readonly providerOffsetMinutes: number;
  readonly renderEvent: (event: EventSummary) => ReactNode;
  readonly onAddToDashboard: (text: string) => void;
}

const PREVIEW_LIMIT_CHARS = 512 * 1024;

/** Paste a log line (or many) and see at once what each error is and what to do. */
export function PastePanel({ client, providerOffsetMinutes, renderEvent, onAddToDashboard }: PastePanelProps) {
  const id = useId();
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text.slice(0, PREVIEW_LIMIT_CHARS));
  const { data, isFetching, error } = useQuery(classifyTextQueryOptions(client, deferredText, providerOffsetMinutes));
  const ledger = data?.ledger;

  return (
    <div className="stack">
      <label htmlFor={id} className="field">
        <span>Paste log text</span>
        <textarea
          id={id}
          className="paste"
          value={text}
          placeholder={'e.g. API Error: 429 {"error":{"code":"1308","message":"Usage limit reached for 5 hour. Your limit will reset at 2026-11-27 18:19:41"}}'}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {text.length > PREVIEW_LIMIT_CHARS ? (
        <p className="small muted">Preview covers the first 512 KiB; add it to the dashboard to read all of it.</p>
      ) : null}
      {error ? <p role="alert">Could not classify the text: {error.message}</p> : null}
      {ledger && text.trim() ? (
        <div className="stack" aria-live="polite" aria-busy={isFetching} data-testid="paste-result">
          <p className="small muted">
            {formatCountOf(ledger.lines, 'line')}: {ledger.catalogued} catalogued, {ledger.uncatalogued} uncatalogued,{' '}
            {ledger.nonError} not errors, {Object.values(ledger.rejected).reduce((a, b) => a + (b ?? 0), 0)} rejected
          </p>
          {data.events.length === 0 ? <p className="small">No Z.ai error found in this text.</p> : null}
          {data.events.map((event) => (
            <div key={`${event.line}`}>{renderEvent(event)}</div>
          ))}
          {data.moreEvents > 0 ? <p className="small muted">and {data.moreEvents} more</p> : null}
          <div className="row">
            <button type="button" className="btn" onClick={() => onAddToDashboard(text)}>
              Add to dashboard
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
