import { ReferenceArea } from 'recharts';

/** The band drawn while the user drags across a time chart. */
export function SelectionArea({ rows, start, end }: { readonly rows: readonly { readonly t: number }[]; readonly start: number; readonly end: number }) {
  const x1 = rows[start]?.t;
  const x2 = rows[end]?.t;
  if (x1 === undefined || x2 === undefined) return null;
  return <ReferenceArea x1={x1} x2={x2} className="selection-area" />;
}
