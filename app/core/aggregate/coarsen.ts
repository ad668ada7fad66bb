import { CATEGORIES, type Category } from '../catalog/types';
import { bucketOf, coarsenGrid, type BucketGrid } from './bucket-size';
import { OTHER_CODES, TOOLTIP_CODES, topWithOther, type TrendResult, type TrendRow } from './bucket-trend';
import { toPlanRuns, type PlanRow, type PlanState, type PlanTimeline } from './plan-timeline';
import type { RateLimitResult, RateLimitRow } from './rate-limits';

/*
 * A chart's answer in fewer, wider buckets, for a plot too narrow for the worker's (see coarsenGrid): the rows of
 * each wider bucket summed. Totals, undated and outlying counts are the answer's own. The same answer when it fits.
 */
export interface CoarsenOptions {
  /** The most buckets the chart has room for (maxBucketsFor its plot's width). */
  readonly maxBuckets: number;
  /** The zone buckets of a day or more start at the midnight of, minutes east of UTC, as the worker aligned them. */
  readonly offsetMinutes: number;
}

interface Bucketed<Row> {
  readonly grid: BucketGrid | null;
  readonly rows: readonly Row[];
}

/** The rows grouped by the bucket of `coarse` they fall in: one group per bucket of `coarse`, empty ones included. */
function groupRows<Row extends { readonly t: number }>(rows: readonly Row[], coarse: BucketGrid): Row[][] {
  const groups = Array.from({ length: coarse.count }, (): Row[] => []);
  for (const row of rows) groups[bucketOf(coarse, row.t)]?.push(row);
  return groups;
}

function coarsen<Row extends { readonly t: number }, Result extends Bucketed<Row>>(
  answer: Result,
  { maxBuckets, offsetMinutes }: CoarsenOptions,
  sum: (t: number, group: readonly Row[]) => Row,
): Result {
  if (answer.grid === null || answer.grid.count <= maxBuckets) return answer;
  const coarse = coarsenGrid(answer.grid, maxBuckets, offsetMinutes);
  const rows = groupRows(answer.rows, coarse).map((group, b) => sum(coarse.start + b * coarse.size, group));
  return { ...answer, grid: coarse, rows };
}

/**
 * The trend in at most `maxBuckets` buckets. A wider bucket's codes are the sums of those its buckets listed, the
 * top TOOLTIP_CODES of them kept: a code summed in one bucket's 'other' stays in 'other'.
 */
export function coarsenTrend(trend: TrendResult, options: CoarsenOptions): TrendResult {
  return coarsen(trend, options, sumTrendRows);
}

function sumTrendRows(t: number, group: readonly TrendRow[]): TrendRow {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, group.reduce((sum, row) => sum + row.byCategory[c], 0)])) as Record<Category, number>;
  return {
    t,
    total: group.reduce((sum, row) => sum + row.total, 0),
    byCategory,
    uncatalogued: group.reduce((sum, row) => sum + row.uncatalogued, 0),
    byCode: sumCodes(group),
  };
}

function sumCodes(group: readonly TrendRow[]): (readonly [string, number])[] {
  const codes = new Map<string, number>();
  let other = 0;
  for (const row of group) {
    for (const [code, n] of row.byCode) {
      if (code === OTHER_CODES) other += n;
      else codes.set(code, (codes.get(code) ?? 0) + n);
    }
  }
  const top = topWithOther([...codes], TOOLTIP_CODES);
  const last = top.at(-1);
  if (other === 0) return top;
  if (last?.[0] === OTHER_CODES) return [...top.slice(0, -1), [OTHER_CODES, last[1] + other]];
  return [...top, [OTHER_CODES, other]];
}

/** The rate-limit hits in at most `maxBuckets` buckets: every count of a row (its families and its series) summed. */
export function coarsenRateLimits(rateLimits: RateLimitResult, options: CoarsenOptions): RateLimitResult {
  const keys = ['throttle', 'quota', ...rateLimits.series.map((s) => s.key)];
  return coarsen(rateLimits, options, (t, group: readonly RateLimitRow[]) => {
    // As the worker makes rows: no prototype, so a series key read from a log is never an inherited property.
    const row: Record<string, number> = Object.create(null) as Record<string, number>;
    row.t = t;
    for (const key of keys) row[key] = group.reduce((sum, r) => sum + (r[key] ?? 0), 0);
    return row as RateLimitRow;
  });
}

/**
 * What a wider bucket of the plan lane shows when its buckets differ: the state that matters most to the user,
 * as a bar sums its buckets' errors. An hour of quota exhausted in two is the two hours' state.
 */
const PLAN_STATE_WEIGHT: Readonly<Record<PlanState, number>> = { expired: 5, exhausted: 4, throttled: 3, renewed: 2, active: 1, 'no-data': 0 };

/**
 * The plan lane in the buckets of the charts above and below it (coarsenTrend, coarsenRateLimits take the same
 * grid to the same wider one), so that an instant stays at one x down the page on a narrow plot too.
 */
export function coarsenPlan(plan: PlanTimeline, options: CoarsenOptions): PlanTimeline {
  const coarsened = coarsen(plan, options, (t, group: readonly PlanRow[]): PlanRow => {
    let state: PlanState = 'no-data';
    for (const row of group) if (PLAN_STATE_WEIGHT[row.state] > PLAN_STATE_WEIGHT[state]) state = row.state;
    return { t, state };
  });
  return coarsened === plan || coarsened.grid === null ? plan : { ...coarsened, runs: toPlanRuns(coarsened.rows, coarsened.grid.size) };
}
