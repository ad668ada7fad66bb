import { Fragment } from 'react';
import { RECORD_FLAGS, type RecordFlag, type RejectReason } from '../../core/classify/outcome';
import { exampleReasons, flagLinesText, isFileLevelExample, shareExamples } from '../../core/ledger/ledger';
import type { Ledger, RejectExample } from '../../core/ledger/types';
import { formatBytes, formatCount, formatCountOf } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { RECORD_FLAG_LABEL, RECORD_FLAG_TEXT } from '../../shared/record-flags';
import { REJECT_REASON_TEXT } from './reject-reasons';
import { recordsCutText } from '../../core/formats/ingest-limits';
import { bytesLine, nonZero, type ByteGroup, type ByteSegment } from './byte-text';

/** A source whose examples a total lists under its name. */
export interface ExampleSource {
  readonly id: number;
  readonly name: string;
  readonly ledger: Ledger;
}

interface LedgerViewProps {
  readonly ledger: Ledger;
  readonly label: string;
  /**
   * For a total: the sources it adds up. Its examples are then theirs, each under its source's name, the cap of
   * each reason shared fairly among them; without, the examples are the ledger's own (one source's).
   */
  readonly sources?: readonly ExampleSource[];
}

const OUTCOMES = [
  // Line counts, not error counts: a multi-line record is several lines and one error.
  { key: 'catalogued', label: 'Lines of catalogued errors', color: 'var(--cat-api-policy-block)' },
  { key: 'uncatalogued', label: 'Lines of uncatalogued errors', color: 'var(--uncatalogued)' },
  { key: 'nonError', label: 'Lines that are not errors', color: 'var(--non-error)' },
] as const;

export function rejectedTotal(ledger: Ledger): number {
  return Object.values(ledger.rejected).reduce((sum, n) => sum + (n ?? 0), 0);
}

/** lines read = catalogued + uncatalogued + not errors + rejected, shown so the user can check it adds up. */
export function LedgerView({ ledger, label, sources }: LedgerViewProps) {
  const rejected = rejectedTotal(ledger);
  const reasons = nonZero(ledger.rejected);
  const width = (n: number) => `${ledger.lines ? (100 * n) / ledger.lines : 0}%`;
  return (
    <div className="ledger" aria-label={label} role="group">
      <div className="ledger-bar" aria-hidden="true">
        {OUTCOMES.map((o) => (
          <span key={o.key} style={{ width: width(ledger[o.key]), background: o.color }} />
        ))}
        <span style={{ width: width(rejected), background: 'var(--danger)' }} />
      </div>
      <table className="data small">
        <tbody>
          <tr>
            <th scope="row">Lines read</th>
            <td className="num" data-testid="ledger-lines">{formatCount(ledger.lines)}</td>
          </tr>
          {OUTCOMES.map((o) => (
            <tr key={o.key}>
              <th scope="row">
                <span className="cat-dot" style={{ background: o.color }} />
                {o.label}
              </th>
              <td className="num" data-testid={`ledger-${o.key}`}>{formatCount(ledger[o.key])}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <span className="cat-dot" style={{ background: 'var(--danger)' }} />
              Rejected lines
            </th>
            <td className="num" data-testid="ledger-rejected">{formatCount(rejected)}</td>
          </tr>
          {reasons.map(([reason, n]) => (
            <tr key={reason}>
              <td className="muted" title={REJECT_REASON_TEXT[reason]}>
                ↳ {reason.replaceAll('_', ' ')}
              </td>
              <td className="num" data-testid={`ledger-rejected-${reason}`}>{formatCount(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="small muted">
        {formatCountOf(ledger.events, 'error event')} from {formatCountOf(ledger.records, 'record')}
        {ledger.retriesFolded > 0 ? `, ${formatCountOf(ledger.retriesFolded, 'retry', 'retries')} folded into their incidents` : ''} ·{' '}
        <BytesLine ledger={ledger} />
      </div>
      {ledger.recordsCut > 0 ? (
        <div className="small" role="note" data-testid="records-cut">
          {recordsCutText(ledger.recordsCut)}.
        </div>
      ) : null}
      <FlagList ledger={ledger} sources={sources} />
      {ledger.notices.map((notice, i) => (
        // Keyed by place: two sources may give the same notice. The total's start with a file name, so more is kept.
        <div key={i} className="small" role="note">
          <SafeText text={notice} max={400} />
        </div>
      ))}
      {sources === undefined ? <OwnExamples ledger={ledger} /> : <ExamplesBySource sources={sources} />}
    </div>
  );
}

/**
 * text bytes read = bytes in lines + bytes that are in no line (binary data, past a cap, unread after a Cancel): the
 * second part said, so 2 GiB read into 0 lines is explained by the numbers, not only by a notice. A gzip source's
 * own (compressed) bytes follow, in their unit, never added to the text's (see bytesLine).
 */
function BytesLine({ ledger }: { readonly ledger: Ledger }) {
  const groups: { group: ByteGroup | undefined; segments: ByteSegment[] }[] = [];
  for (const segment of bytesLine(ledger)) {
    const last = groups.at(-1);
    if (last !== undefined && last.group !== undefined && last.group === segment.group) last.segments.push(segment);
    else groups.push({ group: segment.group, segments: [segment] });
  }
  const render = (segments: readonly ByteSegment[]) =>
    segments.map((segment, i) => (segment.title === undefined ? segment.text : <span key={i} title={segment.title}>{segment.text}</span>));
  return (
    <>
      {groups.map(({ group, segments }, i) =>
        group === undefined ? <Fragment key={i}>{render(segments)}</Fragment> : (
          <span key={i} data-testid={group === 'gzip' ? 'gzip-bytes' : 'bytes-outside-lines'}>
            {render(segments)}
          </span>
        ),
      )}
    </>
  );
}

/** Records accepted with a caveat, by flag: counted within the outcomes above (a record may carry several). */
function FlagList({ ledger, sources }: { readonly ledger: Ledger; readonly sources?: readonly ExampleSource[] | undefined }) {
  const flags = RECORD_FLAGS.flatMap((flag) => ((ledger.flags[flag] ?? 0) > 0 ? [[flag, ledger.flags[flag] ?? 0] as const] : []));
  if (flags.length === 0) return null;
  return (
    // Not a `ledger-…` id: those name the number cells, which the stream bench reads as counts.
    <details className="small" data-testid="caveat-flags">
      <summary>Read with a caveat: {flags.map(([flag, n]) => `${RECORD_FLAG_LABEL[flag]} (${formatCount(n)})`).join(', ')}</summary>
      <ul>
        {flags.map(([flag, n]) => (
          <li key={flag}>
            <strong>{RECORD_FLAG_LABEL[flag]}</strong> ({formatCountOf(n, 'record')}, <code>{flag}</code>): {RECORD_FLAG_TEXT[flag]}{' '}
            <FlagPlaces flag={flag} ledger={ledger} sources={sources} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Where to find the records of a flag: 'At lines 3, 9 and 12.', or in a total, each file's first ones under its name. */
function FlagPlaces({ flag, ledger, sources }: { readonly flag: RecordFlag; readonly ledger: Ledger; readonly sources?: readonly ExampleSource[] | undefined }) {
  const places = (sources ?? [{ id: -1, name: '', ledger }]).filter((source) => (source.ledger.flagLines[flag] ?? []).length > 0);
  if (places.length === 0) return null;
  if (sources === undefined || sources.length === 1) {
    const only = places[0]!.ledger;
    return <span className="muted">At {flagLinesText(only.flagLines[flag] ?? [], only.flags[flag] ?? 0)}.</span>;
  }
  return (
    <span className="muted">
      At{' '}
      {places.map((source, i) => (
        <Fragment key={source.id}>
          {i > 0 ? '; ' : ''}
          <SafeText text={source.name} max={40} /> {flagLinesText(source.ledger.flagLines[flag] ?? [], source.ledger.flags[flag] ?? 0)}
        </Fragment>
      ))}
      .
    </span>
  );
}

/** One source's examples, as its ledger keeps them (20 per reason at most). */
function OwnExamples({ ledger }: { readonly ledger: Ledger }) {
  const reasons = exampleReasons([ledger]);
  if (reasons.length === 0) return null;
  return (
    <details className="small reject-examples" data-testid="reject-examples">
      <summary>Examples of rejected lines</summary>
      {reasons.map((reason) => (
        <div key={reason} className="reject-reason">
          <ReasonHeading reason={reason} />
          <ExampleList examples={ledger.examples[reason] ?? []} ledger={ledger} />
          <ShownOf shown={lineExamples(ledger.examples[reason] ?? [])} lines={ledger.rejected[reason] ?? 0} />
        </div>
      ))}
    </details>
  );
}

/**
 * The examples of every source, by reason then by source: each under its file's name (rendered as text, bidi
 * isolated), the 20 places of a reason shared fairly so that a file with many rejected lines leaves room for
 * the others' (the whole lists are in each source's own accounting).
 */
function ExamplesBySource({ sources }: { readonly sources: readonly ExampleSource[] }) {
  const reasons = exampleReasons(sources.map((s) => s.ledger));
  if (reasons.length === 0) return null;
  return (
    <details className="small reject-examples" data-testid="reject-examples">
      <summary>Examples of rejected lines, by source</summary>
      {reasons.map((reason) => (
        <div key={reason} className="reject-reason">
          <ReasonHeading reason={reason} />
          {shareExamples(sources, reason).map(({ source, examples, rejectedLines }) => (
            <div key={source.id} className="reject-source" role="group" aria-label={`${reason.replaceAll('_', ' ')} in ${source.name}`}>
              <div>
                <span className="reject-source-name"><SafeText text={source.name} max={80} tooltip /></span>
                <SourceCount shown={lineExamples(examples)} lines={rejectedLines} />
              </div>
              <ExampleList examples={examples} ledger={source.ledger} />
            </div>
          ))}
        </div>
      ))}
    </details>
  );
}

function ReasonHeading({ reason }: { readonly reason: RejectReason }) {
  return (
    <div>
      <strong>{reason.replaceAll('_', ' ')}</strong>: {REJECT_REASON_TEXT[reason]}
    </div>
  );
}

/**
 * Each example with where it is: `line 6 (12 B)` and the line's start; a source refused whole reads as such,
 * `whole file (526 B)` and why, never as a line 0.
 */
function ExampleList({ examples, ledger }: { readonly examples: readonly RejectExample[]; readonly ledger: Ledger }) {
  if (examples.length === 0) return null;
  // A gzip file's refused bytes are those it unpacked to, not the file's own.
  const unpacked = ledger.compressed !== undefined ? ' unpacked' : '';
  return (
    <ul className="reject-example-list">
      {examples.map((example, i) =>
        isFileLevelExample(example) ? (
          <li key={`file-${i}`} data-testid="reject-example-file">
            <span className="reject-where">whole file ({formatBytes(example.bytes)}{unpacked})</span>: <SafeText text={example.text} max={160} />
          </li>
        ) : (
          <li key={`line-${example.line}-${i}`}>
            <span className="reject-where">line {example.line} ({formatBytes(example.bytes)})</span>:{' '}
            <code className="reject-preview"><SafeText text={example.text} max={160} /></code>
          </li>
        ),
      )}
    </ul>
  );
}

/**
 * Beside a source's name in the total: its lines rejected for the reason, and how many are shown when not all.
 * `· 30 lines, first 15 shown`; nothing for a source refused whole (no line, its one example says it all).
 */
/** The examples that are lines: a whole-file one (bytes in no line) is none of the rejected lines counted. */
const lineExamples = (examples: readonly RejectExample[]): number => examples.filter((example) => !isFileLevelExample(example)).length;

function SourceCount({ shown, lines }: { readonly shown: number; readonly lines: number }) {
  if (lines === 0) return null;
  const part = shown === 0 ? ', none shown here: see its own accounting' : shown < lines ? `, first ${formatCount(shown)} shown` : '';
  return <span className="muted"> · {formatCountOf(lines, 'line')}{part}</span>;
}

/** `first 20 of 30 rejected lines shown`, when a source keeps fewer examples than it has rejected lines. */
function ShownOf({ shown, lines }: { readonly shown: number; readonly lines: number }) {
  if (shown === 0 || lines <= shown) return null;
  return <div className="muted">first {formatCount(shown)} of {formatCountOf(lines, 'rejected line')} shown</div>;
}
