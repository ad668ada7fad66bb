import {
  blockedIntervals, breakdownByCode, bucketRateLimits, bucketTrend, chartDomain, dataExtent, latestResets, planTimeline, summarizeOverview,
  type AggregateContext,
} from '../core/aggregate';
import { createEventStore, type EventStore } from '../core/store';
import { resetsScope, type ViewState } from '../core/view-state';
import type { DashboardData } from './protocol';

/** Everything the dashboard draws for one view of `store`, which holds the events of `sourceIds`. */
export function dashboardAnswer(store: EventStore, view: ViewState, ctx: AggregateContext, sourceIds: readonly number[]): DashboardData {
  return {
    storeSize: store.size,
    sourceIds,
    extent: dataExtent(store),
    domain: chartDomain(store, view, ctx),
    overview: summarizeOverview(store, view, ctx),
    trend: bucketTrend(store, view, ctx),
    rateLimits: bucketRateLimits(store, view, ctx),
    blocked: blockedIntervals(store, view, ctx),
    breakdown: breakdownByCode(store, view, ctx),
    // About now, not about the view: a reset still to come is not hidden by a zoom or a filter.
    resets: latestResets(store, resetsScope(view), ctx),
    plan: planTimeline(store, view, ctx),
  };
}

/**
 * The answer of a store that holds nothing, computed in the page: what it shows in place of an answer that
 * still holds a source the page no longer keeps, until the worker's next answer comes (see keptSourceIds).
 */
export function emptyDashboard(view: ViewState, ctx: AggregateContext): DashboardData {
  return dashboardAnswer(createEventStore(), view, ctx, []);
}
