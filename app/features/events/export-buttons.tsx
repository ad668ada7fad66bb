import { useMutation } from '@tanstack/react-query';
import { toCsv, type ExportRow } from '../../core/export/events-export';
import type { DashboardInput } from '../../data/query-options';
import type { IngestClient } from '../../ingest/ingest-client';
import { downloadBlob } from '../../shared/download';

interface ExportButtonsProps {
  readonly client: IngestClient;
  readonly input: DashboardInput;
}

/** Export exactly the filtered events, as CSV (safe against formula injection) or JSON. */
export function ExportButtons({ client, input }: ExportButtonsProps) {
  const exportEvents = useMutation({
    mutationFn: async (format: 'csv' | 'json') => {
      const rows = await client.request<ExportRow[]>({ kind: 'export-events', view: input.view, now: input.now, localOffsetMinutes: input.localOffsetMinutes });
      const stamp = new Date(input.now).toISOString().slice(0, 16).replace(':', '');
      if (format === 'csv') downloadBlob(`quotalens-events-${stamp}.csv`, new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
      else downloadBlob(`quotalens-events-${stamp}.json`, new Blob([JSON.stringify(rows, null, 2)], { type: 'application/json' }));
      return rows.length;
    },
  });
  return (
    <>
      <button type="button" className="btn btn-small" disabled={exportEvents.isPending} onClick={() => exportEvents.mutate('csv')}>
        Export CSV
      </button>
      <button type="button" className="btn btn-small" disabled={exportEvents.isPending} onClick={() => exportEvents.mutate('json')}>
        Export JSON
      </button>
      {exportEvents.error ? <span role="alert" className="small">Export failed: {exportEvents.error.message}</span> : null}
    </>
  );
}
