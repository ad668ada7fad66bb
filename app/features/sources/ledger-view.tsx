import { RECORD_FLAGS, type RejectReason } from '../../core/classify/outcome';
import type { Ledger } from '../../core/ledger/types';
import { formatBytes, formatCount, formatCountOf } from '../../shared/format';
import { SafeText } from '../../shared/safe-text';
import { RECORD_FLAG_LABEL, RECORD_FLAG_TEXT } from '../../shared/record-flags';
import { REJECT_REASON_TEXT } from './reject-reasons';

interface LedgerViewProps {
  readonly ledger: Ledger;
  readonly label: string;
  readonly showExamples?: boolean;
}

const OUTCOMES = [
  // Line counts, not error counts: a multi-line record is several lines and one error.
  { key: 'catalogued', label: 'Lines of catalogued errors', color: 'var(--cat-api-policy-block)' },
  { key: 'uncatalogued', label: 'Lines of uncatalogued errors', color: 'var(--uncatalogued)' },
  { key: 'nonError', label: 'Lines that are not errors', color: 'var(--border)' },
] as const;

export function rejectedTotal(ledger: Ledger): number {
  return Object.values(ledger.rejected).reduce((sum, n) => sum + (n ?? 0), 0);
}

/** lines read = catalogued + uncatalogued + not errors + rejected, shown so the user can check it adds up. */
export function LedgerView({ ledger, label, showExamples = false }: LedgerViewProps) {
  const rejected = rejectedTotal(ledger);
  const reasons = nonZero(ledger.rejected);
  const outside = nonZero(ledger.bytesUnsplittable);
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
        {formatBytes(ledger.bytesRead)}
        {outside.length > 0 ? <BytesOutsideLines inLines={ledger.bytesInLines} outside={outside} /> : ' read'}
      </div>
      <FlagList ledger={ledger} />
      {ledger.notices.map((notice) => (
        <div key={notice} className="small" role="note">
          <SafeText text={notice} max={200} />
        </div>
      ))}
      {showExamples && reasons.length > 0 ? <RejectExamples ledger={ledger} reasons={reasons.map(([r]) => r)} /> : null}
    </div>
  );
}

/**
 * bytes read = bytes in lines + bytes that are in no line (binary data, past a cap, unread after a Cancel): the
 * second part said, so 2 GiB read into 0 lines is explained by the numbers, not only by a notice.
 */
function BytesOutsideLines({ inLines, outside }: { readonly inLines: number; readonly outside: readonly (readonly [RejectReason | 'cancelled', number])[] }) {
  return (
    <span data-testid="bytes-outside-lines">
      {' '}of data: {formatBytes(inLines)} in lines,{' '}
      {outside.map(([reason, n], i) => (
        <span key={reason} title={reason === 'cancelled' ? 'Not read: the read was cancelled.' : REJECT_REASON_TEXT[reason]}>
          {i > 0 ? ', ' : ''}
          {formatBytes(n)} {OUTSIDE_LABEL[reason] ?? reason.replaceAll('_', ' ')}
        </span>
      ))}
    </span>
  );
}

const OUTSIDE_LABEL: Partial<Record<RejectReason | 'cancelled', string>> = {
  cancelled: 'not read (cancelled)',
  decompression_limit: 'past the decompression limit',
  decompression_error: 'after a gzip error',
};

/** The entries of a count record that are above zero: nonZero({ a: 2, b: 0 }) -> [['a', 2]] */
function nonZero<K extends string>(counts: Partial<Record<K, number>>): [K, number][] {
  return (Object.entries(counts) as [K, number | undefined][]).flatMap(([key, n]) => ((n ?? 0) > 0 ? [[key, n ?? 0] as [K, number]] : []));
}

/** Records accepted with a caveat, by flag: counted within the outcomes above (a record may carry several). */
function FlagList({ ledger }: { readonly ledger: Ledger }) {
  const flags = RECORD_FLAGS.flatMap((flag) => ((ledger.flags[flag] ?? 0) > 0 ? [[flag, ledger.flags[flag] ?? 0] as const] : []));
  if (flags.length === 0) return null;
  return (
    // Not a `ledger-…` id: those name the number cells, which the stream bench reads as counts.
    <details className="small" data-testid="caveat-flags">
      <summary>Read with a caveat: {flags.map(([flag, n]) => `${RECORD_FLAG_LABEL[flag]} (${formatCount(n)})`).join(', ')}</summary>
      <ul>
        {flags.map(([flag, n]) => (
          <li key={flag}>
            <strong>{RECORD_FLAG_LABEL[flag]}</strong> ({formatCountOf(n, 'record')}, <code>{flag}</code>): {RECORD_FLAG_TEXT[flag]}
          </li>
        ))}
      </ul>
    </details>
  );
}

function RejectExamples({ ledger, reasons }: { readonly ledger: Ledger; readonly reasons: readonly RejectReason[] }) {
  return (
    <details className="small">
      <summary>Examples of rejected lines</summary>
      {reasons.map((reason) => (
        <div key={reason} className="stack">
          <div>
            <strong>{reason.replaceAll('_', ' ')}</strong>: {REJECT_REASON_TEXT[reason]}
          </div>
          <ul>
            {(ledger.examples[reason] ?? []).map((example) => (
              <li key={example.line}>
                line {example.line} ({formatBytes(example.bytes)}): <code><SafeText text={example.text} max={160} /></code>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}
