import { bench, describe } from 'vitest';
import { appendEvent, createEventStore } from '../store/event-store';
import { testEvent, testReset } from '../store/test-events';
import { DEFAULT_VIEW, type ViewState } from '../view-state/view-state';
import { bucketTrend } from './bucket-trend';
import { filterEvents } from './filter-events';

/**
 * `npx vitest bench app/core/aggregate`: a filter change over 1 M synthetic events (four interleaved
 * sources, unique request ids), then the trend rows. Target: <= 30 ms for filter + trend.
 */
const N = 1_000_000;
const T0 = Date.UTC(2026, 0, 1);
const CODES = ['1302', '1308', '1310', '500', '1001', '1113', '1210', '1305', '9999', null];
const PROTOS = CODES.map((code, k) => testEvent({ code, message: `message ${k}`, reset: code === '1308' ? testReset(T0 + 18e6) : null }));

const store = createEventStore();
for (let i = 0; i < N; i += 1) {
  const proto = PROTOS[i % PROTOS.length] ?? testEvent();
  const ts = i % 1000 === 0 ? null : T0 + Math.floor(i / 4) * 100 + (i % 4);
  appendEvent(store, { ...proto, details: { ...proto.details, ts, requestId: `20260101${String(i).padStart(12, '0')}` } }, i % 4);
}

const VIEWS: ViewState[] = [
  DEFAULT_VIEW,
  { ...DEFAULT_VIEW, codes: ['1302', '1308'] },
  { ...DEFAULT_VIEW, range: 'last-24h', sources: ['1', '2'] },
  { ...DEFAULT_VIEW, q: 'message 3' },
];

describe('filter change over 1 M events', () => {
  VIEWS.forEach((view, k) => {
    bench(`filter + trend, view ${k}`, () => {
      store.version += 1; // defeat the memo, as a new filter would
      filterEvents(store, view, { now: T0 });
      bucketTrend(store, view, { now: T0 });
    });
  });
});
