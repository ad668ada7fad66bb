import type { Category, Family, QuotaWindow, Verdict } from './types';

/** The provider's five published category names. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  basic: 'Basic error',
  authentication: 'Authentication error',
  account: 'Account error',
  'api-call': 'API call error',
  'api-policy-block': 'API policy block',
};

/** Short imperative text for the user. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  'wait-for-reset': 'Wait for the reset',
  'slow-down': 'Slow down and retry',
  'retry-later': 'Retry later',
  'fix-request': 'Fix the request',
  'fix-key': 'Fix the API key',
  pay: 'Top up or check the endpoint',
  'renew-plan': 'Renew the plan',
  'contact-support': 'Contact support',
};

export const FAMILY_LABELS: Readonly<Record<Family, string>> = {
  server: 'Server error',
  auth: 'Authentication',
  account: 'Account',
  billing: 'Billing',
  request: 'Request error',
  throttle: 'Throttling',
  quota: 'Quota exhausted',
  policy: 'Content policy',
  plan: 'Plan',
};

export const WINDOW_LABELS: Readonly<Record<QuotaWindow, string>> = {
  '5-hour': '5-hour window',
  weekly: 'Weekly window',
  monthly: 'Monthly window',
};
