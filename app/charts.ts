/** The dashboard's time charts: with Recharts under them, one chunk loaded apart from the page's script (app.tsx). */
export { TrendChart } from './features/trends/trend-chart';
export { PlanLane } from './features/plan/plan-lane';
export { RateLimitChart } from './features/limits/rate-limit-chart';
