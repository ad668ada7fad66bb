import { describe, expect, it } from 'vitest';
import { addExample, countRecord, countUnsplittable } from '../../core/ledger/ledger-count';
import { createEmptyLedger } from '../../core/ledger/ledger';
import type { SourceStatus } from '../../ingest/protocol';
import { unreadSources } from './unread-sources';

const status = (patch: Partial<SourceStatus>): SourceStatus => ({
  id: 1, name: 'a.log', kind: 'file', state: 'done', sizeBytes: 10, bytesDone: 10, startedAt: 0, finishedAt: 1, error: null, ledger: createEmptyLedger(), ...patch,
});

describe('unreadSources', () => {
  it('names the files that gave no line, with why', () => {
    const zip = createEmptyLedger();
    countUnsplittable(zip, 'unsupported_format', 64);
    zip.notices.push('zip file: not read (extract or decompress it first)');
    addExample(zip, 'unsupported_format', { line: 0, text: 'zip file: not read (extract or decompress it first)', bytes: 64 });
    // A tar inside a gzip: the gzip's own notice says it was read as it should be, the next one why nothing was.
    const tar = createEmptyLedger();
    tar.notices.push('gzip, 1 member', 'tar file: not read (extract it first)');
    const empty = createEmptyLedger();
    empty.notices.push('file is empty');
    const read = createEmptyLedger();
    countRecord(read, { firstLine: 1, lineCount: 1, byteLength: 10, firstLineBytes: 9, text: 'x' }, { kind: 'non-error' });
    expect(
      unreadSources([
        status({ id: 1, name: 'logs.zip', ledger: zip }),
        status({ id: 2, name: 'empty.log', ledger: empty, sizeBytes: 0 }),
        status({ id: 3, name: 'gone.log', state: 'failed', error: 'The file could not be read (was it moved or changed?)' }),
        status({ id: 5, name: 'odd.bin', ledger: createEmptyLedger() }),
        status({ id: 6, name: 'logs.tar.gz', ledger: tar }),
        status({ id: 4, name: 'ok.log', ledger: read }),
      ]),
    ).toEqual([
      { id: 1, name: 'logs.zip', reason: 'zip file: not read (extract or decompress it first)' },
      { id: 2, name: 'empty.log', reason: 'file is empty' },
      { id: 3, name: 'gone.log', reason: 'The file could not be read (was it moved or changed?)' },
      { id: 5, name: 'odd.bin', reason: 'no line in it could be read' },
      { id: 6, name: 'logs.tar.gz', reason: 'tar file: not read (extract it first)' },
    ]);
  });

  it('leaves out what is still read, was cancelled, the demo and streams', () => {
    const states = (['reading', 'cancelled'] as const).map((state, i) => status({ id: i, state }));
    expect(unreadSources([...states, status({ kind: 'demo' }), status({ kind: 'stream' })])).toEqual([]);
  });
});
