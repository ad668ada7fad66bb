import { isFileLevelExample } from '../../core/ledger/ledger';
import { isInformationNotice } from '../../core/ledger/notices';
import type { SourceStatus } from '../../ingest/protocol';

/** A source of the user's that gave no line at all, and why (said above the dashboard, whose zeros would look clean). */
export interface UnreadSource {
  readonly id: number;
  readonly name: string;
  readonly reason: string;
}

/**
 * The files and pastes that ended without a single line read: refused whole (an archive, an image), failed, or
 * empty. A log read with some lines rejected is not one of them: its own row and the line accounting say so.
 * unreadSources([{ name: 'logs.zip', state: 'done', ledger: { lines: 0, examples: { unsupported_format: [{ line: 0, text: 'zip file: not read' }] } } }])
 *   -> [{ name: 'logs.zip', reason: 'zip file: not read' }]
 */
export function unreadSources(sources: readonly SourceStatus[]): UnreadSource[] {
  const unread: UnreadSource[] = [];
  for (const source of sources) {
    if (source.kind === 'demo' || source.kind === 'stream' || source.state === 'reading' || source.state === 'cancelled') continue;
    if (source.ledger.lines > 0) continue;
    unread.push({ id: source.id, name: source.name, reason: reasonOf(source) });
  }
  return unread;
}

/** Its failure, else the first notice that says something went wrong (a gzip's "1 member" says nothing), else its refusal. */
function reasonOf(source: SourceStatus): string {
  if (source.state === 'failed' && source.error) return source.error;
  const refusal = Object.values(source.ledger.examples).flatMap((examples) => examples ?? []).find(isFileLevelExample);
  return source.ledger.notices.find((notice) => !isInformationNotice(notice)) ?? refusal?.text ?? source.ledger.notices[0] ?? 'no line in it could be read';
}
